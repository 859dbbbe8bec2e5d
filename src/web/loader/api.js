// sandik loader: api.js — the widget's options and life, and the page's one global, Sandik.
//
// INDEX
//   readOptions()     data-* attributes or Sandik.mount options (docs/embedding.md)
//   Widget            one per container: built at once, started when the wasm is ready
//   set(), destroy()  what the handle does
//   mount(), scan(), boot()   every [data-sandik-feed] on the page, now and when added later
//   window.Sandik     {version, mount, scan, check}

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
    timeout: pick('timeout', 'timeout', '20'),     // seconds before a request is given up
    history: pick('history', 'history', null),     // the view and area in the URL's hash: a name, or "" for "sandik"
    allow: pick('allow', 'allow', '')              // the feeds this page may show: origins or URL prefixes ("" = any)
  };
}

function resolvedOptions(w) {
  var o = w.options;
  var dark = o.theme === 'dark' ||
    (o.theme === 'auto' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  w.dark = dark;
  var reduced = !!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches);
  return {race: o.race, source: o.source, view: o.view, area: o.area, lang: o.lang, theme: dark ? 'dark' : 'light',
          accent: o.accent, reducedMotion: reduced, search: w.search || ''};
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
  if (this.options.feed && !this.untrusted()) {  // fetch while the wasm compiles
    this.prefetched = this.fetchAll();
    this.prefetched.catch(function () {});  // (update() reports it)
  }
  loadCore().then(function (core) { self.start(core); }, function (err) {
    self.fail('wasm', String(err && err.message || err));  // (no wasm: no words but the browser's)
  });
  if (!coreReady && lead === null && this.nearScreen()) {
    lead = this;
    setTimeout(leadSettled, 2000);  // (whatever happens to it)
    setTimeout(function () { self.early(); }, 0);
  }
}

Widget.prototype.start = function (core) {
  if (!this.alive) return;
  if (performance.mark && !performance.getEntriesByName('sandik:wasm-ready').length) performance.mark('sandik:wasm-ready');
  this.core = core;
  var self = this;
  request(core, {op: 'create', id: this.id});
  this.gl = true;  // until a WebGL2 context is refused
  this.label();
  this.pushOptions();
  this.listen();
  this.listenHistory();
  this.resize();
  // Widgets on screen first: the others read their feed when the page is idle, so the one the
  // reader sees draws sooner.
  this.inView = this.nearScreen();
  var go = function () { if (self.alive) self.update().then(function () { self.loadParts(); self.poll(); }); };
  if (this.inView) {
    afterLead(this, function () {
      if (!self.alive) return;
      go();
      // While the feed is on its way: the WebGL context, shaders and glyphs, so the first frame
      // with results is only a frame.
      self.attach();
      if (self.attached && !self.hasData) request(core, {op: 'prepare', id: self.id});
    });
  } else {
    if (lead === this) leadSettled();  // (scrolled away before the wasm came)
    idle(go, 1500);
  }
  this.minuteTimer = setInterval(function () { self.checkStale(); }, 60000);  // the label stays true
};

Widget.prototype.pushOptions = function () {
  if (!this.core) return;
  request(this.core, {op: 'options', id: this.id, options: resolvedOptions(this)});
  if (this.hasData) this.tellUnknown();
  this.applyTheme(this.dark);
  this.syncMirror();
  this.schedule();
};

Widget.prototype.set = function (options) {
  for (var k in options) if (Object.prototype.hasOwnProperty.call(options, k)) this.options[k] = String(options[k]);
  if (!this.core) return;
  this.pushOptions();
  if ('feed' in options || 'format' in options || 'province' in options) this.update();
  else this.loadParts();  // (a race of another province: its part)
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
  if (this.schemeQuery) this.schemeQuery.removeEventListener('change', this.onScheme);
  if (this.onPop) window.removeEventListener('popstate', this.onPop);
  clearTimeout(this.lostTimer);
  if (this.core) request(this.core, {op: 'destroy', id: this.id});
  // The context goes back to the browser now, not when it is collected: a page that mounts and
  // destroys widgets would otherwise pass the browser's limit and lose its other widgets'.
  if (this.attached && !this.released && this.loseExt) this.loseExt.loseContext();
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
    heapUsed: function () { return w.core ? request(w.core, {op: 'heap'}).used : 0; },
    regions: function () { return w.core && w.gl ? request(w.core, {op: 'regions', id: w.id}).regions : []; },
    // The item the keyboard is on: {"name","x","y","w","h"} in CSS pixels, or null.
    focus: function () { return w.core ? request(w.core, {op: 'regions', id: w.id}).focus : null; },
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

var checking = Promise.resolve();
if (typeof window !== 'undefined' && !window.Sandik) {
  window.Sandik = Object.freeze({
    version: SANDIK_VERSION,
    mount: mount,
    scan: function () { scan(document); },
    // Validates a feed (string or bytes) with the widget's own code, without drawing it:
    // resolves to {ok, ms, problems: [{severity, path, message, text}]}.
    check: function (feed) {
      var bytes = typeof feed === 'string' ? new TextEncoder().encode(feed) : new Uint8Array(feed);
      var run = function () {
        return loadCore().then(function (core) {
          return sliced(core, {op: 'check'}, bytes, function () { return {op: 'check-more', ms: SLICE_MS}; });
        }).then(function (a) { return {ok: a.ok, ms: a.ms, problems: a.problems}; });
      };
      return (checking = checking.then(run, run));  // one at a time, in slices
    }
  });
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
  else boot();
}
