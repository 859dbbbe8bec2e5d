// sandik loader: place.js — where the reader is, kept in step with the page: the widget's top
// in view on every change of view, the page's scroll back where it was when the reader goes
// back, and with data-history the view and area in the URL's hash (Back works, a district can
// be shared). The widget keeps the steps themselves (tab, area, a table's scroll: widget.cpp).
//
// INDEX
//   syncPlace()      after a frame that moved: the search box, the page's scroll, the hash
//   keepInView()     on the frames after a change of view, once the canvas has its new height
//   historyKey()     data-history's name in the hash ("sandik" unless it is given one)
//   hashValue(), withHash()   "#sandik=table" and "#sandik=summary/sariyer", other keys kept
//   listenHistory()  the page's Back and Forward (and links to "#sandik=…") go through the widget

Widget.prototype.syncPlace = function () {
  var p = request(this.core, {op: 'place', id: this.id}), last = this.place;
  // The canvas still has the last view's height: where the widget's top is now is where the
  // page goes back to when the reader comes back here (read before the search box comes or
  // goes, which the browser's scroll anchoring may follow).
  var top = this.el.getBoundingClientRect().top;
  this.place = p;
  if (this.searchBox) this.searchBox.style.display = p.table ? '' : 'none';  // only where it filters something
  var value = p.tab + (p.area ? '/' + p.area : '');
  if (!last) {  // the first place is where the page opened
    this.hist = [value];
    this.fromHistory = false;
    return;
  }
  if (last.tab === p.tab && last.area === p.area) return;  // only the table came or went (the width)
  var tops = this.tops || (this.tops = []);
  var back = p.depth < last.depth;
  if (p.depth > last.depth) tops[last.depth] = top;
  this.reveal = {frames: 3, top: back && tops[p.depth] != null ? tops[p.depth] : null};
  tops.length = Math.min(tops.length, p.depth + 1);
  if (this.fromHistory) { this.fromHistory = false; return; }  // the page's Back: the URL is already there
  var key = historyKey(this.options);
  if (!key || !window.history || !history.pushState) return;
  var h = this.hist;
  try {
    if (back && h.length > 1 && h[h.length - 2] === value) {  // the entry before is this place: go back to it
      h.pop();
      this.skipPop = true;
      history.back();
    } else if (back) {
      h[h.length - 1] = value;
      history.replaceState(history.state, '', withHash(key, value));
    } else {
      h.push(value);
      history.pushState(history.state, '', withHash(key, value));
    }
  } catch (e) { /* a sandboxed frame may refuse: the widget works as without data-history */ }
};

// The widget's top on screen after a change of view (it may have shrunk under the reader), or
// back where it was when the reader left this view.
Widget.prototype.keepInView = function () {
  var r = this.reveal, top = this.el.getBoundingClientRect().top;
  if (r.top != null) {
    if (Math.abs(top - r.top) >= 1) window.scrollBy(0, top - r.top);
  } else if (top < 0) {
    this.el.scrollIntoView({block: 'start', inline: 'nearest'});
  }
  if (--r.frames <= 0) this.reveal = null;
};

function historyKey(o) {
  var k = o.history;
  return k == null || k === 'false' ? '' : k === '' || k === 'true' ? 'sandik' : k;
}

// The value of `key` in the location's hash ("table/sariyer"), or null.
function hashValue(key) {
  var parts = location.hash.replace(/^#/, '').split('&');
  for (var i = 0; i < parts.length; i++) {
    var eq = parts[i].indexOf('=');
    if (eq > 0 && decodeURIComponent(parts[i].slice(0, eq)) === key) {
      try { return decodeURIComponent(parts[i].slice(eq + 1)); } catch (e) { return null; }
    }
  }
  return null;
}

// The location with `key` set to `value` in its hash, the page's other keys kept.
function withHash(key, value) {
  var parts = location.hash.replace(/^#/, '').split('&').filter(function (s) {
    var eq = s.indexOf('=');
    return s && !(eq > 0 && decodeURIComponent(s.slice(0, eq)) === key);
  });
  parts.push(encodeURIComponent(key) + '=' + encodeURIComponent(value).replace(/%2F/g, '/'));
  return location.pathname + location.search + '#' + parts.join('&');
}

// Opens what the hash names (at start: a shared link; later the page's Back and Forward).
Widget.prototype.followHash = function () {
  var key = historyKey(this.options), value = key ? hashValue(key) : null;
  if (value == null) {
    if (!this.hist) return;
    value = this.hist[0];  // Back past the first step: where the page opened
  }
  var slash = value.indexOf('/');
  var tab = slash < 0 ? value : value.slice(0, slash), area = slash < 0 ? '' : value.slice(slash + 1);
  var p = request(this.core, {op: 'go', id: this.id, tab: tab, area: area});
  if (this.hist) {
    var at = this.hist.lastIndexOf(value);
    if (at >= 0) this.hist.length = at + 1; else this.hist.push(value);
  }
  // The next syncPlace is this move: it keeps the URL as the page made it.
  this.fromHistory = !this.place || p.tab !== this.place.tab || p.area !== this.place.area;
  this.schedule();
};

Widget.prototype.listenHistory = function () {
  if (!historyKey(this.options)) return;
  var self = this;
  this.onPop = function () {
    if (self.skipPop) { self.skipPop = false; return; }  // our own history.back(): already there
    if (self.alive && self.core) self.followHash();
  };
  window.addEventListener('popstate', this.onPop);
  this.followHash();
};
