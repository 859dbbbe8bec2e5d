// The widget in a page, measured in headless Chromium (Debian's) and printed as a table: bytes
// before the first draw, time to first draw, main-thread time while idle with 8 widgets, frame
// time while scrolling a 1,000-area table. Not a test.
//   node bench/page.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, launch } from '../tests/browser/harness.mjs';

const server = await startServer();
const browser = await launch();
const rows = [];
const dir = mkdtempSync(path.join(os.tmpdir(), 'sandik-page-'));
const big = path.join(dir, 'big.json');
writeFileSync(big, execFileSync('python3', [path.join(ROOT, 'bench/make_feed.py'), '1000', '8', '1'], { maxBuffer: 1 << 28 }));

async function page(width = 760) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const p = await context.newPage();
  const cdp = await context.newCDPSession(p);
  await cdp.send('Network.enable');
  await cdp.send('Performance.enable');
  return { context, p, cdp };
}

// 1. Bytes and first draw: the demo's first widget.
{
  const { context, p, cdp } = await page();
  const sizes = {};
  cdp.on('Network.loadingFinished', (e) => { sizes[e.requestId] = e.encodedDataLength; });
  const urls = {};
  cdp.on('Network.responseReceived', (e) => { urls[e.requestId] = e.response.url; });
  const t0 = Date.now();
  await p.goto(server.url);
  await p.waitForFunction(() => document.querySelector('#summary .sandik-sr table'));
  const firstDraw = await p.evaluate(() => {
    const e = performance.getEntriesByType('resource').find((r) => r.name.endsWith('sandik.js'));
    return { scriptStart: e ? e.startTime : 0, now: performance.now() };
  });
  const widgetBytes = Object.entries(sizes).filter(([id]) => /sandik\.(js|wasm)$/.test(urls[id] || '')).reduce((a, [, n]) => a + n, 0);
  const gz = (f) => Number(execFileSync('sh', ['-c', `gzip -9 -c "${f}" | wc -c`], { encoding: 'utf8' }));
  const gzip = gz(path.join(ROOT, 'dist/sandik.js')) + gz(path.join(ROOT, 'dist/sandik.wasm'));
  rows.push(['bytes before the first widget draws: js + wasm (fonts inside)', `${(widgetBytes / 1024).toFixed(0)} KB as served here, ${(gzip / 1024).toFixed(0)} KB gzip -9`, '≤ 200 KB gzip']);
  rows.push(['first draw after the script starts (feed on loopback)', `${(firstDraw.now - firstDraw.scriptStart).toFixed(0)} ms`, '≤ 500 ms']);
  void t0;
  await context.close();
}

// 2. Idle: 8 widgets on one page, main-thread time over 5 s.
{
  const { context, p, cdp } = await page(760);
  await p.goto(server.url);
  await p.evaluate(() => {
    for (let i = 0; i < 5; i++) {
      const el = document.createElement('div');
      el.dataset.sandikFeed = 'feeds/istanbul-2024.json';
      el.dataset.view = ['summary', 'table', 'sources', 'timeline', 'full'][i];
      el.className = 'extra';
      document.querySelector('main').appendChild(el);
    }
  });
  await p.waitForFunction(() => document.querySelectorAll('[data-sandik-feed] .sandik-sr table').length >= 8, null, { timeout: 30000 });
  await p.waitForTimeout(1500);
  const m0 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  await p.waitForTimeout(5000);
  const m1 = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const busy = (m1.TaskDuration - m0.TaskDuration) / (m1.Timestamp - m0.Timestamp);
  rows.push(['main-thread time while idle, 8 widgets', `${(busy * 100).toFixed(2)} % of a core`, '≤ 1 %']);
  await context.close();
}

// 4. Frame time while scrolling a 1,000-area table (wheel inside the table).
{
  const { context, p, cdp } = await page(1000);
  await p.route('**/big-feed.json', (route) => route.fulfill({ path: big, contentType: 'application/json' }));
  await p.goto(server.url + 'feeds/istanbul-2024.json');
  await p.setContent(`<!doctype html><body style="margin:0"><div id="t" data-sandik-feed="${server.url}big-feed.json" data-view="table" data-area="d0"></div>
    <script src="${server.url}dist/sandik.js"></script></body>`);
  await p.waitForFunction(() => document.querySelector('#t .sandik-sr table'), null, { timeout: 30000 });
  await p.waitForTimeout(500);
  const box = await p.locator('#t canvas').boundingBox();
  await p.mouse.move(box.x + box.width / 2, box.y + 300);
  const frameTimes = await p.evaluate(() => {
    window.__frames = [];
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => raf((t) => { const s = performance.now(); cb(t); window.__frames.push(performance.now() - s); });
    return true;
  });
  void frameTimes;
  for (let i = 0; i < 40; i++) { await p.mouse.wheel(0, 120); await p.waitForTimeout(30); }
  await p.waitForTimeout(300);
  const f = await p.evaluate(() => window.__frames.slice().sort((a, b) => a - b));
  const p95 = f.length ? f[Math.floor(f.length * 0.95)] : NaN;
  const median = f.length ? f[Math.floor(f.length / 2)] : NaN;
  rows.push(['frame time scrolling a 1,000-area table (median / p95, SwiftShader)', `${median.toFixed(1)} / ${p95.toFixed(1)} ms (${f.length} frames)`, '≤ 8 ms']);
  void cdp;
  await context.close();
}

await browser.close();
server.stop();
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
for (const r of rows) console.log(r.map((c, i) => c.padEnd(w[i])).join('  '));
