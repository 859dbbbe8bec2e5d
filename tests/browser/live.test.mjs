// Election night, fast-forwarded with Playwright's clock: polling at the refresh interval with
// jitter, following a changing feed, nothing redrawn for an unchanged one, back-off on errors
// and recovery, no requests from a hidden tab, and "stale" when a live feed stops changing.
// The feed server here is Playwright's router, which counts every request it answers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, startServer, launch, open } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const FEED = JSON.parse(readFileSync(path.join(ROOT, 'assets/feeds/istanbul-2024.json'), 'utf8'));
const LIVE = { ...FEED, status: 'live' };

// A page with one widget whose feed comes from `respond()`; returns the page and a request log.
// (`timed: false`: the log counts requests without asking the page for its clock each time.)
async function night(respond, { attrs = '', start = '2024-04-02T12:20:00+03:00', timed = true } = {}) {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 760 });
  const log = [];
  await page.clock.install({ time: new Date(start) });
  await page.route('**/live-feed.json', async (route) => {
    log.push(timed ? await page.evaluate(() => Date.now()).catch(() => 0) : 0);
    const r = respond(log.length);
    await route.fulfill({ status: r.status || 200, contentType: 'application/json', body: r.body, headers: r.headers || {} });
  });
  await page.goto(server.url + 'feeds/istanbul-2024.json');
  await page.setContent(`<!doctype html><html lang="tr"><body><div id="w" data-sandik-feed="${server.url}live-feed.json" ${attrs}></div>
    <script src="${server.url}dist/sandik.js"></script></body></html>`);
  await page.waitForFunction(() => document.querySelector('#w .sandik-sr table'), null, { timeout: 20000 });
  return { page, context, errors, log };
}
const sr = (page) => page.locator('#w .sandik-sr').textContent();
// Fast-forward in steps of `step` seconds: each poll's fetch needs a moment of real time to
// answer before the next poll is scheduled (so a measured gap can be up to one step long).
// One-second steps where poll gaps are measured to the second; longer ones (5–10 s) where a
// test only counts requests or waits minutes for a back-off, which costs it a fifth of the time.
async function seconds(page, n, step = 1) {
  for (let t = 0; t < n; t += step) {
    await page.clock.runFor(1000 * Math.min(step, n - t));
    await page.waitForTimeout(15);
  }
  await page.waitForTimeout(150);
}
const minutes = (page, m, step = 1) => seconds(page, m * 60, step);

test('polls every 30 s ± 10 %, follows a changing feed, redraws nothing when it is unchanged', async () => {
  let feed = LIVE;
  // (No clock asked for by the route: that round trip let the page's clock run on meanwhile.)
  const { page, context, errors, log } = await night(() => ({ body: JSON.stringify(feed) }), { timed: false });
  try {
    // The widget's own wait: from an answer to the next request, by the page's clock. (From
    // request to request it also holds the answer's way from the test's server, during which the
    // fast-forwarded clock runs on: up to 2 s on a loaded machine.)
    await page.evaluate(() => {
      window.__asked = [];
      window.__answered = [];
      const f = window.fetch;
      window.fetch = function (u) {
        const ours = String(u).indexOf('live-feed.json') >= 0;
        if (ours) window.__asked.push(Date.now());
        return f.apply(this, arguments).then((r) => { if (ours) window.__answered.push(Date.now()); return r; });
      };
    });
    await minutes(page, 5);
    const { asked, answered } = await page.evaluate(() => ({ asked: window.__asked, answered: window.__answered }));
    const gaps = asked.slice(1).map((t, i) => (t - answered[i]) / 1000);
    assert.ok(log.length >= 10 && log.length <= 12, `about 10 polls in 5 minutes (${log.length})`);
    assert.ok(gaps.every((g) => g >= 26.9 && g <= 34.1), `30 s ± 10 % (+ the 1 s step): ${gaps.map((g) => g.toFixed(1))}`);
    assert.ok(new Set(gaps.map((g) => g.toFixed(1))).size > 1, 'jittered');

    // Unchanged: nothing redrawn.
    const frames = await page.evaluate(() => { window.__n = 0; const raf = requestAnimationFrame; window.requestAnimationFrame = (cb) => raf((t) => { window.__n++; cb(t); }); return 0; });
    void frames;
    await minutes(page, 2, 5);
    assert.equal(await page.evaluate(() => window.__n), 0, 'an unchanged feed redraws nothing');

    // A new count is on screen within one interval.
    feed = JSON.parse(JSON.stringify(LIVE));
    feed.updated = '2024-04-02T12:30:00+03:00';
    feed.races[0].results.ANKA.updated = feed.updated;
    feed.races[0].results.ANKA.areas.adalar.votes['ekrem-imamoglu'] += 100000;  // a test count
    feed.races[0].results.ANKA.areas.adalar.valid += 100000;
    await seconds(page, 34, 2);
    assert.match(await sr(page), /4\.533\.015/, 'the new count, within 34 s');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('errors: a notice, the last good numbers, back-off to 5 minutes, and recovery', async () => {
  let mode = 'ok';
  const { page, context, log } = await night(() => {
    if (mode === '500') return { status: 500, body: 'oops' };
    if (mode === 'malformed') return { body: '{"format": "sandik/1", "races": [' };
    if (mode === 'invalid') { const f = JSON.parse(JSON.stringify(LIVE)); f.updated = '2024-04-02T13:00:00+03:00'; f.parties[0].color = 'red'; return { body: JSON.stringify(f) }; }
    return { body: JSON.stringify(LIVE) };
  });
  try {
    for (const m of ['500', 'malformed', 'invalid']) {
      mode = m;
      await seconds(page, 34, 2);
      const text = await sr(page);
      assert.match(text, /4\.433\.015/, `${m}: the last good numbers stay`);
      const notice = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.notice.on')?.textContent || '');
      assert.ok(notice.length > 0, `${m}: a notice is shown (${notice})`);
      if (m === 'invalid') assert.match(notice, /parties\[0\]\.color/, 'the JSON path is named');
      mode = 'ok';
      await minutes(page, 2, 10);  // recovers: one failure waits 60 s (+10 %) before it tries again
    }
    // Back-off: failures double the wait up to 5 minutes.
    mode = '500';
    const before = log.length;
    await minutes(page, 12, 5);  // (gaps of 60 to 300 s: measured to 5 s is plenty)
    const during = log.slice(before);
    const gaps = during.slice(1).map((t, i) => (t - during[i]) / 1000);
    assert.ok(gaps.length >= 3, `several retries (${gaps.length})`);
    for (let i = 1; i < gaps.length; i++) assert.ok(gaps[i] >= gaps[i - 1] * 1.5 || gaps[i] >= 270, `backing off: ${gaps.map((g) => g.toFixed(0))}`);
    assert.ok(gaps.every((g) => g <= 330), 'never more than 5 minutes (+10 %)');
    mode = 'ok';
    await minutes(page, 6, 10);  // the last retry may be 330 s away
    const after = log.length;
    await minutes(page, 2, 5);
    assert.ok(log.length - after >= 3, 'back to every 30 s after a success');
    const notice = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.notice.on'));
    assert.equal(notice, null, 'the notice is gone after a success');
  } finally {
    await context.close();
  }
});

test('a hidden tab makes no requests, and refreshes at once when shown again', async () => {
  const { page, context, log } = await night(() => ({ body: JSON.stringify(LIVE) }));
  try {
    const setHidden = (hidden) => page.evaluate((h) => {
      Object.defineProperty(document, 'visibilityState', { value: h ? 'hidden' : 'visible', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);
    await setHidden(true);
    const before = log.length;
    await minutes(page, 10, 10);
    assert.equal(log.length, before, 'no requests while hidden');
    await setHidden(false);
    await page.waitForTimeout(300);
    assert.equal(log.length, before + 1, 'one request as soon as it is visible');
  } finally {
    await context.close();
  }
});

test('stale: a live feed that has not changed for 10 minutes says so', async () => {
  const feed = JSON.parse(JSON.stringify(LIVE));
  feed.updated = '2024-04-02T12:00:00+03:00';
  const { page, context } = await night(() => ({ body: JSON.stringify(feed) }), { start: '2024-04-02T12:05:00+03:00' });
  try {
    assert.match(await sr(page), /Son güncelleme 5 dk önce(?! —)/, 'a quiet "x min ago" line while fresh');
    await minutes(page, 6, 5);
    assert.match(await sr(page), /Son güncelleme 11 dk önce — sonuçlar değişmiyor olabilir/);
    const line = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.stale.alert')?.textContent || '');
    assert.match(line, /Son güncelleme 11 dk önce/);
  } finally {
    await context.close();
  }
});

test('max-age: a feed that says max-age=90 is not asked for more often than that', async () => {
  const { page, context, log } = await night(() => ({ body: JSON.stringify(LIVE), headers: { 'Cache-Control': 'max-age=90' } }));
  try {
    await minutes(page, 6, 5);  // a gap of 81 s or more is measured as 80 s or more in 5 s steps
    const gaps = log.slice(1).map((t, i) => (t - log[i]) / 1000);
    assert.ok(gaps.length >= 3 && gaps.every((g) => g >= 80), `at least 90 s − 10 % apart: ${gaps.map((g) => g.toFixed(0))}`);
  } finally {
    await context.close();
  }
});

test('a request that hangs times out; a feed too large is refused; the last good numbers stay', async () => {
  let mode = 'ok';
  const { page, context } = await night(() => {
    if (mode === 'big') return { body: JSON.stringify({ ...LIVE, padding: 'x'.repeat(3 * 1048576) }) };
    return { body: JSON.stringify(LIVE) };
  }, { attrs: 'data-max-mb="2"' });
  try {
    await page.unroute('**/live-feed.json');
    await page.route('**/live-feed.json', async (route) => {
      if (mode === 'hang') return;  // never answered
      await route.fulfill({ status: 200, contentType: 'application/json', body: mode === 'big' ? JSON.stringify({ ...LIVE, padding: 'x'.repeat(3 * 1048576) }) : JSON.stringify(LIVE) });
    });
    mode = 'hang';
    await seconds(page, 34 + 21);
    let notice = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.notice.on')?.textContent || '');
    assert.match(notice, /20 sn içinde yanıt gelmedi/);
    assert.match(await sr(page), /4\.433\.015/);
    mode = 'big';
    await minutes(page, 2, 5);
    notice = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.notice.on')?.textContent || '');
    assert.match(notice, /veri çok büyük/);
    assert.match(await sr(page), /4\.433\.015/);
  } finally {
    await context.close();
  }
});

test('a long night: 250 new counts leave the wasm heap and the JS heap flat', async () => {
  const { page, context } = await night((requests) => {
    const n = requests - 1;  // the first request is the page's own load
    const f = JSON.parse(JSON.stringify(LIVE));
    const at = new Date(Date.parse('2024-04-02T12:20:00+03:00') + n * 30000).toISOString().replace('.000Z', 'Z');
    f.updated = at;
    f.races[0].results.ANKA.updated = at;
    f.races[0].results.ANKA.areas.adalar.votes['ekrem-imamoglu'] += n;  // a test count that grows
    f.races[0].results.ANKA.areas.adalar.valid += n;
    return { body: JSON.stringify(f) };
  }, { timed: false });
  try {
    // k updates one after another, in the page (one round trip to it, not k)
    const round = (k) => page.evaluate(async (count) => {
      for (let i = 0; i < count; i++) await document.querySelector('#w').__sandik.update();
    }, k);
    const cdp = await context.newCDPSession(page);
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const js = (await cdp.send('Runtime.getHeapUsage')).usedSize;
      return { wasm: await page.evaluate(() => document.querySelector('#w').__sandik.heapBytes()), js };
    };
    await round(50);
    const warm = await measure();
    await round(200);
    const after = await measure();
    assert.match(await sr(page), /4\.433\.265/, 'the 250th count is shown');
    assert.equal(after.wasm, warm.wasm, `wasm heap flat: ${warm.wasm} -> ${after.wasm}`);
    assert.ok(after.js < warm.js * 1.5 + 2e6, `JS heap flat: ${warm.js} -> ${after.js}`);
  } finally {
    await context.close();
  }
});

test('a widget scrolled out of view makes no requests, and refreshes at once when it comes back', async () => {
  const { page, context, log } = await night(() => ({ body: JSON.stringify(LIVE) }));
  try {
    await page.evaluate(() => {  // the article grows above the widget: it is now far below the fold
      const spacer = document.createElement('div');
      spacer.style.height = '5000px';
      document.body.prepend(spacer);
    });
    await seconds(page, 3);
    const before = log.length;
    await minutes(page, 5, 10);
    assert.equal(log.length, before, 'no requests while out of view');
    await page.locator('#w').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    assert.equal(log.length, before + 1, 'one request as soon as it is in view');
  } finally {
    await context.close();
  }
});
