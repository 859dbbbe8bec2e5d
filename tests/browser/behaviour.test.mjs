// How the widget behaves in a page over time: no frames while nothing changes, bars that grow
// to a new count and stop, seats, and bad feeds that never replace the last good results.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { ROOT, startServer, launch, open, waitForWidget, canvasStats } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const FEED = JSON.parse(readFileSync(path.join(ROOT, 'assets/feeds/istanbul-2024.json'), 'utf8'));

// A PNG of w × h pixels, colour(x) -> [r, g, b] (no canvas needed).
function solidPng(w, h, colour) {
  const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 255] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4); sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;  // 8-bit RGB
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) raw.set(colour(x, y), y * (w * 3 + 1) + 1 + x * 3);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

// Counts animation frames the page asks for during `ms`.
async function framesDuring(page, ms) {
  return page.evaluate((ms) => new Promise((resolve) => {
    let n = 0;
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = (cb) => raf((t) => { n++; cb(t); });
    setTimeout(() => { window.requestAnimationFrame = raf; resolve(n); }, ms);
  }), ms);
}

async function pageWith(feedBody, attrs, { width = 760, reducedMotion, routes, script = '' } = {}) {
  const { page, context, errors } = await open(browser, 'about:blank', { width, reducedMotion });
  if (routes) await routes(page);
  await page.route('**/test-feed.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: feedBody() }));
  await page.goto(server.url + 'feeds/istanbul-2024.json');  // same origin as the server
  await page.setContent(`<!doctype html><html lang="tr"><body><div id="w" data-sandik-feed="${server.url}test-feed.json" ${attrs}></div>
    <script>${script}</script><script src="${server.url}dist/sandik.js"></script></body></html>`);
  return { page, context, errors };
}

test('idle: no frames at all while nothing changes', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760 });
  try {
    for (const sel of ['#summary', '#full', '#flips']) await waitForWidget(page, sel);
    await page.waitForTimeout(500);
    assert.equal(await framesDuring(page, 2000), 0, 'three widgets, two seconds, zero frames');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a new count: bars grow to it within 400 ms, then drawing stops; a bad feed never replaces it', async () => {
  let body = JSON.stringify(FEED);
  const { page, context, errors } = await pageWith(() => body, 'data-race="ibb"');
  try {
    await waitForWidget(page, '#w');
    const next = JSON.parse(body);
    next.updated = '2024-04-02T13:00:00+03:00';
    next.races[0].results.ANKA.updated = '2024-04-02T13:00:00+03:00';
    next.races[0].results.ANKA.areas.sariyer.votes['murat-kurum'] += 200000;  // a made-up test count
    next.races[0].results.ANKA.areas.sariyer.valid += 200000;
    body = JSON.stringify(next);
    const frames = framesDuring(page, 1500);
    assert.equal(await page.evaluate(() => document.querySelector('#w').__sandik.update()), true);
    const n = await frames;
    assert.ok(n >= 10 && n <= 60, `the bars animate for a few hundred ms (${n} frames), then stop`);
    assert.equal(await framesDuring(page, 1000), 0, 'and nothing after');
    assert.match(await page.locator('#w .sandik-sr').textContent(), /3\.631\.589/, 'the new count is shown');

    // Invalid feed: the widget says why (with the JSON path) and keeps the last good numbers.
    const bad = JSON.parse(body);
    bad.updated = '2024-04-02T14:00:00+03:00';
    bad.races[0].results.ANKA.areas.sariyer.votes['murat-kurum'] = -5;
    body = JSON.stringify(bad);
    const event = page.evaluate(() => new Promise((r) => document.querySelector('#w').addEventListener('sandik:error', (e) => r(e.detail), { once: true })));
    assert.equal(await page.evaluate(() => document.querySelector('#w').__sandik.update()), false);
    const detail = await event;
    assert.equal(detail.kind, 'feed');
    assert.equal(detail.problems[0].path, 'races[0].results.ANKA.areas.sariyer.votes.murat-kurum');
    const sr = await page.locator('#w .sandik-sr').textContent();
    assert.match(sr, /expected a non-negative integer, got -5/);
    assert.match(sr, /3\.631\.589/, 'the last good results stay');
    assert.match(await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.notice').textContent), /votes\.murat-kurum/);

    // Not JSON at all; an older feed: same.
    body = '<html>502 Bad Gateway</html>';
    assert.equal(await page.evaluate(() => document.querySelector('#w').__sandik.update()), false);
    assert.match(await page.locator('#w .sandik-sr').textContent(), /3\.631\.589/);
    body = JSON.stringify(FEED);  // older `updated`: ignored, with a note in the console only
    assert.equal(await page.evaluate(() => document.querySelector('#w').__sandik.update()), false);
    assert.match(await page.locator('#w .sandik-sr').textContent(), /3\.631\.589/);
    assert.ok(errors.length >= 2 && errors.some((e) => e.includes('votes.murat-kurum: expected a non-negative integer')),
      'console names the JSON path');
  } finally {
    await context.close();
  }
});

test('prefers-reduced-motion: a new count is drawn at once, without animation', async () => {
  let body = JSON.stringify(FEED);
  const { page, context } = await pageWith(() => body, 'data-race="ibb"', { reducedMotion: 'reduce' });
  try {
    await waitForWidget(page, '#w');
    const next = JSON.parse(body);
    next.updated = '2024-04-02T13:00:00+03:00';
    next.races[0].results.ANKA.areas.sariyer.votes['murat-kurum'] += 200000;
    next.races[0].results.ANKA.areas.sariyer.valid += 200000;
    body = JSON.stringify(next);
    const frames = framesDuring(page, 1500);
    assert.equal(await page.evaluate(() => document.querySelector('#w').__sandik.update()), true);
    const n = await frames;
    assert.ok(n <= 6, `no animation: ${n} frames`);
  } finally {
    await context.close();
  }
});

test('seats: a hemicycle with the majority line and the change against the previous election', async () => {
  const council = readFileSync(path.join(ROOT, 'tests/data/council.json'), 'utf8');
  const { page, context, errors } = await pageWith(() => council, 'data-view="seats"');
  try {
    await waitForWidget(page, '#w');
    const sr = await page.locator('#w .sandik-sr').textContent();
    assert.match(sr, /Çoğunluk için 5 sandalye/);
    const rows = await page.locator('#w .sandik-sr tbody tr').allTextContents();
    assert.deepEqual(rows, ['CHP4+1', 'AK Parti3-1', 'YRP1±0']);
    const px = await canvasStats(page, [0xe30a17, 0xf68407, 0x1e5aa8], { selector: '#w' });
    assert.ok(px.counts.every((n) => n > 200), `seats drawn in party colours (${px.counts})`);
    await page.locator('#w').screenshot({ path: path.join(ROOT, 'build/screenshots/seats-760.png') });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('WebGL context lost and restored: the widget draws again', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760 });
  try {
    await waitForWidget(page, '#summary');
    const ok = await page.evaluate(async () => {
      const canvas = document.querySelector('#summary').shadowRoot.querySelector('canvas');
      const ext = canvas.getContext('webgl2').getExtension('WEBGL_lose_context');
      ext.loseContext();
      await new Promise((r) => setTimeout(r, 200));
      ext.restoreContext();
      await new Promise((r) => setTimeout(r, 500));
      return !canvas.getContext('webgl2').isContextLost();
    });
    assert.ok(ok, 'context restored');
    const px = await canvasStats(page, [0xe30a17, 0xf68407], { selector: '#summary' });
    assert.ok(px.counts[0] > 1000 && px.counts[1] > 1000, `bars drawn again after the loss (${px.counts})`);
    assert.deepEqual(errors.filter((e) => !/WebGL/i.test(e)), []);
  } finally {
    await context.close();
  }
});

test('a WebGL context lost for good: the results as a table, never a blank box; back to the canvas when restored', async () => {
  const { page, context } = await open(browser, server.url, { width: 760 });
  try {
    await waitForWidget(page, '#summary');
    const shown = () => page.evaluate(() => {
      const el = document.querySelector('#summary');
      return { mirror: el.querySelector('.sandik-sr').getBoundingClientRect().height > 100,
        canvas: el.shadowRoot.querySelector('canvas').style.display !== 'none' };
    });
    await page.evaluate(() => {
      window.__ext = document.querySelector('#summary').shadowRoot.querySelector('canvas').getContext('webgl2').getExtension('WEBGL_lose_context');
      window.__ext.loseContext();
    });
    await page.waitForTimeout(1400);  // (the widget waits 1 s for the browser to restore it)
    assert.deepEqual(await shown(), { mirror: true, canvas: false }, 'the mirror is shown in place of a lost canvas');
    assert.match(await page.locator('#summary .sandik-sr').textContent(), /Ekrem İmamoğlu/);
    await page.evaluate(() => window.__ext.restoreContext());
    await page.waitForTimeout(500);
    assert.deepEqual(await shown(), { mirror: false, canvas: true }, 'the canvas again once restored');
    const px = await canvasStats(page, [0xe30a17], { selector: '#summary' });
    assert.ok(px.counts[0] > 1000, 'and drawn');
  } finally {
    await context.close();
  }
});

test('no WebGL: the accessible table is shown instead of the canvas', async () => {
  const { chromium } = await import('playwright-core');
  const { CHROMIUM } = await import('./harness.mjs');
  const plain = await chromium.launch({ executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-webgl', '--disable-webgl2', '--no-first-run', '--disable-background-networking'] });
  try {
    const page = await plain.newPage({ viewport: { width: 760, height: 900 } });
    await page.goto(server.url);
    await page.waitForFunction(() => document.querySelector('#summary .sandik-sr table'));
    const visible = await page.locator('#summary .sandik-sr').evaluate((el) => el.getBoundingClientRect().height > 100);
    assert.ok(visible, 'the results table is visible');
    assert.match(await page.locator('#summary .sandik-sr').textContent(), /Ekrem İmamoğlu.*4\.433\.015.*%51,15/s);
    await page.screenshot({ path: path.join(ROOT, 'build/screenshots/no-webgl-760.png') });
  } finally {
    await plain.close();
  }
});

test('nothing a feed says is ever taken as HTML', async () => {
  const evil = JSON.parse(JSON.stringify(FEED));
  evil.races[0].candidates[0].name = '<img src=x onerror="window.__pwned=1">Ekrem';
  evil.sources[0].name = '<b>ANKA</b>';
  const { page, context } = await pageWith(() => JSON.stringify(evil), 'data-race="ibb" data-view="full"');
  try {
    await waitForWidget(page, '#w');
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#w img, #w b').count(), 0, 'no element made from feed text');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.match(await page.locator('#w .sandik-sr').textContent(), /<img src=x onerror="window\.__pwned=1">Ekrem/);
  } finally {
    await context.close();
  }
});

test('a race the feed does not have yet: the widget says so and shows no other race; the page is told of options the feed lacks', async () => {
  const { page, context, errors } = await pageWith(() => JSON.stringify(FEED), 'data-race="meclis"', {
    script: "window.told = []; document.addEventListener('sandik:error', (e) => window.told.push(e.detail));",
  });
  try {
    await page.waitForFunction(() => /Bu seçim için henüz sonuç yok/.test(document.querySelector('#w .sandik-sr')?.textContent || ''),
      null, { timeout: 20000 });
    assert.doesNotMatch(await page.locator('#w .sandik-sr').textContent(), /İmamoğlu/);
    let told = await page.evaluate(() => window.told);
    assert.deepEqual(told.map((t) => [t.kind, t.message]), [['option', 'data-race="meclis" bu sonuç verisinde yok.']]);
    // A source and an area it does not have: the freshest count of the race's root is shown, and the page told.
    await page.evaluate(() => document.querySelector('#w').__sandik.set({ race: 'ibb', source: 'XYZ', area: 'nowhere', height: '100000000' }));
    await page.waitForFunction(() => window.told.length > 1, null, { timeout: 20000 });
    told = await page.evaluate(() => window.told);
    assert.equal(told[1].message, 'data-source="XYZ" data-area="nowhere" bu sonuç verisinde yok.');
    assert.match(await page.locator('#w .sandik-sr').textContent(), /İBB Başkanlığı, İstanbul\./);
    await page.waitForTimeout(300);
    const canvas = await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('canvas').height);
    assert.ok(canvas <= 5000, `data-height is held to 5,000 px (${canvas})`);
    assert.deepEqual(errors.filter((e) => !/not in the feed/.test(e)), []);
  } finally {
    await context.close();
  }
});

test('photos and logos where the feed names them: drawn beside the names, loaded only when shown, a broken one leaves its place', async () => {
  const feed = structuredClone(FEED);
  const race = feed.races.find((r) => r.id === 'ibb');
  race.candidates.find((c) => c.id === 'ekrem-imamoglu').photo = 'photos/imamoglu.png';  // relative to the feed
  race.candidates.find((c) => c.id === 'murat-kurum').photo = 'photos/missing.png';      // a 404
  const top = ['ekrem-imamoglu', 'murat-kurum', 'mehmet-altinoz', 'azmi-karamahmutoglu'];
  for (const c of race.candidates) if (!top.includes(c.id)) c.photo = `photos/grouped-${c.id}.png`;  // in "Diğer": not shown
  feed.parties.find((p) => p.id === 'YRP').logo = '/logos/yrp.png';
  const asked = [];
  const png = solidPng(64, 32, (x) => (x >= 48 ? [0, 255, 255] : [255, 0, 255]));  // magenta, a cyan edge at the right
  const { page, context, errors } = await pageWith(() => JSON.stringify(feed), 'data-race="ibb" data-view="summary"', {
    width: 390,
    routes: async (page) => {
      await page.route('**/photos/**', (route) => {
        asked.push(new URL(route.request().url()).pathname);
        return /missing/.test(route.request().url()) ? route.fulfill({ status: 404, body: '' })
          : route.fulfill({ status: 200, contentType: 'image/png', body: png, headers: { 'Access-Control-Allow-Origin': '*' } });
      });
      await page.route('**/logos/**', (route) => {
        asked.push(new URL(route.request().url()).pathname);
        return route.fulfill({ status: 200, contentType: 'image/png', body: png, headers: { 'Access-Control-Allow-Origin': '*' } });
      });
    },
  });
  try {
    await waitForWidget(page, '#w');
    await page.waitForTimeout(400);
    const px = await canvasStats(page, [0xff00ff, 0x00ffff], { selector: '#w', tolerance: 8 });
    const side = Math.round(38 * 1);  // the picture's side is a bar's two lines of text, ~38 CSS px
    assert.ok(px.counts[0] > side * side * 0.6, `the photo and the logo drawn (${px.counts[0]} magenta pixels)`);
    assert.ok(px.counts[0] < side * side * 2.6, 'two pictures, no more');
    assert.ok(px.counts[1] > 20 && px.counts[1] < side * side * 0.4, 'a photo is its middle square; a logo fits whole (its cyan edge)');
    assert.deepEqual(asked.sort(), ['/logos/yrp.png', '/photos/imamoglu.png', '/photos/missing.png'], 'only what is shown is loaded');
    // "Diğer (45)" opened: their photos now.
    const others = await page.evaluate(() => {
      const el = document.querySelector('#w'), c = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const r = el.__sandik.regions().find((g) => g.name === 'others');
      return { x: c.left + r.x + r.w / 2, y: c.top + r.y + r.h / 2 };
    });
    await page.mouse.click(others.x, others.y);
    await page.waitForTimeout(400);
    assert.ok(asked.filter((a) => a.startsWith('/photos/grouped-')).length >= 10, 'the grouped candidates\' photos once shown');
    assert.match(await page.locator('#w .sandik-sr').textContent(), /Ekrem İmamoğlu/, 'the view is whole');
    assert.deepEqual(errors.filter((e) => !/404|Failed to load resource/.test(e)), []);
    // A javascript: photo is refused at its path; the last good results stay.
    const bad = structuredClone(feed);
    bad.races.find((r) => r.id === 'ibb').candidates[0].photo = 'javascript:alert(1)';
    const check = await page.evaluate((t) => Sandik.check(t), JSON.stringify(bad));
    assert.ok(check.problems.some((p) => /candidates\[0\]\.photo: expected an http\(s\) or relative URL/.test(p.text)));
  } finally {
    await context.close();
  }
});
