// sandik loader: dom.js — what the widget puts in the page besides its canvas.
//
// INDEX
//   STYLE                  the shadow root's styles, coloured from DESIGN (src/ui/design.json)
//   build()                shadow root, frame (holding its space), canvas, search box, notice,
//                          stale line, the accessible mirror (.sandik-sr) and its live region
//   label()                the words the loader shows, once the wasm can say them
//   applyTheme()           the frame's colours for the light or dark palette
//   syncMirror()           the mirror rebuilt (textContent only) when the wasm says it changed
//   fail(), clearNotice()  a notice in the reader's words; the last good results stay
//   checkStale(), news()   "last updated", kept true each minute; the polite live region
var palette = function (dark) { return DESIGN.palette[dark ? 'dark' : 'light']; };
var sheet = null;  // the constructed stylesheet all widgets share
var STYLE = (function () {
  var light = DESIGN.palette.light, n = DESIGN.notice, s = DESIGN.stale;
  return [
    ':host{display:block;position:relative;contain:layout paint;}',
    '.frame{position:relative;box-sizing:border-box;border:1px solid var(--sandik-rule,' + light.rule + ');border-radius:8px;',
    'overflow:hidden;background:var(--sandik-bg,' + light.background + ');min-height:var(--sandik-reserve,0px);}',
    'canvas{display:block;width:100%;height:0;touch-action:pan-y;outline:none;}',
    'canvas:focus-visible{box-shadow:inset 0 0 0 3px var(--sandik-accent,' + light.accent + ');}',
    '.notice{display:none;font:13px/1.4 system-ui,sans-serif;padding:6px 12px;',
    'background:' + n.light.background + ';color:' + n.light.text + ';border-top:1px solid ' + n.light.rule + ';}',
    '.notice.on{display:block;}',
    '.stale{display:none;font:12px/1.4 system-ui,sans-serif;padding:4px 16px 8px;color:' + s.light.text + ';}',
    '.stale.on{display:block;}',
    '.stale.alert{font-size:13px;padding:6px 12px;background:' + s.light.alert_background + ';color:' + s.light.alert_text +
      ';border-top:1px solid ' + s.light.alert_rule + ';}',
    '.dark .stale{color:' + s.dark.text + ';}',
    '.dark .stale.alert{background:' + s.dark.alert_background + ';color:' + s.dark.alert_text + ';border-color:' +
      s.dark.alert_rule + ';}',
    '.dark .notice{background:' + n.dark.background + ';color:' + n.dark.text + ';border-color:' + n.dark.rule + ';}',
    '.search{display:block;box-sizing:border-box;width:calc(100% - 32px);margin:12px 16px 0;padding:8px 12px;',
    'font:16px/1.3 system-ui,sans-serif;border:1px solid var(--sandik-rule,' + light.rule + ');border-radius:6px;',
    'background:var(--sandik-bg,' + light.background + ');color:var(--sandik-fg,' + light.text + ');}',
    '.search:focus{outline:3px solid var(--sandik-accent,' + light.accent + ');outline-offset:1px;}'
  ].join('');
})();

// Visually hidden, yet read by screen readers; inline so no page style is needed or touched.
var SR_HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;' +
  'clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;';
var SR_VISIBLE = 'display:block;font:15px/1.45 system-ui,sans-serif;padding:12px 16px;color:inherit;';

// The space a view usually takes (measured at 320-1,200 px), held from the first paint.
function reserveFor(view, width) {
  var r = DESIGN.reserve;
  if (view === 'full') return width >= DESIGN.breakpoints.side_by_side ? r.full_wide : r.full;
  return r[view] || r.other;
}

Widget.prototype.build = function () {
  var el = this.el;
  var root = el.shadowRoot;
  if (!root) {
    try { root = el.attachShadow({mode: 'open'}); } catch (e) { root = null; }
  }
  this.root = root;
  var host = root || el;
  while (host.firstChild && root) host.removeChild(host.firstChild);
  // The styles as a constructed stylesheet, one for every widget: a page whose Content Security
  // Policy allows no inline styles (style-src 'self') still styles the widget. (A <style>
  // element where the browser has no adoptedStyleSheets.)
  var style = null;
  if (root && 'adoptedStyleSheets' in root && typeof CSSStyleSheet === 'function') {
    try {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(STYLE); }
      root.adoptedStyleSheets = [sheet];
    } catch (e) { style = null; sheet = null; }
  }
  if (!root || !root.adoptedStyleSheets || !root.adoptedStyleSheets.length) {
    style = document.createElement('style');
    style.textContent = STYLE;
  }
  var frame = document.createElement('div');
  frame.className = 'frame';
  // Space is held from the first paint, so the article does not jump when results arrive.
  var reserve = this.fixedHeight() || reserveFor(this.options.view, el.getBoundingClientRect().width || 0);
  frame.style.setProperty('--sandik-reserve', reserve + 'px');
  this.reserve = reserve;
  var canvas = document.createElement('canvas');
  // Screen readers read the mirror (.sandik-sr); the canvas is for eyes and the keyboard.
  canvas.setAttribute('role', 'img');
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
  if (root) { if (style) root.appendChild(style); root.appendChild(frame); }
  // The accessible mirror stays in the container's own DOM (slotted), so it is found as
  // container.querySelector('.sandik-sr') and read by screen readers in document order.
  var sr = el.querySelector(':scope > .sandik-sr') || document.createElement('div');
  sr.className = 'sandik-sr';
  sr.setAttribute('slot', 'sr');
  sr.setAttribute('lang', this.options.lang);
  sr.setAttribute('aria-busy', 'true');  // until the wasm can say "loading" in the reader's words
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
  this.renderMirror(null);
};

// The canvas's label, the search box's placeholder and "loading", in the reader's words.
Widget.prototype.label = function () {
  var w = words(this.core, this.options.lang);
  this.canvas.setAttribute('aria-label', w.canvasLabel);
  if (this.searchBox) {
    this.searchBox.placeholder = w.searchPlaceholder;
    this.searchBox.setAttribute('aria-label', w.searchPlaceholder);
  }
  if (!this.hasData) this.renderMirror(null);
};

Widget.prototype.applyTheme = function (dark) {
  var p = palette(dark);
  this.frame.classList.toggle('dark', dark);
  this.frame.style.setProperty('--sandik-bg', p.background);
  this.frame.style.setProperty('--sandik-fg', p.text);
  this.frame.style.setProperty('--sandik-rule', p.rule);
};

// Rebuilds the accessible mirror when the widget says it changed.
Widget.prototype.syncMirror = function () {
  if (!this.core || !this.hasData) return;
  var a = request(this.core, {op: 'mirror', id: this.id, version: this.mirrorVersion == null ? -1 : this.mirrorVersion});
  this.mirrorVersion = a.version;
  if (a.mirror) this.renderMirror(a.mirror);
};

// A notice in the widget and its mirror, in the reader's words; the last good results stay.
Widget.prototype.fail = function (kind, detail, problems) {
  if (lead === this) leadSettled();
  var message = this.core ? request(this.core, {op: 'failure', lang: this.options.lang, kind: kind, detail: String(detail), results: !!this.hasData}).message
                          : String(detail);  // (no wasm: the browser's own words)
  this.notice.textContent = message;
  this.notice.className = 'notice on';
  var srNotice = this.sr.querySelector('.sandik-notice');
  if (!srNotice) {
    srNotice = document.createElement('p');
    srNotice.className = 'sandik-notice';
    this.sr.insertBefore(srNotice, this.sr.firstChild);
  }
  srNotice.textContent = message;
  // Nothing to show yet: no box of held space, only the notice (the space comes back with results).
  if (!this.hasData) {
    this.reserve = 0;
    this.frame.style.setProperty('--sandik-reserve', '0px');
    this.canvas.style.height = '0px';
  }
  if (!this.gl) this.showMirror();
  emit(this, 'sandik:error', {kind: kind, message: message, problems: problems || []});
};

Widget.prototype.clearNotice = function () {
  this.notice.textContent = '';
  this.notice.className = 'notice';
};

// Under the canvas, "last updated 3 minutes ago", kept true by a once-a-minute timer (no
// redraw); highlighted when a live feed has not changed for `stale` minutes.
Widget.prototype.showStatus = function (a) {
  this.staleLine.textContent = a.line;
  this.staleLine.className = !a.line ? 'stale' : a.alert ? 'stale on alert' : 'stale on';
  var p = this.sr.querySelector('.sandik-stale');
  if (a.line && !p) {
    p = document.createElement('p');
    p.className = 'sandik-stale';
    this.sr.insertBefore(p, this.sr.firstChild);
  }
  if (p) p.textContent = a.line;
};

Widget.prototype.statusMessage = function (op) {
  return {op: op, id: this.id, now: Math.floor((Date.now() + (this.skew || 0)) / 1000), staleMinutes: Math.max(1, parseFloat(this.options.stale) || 10)};
};

Widget.prototype.checkStale = function () {
  if (this.core && this.hasData) this.showStatus(request(this.core, this.statusMessage('status')));
};

// New results are on screen: the status line, and the polite live region when the wasm has
// news (a new leader, another tenth of the boxes counted), said at most once a minute (the
// latest news waits for the minute to pass).
Widget.prototype.news = function () {
  var a = request(this.core, this.statusMessage('news'));
  this.showStatus(a);
  if (!a.announce) return;
  var self = this, wait = (this.lastAnnounced || -Infinity) + 60000 - Date.now();
  this.pendingAnnouncement = a.announce;
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

Widget.prototype.showMirror = function () {
  this.canvas.style.display = 'none';
  this.sr.style.cssText = SR_VISIBLE;
  this.mirrorVisible = true;
  this.styleMirror();
};

Widget.prototype.hideMirror = function () {
  this.canvas.style.display = '';
  this.sr.style.cssText = SR_HIDDEN;
  this.mirrorVisible = false;
};

// The visible fallback table: plain and legible whatever the page's own table styles are.
Widget.prototype.styleMirror = function () {
  if (!this.mirrorVisible) return;
  var rule = palette(this.dark).rule;
  var cells = this.sr.querySelectorAll('table, caption, th, td, p');
  for (var i = 0; i < cells.length; i++) {
    var c = cells[i], tag = c.tagName;
    if (tag === 'TABLE') c.style.cssText = 'border-collapse:collapse;width:100%;margin:8px 0 16px;font:inherit;';
    else if (tag === 'CAPTION') c.style.cssText = 'text-align:left;font-weight:700;padding:4px 0;';
    else if (tag === 'P') c.style.cssText = 'margin:0 0 8px;';
    else {
      var row = tag === 'TH' && c.scope === 'row', head = tag === 'TH' && c.scope === 'col';
      c.style.cssText = 'padding:4px 8px;border-bottom:1px solid ' + rule + ';font-weight:' + (tag === 'TH' ? '700' : '400') +
        ';text-align:' + (row || (head && c.cellIndex === 0) ? 'left' : 'right') + ';';
    }
  }
};

function element(tag, text, cls) {
  var e = document.createElement(tag);
  if (text != null) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

// The mirror: {lang, sections: [{caption, sentence, columns, rows}]}, or null before results.
Widget.prototype.renderMirror = function (m) {
  var sr = this.sr;
  var notice = sr.querySelector('.sandik-notice'), stale = sr.querySelector('.sandik-stale');
  while (sr.firstChild) sr.removeChild(sr.firstChild);
  if (notice) sr.appendChild(notice);
  if (stale) sr.appendChild(stale);
  sr.appendChild(this.live);  // the same element always: live regions must stay in the page
  sr.setAttribute('lang', m && m.lang || this.options.lang);
  if (!m || !m.sections.length) {
    if (this.core) {
      sr.removeAttribute('aria-busy');
      sr.appendChild(element('p', words(this.core, this.options.lang).loading));
    }
    return;
  }
  sr.removeAttribute('aria-busy');
  m.sections.forEach(function (sec) {
    var section = document.createElement('section');
    section.appendChild(element('p', sec.sentence, 'sandik-sentence'));
    if (sec.rows.length) {
      var table = document.createElement('table');
      table.appendChild(element('caption', sec.caption));
      var thead = document.createElement('thead'), hr = document.createElement('tr');
      sec.columns.forEach(function (c) {
        var th = element('th', c);
        th.scope = 'col';
        hr.appendChild(th);
      });
      thead.appendChild(hr);
      table.appendChild(thead);
      var tbody = document.createElement('tbody');
      sec.rows.forEach(function (row) {
        var tr = document.createElement('tr');
        row.forEach(function (cell, i) {
          var td = element(i === 0 ? 'th' : 'td', cell);
          if (i === 0) td.scope = 'row';
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
