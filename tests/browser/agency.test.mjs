// The agencies' own payloads read directly by the widget (data-format="anka aa"), as a newsroom
// points it at ANKA's and AA's servers: the same adapter code as `sandik import --from`, in wasm.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, open, waitForWidget, screenshot, ROOT, mirror } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const AA = readFileSync(path.join(ROOT, 'assets/agency/aa-istanbul-2024-04-01T0100.json'), 'utf8');
const ANKA = readFileSync(path.join(ROOT, 'assets/agency/anka-istanbul-2024-04-01T1142.json'), 'utf8');

test('demo page: ANKA 11.42 and AA 01.00 side by side, straight from the agencies\' files', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760, height: 1000 });
  try {
    const sel = '#agencies';
    await page.locator(sel).scrollIntoViewIfNeeded();
    await waitForWidget(page, sel);
    const text = await mirror(page, sel);
    // Shares computed from each agency's counts: ANKA 51,16 at 11.42; AA 50,85 at 01.00 (its own field says 50,86).
    assert.match(text, /ANKA Haber Ajansı/);
    assert.match(text, /Anadolu Ajansı/);
    assert.match(text, /%51,16/);
    assert.match(text, /%50,85/);
    assert.doesNotMatch(text, /%50,86/);
    assert.match(text, /Ekrem İmamoğlu/);
    assert.match(text, /Murat Kurum/);  // MURAT KURUM in AA's file, in proper Turkish case
    await page.locator(sel).screenshot({ path: 'build/screenshots/agencies-760.png' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

// A page whose agency file the test serves itself, with the headers a server would send.
async function pageWith(attrs, serve) {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 760 });
  await page.route('**/agency-test/**', serve);
  await page.goto(server.url + 'feeds/istanbul-2024.json');  // same origin as the server
  await page.setContent(`<!doctype html><html lang="tr"><body><div id="w" ${attrs}></div>
    <script src="${server.url}dist/sandik.js"></script></body></html>`);
  return { page, context, errors };
}

test('AA alone: the time comes from Last-Modified; a broken file names the path and keeps the last results', async () => {
  let body = AA;
  const { page, context, errors } = await pageWith(
    `data-sandik-feed="${server.url}agency-test/result-short.json" data-format="aa" data-race="istanbul-buyuksehir" data-lang="en"`,
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body,
                               headers: { 'Last-Modified': 'Sun, 31 Mar 2024 22:00:00 GMT', 'Cache-Control': 'no-cache' } }));
  try {
    await waitForWidget(page, '#w');
    let text = await mirror(page, '#w');
    assert.match(text, /50\.85%/);
    assert.match(text, /1:00 AM/, 'the time AA published, from Last-Modified, in Istanbul time');
    assert.match(text, /91\.11% of ballot boxes counted/, '30,316 of 33,273 boxes');

    // The next poll brings a file with a negative count: refused with the path into AA's file.
    body = AA.replace('"t": 3985655', '"t": -5');
    const failed = page.evaluate(() => new Promise((resolve) => {
      document.getElementById('w').addEventListener('sandik:error', (e) => resolve(e.detail), { once: true });
    }));
    await page.evaluate(() => document.getElementById('w').__sandik.update());
    const detail = await failed;
    assert.match(JSON.stringify(detail), /BolgeSonuc\[0\]\.x\.c\[13\]\.t: expected a non-negative integer, got -5/);
    const notice = await page.locator('#w').evaluate((el) => el.shadowRoot.textContent);
    assert.match(notice, /BolgeSonuc\[0\]\.x\.c\[13\]\.t/);
    text = await mirror(page, '#w');
    assert.match(text, /50\.85%/, 'the last good results stay');
    assert.ok(errors.some((e) => /expected a non-negative integer, got -5/.test(e)), 'and the console says why');
  } finally {
    await context.close();
  }
});

test('an agency file without Last-Modified is refused with a clear message', async () => {
  const { page, context } = await pageWith(
    `data-sandik-feed="${server.url}agency-test/anka.json" data-format="anka" data-lang="en"`,
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: ANKA }));
  try {
    await page.waitForFunction(() => /no time of its own/.test(document.getElementById('w').shadowRoot.textContent), null, { timeout: 20000 });
    await screenshot(page, 'agency-no-time');
  } finally {
    await context.close();
  }
});
