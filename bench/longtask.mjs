// The longest task on the page's main thread while the widget takes very large feeds, in
// headless Chromium: the bar is 200 ms (issue #17). Not a test.
//   node bench/longtask.mjs [DISTRICTS=60000]
// Three feeds: DISTRICTS districts (summary, table with a search, full view); a night of 100,000
// history points (full view: the timeline); AA's whole-country file read by data-format="aa".
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch } from '../tests/browser/harness.mjs';

const districts = Number(process.argv[2] || 60000);
const make = (...args) => execFileSync('python3', [path.join(ROOT, 'bench/make_feed.py'), ...args.map(String)],
  { maxBuffer: 1 << 30 });
const history = (() => {  // 400 neighbourhoods, and a point every second from 17.00 on
  const feed = JSON.parse(make(400, 8, 39));
  const votes = (i) => Object.fromEntries([...Array(8).keys()].map((k) => [`c${k}`, (i * 7 + k * 13) % 100000]));
  const start = Date.parse('2024-03-31T14:00:00Z');
  feed.races[0].history = {AA: [...Array(100000).keys()].map((i) => ({
    at: new Date(start + i * 1000).toISOString().replace('.000Z', 'Z'), boxes_counted: i % 5000, votes: votes(i)}))};
  return Buffer.from(JSON.stringify(feed));
})();
const aaFile = path.join(ROOT, '../shared/data/turkiye-2024/aa/result-short-2024-04-01T2126-final.json');
const cases = [
  {name: `${districts} districts`, body: make(districts, 8, districts), views: ['summary', 'table', 'full']},
  {name: '100,000 history points', body: history, views: ['full']},
];
if (existsSync(aaFile)) cases.push({name: "AA's whole-country file (data-format=aa)", body: readFileSync(aaFile), views: ['full'], format: 'aa'});

const server = await startServer();
const browser = await launch();
for (const c of cases) {
  console.log(`feed: ${c.name}, ${(c.body.length / 1e6).toFixed(1)} MB`);
  for (const view of c.views) {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.longTasks = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(Math.round(e.duration)); })
        .observe({ type: 'longtask', buffered: true });
    });
    await page.route('**/huge.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: c.body,
      headers: {'Last-Modified': 'Mon, 01 Apr 2024 18:26:00 GMT'} }));
    await page.route('**/long.html', (r) => r.fulfill({ status: 200, contentType: 'text/html', body:
      `<!doctype html><html lang="tr"><body><div id="w" data-sandik-feed="/huge.json" data-view="${view}" data-max-mb="40"` +
      (c.format ? ` data-format="${c.format}"` : '') + `></div><script src="/dist/sandik.js"></script></body></html>` }));
    const t0 = Date.now();
    await page.goto(server.url + 'long.html');
    await page.waitForFunction(() => document.querySelector('#w .sandik-sr table'), null, { timeout: 120000 });
    const shown = Date.now() - t0;
    await page.waitForTimeout(1500);
    const tasks = await page.evaluate(() => window.longTasks);
    const rows = await page.evaluate(() => document.querySelectorAll('#w .sandik-sr tr').length);
    console.log(`${view.padEnd(8)} results shown after ${shown} ms; longest task ${Math.max(0, ...tasks)} ms; ` +
      `tasks over 50 ms: ${tasks.length} (${tasks.join(', ')}); mirror rows ${rows}`);
    if (view === 'table') {  // a reader searching the rows, then clearing the search
      const box = page.locator('#w input[type=search]');
      for (const text of ['İlçe 4', '']) {
        const before = await page.evaluate(() => window.longTasks.length);
        await box.fill(text);
        await page.waitForTimeout(1000);
        const after = await page.evaluate((n) => window.longTasks.slice(n), before);
        console.log(`         search "${text}": longest task ${Math.max(0, ...after)} ms`);
      }
    }
    await context.close();
  }
}
await browser.close();
server.stop();
