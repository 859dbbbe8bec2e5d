// The demo page as a reader sees it: a news article with the widget embedded, drawn in
// Chromium from the real İBB 2024 feed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ROOT, startServer, launch, open, waitForWidget, canvasStats, screenshot, cli } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const FEED = path.join(ROOT, 'assets/feeds/istanbul-2024.json');
const tr = (n) => n.toLocaleString('tr-TR');
const trPct = (x) => '%' + x.toFixed(2).replace('.', ',');

for (const dpr of [1, 2]) {
  test(`demo page draws the İBB results at DPR ${dpr}`, async () => {
    const { page, context, errors } = await open(browser, server.url, { width: 760, dpr });
    try {
      await waitForWidget(page, '#summary');
      await screenshot(page, `demo-dpr${dpr}`);
      // The canvas is crisp: its backing store is the CSS size × DPR.
      const size = await page.evaluate(() => {
        const c = document.querySelector('#summary').shadowRoot.querySelector('canvas');
        return { w: c.width, h: c.height, cw: c.getBoundingClientRect().width, ch: c.getBoundingClientRect().height };
      });
      assert.equal(size.w, Math.round(size.cw * dpr));
      assert.equal(size.h, Math.round(size.ch * dpr));
      assert.ok(size.ch > 300, `the widget is tall enough to show the results (${size.ch}px)`);

      // The canvas is not blank and carries the party colours of the feed.
      const px = await canvasStats(page, [0xe30a17, 0xf68407], { selector: '#summary' });
      assert.ok(px.distinct > 50, 'the canvas is not blank');
      assert.ok(px.counts[0] > 1500 * dpr * dpr, `CHP red bar is drawn (${px.counts[0]} px)`);
      assert.ok(px.counts[1] > 1000 * dpr * dpr, `AK Parti orange bar is drawn (${px.counts[1]} px)`);

      // The accessible text carries the same numbers as the command line's aggregation.
      const summary = JSON.parse(cli('summary', FEED, '--json'));
      const sr = await page.locator('#summary .sandik-sr').textContent();
      for (const c of summary.contestants.slice(0, 4)) {
        assert.ok(sr.includes(c.name), `mirror names ${c.name}`);
        assert.ok(sr.includes(tr(c.votes)), `mirror shows ${c.name}'s ${tr(c.votes)} votes`);
        assert.ok(sr.includes(trPct(c.share_pct)), `mirror shows ${c.name}'s ${trPct(c.share_pct)}`);
      }
      assert.ok(sr.includes('4.433.015') && sr.includes('%51,15'), 'İmamoğlu 4.433.015, %51,15');
      assert.ok(sr.includes('Diğer (45)'), 'the other 45 candidates are grouped');
      assert.ok(sr.includes("Sandıkların %99,99'u açıldı"), 'ballot boxes opened, in Turkish');
      assert.ok(sr.includes('İmamoğlu 1.001.426 oy önde (11,56 puan)'), 'the margin in words');
      assert.deepEqual(errors, [], 'no console errors');
    } finally {
      await context.close();
    }
  });
}

test('the widget is a good guest: one global, no page styles touched, page scroll kept', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 400, height: 700 });
  try {
    await waitForWidget(page, '#summary');
    const globals = await page.evaluate(() => {
      const frame = document.createElement('iframe');
      document.body.appendChild(frame);
      const clean = new Set(Object.getOwnPropertyNames(frame.contentWindow));
      frame.remove();
      return Object.getOwnPropertyNames(window).filter((k) => !clean.has(k));
    });
    assert.deepEqual(globals, ['Sandik'], 'the only global is Sandik');
    assert.equal(await page.evaluate(() => document.styleSheets.length), 1, 'no style sheet added to the page');
    // A wheel over the summary scrolls the page, not the widget.
    const box = await page.locator('#summary').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + 40);
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 300);
    await page.waitForTimeout(300);
    assert.ok((await page.evaluate(() => window.scrollY)) > before, 'the page scrolled');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
