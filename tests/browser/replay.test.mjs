// The widget against `sandik replay` on loopback: election night 2024 played back from its real
// moments, with the server counting what the widget asks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, open, waitForWidget } from './harness.mjs';

const sr = (page) => page.locator('#summary .sandik-sr').textContent();
async function pageTime(page, s) {  // in 5 s steps: only the polls' count matters here
  for (let t = 0; t < s; t += 5) { await page.clock.runFor(5000); await page.waitForTimeout(10); }
  await page.waitForTimeout(300);
}

test('the night unfolds: first ANKA figures at 19.15, then the final count; 304s for an unchanged feed', async () => {
  // 80,000x from the first request (which is always answered with 19.15, the night's first
  // moment; the page's own clock stands still, so it polls no more): the 41 hours to the final
  // count take 1.9 s.
  const server = await startServer(['--speed', '80000', '--max-age', '0']);
  const browser = await launch();
  try {
    const { page, context, errors } = await open(browser, 'about:blank', { width: 760 });
    await page.clock.install();
    await page.goto(server.url);
    await waitForWidget(page, '#summary');
    let text = await sr(page);
    assert.match(text, /Ekrem İmamoğlu önde, %58,79/, 'ANKA, 19.15: the first figures, as shares');
    assert.match(text, /Sandıkların %10,00'u açıldı/);
    // "Last updated" by the night's clock (the server's Date header), not the reader's of today.
    assert.match(text, /Son güncelleme az önce/, 'a rehearsal of 2024 is not stale for being old');
    assert.equal(await page.locator('#summary').evaluate((el) => !!el.shadowRoot.querySelector('.stale.alert')), false);
    await page.waitForTimeout(2600);  // the server's night runs on
    await pageTime(page, 35);         // one poll interval of the page's own clock
    text = await sr(page);
    assert.match(text, /4\.433\.015/, 'the final count');
    assert.match(text, /kazandı, %51,15/);
    const before = await server.stats();
    await pageTime(page, 35);
    const after = await server.stats();
    assert.ok(after.requests > before.requests, 'the widget kept polling');
    assert.ok(after.not_modified > before.not_modified, `an unchanged feed is answered 304 (${JSON.stringify(after)})`);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }
});

test('faults from the server: a truncated body never replaces good numbers', async () => {
  const server = await startServer(['--speed', '1', '--malformed-at', '2']);
  const browser = await launch();
  try {
    const { page, context } = await open(browser, 'about:blank', { width: 760 });
    await page.clock.install();
    await page.goto(server.url + 'dist/sandik.js');
    await page.setContent(`<!doctype html><div id="summary" data-sandik-feed="${server.url}feeds/istanbul-2024.json"></div>
      <script src="${server.url}dist/sandik.js"></script>`);
    await waitForWidget(page, '#summary');  // request 1: good
    await pageTime(page, 35);               // request 2: half a document
    const stats = await server.stats();
    assert.equal(stats.requests, 2, JSON.stringify(stats));
    const notice = await page.locator('#summary').evaluate((el) => el.shadowRoot.querySelector('.notice.on')?.textContent || '');
    assert.match(notice, /okunamadı: .*invalid JSON/, `the truncated body is reported (${notice})`);
    assert.match(await sr(page), /%58,79/, 'good numbers stay');
    await context.close();
  } finally {
    await browser.close();
    server.stop();
  }
});

test('the server answers like a CDN-friendly origin: ETag, 304, gzip, CORS, out-of-order copies on demand', async () => {
  const server = await startServer(['--speed', '1000000', '--out-of-order']);
  try {
    const url = server.url + 'feeds/istanbul-2024.json';
    const first = await fetch(url);  // starts the night's clock: 19.15
    assert.match(first.headers.get('etag'), /^"0-/);
    await new Promise((r) => setTimeout(r, 300));  // at 1,000,000x the night is over
    const a = await fetch(url, { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(a.status, 200);
    assert.equal(a.headers.get('access-control-allow-origin'), '*');
    assert.equal(a.headers.get('content-encoding'), 'gzip');
    assert.match(a.headers.get('last-modified'), /^Tue, 02 Apr 2024 09:13:36 GMT$/);
    const etag = a.headers.get('etag');
    assert.match(etag, /^"8-/, 'the last moment of the night');
    const c = await fetch(url);  // every third request: an older copy, as a lagging cache would
    assert.match(c.headers.get('etag'), /^"7-/);
    const b = await fetch(url, { headers: { 'If-None-Match': etag } });
    assert.equal(b.status, 304);
    assert.deepEqual(await server.stats().then((s) => [s.requests, s.ok, s.not_modified]), [4, 3, 1]);
  } finally {
    server.stop();
  }
});
