// sandik web platform — the few things C++ asks of the browser (linked with --js-library).
mergeInto(LibraryManager.library, {
  // The WebGL2 context of widget `id`'s canvas (the loader makes it, often before the wasm is
  // here); 0 when there is none (no WebGL2, or the browser refuses more contexts).
  sandik_js_create_context__deps: ['$GL'],
  sandik_js_create_context: function (id) {
    var ctx = Module['sandikWebGL'] && Module['sandikWebGL'](id);
    return ctx ? GL.registerContext(ctx, {majorVersion: 2, minorVersion: 0}) : 0;
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

  // The glyph atlas at `dpr` with `count` more code points than the base set, as loader.js
  // (glyphAtlas) measured and packed it: its size and table in one block from malloc
  // (font_atlas.cpp reads and frees it); the atlas (its canvas, what draws on it) kept here under
  // the returned block's id.
  sandik_js_glyph_atlas__deps: ['malloc'],
  sandik_js_glyph_atlas: function (dpr, codepoints, count) {
    var a = Module['sandikGlyphAtlas'](dpr, Array.prototype.slice.call(HEAPU32.subarray(codepoints >> 2, (codepoints >> 2) + count)));
    var atlases = Module['sandikGlyphAtlases'] || (Module['sandikGlyphAtlases'] = [null]);
    var id = atlases.push(a) - 1;
    var p = _malloc(20 + a.table.length * 4);
    HEAP32.set([a.width, a.height, a.faces, a.glyphs, id], p >> 2);
    HEAPF32.set(a.table, (p >> 2) + 5);
    return p;
  },
  // Draws `count` glyphs of atlas `id` (their indices in its table) on its canvas.
  sandik_js_draw_glyphs: function (id, glyphs, count) {
    Module['sandikGlyphAtlases'][id].draw(HEAP32.subarray(glyphs >> 2, (glyphs >> 2) + count));
  },
  // The glyphs of atlas `id` into the bound texture at (0, 0), one channel: the canvas keeps its
  // pixels premultiplied, so white glyphs give their coverage in red.
  sandik_js_upload_glyphs__deps: ['$GL'],
  sandik_js_upload_glyphs: function (id) {
    var canvas = Module['sandikGlyphAtlases'][id].canvas;
    GLctx.pixelStorei(0x9241 /* UNPACK_PREMULTIPLY_ALPHA_WEBGL */, true);
    GLctx.texSubImage2D(0x0DE1 /* TEXTURE_2D */, 0, 0, 0, 0x1903 /* RED */, 0x1401 /* UNSIGNED_BYTE */, canvas);
    GLctx.pixelStorei(0x9241, false);
  },
  // Atlas `id` was made again (more glyphs): its canvas's pixels go.
  sandik_js_release_glyphs: function (id) {
    var atlases = Module['sandikGlyphAtlases'];
    if (atlases && atlases[id]) { atlases[id].canvas.width = atlases[id].canvas.height = 1; atlases[id] = null; }
  },
});
