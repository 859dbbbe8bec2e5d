// sandik loader — the page side of the widget. Bundled after the Emscripten glue into
// dist/sandik.js, inside one closure: the page gets one global, `Sandik`.
//
//   <div data-sandik-feed="feeds/istanbul-2024.json" data-lang="tr"></div>
//   <script src="dist/sandik.js" async></script>
//
//   const w = Sandik.mount(element, {feed: 'feeds/x.json', lang: 'en'}); w.update(); w.destroy();
//   element.addEventListener('sandik:update', e => …); element.addEventListener('sandik:error', e => …);
//
// What lives here: finding containers, a shadow root per widget (no styles in or out), the
// canvas and its size (ResizeObserver, devicePixelRatio), pointer and wheel input (the page keeps
// its scroll), fetch, frames on demand, the accessible mirror (.sandik-sr) built with textContent
// only, WebGL context loss. Everything the reader sees is computed in the wasm.
var SANDIK_VERSION = '0.1.0';
// The script's first statement (the Emscripten glue before it only defines a function): the
// start of the time to the first draw, for newsrooms' own performance panels.
if (typeof performance !== 'undefined' && performance.mark) performance.mark('sandik:start');
var scriptSrc = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || '';
var baseUrl = scriptSrc ? scriptSrc.slice(0, scriptSrc.lastIndexOf('/') + 1) : '';

var corePromise = null, coreReady = false;
function loadCore() {
  if (!corePromise) {
    corePromise = createSandikCore({
      locateFile: function (file) { return baseUrl + file.replace('sandik-core', 'sandik'); },
      sandikWebGL: function (id) { var w = widgets[id]; return w ? w.webgl() : null; },
      sandikGlyphAtlas: glyphAtlas,
      print: function () {},
      printErr: function (text) { console.warn('sandik:', text); }
    });
    corePromise.then(function () { coreReady = true; }, function () {});
  }
  return corePromise;
}

var widgets = {};
var nextId = 1;

// ---- The widget's text, in the reader's own fonts ----
// A 2D canvas measures every glyph, packs it and draws it into one atlas per device pixel
// ratio; src/web/font_atlas.cpp makes ImGui's fonts of it (no font file, no rasterizer in the
// wasm). The first atlas is begun while the wasm is still on its way.
var GLYPH_SPEC = {
  family: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  // [CSS px, weight, only these characters]: body, small, strong, title, figure (ui::Fonts, in
  // font_atlas.cpp's order). Figures are shares (format_percent): the widget draws nothing else
  // in that face, and each glyph drawn costs the first draw ~0.1 ms.
  faces: [[15, 400], [13, 400], [15, 700], [22, 700], [20, 700, ' %+,-.0123456789?\u2013']],
  linePerEm: 1.362  // ImGui sizes a font by its line, CSS by its em: Noto Sans's own ratio
};
// The base set: ASCII, the Turkish letters (Ç Ğ İ Ö Ş Ü, â î û), the marks the widget's own
// words use (± · « » ° – — ‘ ’ “ ” • … ‹ ›; font_atlas.cpp draws → ▲ ▼ itself). Any other
// letter a feed names is drawn when that feed arrives. Not one more: a character the reader's
// font lacks sends the browser looking through every font for it (20–30 ms here for → or −,
// which Noto Sans has not), and the widget never writes −.
var BASE_GLYPHS = (function () {
  var cps = [];
  for (var c = 0x20; c < 0x7F; c++) cps.push(c);
  return cps.concat([0xA0, 0xAB, 0xB0, 0xB1, 0xB7, 0xBB, 0xC2, 0xC7, 0xCE, 0xD6, 0xDB, 0xDC, 0xE2, 0xE7, 0xEE, 0xF6,
    0xFB, 0xFC, 0x11E, 0x11F, 0x130, 0x131, 0x15E, 0x15F, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2026, 0x2039, 0x203A]);
})();

// Measures and packs the atlas of GLYPH_SPEC's faces at `dpr` for the code points `cps` on a 2D
// canvas of its own (never in the page), in steps: step() does the next one and says whether
// more are left. Then `result` is {width, height, faces, glyphs, table, canvas, draw}: per face
// its line height and baseline, per glyph its face, code point, place in the atlas (x, y, w, h),
// bitmap offset from the pen at the top of the line (x0, y0) and advance, all in device pixels.
// Nothing is drawn yet: draw(indices) draws those glyphs of the table on `canvas` (white, their
// coverage in alpha) when a frame first shows them; the canvas goes to each WebGL context's
// texture as it is (never read back here).
function glyphAtlasJob(dpr, cps) {
  var spec = GLYPH_SPEC, n = cps.length, PAD = 1;  // PAD: clear pixels around each glyph
  var ctx = document.createElement('canvas').getContext('2d', {willReadFrequently: true});
  var steps = [], job = {result: null};
  var font = function (px, weight) { return weight + ' ' + px.toFixed(2) + 'px ' + spec.family; };
  // Each weight is measured once, at its largest size; outlines scale, so the other sizes take
  // the same metrics scaled (with a pixel more of room around each bitmap).
  var measured = {};
  spec.faces.forEach(function (f) {
    var m = measured[f[1]] || (measured[f[1]] = {px: 0});
    m.px = Math.max(m.px, f[0] * dpr);
  });
  Object.keys(measured).forEach(function (weight) {
    steps.push(function () {
      var m = measured[weight], t;
      ctx.font = font(m.px, weight);
      m.metrics = new Float32Array(n * 5);
      for (var i = 0; i < n; i++) {
        t = ctx.measureText(String.fromCodePoint(cps[i]));
        m.metrics.set([t.width, t.actualBoundingBoxLeft, t.actualBoundingBoxRight, t.actualBoundingBoxAscent, t.actualBoundingBoxDescent], i * 5);
      }
      t = ctx.measureText('Hg');
      m.ascent = t.fontBoundingBoxAscent != null ? t.fontBoundingBoxAscent : m.px * 0.93;
      m.descent = t.fontBoundingBoxDescent != null ? t.fontBoundingBoxDescent : m.px * 0.24;
    });
  });
  steps.push(function () {
    var faces = [], glyphs = [], width = 256, area = 0;
    spec.faces.forEach(function (f, face) {
      var m = measured[f[1]], k = f[0] * dpr / m.px, more = k < 1 ? 1 : 0;
      var line = Math.round(f[0] * spec.linePerEm * dpr);
      var baseline = Math.round((line - k * (m.ascent + m.descent)) * 0.5 + k * m.ascent);
      faces.push(line, baseline);
      for (var i = 0; i < n; i++) {
        if (f[2] && f[2].indexOf(String.fromCodePoint(cps[i])) < 0) continue;
        var q = m.metrics.subarray(i * 5, i * 5 + 5);  // advance, left, right, ascent, descent
        var g = {face: face, cp: cps[i], x: 0, y: 0, w: 0, h: 0, x0: 0, y0: 0, advance: k * q[0], ox: 0, oy: 0};
        if (q[1] + q[2] > 0 && q[3] + q[4] > 0) {
          var left = Math.ceil(k * q[1]) + more, right = Math.ceil(k * q[2]) + more;
          var up = Math.ceil(k * q[3]) + more, down = Math.ceil(k * q[4]) + more;
          g.w = left + right + 2 * PAD;
          g.h = up + down + 2 * PAD;
          g.x0 = -left - PAD;
          g.y0 = baseline - up - PAD;
          g.ox = left + PAD;  // where the glyph's origin falls inside its bitmap
          g.oy = up + PAD;
          area += g.w * g.h;
        }
        glyphs.push(g);
      }
    });
    // Shelves, tallest first, in a texture a little wider than tall (ImGui's own rects go below).
    while (width * width < area * 1.25 && width < 4096) width *= 2;
    var order = glyphs.filter(function (g) { return g.w > 0; }).sort(function (a, b) { return a.h !== b.h ? b.h - a.h : b.w - a.w; });
    var x = 0, y = 0, shelf = 0;
    order.forEach(function (g) {
      if (x + g.w > width) { x = 0; y += shelf; shelf = 0; }
      g.x = x;
      g.y = y;
      x += g.w;
      shelf = Math.max(shelf, g.h);
    });
    var height = Math.max(1, y + shelf);
    // The table lists the glyphs shelf by shelf, left to right, the blank ones (spaces) last.
    glyphs = order.concat(glyphs.filter(function (g) { return !g.w; }));
    ctx.canvas.width = width;  // (cleared)
    ctx.canvas.height = height;
    var table = new Float32Array(faces.length + glyphs.length * 9);
    table.set(faces);
    glyphs.forEach(function (g, j) { table.set([g.face, g.cp, g.x, g.y, g.w, g.h, g.x0, g.y0, g.advance], faces.length + j * 9); });
    var draw = function (list) {
      var face = -1;
      ctx.fillStyle = '#fff';
      ctx.textBaseline = 'alphabetic';
      ctx.textAlign = 'left';
      Array.prototype.slice.call(list).sort(function (a, b) { return glyphs[a].face - glyphs[b].face || a - b; }).forEach(function (j) {
        var g = glyphs[j];
        if (!g || !g.w) return;
        if (g.face !== face) ctx.font = font(spec.faces[face = g.face][0] * dpr, spec.faces[face][1]);
        ctx.fillText(String.fromCodePoint(g.cp), g.x + g.ox, g.y + g.oy);
      });
    };
    job.result = {width: width, height: height, faces: spec.faces.length, glyphs: glyphs.length, table: table, canvas: ctx.canvas, draw: draw};
  });
  job.step = function () {
    if (steps.length) steps.shift()();
    return steps.length > 0;
  };
  return job;
}

function glyphAtlasKey(dpr, extra) { return Math.fround(dpr) + '|' + extra.join(','); }

// Atlases begun before the wasm asked for them, by DPR and extra code points.
var atlases = {};

// The atlas at `dpr` with the base glyphs and `extra` code points, now (font_atlas.cpp asks):
// the one begun early, finished here if need be, or a new one.
function glyphAtlas(dpr, extra) {
  extra = extra.filter(function (c) { return BASE_GLYPHS.indexOf(c) < 0; }).sort(function (a, b) { return a - b; });
  var key = glyphAtlasKey(dpr, extra), job = atlases[key] || glyphAtlasJob(dpr, BASE_GLYPHS.concat(extra));
  delete atlases[key];  // the wasm keeps its own copy
  while (job.step()) {}
  return job.result;
}

// Begins the atlas for `dpr` while the wasm is on its way (the lead widget does, once a page), a
// step (~10–20 ms) per task, so its download and compilation go on in between.
function beginGlyphAtlas(dpr) {
  var key = glyphAtlasKey(dpr, []);
  var job = atlases[key] = glyphAtlasJob(dpr, BASE_GLYPHS);
  nextTask(function next() { if (atlases[key] === job && job.step()) nextTask(next); });
}

// A frame draws the glyphs it shows first (the first results need a fifth of them); once the
// page is idle after a first frame, the rest are drawn, 60 an idle period (~10 ms), so later
// frames (another view, a tap) find them ready. Once a page: later atlases (more letters,
// another DPR) draw as they are shown.
var allGlyphsAsked = false;
function drawAllGlyphsWhenIdle(core) {
  if (allGlyphsAsked) return;
  allGlyphsAsked = true;
  var idle = typeof requestIdleCallback !== 'undefined' ? function (f) { requestIdleCallback(f, {timeout: 2000}); }
                                                        : function (f) { setTimeout(f, 200); };
  idle(function more() { if (core._sandik_draw_more_glyphs(60) > 0) idle(more); });
}

// Runs `fn` in a task of its own, soon: without the 4 ms a setTimeout nested five deep waits.
var nextTask = (function () {
  if (typeof MessageChannel === 'undefined') return function (fn) { setTimeout(fn, 0); };
  var queue = [], channel = new MessageChannel();
  channel.port1.onmessage = function () { var fn = queue.shift(); if (fn) fn(); };
  return function (fn) { queue.push(fn); channel.port2.postMessage(0); };
})();

var STYLE = [
  ':host{display:block;position:relative;contain:layout paint;}',
  '.frame{position:relative;box-sizing:border-box;border:1px solid var(--sandik-rule,#d5d8dc);border-radius:8px;overflow:hidden;',
  'background:var(--sandik-bg,#fff);min-height:var(--sandik-reserve,0px);}',
  'canvas{display:block;width:100%;height:0;touch-action:pan-y;outline:none;}',
  'canvas:focus-visible{box-shadow:inset 0 0 0 3px var(--sandik-accent,#0b5cad);}',
  '.notice{display:none;font:13px/1.4 system-ui,sans-serif;padding:6px 12px;',
  'background:#fff4e5;color:#5c3a00;border-top:1px solid #f0d3a6;}',
  '.notice.on{display:block;}',
  '.stale{display:none;font:12px/1.4 system-ui,sans-serif;padding:4px 16px 8px;color:#5a6069;}',
  '.stale.on{display:block;}',
  '.stale.alert{font-size:13px;padding:6px 12px;background:#eef3fb;color:#14315c;border-top:1px solid #c9d8ef;}',
  '.dark .stale{color:#b4b8bf;}',
  '.dark .stale.alert{background:#1c2636;color:#cfe0ff;border-color:#2c3b55;}',
  '.dark .notice{background:#3a2a10;color:#ffe0b0;border-color:#5c4520;}',
  '.search{display:block;box-sizing:border-box;width:calc(100% - 32px);margin:12px 16px 0;padding:8px 12px;',
  'font:16px/1.3 system-ui,sans-serif;border:1px solid var(--sandik-rule,#d5d8dc);border-radius:6px;',
  'background:var(--sandik-bg,#fff);color:var(--sandik-fg,#14171a);}',
  '.search:focus{outline:3px solid var(--sandik-accent,#0b5cad);outline-offset:1px;}'
].join('');

// Visually hidden, yet read by screen readers; inline so no page style is needed or touched.
var SR_HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;' +
  'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;';
var SR_VISIBLE = 'display:block;font:15px/1.45 system-ui,sans-serif;padding:12px 16px;color:inherit;';

// Keys the focused widget uses (see sandik_key in platform.cpp).
var KEYS = {ArrowDown: 1, ArrowRight: 1, ArrowUp: 2, ArrowLeft: 2, Home: 3, End: 4, Enter: 5, ' ': 5};

function readOptions(el, given) {
  var d = el.dataset || {};
  var o = given || {};
  function pick(key, attr, dflt) { return o[key] != null ? String(o[key]) : (d[attr] != null ? d[attr] : dflt); }
  return {
    feed: pick('feed', 'sandikFeed', ''),          // one URL, or several separated by spaces (one per agency)
    format: pick('format', 'format', 'sandik'),    // sandik, or the agencies' own: anka, aa, ap (one per URL)
    province: pick('province', 'province', ''),   // AA's whole-country file: keep one province
    race: pick('race', 'race', ''),
    source: pick('source', 'source', ''),
    view: pick('view', 'view', 'summary'),
    area: pick('area', 'area', ''),
    lang: pick('lang', 'lang', (document.documentElement.lang || 'tr').slice(0, 2) === 'en' ? 'en' : 'tr'),
    theme: pick('theme', 'theme', 'light'),
    accent: pick('accent', 'accent', ''),
    height: pick('height', 'height', ''),
    refresh: pick('refresh', 'refresh', '30'),     // seconds between polls, at least 5
    stale: pick('stale', 'stale', '10'),           // minutes without news before "stale" shows
    maxMb: pick('maxMb', 'maxMb', '20'),           // a larger feed is refused
    timeout: pick('timeout', 'timeout', '20')      // seconds before a request is given up
  };
}

function resolvedOptionsJson(w) {
  var o = w.options;
  var dark = o.theme === 'dark' ||
    (o.theme === 'auto' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  w.dark = dark;
  var reduced = !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  return JSON.stringify({race: o.race, source: o.source, view: o.view, area: o.area, lang: o.lang,
                         theme: dark ? 'dark' : 'light', accent: o.accent, reducedMotion: reduced,
                         search: w.search || ''});
}

function withString(core, s, fn) {
  var n = core.lengthBytesUTF8(s) + 1;
  var p = core._malloc(n);
  core.stringToUTF8(s, p, n);
  try { return fn(p); } finally { core._free(p); }
}

function emit(w, type, detail) {
  w.el.dispatchEvent(new CustomEvent(type, {detail: detail, bubbles: true}));
}

function Widget(el, given) {
  this.id = nextId++;
  this.el = el;
  this.options = readOptions(el, given);
  this.core = null;
  this.alive = true;
  this.gl = false;
  this.raf = 0;
  this.cssHeight = 0;
  this.hasData = false;
  this.afterFrame = [];  // what waits for the next frame to be drawn
  widgets[this.id] = this;
  this.build();
  var self = this;
  if (this.options.feed) {  // fetch while the wasm compiles
    this.prefetched = this.fetchAll();
    this.prefetched.catch(function () {});  // (update() reports it)
  }
  loadCore().then(function (core) { self.start(core); }, function (err) {
    self.fail('wasm', String(err && err.message || err));
  });
  if (!coreReady && lead === null && this.nearScreen()) {
    lead = this;
    setTimeout(leadSettled, 2000);  // (whatever happens to it)
    setTimeout(function () { self.early(); }, 0);
  }
}

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

Widget.prototype.build = function () {
  var el = this.el;
  var root = el.shadowRoot;
  if (!root) {
    try { root = el.attachShadow({mode: 'open'}); } catch (e) { root = null; }
  }
  this.root = root;
  var host = root || el;
  while (host.firstChild && root) host.removeChild(host.firstChild);
  var style = document.createElement('style');
  style.textContent = STYLE;
  var frame = document.createElement('div');
  frame.className = 'frame';
  // Space is held from the first paint, so the article does not jump when results arrive:
  // data-height exactly, else what the view usually takes (measured at 320–1,200 px).
  var reserve = parseInt(this.options.height, 10) || 0;
  if (!reserve) {
    var wide = (el.getBoundingClientRect().width || 0) >= 900;
    reserve = {summary: 580, table: 620, detail: 620, sources: 420, flips: 580, timeline: 400, seats: 420,
               full: wide ? 1400 : 700}[this.options.view] || 500;
  }
  frame.style.setProperty('--sandik-reserve', reserve + 'px');
  this.reserve = reserve;
  var canvas = document.createElement('canvas');
  // Screen readers read the mirror (.sandik-sr); the canvas is for eyes and the keyboard.
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', this.options.lang === 'en'
    ? 'Results chart: arrow keys move, Enter opens; the same results follow as text and tables.'
    : 'Sonuç grafiği: ok tuşlarıyla gezinin, Enter ile açın; aynı sonuçlar metin ve tablo olarak da var.');
  canvas.tabIndex = 0;
  var notice = document.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  var slot = document.createElement('slot');
  slot.name = 'sr';
  var view = this.options.view;
  if (view === 'full' || view === 'table' || view === 'detail') {
    // A real input: the phone's keyboard, IME and screen readers work as everywhere else.
    var search = document.createElement('input');
    search.type = 'search';
    search.className = 'search';
    search.placeholder = this.options.lang === 'en' ? 'Find a district…' : 'İlçe ara…';
    search.setAttribute('aria-label', search.placeholder);
    var self = this;
    search.addEventListener('input', function () { self.search = search.value; self.pushOptions(); });
    frame.appendChild(search);
    this.searchBox = search;
  }
  var staleLine = document.createElement('div');
  staleLine.className = 'stale';
  staleLine.setAttribute('role', 'status');
  frame.appendChild(canvas);
  frame.appendChild(staleLine);
  frame.appendChild(notice);
  frame.appendChild(slot);
  if (root) { root.appendChild(style); root.appendChild(frame); }
  // The accessible mirror stays in the container's own DOM (slotted), so it is found as
  // container.querySelector('.sandik-sr') and read by screen readers in document order.
  var sr = el.querySelector(':scope > .sandik-sr') || document.createElement('div');
  sr.className = 'sandik-sr';
  sr.setAttribute('slot', 'sr');
  sr.setAttribute('lang', this.options.lang);
  sr.style.cssText = SR_HIDDEN;
  if (!sr.parentNode) el.appendChild(sr);
  this.frame = frame;
  this.canvas = canvas;
  this.notice = notice;
  this.staleLine = staleLine;
  this.sr = sr;
  var live = sr.querySelector('.sandik-live') || document.createElement('p');
  live.className = 'sandik-live';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('aria-atomic', 'true');
  this.live = live;
  this.renderMirror({lang: this.options.lang});
};

Widget.prototype.start = function (core) {
  if (!this.alive) return;
  if (performance.mark && !performance.getEntriesByName('sandik:wasm-ready').length) performance.mark('sandik:wasm-ready');
  this.core = core;
  var self = this;
  core._sandik_create(this.id);
  this.gl = true;  // until a WebGL2 context is refused
  this.pushOptions();
  this.listen();
  this.resize();
  // Widgets on screen first: the others read their feed when the page is idle, so the one the
  // reader sees draws sooner.
  this.inView = this.nearScreen();
  var go = function () { if (self.alive) self.update().then(function () { self.poll(); }); };
  if (this.inView) {
    afterLead(this, function () {
      if (!self.alive) return;
      go();
      // While the feed is on its way: the WebGL context, shaders and glyphs, so the first frame
      // with results is only a frame.
      self.attach();
      if (self.attached && !self.hasData) core._sandik_prepare(self.id);
    });
  } else {
    if (lead === this) leadSettled();  // (scrolled away before the wasm came)
    if (typeof requestIdleCallback !== 'undefined') requestIdleCallback(go, {timeout: 1500});
    else setTimeout(go, 300);
  }
  this.minuteTimer = setInterval(function () { self.checkStale(); }, 60000);  // the label stays true
};

Widget.prototype.pushOptions = function () {
  if (!this.core) return;
  var core = this.core, id = this.id;
  withString(core, resolvedOptionsJson(this), function (p) { core._sandik_set_options(id, p); });
  var dark = this.dark;
  this.frame.classList.toggle('dark', dark);
  this.frame.style.setProperty('--sandik-bg', dark ? '#16181c' : '#fff');
  this.frame.style.setProperty('--sandik-fg', dark ? '#f2f2f2' : '#14171a');
  this.frame.style.setProperty('--sandik-rule', dark ? '#3a3f47' : '#d5d8dc');
  this.syncMirror();
  this.schedule();
};

// Rebuilds the accessible mirror when the widget says it changed.
Widget.prototype.syncMirror = function () {
  if (!this.core || !this.hasData) return;
  var v = this.core._sandik_mirror_version(this.id);
  if (v === this.mirrorVersion) return;
  this.mirrorVersion = v;
  this.renderMirror(JSON.parse(this.core.UTF8ToString(this.core._sandik_a11y_json(this.id))));
};

Widget.prototype.listen = function () {
  var self = this, c = this.canvas, core = this.core, id = this.id;
  function pos(e) { var r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
  function pointer(type) {
    return function (e) {
      if (!self.gl) return;
      var p = pos(e);
      core._sandik_pointer(id, type, p[0], p[1]);
      self.schedule();
    };
  }
  this.handlers = [
    ['pointermove', pointer(0), {passive: true}],
    ['pointerdown', pointer(1), {passive: true}],
    ['pointerup', pointer(2), {passive: true}],
    ['pointercancel', pointer(3), {passive: true}],
    ['pointerleave', pointer(3), {passive: true}],
    // Wheel: the page scrolls unless the widget has something to scroll under the pointer.
    ['wheel', function (e) {
      if (!self.gl) return;
      var p = pos(e);
      var dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      if (core._sandik_wheel(id, p[0], p[1], dy)) { e.preventDefault(); self.schedule(); }
    }, {passive: false}],
    // Touch: a drag that starts on a table that can scroll scrolls the table (until its end, then
    // the page); a drag anywhere else is the page's, as touch-action: pan-y lets the browser do.
    ['touchstart', function (e) {
      self.touchY = e.touches.length === 1 ? e.touches[0].clientY : null;
      self.touchOwner = null;
    }, {passive: true}],
    ['touchmove', function (e) {
      if (!self.gl || self.touchY == null || e.touches.length !== 1 || self.touchOwner === 'page') return;
      var t = e.touches[0], r = c.getBoundingClientRect();
      if (core._sandik_wheel(id, t.clientX - r.left, t.clientY - r.top, self.touchY - t.clientY)) {
        if (e.cancelable) e.preventDefault();
        self.touchOwner = 'widget';
        self.touchY = t.clientY;
        self.schedule();
      } else if (!self.touchOwner) {
        self.touchOwner = 'page';
      }
    }, {passive: false}],
    // The keyboard, only while the canvas has focus: arrows (and Home, End) move through what
    // can be tapped, Enter or Space taps it, Escape goes back. Keys the widget does not use
    // (Tab, an arrow past the last item) are left to the page.
    ['keydown', function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape') {
        if (core._sandik_back(id)) { e.preventDefault(); self.schedule(); }
        return;
      }
      var code = KEYS[e.key];
      if (code && core._sandik_key(id, code)) {
        e.preventDefault();
        self.schedule();
        requestAnimationFrame(function () { requestAnimationFrame(function () { self.revealFocus(); }); });
      }
    }, false],
    ['blur', function () { if (core._sandik_key(id, 6)) self.schedule(); }, false],
    ['webglcontextlost', function (e) { e.preventDefault(); core._sandik_context_lost(id); }, false],
    ['webglcontextrestored', function () { core._sandik_context_restored(id); self.schedule(); }, false]
  ];
  this.handlers.forEach(function (h) { c.addEventListener(h[0], h[1], h[2]); });
  if (typeof ResizeObserver !== 'undefined') {
    this.ro = new ResizeObserver(function () { self.resize(); });
    this.ro.observe(this.el);
  }
  if (typeof IntersectionObserver !== 'undefined') {
    this.io = new IntersectionObserver(function (entries) {
      self.inView = entries[entries.length - 1].isIntersecting;
      if (self.inView) { if (self.hasData) self.attach(); self.resume(); } else self.poll();
    }, {rootMargin: '200px'});
    this.io.observe(this.el);
  }
  this.onVisibility = function () { if (document.visibilityState === 'hidden') self.poll(); else self.resume(); };
  document.addEventListener('visibilitychange', this.onVisibility);
  this.watchDpr();
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
    if (!this.core._sandik_attach(this.id)) {
      // No WebGL2 here: the accessible mirror becomes the visible results table.
      this.gl = false;
      this.fail('webgl', this.options.lang === 'en' ? 'The chart cannot be shown here; the results as a table.' :
        'Grafik gösterilemiyor; sonuçlar tablo olarak.');
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
    w.core._sandik_context_lost(w.id);  // no frame touches it from now on
    w.loseExt.loseContext();
  }
  this.schedule();
};

// The polite live region: a new leader, or the count crossing another 10 % of the ballot
// boxes, said at most once a minute (the latest news waits for the minute to pass). The first
// results are not announced: they are the page's own content.
Widget.prototype.announce = function () {
  var info = this.info || {}, lang = this.options.lang, said = this.said;
  var tenth = info.reporting != null ? Math.floor(info.reporting / 10) : null;
  this.said = {leader: info.leader, tenth: tenth};
  if (!said) return;
  var msg = '';
  if (info.leader && said.leader && info.leader !== said.leader) {
    msg = text(lang, 'Yeni lider: ' + info.leader + '.', 'New leader: ' + info.leader + '.');
  }
  if (tenth != null && said.tenth != null && tenth > said.tenth) {
    var suffix = ["'u", "'si", "'u", "'ı", "'si", "'ı", "'i", "'i", "'ı", "'ü"][Math.min(tenth, 10) - 1];  // %10'u … %100'ü
    msg += (msg ? ' ' : '') + text(lang, 'Sandıkların %' + tenth * 10 + suffix + ' açıldı', tenth * 10 + '% of ballot boxes counted') +
           (info.leader ? text(lang, '; önde: ' + info.leader + '.', '; leading: ' + info.leader + '.') : '.');
  }
  if (!msg) return;
  var self = this, wait = (this.lastAnnounced || -Infinity) + 60000 - Date.now();
  this.pendingAnnouncement = msg;
  if (this.announceTimer) return;
  var say = function () {
    self.announceTimer = 0;
    if (!self.alive || !self.pendingAnnouncement) return;
    self.live.textContent = self.pendingAnnouncement;
    self.pendingAnnouncement = '';
    self.lastAnnounced = Date.now();
  };
  if (wait <= 0) say(); else this.announceTimer = setTimeout(say, wait);
};

// Scrolls the page (only as far as needed) so the item the keyboard moved to is on screen.
Widget.prototype.revealFocus = function () {
  if (!this.core || !this.alive) return;
  var f = JSON.parse(this.core.UTF8ToString(this.core._sandik_focus_json(this.id)));
  if (!f) return;
  var top = this.canvas.getBoundingClientRect().top + f.y, margin = 24;
  if (top < margin) window.scrollBy(0, top - margin);
  else if (top + f.h > window.innerHeight - margin) window.scrollBy(0, top + f.h - window.innerHeight + margin);
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
  this.core._sandik_set_size(this.id, size[0], size[1], size[2]);
  this.schedule();
};

// The canvas's backing store: the container's width and the content's height (the space held
// until it is laid out) at the device pixel ratio. Returns [width, height, dpr].
Widget.prototype.sizeCanvas = function () {
  var dpr = window.devicePixelRatio || 1;
  var w = Math.max(1, this.el.clientWidth - 2);  // inside the 1px frame border
  var h = this.cssHeight || parseInt(this.options.height, 10) || Math.max(1, this.reserve - 2);  // (the border)
  var fw = Math.round(w * dpr), fh = Math.round(h * dpr);
  if (this.canvas.width !== fw) this.canvas.width = fw;
  if (this.canvas.height !== fh) this.canvas.height = fh;
  this.canvas.style.height = h + 'px';
  return [fw, fh, dpr];
};

Widget.prototype.schedule = function () {
  // Nothing is laid out before the first results: the feed is usually there by the time the
  // wasm is, and the first frame is then the real one.
  if (this.raf || !this.gl || !this.alive || !this.hasData) return;
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

Widget.prototype.drawFrame = function (t) {
  // The first results are drawn at once when they fill the space held for them; else they are
  // laid out, the canvas takes their height, and then they are drawn.
  var more = this.core._sandik_frame(this.id, t, this.cssHeight || parseInt(this.options.height, 10) ? 1 : 2);
  if (more & 2) {
    this.fitHeight();
    more = this.core._sandik_frame(this.id, t, 1);
  }
  if (!this.firstDrawn && this.attached && !this.released) {  // for newsrooms' own performance panels
    this.firstDrawn = true;
    this.canvas.style.visibility = '';
    if (lead === this) leadSettled();
    if (performance.mark) performance.mark('sandik:first-draw');
    drawAllGlyphsWhenIdle(this.core);
  }
  this.syncMirror();
  this.afterFrame.splice(0).forEach(function (f) { f(); });
  if (this.fitHeight() || more) this.schedule();
};

// The canvas follows the content's height (or data-height). Says whether it changed.
Widget.prototype.fitHeight = function () {
  var fixed = parseInt(this.options.height, 10) || 0;
  var want = fixed || Math.ceil(this.core._sandik_content_height(this.id));
  if (want <= 0 || want === this.cssHeight) return false;
  this.cssHeight = want;
  if (!fixed) this.frame.style.setProperty('--sandik-reserve', '0px');  // the content's own height from now on
  this.resize();
  return true;
};

// FNV-1a over the bytes: an unchanged feed (a 304 the browser turned into its cached 200) is
// recognised without parsing it again, and nothing is redrawn.
function digest(bytes) {
  var h = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 16777619);
  return (h >>> 0) + ':' + bytes.length;
}

function text(lang, tr, en) { return lang === 'en' ? en : tr; }

// Fetches one URL. Conditional requests come from the browser's HTTP cache (cache: 'no-cache'
// revalidates with ETag/Last-Modified, so a CDN answers 304 and no CORS preflight is needed).
function fetchBytes(url, maxBytes, timeoutSec, lang) {
  // A request that hangs is given up after `timeout` seconds, like any other failure.
  var controller = typeof AbortController !== 'undefined' ? new AbortController() : null;
  var timer = controller && setTimeout(function () { controller.abort(); }, timeoutSec * 1000);
  var tooLarge = function (n) { return {kind: 'too-large', message: text(lang, 'veri çok büyük', 'the feed is too large') + ' (' + n + ' B)'}; };
  var part = {url: url, maxAge: 0, modified: ''};
  return fetch(url, {cache: 'no-cache', credentials: 'omit', signal: controller ? controller.signal : undefined}).then(function (res) {
    if (!res.ok) throw {kind: 'http', message: 'HTTP ' + res.status + (res.statusText ? ' ' + res.statusText : '')};
    var cc = /max-age=(\d+)/.exec(res.headers.get('Cache-Control') || '');
    part.maxAge = cc ? parseInt(cc[1], 10) : 0;
    part.modified = res.headers.get('Last-Modified') || '';  // AA and ANKA files carry no time of their own
    var length = parseInt(res.headers.get('Content-Length') || '0', 10);
    if (length > maxBytes) throw tooLarge(length);
    return res.arrayBuffer();
  }).then(function (buf) {
    clearTimeout(timer);
    part.bytes = new Uint8Array(buf);
    if (part.bytes.length > maxBytes) throw tooLarge(part.bytes.length);
    return part;
  }, function (err) { clearTimeout(timer); throw err; });
}

// Requests in flight, by URL: widgets on one feed that load together share one request.
var inflight = {};
function fetchShared(url, maxBytes, timeoutSec, lang) {
  if (!inflight[url]) {
    var done = function () { delete inflight[url]; };
    inflight[url] = fetchBytes(url, maxBytes, timeoutSec, lang).then(function (p) { done(); return p; },
                                                                     function (e) { done(); throw e; });
  }
  return inflight[url];
}

// Copies bytes into the wasm heap for the length of fn.
function withBytes(core, bytes, fn) {
  var p = core._malloc(bytes.length || 1);
  core.HEAPU8.set(bytes, p);
  try { return fn(p); } finally { core._free(p); }
}

// Fetches the feed (or each agency's file) once. Resolves to true when new results were taken.
// Cache-Control max-age is honoured as the least time between polls.
Widget.prototype.urls = function () {
  return this.options.feed.split(/\s+/).filter(Boolean).map(function (u) { return new URL(u, document.baseURI).href; });
};

Widget.prototype.fetchAll = function () {
  var lang = this.options.lang;
  var maxBytes = Math.max(1, parseFloat(this.options.maxMb) || 20) * 1048576;
  var timeoutSec = Math.max(1, parseFloat(this.options.timeout) || 20);
  this.lastFetch = Date.now();
  return Promise.all(this.urls().map(function (u) { return fetchShared(u, maxBytes, timeoutSec, lang); }));
};

Widget.prototype.update = function () {
  if (!this.core || !this.options.feed) return Promise.resolve(false);
  var self = this, lang = this.options.lang;
  var urls = this.urls();
  var formats = this.options.format.toLowerCase().split(/[\s,]+/).filter(Boolean);
  var agency = formats.length > 0 && !(formats.length === 1 && formats[0] === 'sandik');
  var label = urls.join(' ');
  var timeoutSec = Math.max(1, parseFloat(this.options.timeout) || 20);
  // The first request went out with the script, while the wasm was still compiling.
  var pending = this.prefetched || this.fetchAll();
  this.prefetched = null;
  return pending.then(function (parts) {
    if (!self.alive) return false;
    if (performance.mark && !performance.getEntriesByName('sandik:feed').length) performance.mark('sandik:feed');
    self.failures = 0;
    self.maxAge = Math.max.apply(null, parts.map(function (p) { return p.maxAge; }));
    // (The first results need no comparison: they are digested once they are drawn.)
    var digestAll = function () { return parts.map(function (p) { return digest(p.bytes) + '@' + p.modified; }).join('|'); };
    var d = self.lastDigest ? digestAll() : null;
    if (d && d === self.lastDigest) { self.clearNotice(); self.checkStale(); return false; }  // unchanged
    var core = self.core, result;
    if (agency) {
      // The agencies' payloads become one sandik/1 feed in the wasm, by the code `sandik import --from` runs.
      var total = 0;
      parts.forEach(function (p) { total += p.bytes.length; });
      var blob = new Uint8Array(total), at = 0;
      var files = parts.map(function (p, i) {
        blob.set(p.bytes, at);
        at += p.bytes.length;
        return {format: formats[Math.min(i, formats.length - 1)], name: p.url, fetched: p.modified, length: p.bytes.length};
      });
      var header = JSON.stringify({files: files, province: self.options.province});
      var conv = withBytes(core, blob, function (b) {
        return withString(core, header, function (h) { return JSON.parse(core.UTF8ToString(core._sandik_convert_agency(h, b, blob.length))); });
      });
      if (!conv.ok) {
        conv.problems.forEach(function (pr) { (pr.severity === 'error' ? console.error : console.warn)('sandik: ' + pr.text); });
        var first = conv.problems.filter(function (pr) { return pr.severity === 'error'; })[0];
        self.failures = 1;
        self.fail('feed', text(lang, 'Sonuç verisi okunamadı: ', 'The results feed could not be read: ') + (first ? first.text : ''), conv.problems);
        return false;
      }
      conv.problems.forEach(function (pr) { console.warn('sandik: ' + pr.text); });
      result = JSON.parse(core.UTF8ToString(core._sandik_set_feed(self.id, core._sandik_converted_feed(), core._sandik_converted_length())));
    } else {
      result = withBytes(core, parts[0].bytes, function (p) {
        return JSON.parse(core.UTF8ToString(core._sandik_set_feed(self.id, p, parts[0].bytes.length)));
      });
    }
    var errors = result.problems.filter(function (pr) { return pr.severity === 'error'; });
    if (!result.accepted && !errors.length) {  // an older feed from a cache: ignored, said in the console only
      console.info('sandik: ' + label + ': ' + result.problems.map(function (pr) { return pr.text; }).join('; '));
      return false;
    }
    result.problems.forEach(function (pr) {
      (pr.severity === 'error' ? console.error : console.warn)('sandik: ' + label + ': ' + pr.text);
    });
    if (!result.accepted) {
      self.failures = (self.failures || 0) + 1;
      self.fail('feed', text(lang, 'Sonuç verisi okunamadı: ', 'The results feed could not be read: ') + errors[0].text, result.problems);
      return false;
    }
    self.lastDigest = d;
    if (!d) {
      var later = function () { if (!self.lastDigest) self.lastDigest = digestAll(); };
      if (typeof requestIdleCallback !== 'undefined') requestIdleCallback(later, {timeout: 1000}); else setTimeout(later, 200);
    }
    self.hasData = true;
    if (self.inView === true || typeof IntersectionObserver === 'undefined') self.attach();
    self.clearNotice();
    // The mirror, the "last updated" line, the live region and the event follow the frame that
    // shows the new results: the reader sees results first.
    var told = function () {
      if (!self.alive) return;
      self.info = JSON.parse(core.UTF8ToString(core._sandik_feed_info(self.id)));
      self.announce();
      self.checkStale();
      emit(self, 'sandik:update', {warnings: result.problems});
    };
    if (self.gl) {
      self.afterFrame.push(told);
      if (!self.firstDrawn && self.attached && !self.released) self.drawNow();
      else self.schedule();
    } else {
      self.syncMirror();
      told();
    }
    return true;
  }).catch(function (err) {
    if (!self.alive) return false;
    self.failures = (self.failures || 0) + 1;
    var kind = err && err.kind || (err && err.name === 'AbortError' ? 'timeout' : 'network');
    var msg = kind === 'timeout' ? text(lang, timeoutSec + ' sn içinde yanıt gelmedi', 'no answer within ' + timeoutSec + ' s')
                                 : err && err.message || String(err);
    console.error('sandik: ' + label + ': ' + msg);
    self.fail(kind, text(lang, 'Sonuçlar güncellenemedi (' + msg + '); son sonuçlar gösteriliyor.',
                               'Results could not be updated (' + msg + '); showing the last ones.'));
    return false;
  });
};

// Seconds until the next poll: the refresh option (at least 5), at least the feed's max-age,
// doubled after each failure up to 5 minutes, and ±10 % so a million readers do not arrive in step.
Widget.prototype.nextDelay = function () {
  var base = Math.max(5, parseFloat(this.options.refresh) || 30);
  var delay = this.failures ? Math.min(300, base * Math.pow(2, this.failures)) : Math.max(base, this.maxAge || 0);
  return delay * (0.9 + Math.random() * 0.2);
};

// Polls while the tab is visible and the widget on screen; comes back at once when they are again.
Widget.prototype.poll = function () {
  clearTimeout(this.timer);
  this.timer = 0;
  if (!this.alive || !this.core) return;
  if (document.visibilityState === 'hidden' || this.inView === false) { this.paused = true; return; }
  var self = this;
  this.timer = setTimeout(function () {
    self.timer = 0;
    self.update().then(function () { self.poll(); });
  }, this.nextDelay() * 1000);
};

Widget.prototype.resume = function () {
  if (!this.paused || document.visibilityState === 'hidden' || this.inView === false) return;
  this.paused = false;
  var self = this;
  var due = !this.lastFetch || Date.now() - this.lastFetch > Math.max(5, parseFloat(this.options.refresh) || 30) * 1000;
  if (due) this.update().then(function () { self.poll(); });
  else this.poll();
};

// Under the canvas, "Son güncelleme 3 dk önce", kept true by a once-a-minute timer (no redraw);
// highlighted when a live feed has not changed for `stale` minutes.
Widget.prototype.checkStale = function () {
  var info = this.info, lang = this.options.lang;
  if (!info) return;
  var minutes = Math.max(0, Math.floor((Date.now() / 1000 - info.updated) / 60));
  var limit = Math.max(1, parseFloat(this.options.stale) || 10);
  var stale = info.status === 'live' && minutes >= limit;
  var ago = minutes < 1 ? text(lang, 'az önce', 'just now') :
            minutes < 120 ? text(lang, minutes + ' dk önce', minutes + ' min ago') :
            text(lang, Math.floor(minutes / 60) + ' saat önce', Math.floor(minutes / 60) + ' h ago');
  this.staleLine.textContent = info.status !== 'live' ? '' : stale ?
    text(lang, 'Son güncelleme ' + ago + ' — sonuçlar değişmiyor olabilir.', 'Last updated ' + ago + ' — results may not be current.') :
    text(lang, 'Son güncelleme ' + ago, 'Last updated ' + ago);
  this.staleLine.className = info.status !== 'live' ? 'stale' : stale ? 'stale on alert' : 'stale on';
  var p = this.sr.querySelector('.sandik-stale');
  if (this.staleLine.textContent && !p) {
    p = document.createElement('p');
    p.className = 'sandik-stale';
    this.sr.insertBefore(p, this.sr.firstChild);
  }
  if (p) p.textContent = this.staleLine.textContent;
};

// A notice in the widget and its mirror; the last good results stay.
Widget.prototype.fail = function (kind, message, problems) {
  if (lead === this) leadSettled();
  this.notice.textContent = message;
  this.notice.className = 'notice on';
  var srNotice = this.sr.querySelector('.sandik-notice');
  if (!srNotice) {
    srNotice = document.createElement('p');
    srNotice.className = 'sandik-notice';
    this.sr.insertBefore(srNotice, this.sr.firstChild);
  }
  srNotice.textContent = message;
  if (!this.gl) this.showMirror();
  emit(this, 'sandik:error', {kind: kind, message: message, problems: problems || []});
};

Widget.prototype.clearNotice = function () {
  this.notice.textContent = '';
  this.notice.className = 'notice';
};

Widget.prototype.showMirror = function () {
  this.canvas.style.display = 'none';
  this.sr.style.cssText = SR_VISIBLE;
  this.mirrorVisible = true;
  this.styleMirror();
};

// The visible fallback table: plain and legible whatever the page's own table styles are.
Widget.prototype.styleMirror = function () {
  if (!this.mirrorVisible) return;
  var cells = this.sr.querySelectorAll('table, caption, th, td, p');
  for (var i = 0; i < cells.length; i++) {
    var c = cells[i], tag = c.tagName;
    if (tag === 'TABLE') c.style.cssText = 'border-collapse:collapse;width:100%;margin:8px 0 16px;font:inherit;';
    else if (tag === 'CAPTION') c.style.cssText = 'text-align:left;font-weight:700;padding:4px 0;';
    else if (tag === 'P') c.style.cssText = 'margin:0 0 8px;';
    else {
      var row = tag === 'TH' && c.scope === 'row', head = tag === 'TH' && c.scope === 'col';
      c.style.cssText = 'padding:4px 8px;border-bottom:1px solid #d5d8dc;font-weight:' + (tag === 'TH' ? '700' : '400') +
        ';text-align:' + (row || (head && c.cellIndex === 0) ? 'left' : 'right') + ';';
    }
  }
};

Widget.prototype.renderMirror = function (m) {
  var sr = this.sr;
  var notice = sr.querySelector('.sandik-notice'), stale = sr.querySelector('.sandik-stale');
  while (sr.firstChild) sr.removeChild(sr.firstChild);
  if (notice) sr.appendChild(notice);
  if (stale) sr.appendChild(stale);
  sr.appendChild(this.live);  // the same element always: live regions must stay in the page
  sr.setAttribute('lang', m.lang || this.options.lang);
  if (!m.sections || !m.sections.length) {
    var p0 = document.createElement('p');
    p0.textContent = (m.lang || this.options.lang) === 'en' ? 'Loading results…' : 'Sonuçlar yükleniyor…';
    sr.appendChild(p0);
    return;
  }
  m.sections.forEach(function (sec) {
    var section = document.createElement('section');
    var p = document.createElement('p');
    p.className = 'sandik-sentence';
    p.textContent = sec.sentence;
    section.appendChild(p);
    if (sec.rows.length) {
      var table = document.createElement('table');
      var caption = document.createElement('caption');
      caption.textContent = sec.caption;
      table.appendChild(caption);
      var thead = document.createElement('thead'), hr = document.createElement('tr');
      sec.columns.forEach(function (c) {
        var th = document.createElement('th');
        th.scope = 'col';
        th.textContent = c;
        hr.appendChild(th);
      });
      thead.appendChild(hr);
      table.appendChild(thead);
      var tbody = document.createElement('tbody');
      sec.rows.forEach(function (row) {
        var tr = document.createElement('tr');
        row.forEach(function (cell, i) {
          var td = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) td.scope = 'row';
          td.textContent = cell;
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      section.appendChild(table);
    }
    sr.appendChild(section);
  });
  this.styleMirror();
};

Widget.prototype.set = function (options) {
  for (var k in options) if (Object.prototype.hasOwnProperty.call(options, k)) this.options[k] = String(options[k]);
  if (!this.core) return;
  this.pushOptions();
  if ('feed' in options || 'format' in options || 'province' in options) this.update();
};

Widget.prototype.destroy = function () {
  if (!this.alive) return;
  this.alive = false;
  if (lead === this) leadSettled();
  if (this.raf) cancelAnimationFrame(this.raf);
  var c = this.canvas;
  (this.handlers || []).forEach(function (h) { c.removeEventListener(h[0], h[1], h[2]); });
  if (this.ro) this.ro.disconnect();
  if (this.io) this.io.disconnect();
  clearTimeout(this.timer);
  clearInterval(this.minuteTimer);
  if (this.onVisibility) document.removeEventListener('visibilitychange', this.onVisibility);
  if (this.dprQuery) this.dprQuery[0].removeEventListener('change', this.dprQuery[1]);
  if (this.core) this.core._sandik_destroy(this.id);
  var self = this;
  holders = holders.filter(function (w) { return w !== self; });
  delete widgets[this.id];
  if (this.root) while (this.root.firstChild) this.root.removeChild(this.root.firstChild);
  if (this.sr.parentNode) this.sr.parentNode.removeChild(this.sr);
  delete this.el.__sandik;
};

function handleOf(w) {
  return {
    update: function () { return w.update(); },
    set: function (o) { w.set(o || {}); },
    destroy: function () { w.destroy(); },
    // Where a reader can tap, in CSS pixels from the widget's canvas: [{name, x, y, w, h}] —
    // "tab:1", "header:margin", "row:sariyer", "crumb:istanbul", "source:1", "others".
    // The wasm heap in bytes (shared by every widget on the page), for memory checks.
    heapBytes: function () { return w.core ? w.core.HEAP8.length : 0; },
    // Of which in use (allocated and not freed): what each widget, feed and atlas costs.
    heapUsed: function () { return w.core ? w.core._sandik_heap_used() : 0; },
    regions: function () {
      return w.core && w.gl ? JSON.parse(w.core.UTF8ToString(w.core._sandik_regions(w.id))) : [];
    },
    // The item the keyboard is on: {"name","x","y","w","h"} in CSS pixels, or null.
    focus: function () { return w.core ? JSON.parse(w.core.UTF8ToString(w.core._sandik_focus_json(w.id))) : null; },
    // 'none' (not yet near the screen), 'live' (a WebGL context), 'released' (given back while out of view).
    glState: function () { return !w.attached ? 'none' : w.released ? 'released' : 'live'; },
    get element() { return w.el; }
  };
}

function mount(el, options) {
  if (!el || el.nodeType !== 1) throw new TypeError('Sandik.mount: an element is needed');
  if (el.__sandik) {
    if (options) el.__sandik.set(options);
    return el.__sandik;
  }
  var handle = handleOf(new Widget(el, options));
  Object.defineProperty(el, '__sandik', {value: handle, configurable: true});
  return handle;
}

function scan(root) {
  var list = (root || document).querySelectorAll('[data-sandik-feed]');
  for (var i = 0; i < list.length; i++) if (!list[i].__sandik) mount(list[i]);
}

function boot() {
  scan(document);
  if (typeof MutationObserver !== 'undefined') {
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var added = records[i].addedNodes;
        for (var j = 0; j < added.length; j++) {
          var n = added[j];
          if (n.nodeType !== 1) continue;
          if (n.hasAttribute('data-sandik-feed') && !n.__sandik) mount(n);
          else if (n.querySelector) scan(n);
        }
      }
    }).observe(document.documentElement, {childList: true, subtree: true});
  }
}

if (typeof window !== 'undefined' && !window.Sandik) {
  window.Sandik = Object.freeze({
    version: SANDIK_VERSION,
    mount: mount,
    scan: function () { scan(document); },
    // Validates a feed (string or bytes) with the widget's own code, without drawing it:
    // resolves to {ok, ms, problems: [{severity, path, message, text}]}.
    check: function (feed) {
      return loadCore().then(function (core) {
        var bytes = typeof feed === 'string' ? new TextEncoder().encode(feed) : new Uint8Array(feed);
        var p = core._malloc(bytes.length || 1);
        core.HEAPU8.set(bytes, p);
        try { return JSON.parse(core.UTF8ToString(core._sandik_check_feed(p, bytes.length))); }
        finally { core._free(p); }
      });
    }
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}
