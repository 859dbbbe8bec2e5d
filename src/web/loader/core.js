// sandik loader: core.js — the page side's start, and its one door into the wasm.
//
// INDEX
//   sandik:start      the performance mark, the script's first statement
//   loadCore()        the wasm, fetched and compiled once a page (the glue's createSandikCore)
//   loadConverter()   the agencies' converter (sandik-convert.wasm), only for a widget that needs it
//   request()         the one door: a versioned JSON message (and bytes) in, a JSON answer out
//   frame(), input()  the two hot calls, with protocol.json's codes (PROTOCOL)
//   words()           the loader's words in the reader's language, from the wasm's strings table
//   nextTask(), emit(), idle()
//
// The loader is bundled by tools/bundle.py into dist/sandik.js, in one closure with the
// Emscripten glue, after DESIGN (src/ui/design.json) and PROTOCOL (src/web/protocol.json), in
// this order: core, glyphs, dom, contexts, input, place, fetch, images, api. The page gets one global, `Sandik`.
var SANDIK_VERSION = '0.1.0';
// The script's first statement (the glue before it only defines a function): the start of the
// time to the first draw, for newsrooms' own performance panels.
if (typeof performance !== 'undefined' && performance.mark) performance.mark('sandik:start');
var scriptSrc = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || '';
var baseUrl = scriptSrc ? scriptSrc.slice(0, scriptSrc.lastIndexOf('/') + 1) : '';

var widgets = {};  // by id: the widgets on the page
var nextId = 1;

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

// The agencies' converter (src/web/converter.cpp), a module without glue: fetched and started once
// a page, by the first widget whose data-format names an agency. It answers through the same
// door as the widget's module (request(), sliced()), so it is given the same few members.
var converterPromise = null;
function loadConverter() {
  if (converterPromise) return converterPromise;
  var exports = null, encoder = new TextEncoder(), decoder = new TextDecoder();
  var heap = function () { return new Uint8Array(exports.memory.buffer); };
  var imports = {
    env: {emscripten_notify_memory_growth: function () {}},
    wasi_snapshot_preview1: {
      clock_time_get: function (clock, precision, at) {  // the converter's slices are timed by it
        new DataView(exports.memory.buffer).setBigUint64(at, BigInt(Math.round(performance.now() * 1e6)), true);
        return 0;
      },
      proc_exit: function (code) { throw new Error('sandik: the converter stopped (' + code + ')'); }
    }
  };
  var url = baseUrl + 'sandik-convert.wasm';
  var started = typeof WebAssembly.instantiateStreaming === 'function'
    ? WebAssembly.instantiateStreaming(fetch(url, {credentials: 'omit'}), imports)
    : fetch(url, {credentials: 'omit'}).then(function (r) { return r.arrayBuffer(); })
        .then(function (b) { return WebAssembly.instantiate(b, imports); });
  converterPromise = started.then(function (r) {
    exports = r.instance.exports;
    exports._initialize();
    return {
      _malloc: exports.malloc, _free: exports.free, _sandik_request: exports.sandik_request,
      get HEAPU8() { return heap(); },
      lengthBytesUTF8: function (s) { return encoder.encode(s).length; },
      stringToUTF8: function (s, at, n) { var b = encoder.encode(s); heap().set(b.subarray(0, n - 1), at); heap()[at + Math.min(b.length, n - 1)] = 0; },
      UTF8ToString: function (at) { var h = heap(), end = at; while (h[end]) end++; return decoder.decode(h.subarray(at, end)); }
    };
  });
  converterPromise.catch(function () { converterPromise = null; });  // (tried again by the next poll)
  return converterPromise;
}

// Sends `message` (an object; `op` says what it asks) with optional `bytes` through
// sandik_request and returns the answer. An answer with `error` is a mistake in this loader.
function request(core, message, bytes) {
  message.v = PROTOCOL.version;
  var text = JSON.stringify(message);
  var n = core.lengthBytesUTF8(text) + 1, len = bytes ? bytes.length : 0;
  var p = core._malloc(n + len);
  var answer;
  try {
    core.stringToUTF8(text, p, n);
    if (len) core.HEAPU8.set(bytes, p + n);
    answer = JSON.parse(core.UTF8ToString(core._sandik_request(p, n - 1, p + n, len)));
  } finally {
    core._free(p);
  }
  if (answer.error) throw new Error('sandik: ' + message.op + ': ' + answer.error);
  return answer;
}

// A request the wasm answers in slices of SLICE_MS ({more: true} until done), the page having
// its turn between them, so that a very large feed never holds the main thread long. `next`
// makes the next slice's message from the last answer; `going` says whether to go on. Resolves
// with the answer (in a task of its own), or null when given up or superseded.
var SLICE_MS = 12;
function sliced(core, message, bytes, next, going) {
  message.ms = SLICE_MS;
  var answer = request(core, message, bytes);
  if (!answer.more) return Promise.resolve(answer.superseded ? null : answer);
  return new Promise(function (resolve, reject) {
    var step = function () {
      if (going && !going()) return resolve(null);
      try {
        answer = request(core, next(answer));
      } catch (e) {
        return reject(e);
      }
      if (answer.more) setTimeout(step, 0);
      else setTimeout(function () { resolve(answer.superseded ? null : answer); }, 0);
    };
    setTimeout(step, 0);
  });
}

// Lays out (and with mode draw, draws) widget `id`: {more, resize, mirror (it changed since the
// loader last asked), moved (the tab, area or table changed: ask for the place), images (photos
// or logos to load), height (CSS pixels)}.
function frame(core, id, t, mode) {
  var r = core._sandik_frame(id, t, PROTOCOL.frame_mode[mode]), bits = PROTOCOL.frame_result;
  return {more: (r & bits.more) !== 0, resize: (r & bits.resize) !== 0, mirror: (r & bits.mirror) !== 0,
          moved: (r & bits.moved) !== 0, images: (r & bits.images) !== 0,
          parts: (r & bits.parts) !== 0, height: r >> bits.height_shift};
}

// Pointer and wheel input in CSS pixels from the canvas; for the wheel, whether the widget scrolled.
function input(core, id, kind, x, y, dy) { return core._sandik_input(id, PROTOCOL.input[kind], x, y, dy || 0) !== 0; }

var wordsByLang = {};
function words(core, lang) { return wordsByLang[lang] || (wordsByLang[lang] = request(core, {op: 'words', lang: lang})); }

// Runs `fn` in a task of its own, soon: without the 4 ms a setTimeout nested five deep waits.
var nextTask = (function () {
  if (typeof MessageChannel === 'undefined') return function (fn) { setTimeout(fn, 0); };
  var queue = [], channel = new MessageChannel();
  channel.port1.onmessage = function () { var fn = queue.shift(); if (fn) fn(); };
  return function (fn) { queue.push(fn); channel.port2.postMessage(0); };
})();

// Runs `fn` when the page is idle (at most `timeout` ms later).
function idle(fn, timeout) {
  if (typeof requestIdleCallback !== 'undefined') requestIdleCallback(fn, {timeout: timeout});
  else setTimeout(fn, Math.min(timeout, 300));
}

function emit(w, type, detail) {
  w.el.dispatchEvent(new CustomEvent(type, {detail: detail, bubbles: true}));
}
