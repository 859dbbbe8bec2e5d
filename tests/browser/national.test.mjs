// The whole country's night as a newsroom publishes it split (sandik split, replay --national):
// the overview drawn from the index alone, a province's part fetched only when a reader opens it,
// and back up again; the parts polled like the feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, open, waitForWidget, mirror, screenshot, tap } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const settle = (page) => page.waitForTimeout(200);

// A row of the provinces' table, which scrolls inside (81 rows): wheeled into view as a reader would.
async function wheelTo(page, sel, name) {
  for (let i = 0; i < 20; i++) {
    const r = await page.evaluate(([s, n]) => {
      const el = document.querySelector(s);
      const canvas = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const regions = el.__sandik.regions();
      const hit = regions.find((g) => g.name === n);
      const last = regions.filter((g) => g.name.startsWith('row:')).pop();
      return { hit: !!hit, x: canvas.left + (last ? last.x + last.w / 2 : 0), y: canvas.top + (last ? last.y : 0) };
    }, [sel, name]);
    if (r.hit) return;
    if (r.y > page.viewportSize().height - 50) {
      await page.evaluate((dy) => window.scrollBy(0, dy), r.y - page.viewportSize().height / 2);
    } else {
      await page.mouse.move(r.x, r.y);
      await page.mouse.wheel(0, 300);
    }
    await settle(page);
  }
}

const page_of = (url, width = 760) => `<!doctype html><meta charset="utf-8"><body style="margin:0">
  <div id="w" data-sandik-feed="${url}" data-view="overview"></div>
  <script src="${server.url}dist/sandik.js"></script>`;

for (const width of [390, 1200]) {
  test(`overview at ${width} px: the council vote, the mayoralties, 81 provinces; a province's part only once opened`, async () => {
    const { page, context, errors } = await open(browser, 'about:blank', { width, height: 1000 });
    try {
      const asked = [];
      page.on('request', (r) => { if (/\/feeds\/turkiye\//.test(r.url())) asked.push(r.url().replace(/.*\/feeds\/turkiye\//, '')); });
      const missing = [];
      page.on('response', (r) => { if (r.status() >= 400) missing.push(r.url()); });
      page.on('console', (m) => { if (m.type() === 'error') missing.push('console ' + JSON.stringify(m.location())); });
      await page.goto(server.url + 'dist/sandik.js');  // (the feeds' origin, without the demo's widgets)
      await page.setContent(page_of(server.url + 'feeds/turkiye/index.json', width));
      await waitForWidget(page, '#w');
      await settle(page);
      let text = await mirror(page, '#w');
      // AA's national council vote: CHP 37.77 %, AK Parti 35.49 %.
      assert.match(text, /CHP[^]*%37,77/, 'the council vote, as AA counted it');
      assert.match(text, /AK Parti[^]*%35,49/);
      // The mayoralties won, from the index's own count (it holds no district rows).
      assert.match(text, /Kazanılan belediye başkanlıkları/);
      assert.match(text, /Büyükşehir belediye başkanlıkları: 30 başkanlık/);
      assert.match(text, /İlçe belediye başkanlıkları: 973 başkanlık/);
      assert.match(text, /81 satır, sıralama: il\./, 'the 81 provinces');
      assert.match(text, /İl — Belediye başkanları, Türkiye/);
      assert.ok(text.indexOf('Adana') < text.indexOf('Çanakkale') && text.indexOf('Şırnak') < text.indexOf('Tekirdağ'),
        'in Turkish alphabetical order');
      assert.deepEqual(asked, ['index.json'], 'nothing but the index before a province is opened');
      await screenshot(page, `overview-${width}`);

      // A reader opens İstanbul: its part comes, its 39 districts' own mayors.
      await wheelTo(page, '#w', 'row:istanbul');
      await tap(page, '#w', 'row:istanbul');
      await page.waitForFunction(() => /39 satır/.test(document.querySelector('#w .sandik-sr').textContent), null, { timeout: 5000 });
      assert.deepEqual(asked, ['index.json', 'istanbul.json'], 'only İstanbul\'s part');
      text = await mirror(page, '#w');
      assert.match(text, /Kadıköy/);
      assert.match(await page.evaluate(() => location.hash || ''), /^$|istanbul/);
      await screenshot(page, `overview-istanbul-${width}`);
      // A district opens its detail; the breadcrumb's ‹ Türkiye goes up to the overview.
      await tap(page, '#w', 'row:kadikoy');
      assert.match(await mirror(page, '#w'), /Kadıköy/);
      await tap(page, '#w', 'crumb:turkiye');
      text = await mirror(page, '#w');
      assert.match(text, /81 satır/, 'back at the overview');
      // The keyboard: Escape goes back too (from a province opened again).
      await wheelTo(page, '#w', 'row:izmir');
      await tap(page, '#w', 'row:izmir');
      await page.waitForFunction(() => /Karşıyaka/.test(document.querySelector('#w .sandik-sr').textContent), null, { timeout: 5000 });
      assert.ok(asked.includes('izmir.json'));
      await page.locator('#w').focus();
      await page.keyboard.press('Escape');
      await settle(page);
      assert.match(await mirror(page, '#w'), /81 satır/);
      // (The browser's own favicon request aside.)
      assert.deepEqual(missing.filter((u) => !/favicon/.test(u)), []);
      assert.deepEqual(errors.filter((e) => !(/404/.test(e) && missing.length)), []);
    } finally {
      await context.close();
    }
  });
}

test('a widget of one province on the index fetches that part at once, and a broken part keeps the last good one', async () => {
  const { page, context } = await open(browser, 'about:blank', { width: 760, height: 1000 });
  try {
    const asked = [];
    let broken = false;
    await page.route('**/feeds/turkiye/istanbul.json', async (route) => {
      if (!broken) return route.continue();
      return route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "sandik/1", "races": 7}' });
    });
    page.on('request', (r) => { if (/\/feeds\/turkiye\//.test(r.url())) asked.push(r.url().replace(/.*\/feeds\/turkiye\//, '')); });
    await page.clock.install();
    await page.goto(server.url + 'dist/sandik.js');
    await page.setContent(`<!doctype html><meta charset="utf-8">
      <div id="w" data-sandik-feed="${server.url}feeds/turkiye/index.json" data-race="istanbul-ilce" data-view="detail" data-refresh="5"></div>
      <script src="${server.url}dist/sandik.js"></script>`);
    await waitForWidget(page, '#w');
    await page.waitForFunction(() => /39 satır/.test(document.querySelector('#w .sandik-sr').textContent), null, { timeout: 5000 });
    assert.deepEqual(asked.slice(0, 2), ['index.json', 'istanbul.json']);
    const shown = await mirror(page, '#w');
    broken = true;
    for (let t = 0; t < 8; t++) { await page.clock.runFor(1000); await page.waitForTimeout(20); }
    await page.waitForTimeout(500);
    assert.ok(asked.filter((u) => u === 'istanbul.json').length >= 2, `the part is polled (${asked})`);
    const notice = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.notice.on')?.textContent || '');
    assert.match(notice, /okunamadı: updated: missing required key/, `the broken part is named (${notice})`);
    const now = await mirror(page, '#w');
    assert.ok(now.endsWith(shown), 'the last good part stays (under the notice)');
  } finally {
    await context.close();
  }
});
