// Makes the widget's map assets, assets/maps/ID.json, from the OpenStreetMap boundaries in
// ../shared/data/geo with the field's own tools (pinned in package-lock.json):
//   mapshaper  projection, simplification that keeps a border shared by two areas one border
//              (it builds the topology first), and a label point inside each area
//   earcut     the triangles each area is filled with
//   munkres-js the tile grid: each area to one hexagon, all of them at once (the assignment
//              problem, solved exactly by the Hungarian method)
// then fits each map into whole units (kMapWidth across) and finds each area's neighbours (the
// areas it shares a border with: the keyboard's arrows). The format: docs/maps.md.
//
//   node tools/make-maps.mjs            writes assets/maps/*.json
//   node tools/make-maps.mjs --check    exits 1 if a committed map is not what this makes
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mapshaper from 'mapshaper';
import earcut from 'earcut';
import munkres from 'munkres-js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const GEO = process.env.SANDIK_GEO || path.join(ROOT, '../shared/data/geo');
const OUT = path.join(ROOT, 'assets/maps');
const kMapWidth = 2000;  // units across the map's widest side: 1,170 device pixels at 390 px DPR 3

// Each map: its boundaries, the feed area whose children it shows, and how a shape names itself.
const MAPS = [
  {
    id: 'istanbul',
    file: 'istanbul-districts-osm.geojson',
    title: { tr: 'İstanbul ilçeleri', en: 'Istanbul districts' },
    parent: { name: 'İstanbul', code: '34' },
    // "Adalar, İstanbul, Marmara Bölgesi, Türkiye": the district is the first part. No codes.
    name: (p) => String(p.display_name).split(',')[0].trim(),
    code: () => null,
    simplify: '7%',
    source: 'OpenStreetMap via Nominatim (sahircansurmeli/istanbul-geojson, 2020), land only',
  },
  {
    id: 'turkiye',
    file: 'turkiye-provinces.geojson',
    title: { tr: 'Türkiye illeri', en: 'Provinces of Türkiye' },
    parent: { name: 'Türkiye', code: null },
    name: (p) => String(p.name),
    code: (p) => String(p.number),  // the plate code: ANKA Kod, AA k
    simplify: '45%',
    source: 'OpenStreetMap (alpers/Turkey-Maps-GeoJSON)',
  },
];

async function run(commands, input) {
  return new Promise((resolve, reject) => {
    mapshaper.applyCommands(commands, input, (err, output) => (err ? reject(err) : resolve(output)));
  });
}

async function make(map) {
  const input = { 'in.json': readFileSync(path.join(GEO, map.file), 'utf8') };
  // Web Mercator (what every tile map a reader knows uses), Visvalingam weighted simplification
  // keeping every area, and a label point inside each (mapshaper's "inner" point).
  const common = `-i in.json -proj +proj=merc +datum=WGS84 -simplify ${map.simplify} weighted keep-shapes`;
  const shapes = JSON.parse((await run(`${common} -o out.json format=geojson`, input))['out.json']);
  const points = JSON.parse((await run(`${common} -points inner -o out.json format=geojson`, input))['out.json']);

  // Fit into whole units, y down, the widest side kMapWidth across.
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  const polygonsOf = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);
  for (const f of shapes.features)
    for (const poly of polygonsOf(f.geometry))
      for (const ring of poly)
        for (const [x, y] of ring) {
          x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
        }
  const scale = kMapWidth / Math.max(x1 - x0, y1 - y0);
  const fit = ([x, y]) => [Math.round((x - x0) * scale), Math.round((y1 - y) * scale)];
  const size = [Math.round((x1 - x0) * scale), Math.round((y1 - y0) * scale)];

  const out = [];
  const edges = new Map();  // a border segment -> the shapes it bounds
  shapes.features.forEach((f, index) => {
    const vertices = [], rings = [], triangles = [];
    for (const poly of polygonsOf(f.geometry)) {
      const flat = [], holes = [];
      for (const ring of poly) {
        // Whole units can make neighbouring points one: drop repeats and the closing point.
        const pts = [];
        for (const p of ring.map(fit)) {
          const last = pts[pts.length - 1];
          if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
        }
        while (pts.length > 1 && pts[0][0] === pts[pts.length - 1][0] && pts[0][1] === pts[pts.length - 1][1]) pts.pop();
        if (pts.length < 3) continue;
        if (flat.length) holes.push(flat.length / 2);
        const start = vertices.length / 2;
        rings.push([start, pts.length]);
        for (const p of pts) { flat.push(p[0], p[1]); vertices.push(p[0], p[1]); }
        for (let i = 0; i < pts.length; i++) {
          const a = pts[i], b = pts[(i + 1) % pts.length];
          const key = a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]) ? `${a}|${b}` : `${b}|${a}`;
          if (!edges.has(key)) edges.set(key, new Set());
          edges.get(key).add(index);
        }
      }
      if (!flat.length) continue;
      const base = vertices.length / 2 - flat.length / 2;
      for (const t of earcut(flat, holes.length ? holes : undefined)) triangles.push(base + t);
    }
    const label = points.features[index] && points.features[index].geometry
      ? fit(points.features[index].geometry.coordinates) : [vertices[0], vertices[1]];
    out.push({
      name: map.name(f.properties),
      ...(map.code(f.properties) ? { code: map.code(f.properties) } : {}),
      label,
      vertices,
      rings,
      triangles,
      neighbors: [],
    });
  });
  for (const set of edges.values()) {
    if (set.size < 2) continue;
    for (const a of set) for (const b of set) if (a !== b && !out[a].neighbors.includes(b)) out[a].neighbors.push(b);
  }
  for (const s of out) s.neighbors.sort((a, b) => a - b);
  const grid = tiles(out, size);
  const abbr = abbreviations(out.map((s) => s.name));
  out.forEach((s, i) => { s.tile = grid.tiles[i]; s.short = abbr[i]; });
  return {
    format: 'sandik-map/1',
    id: map.id,
    title: map.title,
    parent: map.parent,
    credit: '© OpenStreetMap contributors',
    license: 'ODbL 1.0',
    source: map.source,
    size,
    tiles: [grid.columns, grid.rows],
    shapes: out,
  };
}

// The tile grid: every area one equal hexagon (pointy top; odd rows shifted half a tile right),
// so that a small district weighs as much as a large one. For grids of a range of widths laid
// over the map, each area goes to one cell so that the squared distances from the areas' label
// points to their cells' centres add up to the least (an exact assignment, munkres-js); the
// width kept is the one where the most pairs of neighbouring areas are neighbouring tiles, the
// fewest cells apart otherwise. Rows and columns no area took are dropped.
function tiles(shapes, [width, height]) {
  const n = shapes.length;
  const across = Math.ceil(Math.sqrt((n * width) / height));
  const hexNeighbours = (c, r) => {
    const odd = r & 1;
    return [[c - 1, r], [c + 1, r], [c - 1 + odd, r - 1], [c + odd, r - 1], [c - 1 + odd, r + 1], [c + odd, r + 1]];
  };
  let best = null;
  for (let columns = across; columns <= across + 8; columns++) {
    const w = width / columns, h = w * Math.sqrt(3) / 2;
    const rows = Math.ceil(height / h) + 1;
    const cells = [];
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns + (r & 1 ? 0 : 1); c++) cells.push([c, r, (c + (r & 1 ? 0.5 : 0)) * w, r * h]);
    if (cells.length < n) continue;
    const cost = shapes.map((s) => cells.map(([, , x, y]) => ((s.label[0] - x) / w) ** 2 + ((s.label[1] - y) / w) ** 2));
    const taken = new Array(n);
    for (const [i, j] of munkres(cost)) taken[i] = [cells[j][0], cells[j][1]];
    let adjacent = 0, pairs = 0, apart = 0;
    shapes.forEach((s, i) => {
      for (const k of s.neighbors) {
        if (k < i) continue;
        pairs++;
        const near = hexNeighbours(...taken[i]).some(([c, r]) => c === taken[k][0] && r === taken[k][1]);
        if (near) adjacent++;
        apart += Math.hypot(taken[i][0] - taken[k][0], taken[i][1] - taken[k][1]);
      }
    });
    if (!best || adjacent > best.adjacent || (adjacent === best.adjacent && apart < best.apart))
      best = { taken, adjacent, pairs, apart };
  }
  const minC = Math.min(...best.taken.map((t) => t[0]));
  let minR = Math.min(...best.taken.map((t) => t[1]));
  minR -= minR & 1;  // (an even shift keeps odd rows odd)
  const placed = best.taken.map(([c, r]) => [c - minC, r - minR]);
  return {
    tiles: placed,
    columns: Math.max(...placed.map((t) => t[0])) + 1,
    rows: Math.max(...placed.map((t) => t[1])) + 1,
    adjacent: best.adjacent,
    pairs: best.pairs,
  };
}

// One line per shape: small diffs when a map is remade, and gzip finds the repeats all the same.
function text(map) {
  const { shapes, ...head } = map;
  return JSON.stringify(head).slice(0, -1) + ',"shapes":[\n' + shapes.map((s) => JSON.stringify(s)).join(',\n') + '\n]}\n';
}

// Each tile's label where the name does not fit: three letters, unique on the map, in Turkish
// upper case. A name's first three where no other name starts so ("KAD"); the others, in
// Turkish alphabetical order, their first two and a later letter, consonants first ("KAS" for
// Kars beside Karabük's "KAR"... ), else any three in order.
function abbreviations(names) {
  const letters = names.map((n) => [...n.toLocaleUpperCase('tr-TR')].filter((c) => !/[\s.'-]/.test(c)));
  const first3 = (i) => letters[i].slice(0, 3).join('');
  const out = names.map((_, i) => (names.filter((_, k) => first3(k) === first3(i)).length === 1 ? first3(i) : ''));
  const taken = new Set(out.filter(Boolean));
  const vowel = (c) => 'AEIİOÖUÜÂÎÛ'.includes(c);
  const rest = names.map((_, i) => i).filter((i) => !out[i]);
  rest.sort((a, b) => new Intl.Collator('tr').compare(names[a], names[b]));
  for (const i of rest) {
    const l = letters[i];
    let pick = '';
    for (let pass = 0; pass < 2 && !pick; pass++)
      for (let j = 2; j < l.length && !pick; j++) {
        const a = l[0] + l[1] + l[j];
        if ((pass === 1 || !vowel(l[j])) && !taken.has(a)) pick = a;
      }
    for (let a = 1; a < l.length && !pick; a++)
      for (let b = a + 1; b < l.length && !pick; b++)
        if (!taken.has(l[0] + l[a] + l[b])) pick = l[0] + l[a] + l[b];
    out[i] = pick || first3(i);
    taken.add(out[i]);
  }
  return out;
}

function tileNeighbours(shapes) {
  let pairs = 0, near = 0;
  shapes.forEach((s, i) => s.neighbors.forEach((k) => {
    if (k < i) return;
    pairs++;
    const [c, r] = s.tile, [c2, r2] = shapes[k].tile, odd = r & 1;
    if ((r2 === r && Math.abs(c2 - c) === 1) || (Math.abs(r2 - r) === 1 && (c2 === c - 1 + odd || c2 === c + odd))) near++;
  }));
  return `${near}/${pairs}`;
}

const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(OUT, { recursive: true });
// The catalogue the widget is built with (CMake compiles it in): which map shows whose children,
// so that a widget knows which file to fetch, and fetches none where no map applies.
const catalogue = JSON.stringify({
  format: 'sandik-maps/1',
  maps: MAPS.map((m) => ({ id: m.id, file: `${m.id}.json`, parent: m.parent })),
}, null, 1) + '\n';
const outputs = [...await Promise.all(MAPS.map(async (map) => [`${map.id}.json`, text(await make(map))])),
              ['index.json', catalogue]];
for (const [name, made] of outputs) {
  const file = path.join(OUT, name);
  if (check) {
    let committed = '';
    try { committed = readFileSync(file, 'utf8'); } catch { /* missing */ }
    if (committed !== made) {
      console.error(`${path.relative(ROOT, file)} is not what tools/make-maps.mjs makes: run it and commit the result`);
      stale++;
    }
  } else {
    writeFileSync(file, made);
    if (name === 'index.json') continue;
    const shapes = JSON.parse(made).shapes;
    console.log(`${path.relative(ROOT, file)}: ${shapes.length} areas, ${shapes.reduce((n, s) => n + s.vertices.length / 2, 0)} points, ` +
      `${shapes.reduce((n, s) => n + s.triangles.length / 3, 0)} triangles, ${made.length} bytes; tiles ` +
      `${JSON.parse(made).tiles.join('×')}, ${tileNeighbours(shapes)} of neighbouring areas neighbouring tiles`);
  }
}
process.exit(stale ? 1 : 0);
