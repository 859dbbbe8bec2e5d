// Where Sandik.check spends its time: Chromium's CPU profile of 40 checks of a feed, printed as
// self and total percent by function (idle included). Not a test: for finding what to speed up.
//   node bench/profile.mjs FEED [DIST]   DIST: a build's output under dist/ (sandik serve serves
//                                         no other build), default dist; names need a profiling build:
//   printf '#!/bin/sh\nexec wasm-opt -g "$@"\n' > /tmp/wasm-opt-g && chmod +x /tmp/wasm-opt-g
//   emcmake cmake -S . -B build/wasm-prof -DCMAKE_BUILD_TYPE=MinSizeRel -DIMGUI_DIR=… \
//     -DDIST_DIR=$PWD/build/prof-dist -DSANDIK_WASM_OPT=/tmp/wasm-opt-g -DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs
//   cmake --build build/wasm-prof && cp -r build/prof-dist dist/prof && node bench/profile.mjs FEED dist/prof
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch } from '../tests/browser/harness.mjs';
const feed = readFileSync(path.resolve(process.argv[2]));
const dist = process.argv[3] || 'dist';
const server = await startServer();
const browser = await launch();
const page = await browser.newPage();
await page.setContent(`<!doctype html><script src="${server.url}${dist}/sandik.js"></script>`);
await page.waitForFunction(() => window.Sandik);
await page.evaluate(async (b64) => {
  const bin = atob(b64); const buf = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
  window.__buf = buf; await Sandik.check('{}'); for (let i = 0; i < 8; i++) await Sandik.check(buf);
}, feed.toString('base64'));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await page.evaluate(async () => { for (let i = 0; i < 40; i++) await Sandik.check(window.__buf); });
const { profile } = await cdp.send('Profiler.stop');
await browser.close(); server.stop();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const counts = new Map();
for (const s of profile.samples) counts.set(s, (counts.get(s) || 0) + 1);
const self = new Map(), total = new Map();
let all = 0;
for (const [id, c] of counts) {
  all += c;
  const name = (n) => n.callFrame.functionName || '(anon)';
  const me = byId.get(id);
  self.set(name(me), (self.get(name(me)) || 0) + c);
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const nm = name(byId.get(x));
    if (seen.has(nm)) continue;
    seen.add(nm); total.set(nm, (total.get(nm) || 0) + c);
  }
}
const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 45);
const pct = (c) => (100 * c / all).toFixed(1).padStart(5);
for (const [n, c] of top) console.log(pct(c), pct(total.get(n) || 0), n.slice(0, 110));
