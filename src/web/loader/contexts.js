// sandik loader: contexts.js — who draws when: the lead widget, WebGL contexts, size, frames.
//
// INDEX
//   lead, afterLead()   the first widget on screen goes first; the others follow it
//   early(), webgl()    the lead's WebGL context and glyphs while the wasm downloads
//   attach()            contexts only for widgets near the screen, at most MAX_LIVE held
//   resize(), sizeCanvas(), watchDpr()   the canvas's backing store at the device pixel ratio
//   schedule(), drawNow(), drawFrame(), fitHeight()   frames on demand, never while idle
// The first widget on screen goes first: its context, glyphs and results before any other
// widget's, so the reader sees results as soon as they can be drawn; the others on screen
// follow once it has drawn, failed or gone.
var lead = null, afterLeadQueue = [];
function leadSettled() {
  if (lead === true) return;
  lead = true;
  afterLeadQueue.splice(0).forEach(function (f) { f(); });
}
function afterLead(w, f) {
  if (lead === null || lead === true || lead === w) f();
  else afterLeadQueue.push(f);
}

Widget.prototype.nearScreen = function () {
  var r = this.el.getBoundingClientRect();
  return r.bottom > -200 && r.top < (window.innerHeight || 800) + 200;
};

// While the wasm is on its way, the main thread is free: a widget on screen makes its WebGL
// context then, and the glyph atlas for this screen's DPR is begun.
Widget.prototype.early = function () {
  if (!this.alive || this.core || coreReady) return;
  this.webgl();
  beginGlyphAtlas(window.devicePixelRatio || 1);
};

// The canvas's WebGL2 context, made once: opaque, no depth, stencil or antialiasing (ImGui's
// own), low power; null without WebGL2 (platform_lib.js registers it with Emscripten's GL).
Widget.prototype.webgl = function () {
  if (this.ctx === undefined) {
    this.sizeCanvas();  // before the context: resizing its drawing buffer later costs as much again
    try {
      this.ctx = this.canvas.getContext('webgl2', {alpha: false, depth: false, stencil: false, antialias: false,
        premultipliedAlpha: true, preserveDrawingBuffer: false, powerPreference: 'low-power', failIfMajorPerformanceCaveat: false});
    } catch (e) { this.ctx = null; }
    if (this.ctx && !this.firstDrawn) this.canvas.style.visibility = 'hidden';  // black until its first frame
  }
  return this.ctx;
};

// WebGL contexts only for widgets near the screen: browsers keep ~16 per page and lose the
// oldest past that. A widget gets its context when it first nears the screen; when more than
// MAX_LIVE are held, those out of view give theirs back (WEBGL_lose_context) and take it again
// (restoreContext) when they return. Until then a widget is laid out, not drawn.
var MAX_LIVE = 8, holders = [];  // the widgets holding a context, the latest to ask last

Widget.prototype.attach = function () {
  if (!this.core || !this.alive || !this.gl) return;
  if (this.released) {
    this.released = false;
    if (this.loseExt) this.loseExt.restoreContext();  // "webglcontextrestored" draws it again
  } else if (!this.attached) {
    if (!request(this.core, {op: 'attach', id: this.id}).ok) {
      // No WebGL2 here: the accessible mirror becomes the visible results table.
      this.gl = false;
      this.fail('webgl', '');
      return;
    }
    this.attached = true;
    this.loseExt = this.webgl().getExtension('WEBGL_lose_context');
  }
  holders = holders.filter(function (w) { return w !== this; }, this);
  holders.push(this);
  var held = holders.filter(function (w) { return !w.released; });
  for (var i = 0; i < held.length && held.length - i > MAX_LIVE; i++) {
    var w = held[i];
    if (w.inView || !w.loseExt) continue;
    w.released = true;
    request(w.core, {op: 'lost', id: w.id});  // no frame touches it from now on
    w.loseExt.loseContext();
  }
  this.schedule();
};

Widget.prototype.watchDpr = function () {
  var self = this;
  if (!window.matchMedia) return;
  var mq = window.matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
  var onChange = function () { mq.removeEventListener('change', onChange); self.resize(); self.watchDpr(); };
  mq.addEventListener('change', onChange);
  this.dprQuery = [mq, onChange];
};

Widget.prototype.resize = function () {
  if (!this.core || !this.alive) return;
  var size = this.sizeCanvas();
  request(this.core, {op: 'size', id: this.id, width: size[0], height: size[1], dpr: size[2]});
  this.schedule();
};

// The canvas's backing store: the container's width and the content's height (the space held
// until it is laid out) at the device pixel ratio. Returns [width, height, dpr].
Widget.prototype.sizeCanvas = function () {
  var dpr = window.devicePixelRatio || 1;
  // The frame's own width: inside the 1px border and inside any padding the page gives the
  // container (the container's clientWidth counts its padding: the canvas would be squeezed).
  var w = Math.max(1, this.frame.isConnected ? this.frame.clientWidth : this.el.clientWidth - 2);
  var h = this.cssHeight || this.fixedHeight() || Math.max(1, this.reserve - 2);  // (the border)
  var fw = Math.round(w * dpr), fh = Math.round(h * dpr);
  if (this.canvas.width !== fw) this.canvas.width = fw;
  if (this.canvas.height !== fh) this.canvas.height = fh;
  this.canvas.style.height = h + 'px';
  return [fw, fh, dpr];
};

Widget.prototype.schedule = function () {
  // Nothing is laid out before the first results: the feed is usually there by the time the
  // wasm is, and the first frame is then the real one. A map widget's first frame waits for its
  // map as well (fetch.js: at most a second).
  if (this.raf || !this.gl || !this.alive || !this.hasData || (this.mapDue && !this.firstDrawn)) return;
  var self = this;
  this.raf = requestAnimationFrame(function (t) {
    self.raf = 0;
    if (self.alive) self.drawFrame(t);
  });
};

// Draws now rather than at the next animation frame: the first results (the reader has waited).
Widget.prototype.drawNow = function () {
  if (this.raf) cancelAnimationFrame(this.raf);
  this.raf = 0;
  if (this.gl && this.alive && this.hasData) this.drawFrame(performance.now());
};

var mapDrawn = false;
Widget.prototype.drawFrame = function (t) {
  if (this.mapDue && !this.firstDrawn) return;  // (a frame asked for before the widget knew it waits for a map)
  // The first results are drawn at once when they fill the space held for them; else they are
  // laid out, the canvas takes their height, and then they are drawn.
  var f = frame(this.core, this.id, t, this.cssHeight || this.fixedHeight() ? 'draw' : 'draw_if_fits');
  if (f.resize) {
    this.fitHeight(f.height);
    var moved = f.moved, parts = f.parts;  // (said once: by the frame that saw it)
    f = frame(this.core, this.id, t, 'draw');
    f.moved = f.moved || moved;
    f.parts = f.parts || parts;
  }
  if (!this.firstDrawn && this.attached && !this.released) {  // for newsrooms' own performance panels
    this.firstDrawn = true;
    this.canvas.style.visibility = '';
    if (lead === this) leadSettled();
    if (performance.mark) performance.mark('sandik:first-draw');
    drawAllGlyphsWhenIdle(this.core);
  }
  // The first frame drawn with a map, once a page ('sandik:map-draw', for bench/page.mjs).
  if (this.mapGiven && this.attached) {
    this.mapGiven = false;
    if (!mapDrawn && performance.mark) { mapDrawn = true; performance.mark('sandik:map-draw'); }
  }
  if (f.mirror) this.syncMirror();  // (not every frame: only when what it says changed)
  if (f.moved) this.syncPlace();
  if (f.images) this.loadImages();
  if (f.parts) this.loadParts();
  this.afterFrame.splice(0).forEach(function (fn) { fn(); });
  var resized = this.fitHeight(f.height);
  if (this.reveal) this.keepInView();  // (after the canvas took the new view's height)
  if (resized || f.more || this.reveal) this.schedule();
};

// data-height in CSS pixels, at most 5,000 (a canvas of 100 million pixels would take the
// GPU's memory and the page with it); 0 = the content's own height.
Widget.prototype.fixedHeight = function () {
  var h = parseInt(this.options.height, 10) || 0;
  return h > 0 ? Math.min(h, 5000) : 0;
};

// The canvas follows the content's height (or data-height). Says whether it changed.
Widget.prototype.fitHeight = function (contentHeight) {
  var fixed = this.fixedHeight();
  var want = fixed || contentHeight;
  if (want <= 0 || want === this.cssHeight) return false;
  this.cssHeight = want;
  if (!fixed) this.frame.style.setProperty('--sandik-reserve', '0px');  // the content's own height from now on
  this.resize();
  return true;
};

