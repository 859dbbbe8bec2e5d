// sandik loader: glyphs.js — the widget's text, in the reader's own fonts.
//
// INDEX
//   GLYPH_SPEC, BASE_GLYPHS   the faces (sizes, weights) and the characters every atlas has
//   glyphAtlasJob()           measures and packs an atlas in steps; draws glyphs when asked
//   glyphAtlas()              what font_atlas.cpp asks for (through platform_lib.js)
//   beginGlyphAtlas()         begun while the wasm is still on its way
//   drawAllGlyphsWhenIdle()   the glyphs no frame has shown yet, once the page is idle
//
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
// The base set: ASCII, the Turkish letters (U+00C7 U+011E U+0130 U+00D6 U+015E U+00DC and their
// small forms, with U+00E2 U+00EE U+00FB), the marks the strings table uses (U+00B1 U+00B7 U+00AB
// U+00BB U+00B0, dashes, quotes, bullet, ellipsis, single guillemets), the maps' U+00A9 (the
// credit: drawn with the map, it made the atlas again, ~10 ms, just then); font_atlas.cpp draws the
// arrows U+2192 U+25B2 U+25BC itself). Any other letter a feed names is drawn when that feed
// arrives. Not one more: a character the reader's font lacks sends the browser looking through
// every font for it (20-30 ms here for U+2192 or U+2212, which Noto Sans has not).
var BASE_GLYPHS = (function () {
  var cps = [];
  for (var c = 0x20; c < 0x7F; c++) cps.push(c);
  return cps.concat([0xA0, 0xA9, 0xAB, 0xB0, 0xB1, 0xB7, 0xBB, 0xC2, 0xC7, 0xCE, 0xD6, 0xDB, 0xDC, 0xE2, 0xE7, 0xEE, 0xF6,
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
  idle(function more() { if (request(core, {op: 'glyphs', most: 60}).left > 0) idle(more, 2000); }, 2000);
}

