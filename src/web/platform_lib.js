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
  sandik_js_delete_context__deps: ['$GL'],
  sandik_js_delete_context: function (handle) {
    if (handle && GL.contexts[handle]) GL.deleteContext(handle);
  },
});
