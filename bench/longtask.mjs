// The longest task on the page's main thread while the widget takes a very large feed (tens of
// thousands of districts), in headless Chromium: the bar is 200 ms (issue #17). Not a test.
//   node bench/longtask.mjs [DISTRICTS=60000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startServer, launch } from '../tests/browser/harness.mjs';

const districts = Number(process.argv[2] || 60000);
const dir = mkdtempSync(path.join(os.tmpdir(), 'sandik-long-'));
const feedPath = path.join(dir, 'huge.json');
writeFileSync(feedPath, execFileSync('python3', [path.join(ROOT, 'bench/make_feed.py'), String(districts), '8', String(districts)],
  { maxBuffer: 1 << 30 }));
const feed = readFileSync(feedPath);
const server = await startServer();
const browser = await launch();
console.log(`feed: ${districts} districts, ${(feed.length / 1e6).toFixed(1)} MB`);
for (const view of ['summary', 'table', 'full']) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.longTasks = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.longTasks.push(Math.round(e.duration)); })
      .observe({ type: 'longtask', buffered: true });
  });
  await page.route('**/huge.json', (r) => r.fulfill({ status: 200, contentType: 'application/json', body: feed }));
  await page.route('**/long.html', (r) => r.fulfill({ status: 200, contentType: 'text/html', body:
    `<!doctype html><html lang="tr"><body><div id="w" data-sandik-feed="/huge.json" data-view="${view}" data-max-mb="40"></div>` +
    `<script src="/dist/sandik.js"></script></body></html>` }));
  const t0 = Date.now();
  await page.goto(server.url + 'long.html');
  await page.waitForFunction(() => document.querySelector('#w .sandik-sr table'), null, { timeout: 120000 });
  const shown = Date.now() - t0;
  await page.waitForTimeout(1500);
  const tasks = await page.evaluate(() => window.longTasks);
  const rows = await page.evaluate(() => document.querySelectorAll('#w .sandik-sr tr').length);
  console.log(`${view.padEnd(8)} results shown after ${shown} ms; longest task ${Math.max(0, ...tasks)} ms; ` +
    `tasks over 50 ms: ${tasks.length} (${tasks.join(', ')}); mirror rows ${rows}`);
  if (view === 'table') {  // a reader searching the 60,000 rows, then clearing the search
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
await browser.close();
server.stop();
