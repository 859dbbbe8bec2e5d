// The map and the tile grid as a reader meets them on the demo page: districts in their
// winner's colour, the credit, every district in the text, a tap or the keyboard opening one,
// a finger's first tap showing the card, the geometry fetched once and only by map widgets.
// Screenshots (390 px at DPR 3 and 1,200 px; final and a partial moment) go to build/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, launch, open, waitForWidget, canvasStats, mirror, tap, ROOT } from './harness.mjs';

let server, browser;
before(async () => { server = await startServer(); browser = await launch(); });
after(async () => { await browser?.close(); server?.stop(); });

const settle = (page) => page.waitForTimeout(200);
const feed = JSON.parse(readFileSync(path.join(ROOT, 'assets/feeds/istanbul-2024.json'), 'utf8'));
const colour = (id) => parseInt(feed.parties.find((p) => p.id === id).color.slice(1), 16);
const districts = feed.areas.filter((a) => a.parent === 'istanbul').map((a) => a.name);

// The requests a page made for map files.
const mapRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (/\/maps\//.test(r.url())) seen.push(new URL(r.url()).pathname); });
  return seen;
};

test('the district map: winners\' colours, the credit, every district in its text, geometry fetched once', async () => {
  const { page, context, errors } = await open(browser, 'about:blank', { width: 390, height: 900, dpr: 3 });
  try {
    const seen = mapRequests(page);
    await page.goto(server.url);
    for (const sel of ['#map', '#tiles']) {
      await page.locator(sel).scrollIntoViewIfNeeded();
      await waitForWidget(page, sel);
    }
    await settle(page);
    // Both Istanbul widgets share one download of the district map, as sandik.wasm is shared.
    assert.equal(seen.filter((p) => p.endsWith('/maps/istanbul.bin')).length, 1, seen.join(' '));
    const text = await mirror(page, '#map');
    assert.match(text, /© OpenStreetMap contributors/);
    assert.match(text, /Harita — İlçe belediye başkanlıkları, İstanbul/);
    for (const name of districts) assert.ok(text.includes(name), `${name} in the map's text`);
    assert.match(text, /Önde olduğu yer sayısı: CHP 26, AK Parti 13\./);  // (ANKA's count of the district winners)
    assert.match(text, /Kalın çerçeve: 2019 sonucuna göre el değiştirdi/);
    // The fills: CHP red and AK Parti orange at full strength where the margin is 20 points and more.
    const px = await canvasStats(page, [colour('CHP'), colour('AKP')], { selector: '#map', tolerance: 10,
      save: 'build/screenshots/map-final-390-dpr3.png' });
    assert.ok(px.counts[0] > 20000, `CHP red districts are drawn (${px.counts[0]} px)`);
    assert.ok(px.counts[1] > 2000, `AK Parti orange districts are drawn (${px.counts[1]} px)`);
    await canvasStats(page, [], { selector: '#tiles', save: 'build/screenshots/tiles-final-390-dpr3.png' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a page of summaries fetches no map', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760, height: 900 });
  try {
    await page.goto(server.url + 'feeds/istanbul-2024.json');  // (the demo page's own maps are not this page's)
    const seen = mapRequests(page);
    await page.setContent(`<div id="s" data-sandik-feed="${server.url}feeds/istanbul-2024.json" data-race="ilce"
      data-view="summary"></div><div id="t" data-sandik-feed="${server.url}feeds/istanbul-2024.json" data-race="ilce"
      data-view="table"></div><script src="${server.url}dist/sandik.js"></script>`);
    await waitForWidget(page, '#s');
    await waitForWidget(page, '#t');
    await settle(page);
    assert.deepEqual(seen, [], `requests for maps: ${seen.join(' ')}`);
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);  // (Chromium asks a set page for /favicon.ico)
  } finally {
    await context.close();
  }
});

test('a tap opens a district, back returns; the keyboard goes by neighbours and Enter opens', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760, height: 900 });
  try {
    const sel = '#map';
    await page.locator(sel).scrollIntoViewIfNeeded();
    await waitForWidget(page, sel);
    await settle(page);
    await tap(page, sel, 'area:kadikoy');
    let text = await mirror(page, sel);
    assert.match(text, /İlçe belediye başkanlıkları, Kadıköy\./);
    assert.doesNotMatch(text, /OpenStreetMap/);
    await page.locator(sel).locator('canvas').focus();
    await page.keyboard.press('Escape');
    await settle(page);
    assert.match(await mirror(page, sel), /Harita — İlçe belediye başkanlıkları, İstanbul/);

    // The keyboard: into the map, then an arrow moves to a neighbouring district, drawn outlined.
    const focus = () => page.evaluate((s) => (document.querySelector(s).__sandik.focus() || {}).name || '', sel);
    await page.keyboard.press('ArrowDown');
    await settle(page);
    const first = await focus();
    assert.match(first, /^area:/);
    const shot = () => page.locator(sel).locator('canvas').screenshot();
    const before = await shot();
    await page.keyboard.press('ArrowRight');
    await settle(page);
    const second = await focus();
    assert.match(second, /^area:/);
    assert.notEqual(second, first);
    assert.ok(!before.equals(await shot()), 'the focus outline moved');
    await page.keyboard.press('Enter');
    await settle(page);
    const name = feed.areas.find((a) => a.id === second.slice(5)).name;
    assert.match(await mirror(page, sel), new RegExp(`İlçe belediye başkanlıkları, ${name}\\.`));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('hover shows a card and leaves no trace; a finger\'s first tap shows it, the second opens', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 390, height: 844, dpr: 2, hasTouch: true, isMobile: true });
  try {
    const sel = '#map';
    await page.locator(sel).scrollIntoViewIfNeeded();
    await waitForWidget(page, sel);
    await settle(page);
    const at = await page.evaluate((s) => {
      const el = document.querySelector(s);
      const c = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
      const r = el.__sandik.regions().find((g) => g.name === 'area:sariyer');
      return { x: c.left + r.x + r.w / 2, y: c.top + r.y + r.h / 2 };
    }, sel);
    const plain = await canvasStats(page, [], { selector: sel });
    await page.touchscreen.tap(at.x, at.y);
    await settle(page);
    const carded = await canvasStats(page, [], { selector: sel, save: 'build/screenshots/map-card-390-dpr2.png' });
    assert.notEqual(carded.distinct, plain.distinct, 'the card is drawn');
    assert.match(await mirror(page, sel), /Harita — İlçe belediye başkanlıkları, İstanbul/, 'not opened by the first tap');
    await page.touchscreen.tap(at.x, at.y);
    await settle(page);
    assert.match(await mirror(page, sel), /İlçe belediye başkanlıkları, Sarıyer\./, 'opened by the second');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the tile grid: every district a tile, tapping one opens it', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 1200, height: 900 });
  try {
    const sel = '#tiles';
    await page.locator(sel).scrollIntoViewIfNeeded();
    await waitForWidget(page, sel);
    await settle(page);
    const regions = await page.evaluate((s) => document.querySelector(s).__sandik.regions().map((r) => r.name), sel);
    assert.equal(regions.filter((n) => n.startsWith('area:')).length, 39);
    await canvasStats(page, [], { selector: sel, save: 'build/screenshots/tiles-final-1200.png' });
    await canvasStats(page, [], { selector: '#map', save: 'build/screenshots/map-final-1200.png' });
    await tap(page, sel, 'area:gungoren');
    assert.match(await mirror(page, sel), /İBB Başkanlığı, Güngören\./);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('a partial moment: districts still counting drawn striped, said so', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 390, height: 900, dpr: 3 });
  try {
    await page.goto(server.url + 'feeds/istanbul-2024.json');
    await page.setContent(`<div id="m" data-sandik-feed="${server.url}feeds/turkiye/01-aa-0055.json"
      data-race="istanbul-ilce" data-view="map"></div><script src="${server.url}dist/sandik.js"></script>`);
    await waitForWidget(page, '#m');
    await settle(page);
    const text = await mirror(page, '#m');
    assert.match(text, /Çizgili: sayım sürüyor/);
    assert.match(text, /Anadolu Ajansı/);
    await canvasStats(page, [], { selector: '#m', save: 'build/screenshots/map-partial-0055-390-dpr3.png' });
    await page.setViewportSize({ width: 1200, height: 900 });
    await settle(page);
    await canvasStats(page, [], { selector: '#m', save: 'build/screenshots/map-partial-0055-1200.png' });
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);  // (Chromium asks a set page for /favicon.ico)
  } finally {
    await context.close();
  }
});

test('the national overview shows the Türkiye map of the provinces\' mayors', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 1200, height: 1100 });
  try {
    const sel = '#overview';
    await page.locator(sel).scrollIntoViewIfNeeded();
    await waitForWidget(page, sel);
    await page.waitForFunction((s) => /Harita — Belediye başkanları, Türkiye/.test(document.querySelector(s).textContent),
      sel, { timeout: 10000 });
    const text = await mirror(page, sel);
    for (const name of ['Adana', 'İstanbul', 'Şırnak', 'Zonguldak']) assert.ok(text.includes(name));
    assert.match(text, /© OpenStreetMap contributors/);
    await canvasStats(page, [], { selector: sel, whole: true, save: 'build/screenshots/overview-map-1200.png' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('dark and in English: the same map on a dark ground, its words in English', async () => {
  const { page, context, errors } = await open(browser, server.url, { width: 760, height: 900, colorScheme: 'dark' });
  try {
    await page.evaluate(() => {
      const el = document.createElement('div');
      el.id = 'dark-map';
      Object.assign(el.dataset, { sandikFeed: 'feeds/istanbul-2024.json', race: 'ilce', view: 'map', lang: 'en', theme: 'dark' });
      document.querySelector('main').prepend(el);
    });
    await waitForWidget(page, '#dark-map');
    await settle(page);
    const text = await mirror(page, '#dark-map');
    assert.match(text, /Map — .*, İstanbul/);
    assert.match(text, /Colour: who leads; the more vivid, the wider the margin \(points\)/);
    assert.match(text, /Areas led: CHP 26, AK Parti 13\./);
    assert.match(text, /Map: © OpenStreetMap contributors \(ODbL 1\.0\)/);
    const px = await canvasStats(page, [0x16181c, colour('CHP')], { selector: '#dark-map', tolerance: 6,
      save: 'build/screenshots/map-dark-en-760.png' });
    assert.ok(px.counts[0] > px.width * px.height * 0.3, 'a dark ground');
    assert.ok(px.counts[1] > 500, 'CHP red on it');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
