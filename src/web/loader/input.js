// sandik loader: input.js — the reader's hands on the widget, and the page's scroll kept.
//
// INDEX
//   KEYS          the keys the focused canvas uses (the rest are the page's)
//   listen()      pointer, wheel, touch and keyboard on the canvas; size, visibility and view
//   revealFocus() the page scrolled (only as far as needed) to the item the keyboard is on

// Keys the focused widget uses: what each asks the widget (platform.cpp's "key" request).
// (The arrows are said as arrows: on a map they go to the neighbouring area that way, elsewhere
// right and down are next, left and up previous.)
var KEYS = {ArrowDown: 'down', ArrowRight: 'right', ArrowUp: 'up', ArrowLeft: 'left', Home: 'first', End: 'last',
            Enter: 'enter', ' ': 'enter'};

Widget.prototype.listen = function () {
  var self = this, c = this.canvas, core = this.core, id = this.id;
  function pos(e) { var r = c.getBoundingClientRect(); return [e.clientX - r.left, e.clientY - r.top]; }
  function pointer(type) {
    return function (e) {
      if (!self.gl) return;
      var p = pos(e);
      input(core, id, type, p[0], p[1]);
      self.schedule();
    };
  }
  this.handlers = [
    ['pointermove', pointer('move'), {passive: true}],
    ['pointerdown', function (e) {  // (a finger's first tap on a map shows the card, a mouse's opens)
      if (!self.gl) return;
      var p = pos(e);
      input(core, id, e.pointerType === 'touch' ? 'touch' : 'down', p[0], p[1]);
      self.schedule();
    }, {passive: true}],
    ['pointerup', pointer('up'), {passive: true}],
    ['pointercancel', pointer('leave'), {passive: true}],
    ['pointerleave', pointer('leave'), {passive: true}],
    // Wheel: the page scrolls unless the widget has something to scroll under the pointer.
    ['wheel', function (e) {
      if (!self.gl) return;
      var p = pos(e);
      var dy = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY;
      if (input(core, id, 'wheel', p[0], p[1], dy)) { e.preventDefault(); self.schedule(); }
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
      if (input(core, id, 'wheel', t.clientX - r.left, t.clientY - r.top, self.touchY - t.clientY)) {
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
      var key = e.key === 'Escape' ? 'back' : KEYS[e.key];
      if (key && request(core, {op: 'key', id: id, key: key}).used) {
        e.preventDefault();
        self.schedule();
        if (key !== 'back') requestAnimationFrame(function () { requestAnimationFrame(function () { self.revealFocus(); }); });
      }
    }, false],
    ['blur', function () { if (request(core, {op: 'key', id: id, key: 'blur'}).used) self.schedule(); }, false],
    ['webglcontextlost', function (e) {
      e.preventDefault();
      request(core, {op: 'lost', id: id});
      // Lost by the browser (not given back by us): if it does not come back, the results as a
      // table rather than a blank box.
      clearTimeout(self.lostTimer);
      if (!self.released) self.lostTimer = setTimeout(function () { if (self.alive && !self.released) self.showMirror(); }, 1000);
    }, false],
    ['webglcontextrestored', function () {
      clearTimeout(self.lostTimer);
      if (self.mirrorVisible && self.gl) self.hideMirror();
      request(core, {op: 'restored', id: id});
      self.schedule();
    }, false]
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
  // data-theme="auto" follows the reader's colour scheme while the page is open.
  if (this.options.theme === 'auto' && window.matchMedia) {
    this.schemeQuery = window.matchMedia('(prefers-color-scheme: dark)');
    this.onScheme = function () { if (self.alive) self.pushOptions(); };
    this.schemeQuery.addEventListener('change', this.onScheme);
  }
  this.onVisibility = function () { if (document.visibilityState === 'hidden') self.poll(); else self.resume(); };
  document.addEventListener('visibilitychange', this.onVisibility);
  this.watchDpr();
};

// Scrolls the page (only as far as needed) so the item the keyboard moved to is on screen.
Widget.prototype.revealFocus = function () {
  if (!this.core || !this.alive) return;
  var f = request(this.core, {op: 'regions', id: this.id}).focus;
  if (!f) return;
  var top = this.canvas.getBoundingClientRect().top + f.y, margin = 24;
  if (top < margin) window.scrollBy(0, top - margin);
  else if (top + f.h > window.innerHeight - margin) window.scrollBy(0, top + f.h - window.innerHeight + margin);
};

