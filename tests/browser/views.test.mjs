// The widget's views driven as a reader would: taps on tabs, column headers, rows, the
// breadcrumb and the source switch, typing in the search box — and what the accessible text
// says afterwards. Screenshots of every view at every width go to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launch, open, waitForWidget, canvasStats, screenshot, mirror, tap } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const settle = (page) => page.waitForTimeout(150);  // a tap is drawn at the next frame, its mirror right after

test('full view: tabs, sort by margin, open Sarıyer and go back, switch source, search', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760, height: 1000 });
  try {
    const sel = '#full';
    await waitForWidget(page, sel);
    await page.locator(sel).scrollIntoViewIfNeeded();
    await settle(page);
    await screenshot(page, 'full-summary-760');

    // The "İlçeler" tab shows the table of 39 districts in Turkish alphabetical order.
    await tap(page, sel, 'tabs:1');
    let text = await mirror(page, sel);
    assert.match(text, /39 satır, sıralama: ilçe\./);
    assert.ok(text.indexOf('Büyükçekmece') < text.indexOf('Çatalca') && text.indexOf('Sultangazi') < text.indexOf('Şile'));
    await page.locator(sel).screenshot({ path: 'build/screenshots/full-table-760.png' });

    // Tap the "Fark" (margin) header: sorted by margin, largest first (Beşiktaş, 66,89 points).
    await tap(page, sel, 'header:margin');
    text = await mirror(page, sel);
    assert.match(text, /sıralama: fark \(azalan\)/, 'sorted by margin, descending');
    const rows = await page.locator(`${sel} .sandik-sr section:nth-of-type(2) tbody th`).allTextContents();
    assert.equal(rows[0], 'Beşiktaş');
    assert.equal(rows[38], 'Fatih', 'the closest district last');
    // Tap it again: ascending. (The mirror follows the frame that shows it: wait for that frame
    // on a loaded machine rather than read the mirror of the frame before.)
    await tap(page, sel, 'header:margin');
    await page.waitForFunction((s) => /sıralama: fark\./.test(document.querySelector(`${s} .sandik-sr`).textContent), sel,
      { timeout: 3000 }).catch(() => {});
    assert.match(await mirror(page, sel), /sıralama: fark\./);

    // Tap Sarıyer: its own summary opens, with a breadcrumb back to İstanbul.
    await tap(page, sel, 'row:sariyer');
    text = await mirror(page, sel);
    // a district of the city-wide race: carried, not won (the İBB race is won for the city)
    assert.match(text, /İBB Başkanlığı, Sarıyer\. Ekrem İmamoğlu birinci oldu, %59,05/);
    assert.match(text, /119\.439/);
    await page.locator(sel).screenshot({ path: 'build/screenshots/full-detail-sariyer-760.png' });
    await tap(page, sel, 'crumb:istanbul');
    assert.match(await mirror(page, sel), /İBB Başkanlığı, İstanbul\./);
    // Escape goes back too.
    await tap(page, sel, 'tabs:1');
    await tap(page, sel, 'row:besiktas');
    assert.match(await mirror(page, sel), /İBB Başkanlığı, Beşiktaş\./);
    await page.locator(sel).locator('canvas').focus();
    await page.keyboard.press('Escape');
    await settle(page);
    assert.match(await mirror(page, sel), /İBB Başkanlığı, İstanbul\./);

    // Sources side by side, then switch to Anadolu Ajansı.
    await tap(page, sel, 'tabs:2');
    text = await mirror(page, sel);
    assert.match(text, /AdayANKAAAFark/, 'compare table has both sources');
    assert.match(text, /Ekrem İmamoğlu%51,15%51,14/, 'İmamoğlu per source');
    await page.locator(sel).screenshot({ path: 'build/screenshots/full-sources-760.png' });
    await tap(page, sel, 'source:1');
    await tap(page, sel, 'tabs:0');
    text = await mirror(page, sel);
    assert.match(text, /4\.432\.862/, 'AA count shown after switching source');
    assert.match(text, /Anadolu Ajansı, 2 Nis 11\.27 itibarıyla/, 'a time on another day than the election carries its date');

    // Search: only where there is a table to filter; "sari" finds Sarıyer (Turkish letters
    // folded), and is still there after a look at Sarıyer and back.
    const search = page.locator(sel).locator('input.search');
    assert.equal(await search.isVisible(), false, 'no search box over the summary');
    await tap(page, sel, 'tabs:1');
    await search.fill('sari');
    await settle(page);
    const found = () => page.locator(`${sel} .sandik-sr section:nth-of-type(2) tbody th`).allTextContents();
    assert.deepEqual(await found(), ['Sarıyer']);
    await tap(page, sel, 'row:sariyer');
    assert.equal(await search.isVisible(), false, 'no search box over a district\'s summary');
    await tap(page, sel, 'crumb:istanbul');
    assert.equal(await search.inputValue(), 'sari');
    assert.deepEqual(await found(), ['Sarıyer'], 'back on İlçeler, the search kept');
    await search.fill('');
    await settle(page);

    // Timeline: the night's moments from three sources.
    await tap(page, sel, 'tabs:4');
    text = await mirror(page, sel);
    assert.match(text, /19\.15ANKA%10,00%58,79%37,65/, 'ANKA at 19.15, 10% of boxes, 58,79 / 37,65');
    assert.match(text, /1 Nis 01\.00AA%91,11%50,85/, "AA at 01.00: 91,11% of boxes, İmamoğlu 50,85%");
    await page.locator(sel).screenshot({ path: 'build/screenshots/full-timeline-760.png' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a district low in the table: the widget stays on screen, back leads to İlçeler where the reader was, data-history links', async () => {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 390, height: 700 });
  try {
    const html = `<!doctype html><html lang="tr"><body style="margin:0"><p style="height:900px">Haber</p>
      <div id="w" data-sandik-feed="/feeds/istanbul-2024.json" data-view="full" data-history></div>
      <p style="height:2000px">Son</p><script src="/dist/sandik.js"></script></body></html>`;
    await page.route('**/article.html', (r) => r.fulfill({ status: 200, contentType: 'text/html', body: html }));
    await page.goto(server.url + 'article.html');
    await waitForWidget(page, '#w');
    await page.locator('#w').scrollIntoViewIfNeeded();
    // (Below the fold at first: its canvas is drawn, and can be tapped, once it nears the screen.)
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#w').shadowRoot.querySelector('canvas')).visibility === 'visible');
    await settle(page);
    await tap(page, '#w', 'tabs:1');
    const state = () => page.evaluate(() => {
      const el = document.querySelector('#w'), canvas = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const row = el.__sandik.regions().find((g) => g.name === 'row:uskudar');
      return { top: el.getBoundingClientRect().top, scroll: window.scrollY, hash: location.hash, row: row ? canvas.top + row.y : null };
    });
    // The reader scrolls down to Üsküdar, near the end of the table, and taps it.
    await page.waitForFunction(() => document.querySelector('#w').__sandik.regions().some((g) => g.name === 'row:uskudar'));
    const low = await state();
    await page.evaluate((dy) => window.scrollBy(0, dy), low.row - 500);
    await settle(page);
    const before = await state();
    assert.ok(before.top < -700, `the widget's top is far above the screen (${before.top})`);
    await tap(page, '#w', 'row:uskudar');
    assert.match(await mirror(page, '#w'), /İBB Başkanlığı, Üsküdar\./);
    let now = await state();
    assert.ok(now.top >= -1 && now.top < 100, `the widget's top is on screen after the change of view (${now.top})`);
    assert.equal(now.hash, '#sandik=summary/uskudar', 'the view and area in the URL');
    // Back (the breadcrumb): İlçeler again, the page where the reader had it.
    await tap(page, '#w', 'crumb:istanbul');
    now = await state();
    assert.ok(now.row != null, 'İlçeler, not Özet');
    assert.ok(Math.abs(now.scroll - before.scroll) <= 2, `the page's scroll back (${now.scroll} vs ${before.scroll})`);
    assert.equal(now.hash, '#sandik=table');
    // The page's Back goes through the widget's steps; Forward comes back.
    await page.evaluate(() => history.back());
    await settle(page);
    now = await state();
    assert.equal(now.hash, '');
    assert.equal(now.row, null, 'Özet, where the page opened');
    await page.evaluate(() => history.forward());
    await settle(page);
    assert.notEqual((await state()).row, null, 'İlçeler again');
    // A shared link opens the district.
    await page.goto(server.url + 'article.html#sandik=summary/kadikoy');
    await waitForWidget(page, '#w');
    assert.match(await mirror(page, '#w'), /İBB Başkanlığı, Kadıköy\./);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('changed hands: 12 district mayoralties, 11 from AK Parti and Silivri from MHP', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760 });
  try {
    await waitForWidget(page, '#flips');
    const text = await mirror(page, '#flips');
    assert.match(text, /El değiştiren ilçeler \(12\)/);
    const rows = await page.locator('#flips .sandik-sr tbody tr').allTextContents();
    assert.equal(rows.length, 12);
    assert.equal(rows.filter((r) => r.includes('AK PartiCHP')).length, 11);
    assert.ok(rows.some((r) => r.startsWith('SilivriMHPCHP')));
    const px = await canvasStats(page, [0xe30a17, 0xf68407], { selector: '#flips' });
    assert.ok(px.counts[0] > 500 && px.counts[1] > 500, 'CHP and AK Parti chips drawn');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

const TABS = ['summary', 'table', 'sources', 'flips', 'timeline', 'map'];
for (const [width, dpr] of [[320, 1], [320, 2], [768, 1], [768, 2], [1200, 2], [390, 3]]) {
  test(`every view draws at ${width} px, DPR ${dpr}`, async () => {
    const { page, context, errors } = await open(browser, server.url, { width, height: 900, dpr });
    try {
      for (const sel of ['#summary', '#full', '#flips', '#map', '#tiles']) {
        await page.locator(sel).scrollIntoViewIfNeeded();
        await waitForWidget(page, sel);
        const size = await page.evaluate((s) => {
          const c = document.querySelector(s).shadowRoot.querySelector('canvas');
          return { w: c.width, cw: c.getBoundingClientRect().width };
        }, sel);
        assert.equal(size.w, Math.round(size.cw * dpr), `${sel} is crisp at DPR ${dpr}`);
        assert.ok(size.cw <= width, `${sel} fits in ${width} px`);
        const px = await canvasStats(page, [0xe30a17],
          { selector: sel, whole: true, save: `build/screenshots/${sel.slice(1)}-${width}-dpr${dpr}.png` });
        assert.ok(px.distinct > 20 && px.counts[0] > 50, `${sel} is drawn with party colours`);
      }
      // Each tab of the full view, as a reader taps through them.
      for (let i = 0; i < TABS.length; i++) {
        await tap(page, '#full', `tabs:${i}`);
        const px = await canvasStats(page, [0xe30a17],
          { selector: '#full', whole: true, save: `build/screenshots/full-${TABS[i]}-${width}-dpr${dpr}.png` });
        // (the İBB race has no district-level previous winners: its flips tab is text only)
        assert.ok(TABS[i] === 'flips' ? px.distinct > 10 : px.counts[0] > 20, `${TABS[i]} is drawn at ${width} px`);
      }
      assert.match(await mirror(page, '#summary'), /Ekrem İmamoğlu kazandı, %51,15/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('a brand accent colour', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760 });
  try {
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'brand';
      el.dataset.sandikFeed = 'feeds/istanbul-2024.json';
      el.dataset.accent = '#7B2D8E';
      document.querySelector('main').prepend(el);
    });
    await waitForWidget(page, '#brand');
    const px = await canvasStats(page, [0x7b2d8e], { selector: '#brand', tolerance: 6 });
    assert.ok(px.counts[0] > 1000, `the counted-boxes bar is in the brand colour (${px.counts[0]} px)`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('English, dark theme', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760, colorScheme: 'dark' });
  try {
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'en';
      el.dataset.sandikFeed = 'feeds/istanbul-2024.json';
      el.dataset.lang = 'en';
      el.dataset.theme = 'auto';
      document.querySelector('main').prepend(el);
    });
    await waitForWidget(page, '#en');
    const text = await mirror(page, '#en');
    assert.match(text, /Ekrem İmamoğlu won, 51\.15%/);
    assert.match(text, /İmamoğlu leads by 1,001,426 votes \(11\.56 points\)/);
    assert.match(text, /99\.99% of ballot boxes counted/);
    const px = await canvasStats(page, [0x16181c], { selector: '#en' });
    assert.ok(px.counts[0] > px.width * px.height * 0.5, 'dark background');
    await page.locator('#en').screenshot({ path: 'build/screenshots/summary-en-dark-760.png' });
    // "auto" follows the reader's colour scheme while the page is open.
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForTimeout(200);
    const light = await canvasStats(page, [0x16181c, 0xffffff], { selector: '#en' });
    assert.ok(light.counts[1] > light.width * light.height * 0.5 && light.counts[0] < light.counts[1] / 20, 'light background after the switch');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
