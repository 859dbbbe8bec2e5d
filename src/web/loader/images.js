// sandik loader: images.js — candidates' photos and parties' logos where the feed names them,
// loaded only when a drawn frame shows them, once a page however many widgets show them.
//
// INDEX
//   PICTURE          the square the wasm gets, in pixels (drawn at up to ~40 CSS px, DPR 3)
//   loadPicture()    an image's pixels, a photo cropped to a square, a logo fitted whole; null
//                    when it fails (404, not an image, no CORS headers): the place stays empty
//   loadImages()     what the widget asks for, resolved against the feed's URL, given to the wasm

var PICTURE = 128;
var pictures = {};  // by absolute URL and fit: a promise of {w, h, data} or null

function loadPicture(url, photo) {
  var key = (photo ? 'p ' : 'l ') + url;
  if (!pictures[key]) pictures[key] = new Promise(function (resolve) {
    var img = new Image();
    img.crossOrigin = 'anonymous';  // the pixels are read back: the image's server must allow it
    img.decoding = 'async';
    img.onload = function () {
      try {
        var w = img.naturalWidth, h = img.naturalHeight, n = PICTURE;
        if (!w || !h) { resolve(null); return; }
        var c = document.createElement('canvas');
        c.width = c.height = n;
        var g = c.getContext('2d');
        if (photo) {  // the middle square
          var s = Math.min(w, h);
          g.drawImage(img, (w - s) / 2, (h - s) / 2, s, s, 0, 0, n, n);
        } else {  // the whole logo, centred
          var k = n / Math.max(w, h);
          g.drawImage(img, (n - w * k) / 2, (n - h * k) / 2, w * k, h * k);
        }
        resolve({w: n, h: n, data: new Uint8Array(g.getImageData(0, 0, n, n).data.buffer)});
      } catch (e) { resolve(null); }  // a canvas the browser will not read back (no CORS headers)
    };
    img.onerror = function () { resolve(null); };
    img.src = url;
  });
  return pictures[key];
}

// The photos and logos the last drawn frames need. A URL is the feed's: relative to the feed's
// own address; only http(s) (the wasm has refused any other scheme already).
Widget.prototype.loadImages = function () {
  var self = this, wanted = request(this.core, {op: 'images', id: this.id}).images;
  var base = document.baseURI;
  try { base = this.urls()[0] || base; } catch (e) { /* the page's */ }
  wanted.forEach(function (want) {
    var url = null;
    try { url = new URL(want.url, base); } catch (e) { url = null; }
    var ok = url && (url.protocol === 'https:' || url.protocol === 'http:');
    (ok ? loadPicture(url.href, want.photo) : Promise.resolve(null)).then(function (px) {
      if (!self.alive || !self.core) return;
      request(self.core, {op: 'image', id: self.id, url: want.url, w: px ? px.w : 0, h: px ? px.h : 0}, px ? px.data : null);
      self.schedule();
    });
  });
};
