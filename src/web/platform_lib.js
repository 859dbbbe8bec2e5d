// sandik web platform — the few things C++ asks of the browser (linked with --js-library).
mergeInto(LibraryManager.library, {
  // A WebGL2 context on the canvas the loader registered for widget `id`; 0 when there is none
  // (no WebGL2, or the browser refuses more contexts).
  sandik_js_create_context__deps: ['$GL'],
  sandik_js_create_context: function (id) {
    var canvas = Module['sandikCanvas'] && Module['sandikCanvas'](id);
    if (!canvas) return 0;
    var attrs = {
      alpha: false, depth: false, stencil: false, antialias: false, premultipliedAlpha: true,
      preserveDrawingBuffer: false, powerPreference: 'low-power', failIfMajorPerformanceCaveat: false,
      majorVersion: 2, minorVersion: 0, enableExtensionsByDefault: 0
    };
    var ctx = canvas.getContext('webgl2', attrs);
    if (!ctx) return 0;
    return GL.registerContext(ctx, attrs);
  },
  // Whether the context is lost right now. The "webglcontextlost" event comes later: a frame in
  // between must not touch GL (Emscripten's glGetProgramiv would read a null info log).
  sandik_js_context_is_lost__deps: ['$GL'],
  sandik_js_context_is_lost: function (handle) {
    var c = GL.contexts[handle];
    return !c || c.GLctx.isContextLost() ? 1 : 0;
  },
  sandik_js_delete_context__deps: ['$GL'],
  sandik_js_delete_context: function (handle) {
    if (handle && GL.contexts[handle]) GL.deleteContext(handle);
  },

  // The widget's glyphs come from the browser's own fonts (src/web/font_atlas.cpp). Measures
  // `count` code points in `cssFont`: advance, bounding box left, right, ascent and descent of
  // each (5 floats), then the font's ascent and descent, at `out`.
  sandik_js_measure_glyphs: function (cssFont, codepoints, count, out) {
    var ctx = sandikGlyphContext(1, 1);
    ctx.font = UTF8ToString(cssFont);
    var f = out >> 2, m;
    for (var i = 0; i < count; i++, f += 5) {
      m = ctx.measureText(String.fromCodePoint(HEAPU32[(codepoints >> 2) + i]));
      HEAPF32[f] = m.width;
      HEAPF32[f + 1] = m.actualBoundingBoxLeft;
      HEAPF32[f + 2] = m.actualBoundingBoxRight;
      HEAPF32[f + 3] = m.actualBoundingBoxAscent;
      HEAPF32[f + 4] = m.actualBoundingBoxDescent;
    }
    m = ctx.measureText('Hg');
    var px = parseFloat(/([\d.]+)px/.exec(ctx.font)[1]) || 16;
    HEAPF32[f] = m.fontBoundingBoxAscent != null ? m.fontBoundingBoxAscent : px * 0.93;
    HEAPF32[f + 1] = m.fontBoundingBoxDescent != null ? m.fontBoundingBoxDescent : px * 0.24;
  },
  sandik_js_atlas_begin__deps: ['$sandikGlyphContext'],
  sandik_js_atlas_begin: function (width, height) {
    var ctx = sandikGlyphContext(width, height);
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = '#fff';
    ctx.textBaseline = 'alphabetic';
    ctx.textAlign = 'left';
  },
  // Draws `count` glyphs of `cssFont`, each with its origin at (x, y) from `origins`.
  sandik_js_atlas_draw__deps: ['$sandikGlyphContext'],
  sandik_js_atlas_draw: function (cssFont, codepoints, origins, count) {
    var ctx = sandikGlyphContext();
    ctx.font = UTF8ToString(cssFont);
    for (var i = 0; i < count; i++)
      ctx.fillText(String.fromCodePoint(HEAPU32[(codepoints >> 2) + i]), HEAPF32[(origins >> 2) + 2 * i], HEAPF32[(origins >> 2) + 2 * i + 1]);
  },
  // The atlas's coverage (its alpha channel) into `alpha`, then the canvas is let go.
  sandik_js_atlas_end__deps: ['$sandikGlyphContext'],
  sandik_js_atlas_end: function (alpha, width, height) {
    var ctx = sandikGlyphContext();
    var rgba = ctx.getImageData(0, 0, width, height).data;
    for (var i = 0, n = width * height; i < n; i++) HEAPU8[alpha + i] = rgba[4 * i + 3];
    sandikGlyphContext(1, 1);
  },
  sandik_js_measure_glyphs__deps: ['$sandikGlyphContext'],
  // One 2D canvas for all of it (never in the page); resized, and so cleared, when a size is
  // given. A document canvas, not an OffscreenCanvas: in Chromium its first text measurement is
  // ~50 ms faster (the page's font set is ready for it).
  $sandikGlyphContext: function (width, height) {
    var c = Module['sandikGlyphCanvas'];
    if (!c) {
      c = Module['sandikGlyphCanvas'] = typeof document !== 'undefined' ? document.createElement('canvas') : new OffscreenCanvas(1, 1);
      Module['sandikGlyphCtx'] = c.getContext('2d', {willReadFrequently: true});
    }
    if (width) { c.width = width; c.height = height; }
    return Module['sandikGlyphCtx'];
  },
});
