// The widget inside somebody else's page: the keyboard, the iframe page for CMSs without
// scripts, axe-core over every view, WebGL contexts only for widgets near the screen, the polite
// live region, touch drags inside a long table, and no layout shift when results arrive.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, open, waitForWidget, canvasStats, screenshot, ROOT, mirror } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const FEED = readFileSync(path.join(ROOT, 'assets/feeds/istanbul-2024.json'), 'utf8');
const COUNCIL = readFileSync(path.join(ROOT, 'tests/data/council.json'), 'utf8');
const handle = (page, sel, fn, arg) => page.evaluate(([s, f, a]) => document.querySelector(s).__sandik[f](a), [sel, fn, arg]);

// A page of our own on the server's origin; `routes` maps URL suffixes to bodies.
async function pageWith(html, routes = {}, options = {}) {
  const { page, context, errors } = await open(browser, 'about:blank', options);
  if (options.init) await page.addInitScript(options.init);  // before the page's own scripts
  for (const [suffix, body] of Object.entries(routes))
    await page.route('**/' + suffix, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: typeof body === 'function' ? body() : body }));
  await page.goto(server.url + 'feeds/istanbul-2024.json');
  await page.setContent(`<!doctype html><html lang="tr"><head><title>Test</title></head><body style="margin:0">${html}<script src="${server.url}dist/sandik.js"></script></body></html>`);
  return { page, context, errors };
}

test('a first load that fails: a notice in the reader\'s words, no empty box of held space', async () => {
  const { page, context } = await open(browser, 'about:blank', { width: 760 });
  try {
    await page.route('**/down.json', (route) => route.abort('failed'));
    await page.goto(server.url + 'feeds/istanbul-2024.json');
    await page.setContent(`<!doctype html><html lang="tr"><body><div id="w" data-sandik-feed="${server.url}down.json"></div>
      <script src="${server.url}dist/sandik.js"></script></body></html>`);
    await page.waitForFunction(() => document.querySelector('#w').shadowRoot?.querySelector('.notice.on'), null, { timeout: 20000 });
    const notice = await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.notice.on').textContent);
    assert.equal(notice, 'Sonuçlar yüklenemedi (sunucuya ulaşılamadı).');
    const height = await page.locator('#w').evaluate((el) => el.getBoundingClientRect().height);
    assert.ok(height < 120, `the box is only the notice (${height} px), not 580 px of nothing`);
  } finally {
    await context.close();
  }
});

test('a strict Content Security Policy: no inline styles or eval, and the widget is styled and drawn', async () => {
  const { page, context } = await open(browser, 'about:blank', { width: 760 });
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) violations.push(m.text()); });
  try {
    const csp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; img-src 'self' data:";
    await page.route('**/csp.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', headers: { 'Content-Security-Policy': csp },
      body: `<!doctype html><html lang="tr"><body><div id="w" data-sandik-feed="/feeds/istanbul-2024.json"></div><script src="/dist/sandik.js"></script></body></html>` }));
    await page.goto(server.url + 'csp.html');
    await waitForWidget(page, '#w');
    const frame = await page.locator('#w').evaluate((el) => {
      const s = getComputedStyle(el.shadowRoot.querySelector('.frame'));
      return { radius: s.borderTopLeftRadius, border: s.borderTopWidth };
    });
    assert.deepEqual(frame, { radius: '8px', border: '1px' }, 'the shadow root is styled');
    const px = await canvasStats(page, [0xe30a17], { selector: '#w' });
    assert.ok(px.counts[0] > 1000, 'and drawn');
    assert.deepEqual(violations, []);
  } finally {
    await context.close();
  }
});

test('padding on the container: the canvas is sized to the space inside it, crisp', async () => {
  const { page, context, errors } = await pageWith(
    `<div id="w" data-sandik-feed="${server.url}t.json" style="width:400px;padding:0 40px;box-sizing:content-box"></div>`,
    { 't.json': FEED }, { width: 600, height: 900, dpr: 2 });
  try {
    await waitForWidget(page, '#w');
    const size = await page.locator('#w').evaluate((el) => {
      const c = el.shadowRoot.querySelector('canvas');
      return { backing: c.width, css: c.getBoundingClientRect().width };
    });
    assert.equal(size.css, 398, 'the canvas fills the 400 px inside the padding (less the 1 px border each side)');
    assert.equal(size.backing, 796, `drawn at 2 backing pixels per CSS pixel, not squeezed (${JSON.stringify(size)})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('mount and destroy 18 widgets: each gives its WebGL context back, the page\'s own widget stays drawn', async () => {
  const { page, context, errors } = await pageWith(
    `<div id="keep" data-sandik-feed="${server.url}t.json" style="width:600px"></div><div id="box" style="width:600px"></div>`,
    { 't.json': FEED }, { width: 700, height: 1600 });
  const warnings = [];
  page.on('console', (m) => { if (/too many active webgl contexts|context lost/i.test(m.text())) warnings.push(m.text()); });
  try {
    await waitForWidget(page, '#keep');
    for (let i = 0; i < 18; i++) {  // Chromium keeps 16 contexts a page
      await page.evaluate((url) => {
        const el = document.createElement('div');
        el.id = 'tmp';
        document.getElementById('box').appendChild(el);
        window.__h = Sandik.mount(el, { feed: url });
      }, server.url + 't.json');
      await page.waitForFunction(() => document.querySelector('#tmp').shadowRoot.querySelector('canvas').height > 100, null, { timeout: 10000 });
      await page.evaluate(() => { window.__h.destroy(); document.getElementById('tmp').remove(); });
    }
    await page.waitForTimeout(300);
    const lost = await page.locator('#keep').evaluate((el) => el.shadowRoot.querySelector('canvas').getContext('webgl2').isContextLost());
    assert.equal(lost, false, `the page's widget keeps its context (${warnings.join(' | ')})`);
    assert.deepEqual(warnings, [], 'no "too many active WebGL contexts"');
    const px = await canvasStats(page, [0xe30a17], { selector: '#keep' });
    assert.ok(px.distinct > 20 && px.counts[0] > 50, 'and it is still drawn');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('keyboard: arrows through tabs, headings and rows, Enter opens, Escape goes back, a visible ring', async () => {
  const { page, context, errors } = await pageWith(
    `<div id="w" data-sandik-feed="${server.url}t.json" data-race="ibb" data-view="full" style="width:760px"></div>`, { 't.json': FEED },
    { width: 800, height: 900 });
  try {
    await waitForWidget(page, '#w');
    await page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('canvas').focus());
    const before = await canvasStats(page, [0x0b5cad], { selector: '#w', tolerance: 30 });
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(200);
    assert.equal((await handle(page, '#w', 'focus')).name, 'tabs:0', 'the first arrow lands on the first tab');
    const ringed = await canvasStats(page, [0x0b5cad], { selector: '#w', tolerance: 30 });
    assert.ok(ringed.counts[0] > before.counts[0] + 100, `a focus ring in the accent colour (${before.counts[0]} → ${ringed.counts[0]} px)`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.match(await mirror(page, '#w'), /39 satır/, 'Enter on "İlçeler" opens the district table');
    let focus = null;
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('ArrowDown');
      await page.waitForTimeout(60);
      focus = await handle(page, '#w', 'focus');
      if (focus && focus.name.startsWith('row:')) break;
    }
    assert.equal(focus.name, 'row:adalar', 'past the tabs and headings: the first row');
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(150);
    assert.equal((await handle(page, '#w', 'focus')).name, 'row:arnavutkoy');
    await screenshot(page, 'keyboard-focus-row');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    assert.match(await mirror(page, '#w'), /Arnavutköy/, 'Enter opens the district');
    await page.keyboard.press('Escape');
    await page.waitForTimeout(300);
    assert.doesNotMatch((await mirror(page, '#w')).slice(0, 200), /Arnavutköy,/, 'Escape goes back to the city');
    // Keys the widget does not use stay with the page.
    const prevented = await page.evaluate(() => new Promise((resolve) => {
      window.addEventListener('keydown', (e) => resolve(e.defaultPrevented), { once: true });
      document.querySelector('#w').shadowRoot.querySelector('canvas').dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true, cancelable: true }));
    }));
    assert.equal(prevented, false);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('iframe page: dist/embed.html reports its height the pym.js way, so the frame never scrolls', async () => {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 760, height: 900 });
  try {
    // The article page, served for the test; the widget only sends it messages.
    const src = `${server.url}dist/embed.html?feed=${encodeURIComponent(server.url + 'feeds/istanbul-2024.json')}&race=ibb&view=summary&lang=en&childId=sandik-1`;
    const article = `<!doctype html><html><head><title>Article</title><link rel="icon" href="data:,"></head><body><p>Article text.</p>
      <iframe id="f" src="${src}" style="width:100%;border:0;height:150px" scrolling="no" title="Results"></iframe>
      <script>
        window.messages = [];
        window.addEventListener('message', (e) => {
          if (typeof e.data !== 'string') return;
          const m = e.data.split('xPYMx');  // pym.js: pym, child id, message type, value
          if (m[0] === 'pym' && m[1] === 'sandik-1' && m[2] === 'height') {
            window.messages.push(+m[3]);
            document.getElementById('f').style.height = m[3] + 'px';
          }
        });
      </script></body></html>`;
    await page.route('**/article.html', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: article }));
    await page.goto(server.url + 'article.html');
    await page.waitForFunction(() => window.messages.some((h) => h > 400), null, { timeout: 20000 });
    await page.waitForTimeout(1500);
    const frame = page.frame({ url: /embed\.html/ });
    const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, text: document.querySelector('.sandik-sr').textContent }));
    const outer = await page.evaluate(() => document.getElementById('f').getBoundingClientRect().height);
    assert.match(inner.text, /Ekrem İmamoğlu/);
    assert.ok(inner.scroll <= outer + 1, `the frame is as tall as its content (${inner.scroll} ≤ ${outer})`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the iframe page shows only feeds the newsroom named: its own origin and embed-feeds.json; never data: or another origin', async () => {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 760, height: 900 });
  try {
    const other = server.url.replace('127.0.0.1', 'localhost');  // another origin, same server (it sends CORS headers)
    const spoofed = JSON.parse(readFileSync(path.join(ROOT, 'tests/data/example.json'), 'utf8'));  // (small: it goes in a URL)
    spoofed.status = 'final';
    spoofed.parties[0].name = 'SPOOFED';
    const frame = async (feed, listed) => {
      await page.unroute('**/embed-feeds.json');
      if (listed) await page.route('**/embed-feeds.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ feeds: listed }) }));
      const requests = [];
      const seen = (r) => { if (/istanbul-2024\.json$/.test(r.url())) requests.push(r.url()); };
      page.on('request', seen);
      await page.goto(`${server.url}dist/embed.html?feed=${encodeURIComponent(feed)}&view=summary`);
      await page.waitForFunction(() => {
        const el = document.querySelector('#sandik');
        return el && (el.querySelector('.sandik-sr table') || el.shadowRoot?.querySelector('.notice.on'));
      }, null, { timeout: 20000 });
      await page.waitForTimeout(200);
      page.off('request', seen);
      return page.evaluate(() => ({
        notice: document.querySelector('#sandik').shadowRoot.querySelector('.notice').textContent,
        text: document.querySelector('#sandik .sandik-sr').textContent,
      })).then((r) => ({ ...r, requests }));
    };
    // A data: feed: refused before any request, in the reader's words.
    let r = await frame('data:application/json,' + encodeURIComponent(JSON.stringify(spoofed)));
    assert.equal(r.notice, 'Sonuçlar yüklenemedi (bu sayfa bu sonuç kaynağını göstermiyor).');
    assert.doesNotMatch(r.text, /SPOOFED|İmamoğlu/);
    // Another origin that sends CORS headers: refused unless embed-feeds.json names it.
    r = await frame(other + 'feeds/istanbul-2024.json');
    assert.match(r.notice, /göstermiyor/);
    assert.deepEqual(r.requests, [], 'no request for a refused feed');
    r = await frame(other + 'feeds/istanbul-2024.json', [other.replace(/\/$/, '')]);
    assert.match(r.text, /Ekrem İmamoğlu/, 'a listed origin is shown');
    r = await frame(other + 'assets/x.json', [other + 'feeds/']);  // a prefix: only under it
    assert.match(r.notice, /göstermiyor/);
    // Its own origin, with no list at all.
    r = await frame(server.url + 'feeds/istanbul-2024.json');
    assert.match(r.text, /Ekrem İmamoğlu/);
    assert.deepEqual(errors.filter((e) => !/not a feed this page allows/.test(e)), []);
  } finally {
    await context.close();
  }
});

test("the docs' iframe snippet: two frames on one page each keep their own height", async () => {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 760, height: 900 });
  try {
    // The snippet as docs/embedding.md gives it, once per frame with its own id; each frame
    // says its height as dist/embed.html does ({sandik: "height", height}).
    const doc = readFileSync(path.join(ROOT, 'docs/embedding.md'), 'utf8');
    const snippet = doc.match(/```html\n(<iframe id="sandik-frame"[\s\S]*?)```/)[1];
    const frame = (id, h) => snippet.replaceAll('sandik-frame', id).replace(/src="[^"]*"/,
      `srcdoc="<script>setInterval(() => parent.postMessage({sandik: 'height', height: ${h}}, '*'), 50)</script>"`);
    await page.route('**/two.html', (route) => route.fulfill({ status: 200, contentType: 'text/html',
      body: `<!doctype html><html><head><title>Two</title></head><body>${frame('a', 300)}${frame('b', 900)}</body></html>` }));
    await page.goto(server.url + 'two.html');
    await page.waitForTimeout(400);
    const heights = await page.evaluate(() => ['a', 'b'].map((id) => document.getElementById(id).getBoundingClientRect().height));
    assert.deepEqual(heights, [300, 900]);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('axe-core: every view on one page, no serious or critical violations', async () => {
  const views = ['summary', 'table', 'detail', 'sources', 'flips', 'timeline', 'full'];
  const html = views.map((v) => `<h2>${v}</h2><div id="${v}" data-sandik-feed="${server.url}t.json" data-race="${v === 'flips' ? 'ilce' : 'ibb'}"
      data-view="${v}" ${v === 'detail' ? 'data-area="sariyer"' : ''}></div>`).join('\n') +
    `<h2>seats</h2><div id="seats" data-sandik-feed="${server.url}c.json" data-view="seats"></div>`;
  const { page, context, errors } = await pageWith(`<main><h1>Seçim</h1>${html}</main>`, { 't.json': FEED, 'c.json': COUNCIL }, { width: 900, height: 1000 });
  try {
    for (const v of [...views, 'seats']) await waitForWidget(page, '#' + v);
    await page.addScriptTag({ path: path.join(ROOT, 'node_modules/axe-core/axe.min.js') });
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`), []);
    // axe looked at what matters here: every canvas has a label, the mirror's tables their headers.
    const passed = new Set(results.passes.map((p) => p.id));
    for (const rule of ['role-img-alt', 'th-has-data-cells']) assert.ok(passed.has(rule), `axe checked ${rule}`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('24 widgets on one page: contexts only near the screen, every widget draws when scrolled to', async () => {
  const html = Array.from({ length: 24 }, (_, i) =>
    `<div class="w" id="w${i}" data-sandik-feed="${server.url}t.json" data-race="ibb" style="margin-bottom:40px"></div>`).join('\n');
  const { page, context, errors } = await pageWith(html, { 't.json': FEED }, { width: 500, height: 800 });
  const warnings = [];
  page.on('console', (m) => { if (/WebGL|context/i.test(m.text())) warnings.push(m.text()); });
  try {
    await waitForWidget(page, '#w0');
    const states = () => page.evaluate(() => [...document.querySelectorAll('.w')].map((el) => el.__sandik.glState()));
    let s = await states();
    assert.ok(s.filter((x) => x === 'live').length <= 3, `at first only the widgets on screen hold a context: ${s.join(' ')}`);
    let most = 0;
    for (let i = 0; i < 24; i += 3) {
      await page.locator(`#w${i}`).scrollIntoViewIfNeeded();
      await waitForWidget(page, `#w${i}`);
      await page.waitForTimeout(250);
      const st = await canvasStats(page, [0xe30a17], { selector: `#w${i}` });
      assert.ok(st.counts[0] > 200, `widget ${i} drew its bars (${st.counts[0]} px of CHP red)`);
      s = await states();
      most = Math.max(most, s.filter((x) => x === 'live').length);
    }
    assert.ok(most <= 10, `never more than 8 contexts plus those on screen (most: ${most})`);
    // Back to the top: the first widget takes its context again and draws.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(600);
    assert.equal((await states())[0], 'live');
    const st = await canvasStats(page, [0xe30a17], { selector: '#w0' });
    assert.ok(st.counts[0] > 200, 'the first widget draws again after its context came back');
    assert.deepEqual(warnings.filter((w) => /too many/i.test(w)), [], 'the browser never had to drop a context');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('live region: a new tenth of the boxes counted is announced politely, at most once a minute', async () => {
  const night = (n) => readFileSync(path.join(ROOT, `assets/feeds/night/${n}`), 'utf8');
  const files = execFileSync('ls', [path.join(ROOT, 'assets/feeds/night')], { encoding: 'utf8' }).trim().split('\n');
  let body = night(files[2]);
  const { page, context } = await pageWith(`<div id="w" data-sandik-feed="${server.url}n.json" data-race="ibb" data-refresh="3600"></div>`, { 'n.json': () => body });
  try {
    await waitForWidget(page, '#w');
    const live = () => page.evaluate(() => {
      const el = document.querySelector('#w .sandik-live');
      return { text: el.textContent, polite: el.getAttribute('aria-live') };
    });
    assert.deepEqual(await live(), { text: '', polite: 'polite' }, 'the first results are the page, not news');
    const infoBefore = await page.evaluate(() => document.querySelector('#w').__sandik);
    void infoBefore;
    let announced = '';
    for (const f of files.slice(3)) {
      body = night(f);
      await handle(page, '#w', 'update');
      await page.waitForTimeout(150);
      announced = (await live()).text;
      if (announced) break;
    }
    assert.match(announced, /Sandıkların %\d+'(u|si|ı|i|ü) açıldı; önde: Ekrem İmamoğlu\./);
    // More news within the minute waits: the region does not change at once.
    const next = files[files.length - 1];
    body = night(next);
    await handle(page, '#w', 'update');
    await page.waitForTimeout(200);
    assert.equal((await live()).text, announced, 'no second announcement within a minute');
  } finally {
    await context.close();
  }
});

test('touch: a drag on a long table scrolls the table, a drag elsewhere scrolls the page', async () => {
  const big = execFileSync('python3', [path.join(ROOT, 'bench/make_feed.py'), '200', '6', '200'], { maxBuffer: 1 << 26 }).toString();
  const { page, context, errors } = await pageWith(
    `<p style="height:300px">Article</p><div id="w" data-sandik-feed="${server.url}big.json" data-view="table"></div><p style="height:2000px">More</p>`,
    { 'big.json': big }, { width: 390, height: 800, hasTouch: true, isMobile: true, dpr: 2 });
  try {
    await waitForWidget(page, '#w');
    const cdp = await context.newCDPSession(page);
    const drag = async (x, y0, y1) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: y0 }] });
      for (let k = 1; k <= 10; k++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y0 + (y1 - y0) * k / 10 }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await page.waitForTimeout(400);
    };
    const firstRow = async () => (await handle(page, '#w', 'regions')).filter((r) => r.name.startsWith('row:')).sort((a, b) => a.y - b.y)[0].name;
    // Bring the table's rows on screen, then drag up on them: the rows move, the page does not.
    await page.evaluate(() => window.scrollTo(0, 300));
    await page.waitForTimeout(300);
    const box = await page.locator('#w').boundingBox();
    const rowBefore = await firstRow();
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await drag(box.x + box.width / 2, box.y + 400, box.y + 150);
    assert.notEqual(await firstRow(), rowBefore, 'the table scrolled');
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore, 'the page did not');
    // A drag that starts on the article text scrolls the page.
    await drag(195, 100, 20);
    assert.ok((await page.evaluate(() => window.scrollY)) > scrollBefore, 'the page scrolled');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('no layout shift: space is held from the first paint until the results come', async () => {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 760, height: 900 });
  try {
    await page.addInitScript(() => {
      window.cls = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.cls += e.value; })
        .observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(server.url);
    await waitForWidget(page, '#summary');
    await page.waitForTimeout(1500);
    const cls = await page.evaluate(() => window.cls);
    assert.ok(cls < 0.1, `cumulative layout shift ${cls.toFixed(3)} < 0.1 ("good")`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('while the feed is on its way: the held space is the widget\'s background, not an undrawn (black) canvas', async () => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, context, errors } = await open(browser, 'about:blank', { width: 760, height: 900 });
  try {
    await page.route('**/slow.json', async (route) => { await held; await route.fulfill({ status: 200, contentType: 'application/json', body: FEED }); });
    await page.goto(server.url + 'feeds/istanbul-2024.json');
    await page.setContent(`<!doctype html><html lang="tr"><head><title>Test</title></head><body style="margin:0;background:#fff">` +
      `<div id="w" data-sandik-feed="${server.url}slow.json" data-race="ibb"></div><script src="${server.url}dist/sandik.js"></script></body></html>`);
    // The wasm is ready, the context made and the glyphs drawn; the feed has not come.
    await page.waitForFunction(() => performance.getEntriesByName('sandik:wasm-ready').length);
    await page.waitForTimeout(500);
    const waiting = await canvasStats(page, [0x000000], { selector: '#w', tolerance: 40, whole: true });
    const dark = waiting.counts[0] / (waiting.width * waiting.height);
    assert.ok(waiting.height >= 500, `the space is held while waiting (${waiting.height} px)`);
    assert.ok(dark < 0.01, `no black box while waiting: ${(dark * 100).toFixed(1)} % dark pixels`);
    release();
    await waitForWidget(page, '#w');
    const drawn = await canvasStats(page, [0xe30a17], { selector: '#w' });
    assert.ok(drawn.counts[0] > 1000, 'then the results: İmamoğlu\'s bar in CHP red');
    assert.deepEqual(errors, []);
  } finally {
    release();
    await context.close();
  }
});

test('glyphs are drawn as frames first show them: the text is there, the same pixels either way', async () => {
  // A frame draws the glyphs it shows that no frame drew before; once the page is idle the rest
  // are drawn and each context's texture takes them. 1: with no idle time at all (no
  // requestIdleCallback), the district table drawn first has its text. 2: the same table opened
  // after a district's detail, on a page that was idle in between (its letters drawn then), is
  // the same pixels: a glyph missed either way would be a gap.
  const html = (view) => `<div id="w" data-sandik-feed="${server.url}t.json" data-race="ilce" data-view="${view}" style="width:700px"></div>`;
  const shot = async (view, { then, init } = {}) => {
    const { page, context, errors } = await pageWith(html(view), { 't.json': FEED }, { width: 720, height: 2400, init });
    try {
      await waitForWidget(page, '#w');
      if (then) {
        await page.waitForTimeout(1500);  // idle: every other glyph drawn
        await handle(page, '#w', 'set', { view: then });
        await page.waitForFunction(() => /39 satır/.test(document.querySelector('#w .sandik-sr').textContent), null, { timeout: 5000 });
        await page.waitForTimeout(500);
      }
      const ink = (await canvasStats(page, [0x14171a], { selector: '#w' })).counts[0];
      const png = await page.locator('#w').locator('canvas').screenshot();
      assert.deepEqual(errors, []);
      return { ink, png };
    } finally {
      await context.close();
    }
  };
  const first = await shot('table', { init: 'window.requestIdleCallback = function () { return 0; };' });
  assert.ok(first.ink > 4000, `the table's text drawn by its own frames (${first.ink} px of text colour)`);
  const later = await shot('detail', { then: 'table' });
  assert.ok(later.png.equals(first.png), 'the same pixels whichever way the glyphs were drawn');
});

test('letters beyond the base glyphs are drawn when a feed names them', async () => {
  // Two widgets, the same results; Murat Kurum is "Łukasz Őrsi" in one and "?ukasz ?rsi" in the
  // other. Were Ł and Ő not drawn (the atlas drawn again with them, every context's texture
  // uploaded again), ImGui would draw its fallback, "?", and the two canvases would match.
  const named = (name) => {
    const f = JSON.parse(FEED);
    f.races.find((r) => r.id === 'ibb').candidates.find((c) => c.id === 'murat-kurum').name = name;
    return JSON.stringify(f);
  };
  const { page, context, errors } = await pageWith(
    `<div id="a" data-sandik-feed="${server.url}a.json" data-race="ibb" style="width:500px"></div>` +
    `<div id="b" data-sandik-feed="${server.url}b.json" data-race="ibb" style="width:500px"></div>`,
    { 'a.json': named('Łukasz Őrsi'), 'b.json': named('?ukasz ?rsi') }, { width: 520, height: 1400 });
  try {
    await waitForWidget(page, '#a');
    await waitForWidget(page, '#b');
    const shot = async (sel) => page.locator(sel).locator('canvas').screenshot();
    const [a, b] = [await shot('#a'), await shot('#b')];
    assert.ok(!a.equals(b), 'Ł and Ő drawn, not the fallback');
    assert.match(await mirror(page, '#a'), /Łukasz Őrsi/);
    const red = await canvasStats(page, [0xe30a17], { selector: '#b' });
    assert.ok(red.counts[0] > 1000, 'the widget drawn with the first atlas still draws after the atlas was drawn again');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
