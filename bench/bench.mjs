// Benchmarks in headless Chromium (Debian's), printed as a table. Not a test: numbers for the
// closing note.   node bench/bench.mjs [AREAS] [CONTESTANTS]
//
//  1. parse + validate + aggregate: the widget's wasm (Sandik.check) against the browser's own
//     JSON.parse on the same bytes, and the native build (build/native/sandik-bench).
//     node bench/bench.mjs FEED.json   the same on a feed of your own (the national feed:
//     sandik import --from aa … > turkiye.json), instead of a made-up one
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, launch } from '../tests/browser/harness.mjs';

const given = (process.argv[2] || '').endsWith('.json') ? path.resolve(process.argv[2]) : null;
const areas = Number(given ? 0 : process.argv[2] || 10000), contestants = Number(process.argv[3] || 20);
const dir = mkdtempSync(path.join(os.tmpdir(), 'sandik-bench-'));
const feedPath = given || path.join(dir, 'feed.json');
if (!given) {
  writeFileSync(feedPath, execFileSync('python3', [path.join(ROOT, 'bench/make_feed.py'), String(areas), String(contestants)],
    { maxBuffer: 1 << 30 }));
}
const native = JSON.parse(execFileSync(path.join(ROOT, 'build/native/sandik-bench'), [feedPath, '10'], { encoding: 'utf8' }));

const server = await startServer();
const browser = await launch();
const page = await browser.newPage();
await page.setContent(`<!doctype html><script src="${server.url}dist/sandik.js"></script>`);
await page.waitForFunction(() => window.Sandik);
const bytes = execFileSync('cat', [feedPath], { maxBuffer: 1 << 30 });
const result = await page.evaluate(async (b64) => {
  const bin = atob(b64);
  const buf = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
  const text = new TextDecoder().decode(buf);
  await Sandik.check('{}');  // load and compile the wasm first
  // The first check of the feed, while the browser still runs the wasm's baseline code; then
  // five more untimed, so that the best of the timed runs is the optimised code's.
  const cold = (await Sandik.check(buf)).ms;
  for (let i = 0; i < 5; i++) await Sandik.check(buf);
  const runs = 80;  // the best of many: a shared machine's steal time inflates single runs
  let wasm = Infinity, wasmOuter = Infinity, jsonParse = Infinity, ok = false;
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    JSON.parse(text);
    jsonParse = Math.min(jsonParse, performance.now() - t);
    t = performance.now();
    const r = await Sandik.check(buf);
    wasmOuter = Math.min(wasmOuter, performance.now() - t);
    wasm = Math.min(wasm, r.ms);
    ok = r.ok;
  }
  return { wasm, wasmOuter, jsonParse, ok, cold };
}, bytes.toString('base64'));
await browser.close();
server.stop();

const rows = [
  ['feed', `${given ? path.basename(given) : `${areas} areas × ${contestants} contestants`}, ${(native.bytes / 1e6).toFixed(2)} MB`, ''],
  ['JSON.parse (Chromium)', result.jsonParse.toFixed(1) + ' ms', 'the browser alone, no validation'],
  ['wasm parse+validate+aggregate', result.wasm.toFixed(1) + ' ms', `${(result.wasm / result.jsonParse).toFixed(2)} × JSON.parse; target ≤ 2.5× (the national feed) and < 100 ms`],
  ['wasm incl. copy into the heap', result.wasmOuter.toFixed(1) + ' ms', ''],
  ['wasm, the first check of it', result.cold.toFixed(1) + ' ms', 'before the browser has optimised the wasm'],
  ['native parse+validate+aggregate', native.total_ms.toFixed(1) + ' ms', 'build/native, best of 10'],
];
if (!result.ok) rows.push(['WARNING', 'the feed did not validate in wasm', '']);
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
