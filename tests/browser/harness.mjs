// Browser test harness: the project's own server on a free loopback port, Debian's Chromium
// driven by playwright-core (never a downloaded browser), and helpers that look at pixels.
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = path.join(ROOT, 'build/native/sandik');
export const SCREENSHOTS = path.join(ROOT, 'build/screenshots');
export const CHROMIUM = process.env.SANDIK_CHROMIUM || '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

// `sandik serve` (static), or `sandik replay` with `replayArgs` (the night's feed, evolving).
export async function startServer(replayArgs = null) {
  const port = await freePort();
  const args = replayArgs ? ['replay', path.join(ROOT, 'assets/feeds/night'), ...replayArgs] : ['serve'];
  const proc = spawn(CLI, [...args, '--root', ROOT, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (d) => { stderr += d; });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start: ' + stderr)), 10000);
    proc.stdout.on('data', (d) => { if (/serving|replaying/.test(String(d))) { clearTimeout(timer); resolve(); } });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
  });
  const url = `http://127.0.0.1:${port}/`;
  return { url, stop: () => proc.kill('SIGTERM'), stats: async () => (await fetch(url + '__replay')).json() };
}

export async function launch() {
  // playwright-core gives Chromium a fresh temporary profile of its own.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
}

// Opens a page, collecting console errors and page errors.
export async function open(browser, url, { width = 760, height = 900, dpr = 1, colorScheme = 'light', reducedMotion = 'no-preference', hasTouch = false, isMobile = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, colorScheme, reducedMotion, hasTouch, isMobile });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, context, errors };
}

// Waits until the widget in `selector` has drawn results (its mirror has a table and the canvas a height).
export async function waitForWidget(page, selector = '[data-sandik-feed]') {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    const canvas = el && el.shadowRoot && el.shadowRoot.querySelector('canvas');
    return el && el.querySelector('.sandik-sr table') && canvas && canvas.height > 100;
  }, selector, { timeout: 20000 });
  // Let the on-demand frames settle (height change, then a redraw).
  await page.waitForTimeout(300);
}

// The widget's accessible text (its mirror), as a screen reader gets it.
export const mirror = (page, sel) => page.locator(`${sel} .sandik-sr`).textContent();

// What is on the canvas as seen on screen (a screenshot, decoded and counted by the browser):
// the number of distinct colours, and how many pixels lie within `tolerance` of each colour asked.
// `whole`: the whole element, not only its canvas; `save`: also keep the screenshot in this file.
export async function canvasStats(page, colors = [], { selector = '[data-sandik-feed]', tolerance = 24, whole = false, save = null } = {}) {
  if (save) mkdirSync(path.dirname(save), { recursive: true });
  const png = await (whole ? page.locator(selector) : page.locator(selector).locator('canvas')).screenshot(save ? { path: save } : {});
  return page.evaluate(async ({ b64, colors, tolerance }) => {
    const img = new Image();
    img.src = 'data:image/png;base64,' + b64;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const px = new Uint32Array(ctx.getImageData(0, 0, img.width, img.height).data.buffer);  // ABGR, little-endian
    const seen = new Uint8Array(1 << 24);
    let distinct = 0;
    const counts = colors.map(() => 0);
    const want = colors.map((rgb) => [(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255]);
    for (let i = 0; i < px.length; i++) {
      const v = px[i] & 0xffffff;
      if (!seen[v]) { seen[v] = 1; distinct++; }
      const r = v & 255, g = (v >> 8) & 255, b = v >> 16;
      for (let k = 0; k < want.length; k++) {
        const w = want[k];
        if (Math.abs(r - w[0]) <= tolerance && Math.abs(g - w[1]) <= tolerance && Math.abs(b - w[2]) <= tolerance) counts[k]++;
      }
    }
    return { width: img.width, height: img.height, distinct, counts };
  }, { b64: png.toString('base64'), colors, tolerance });
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name + '.png');
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export function cli(...args) {
  return execFileSync(CLI, args, { encoding: 'utf8' });
}

// Taps a named region of a widget (handle.regions(): tabs, headers, rows, crumbs, sources).
export async function tap(page, sel, name) {
  const find = () => page.evaluate(([s, n]) => {
    const el = document.querySelector(s);
    const canvas = el.shadowRoot.querySelector('canvas').getBoundingClientRect();
    const hit = el.__sandik.regions().find((g) => g.name === n);
    return hit && { x: canvas.left + hit.x + hit.w / 2, y: canvas.top + hit.y + hit.h / 2 };
  }, [sel, name]);
  let r = await find();
  if (r && (r.y < 0 || r.y > page.viewportSize().height)) {  // scroll the page to it, as a reader would
    await page.evaluate((dy) => window.scrollBy(0, dy), r.y - page.viewportSize().height / 2);
    await page.waitForTimeout(150);  // a tap is drawn at the next frame, its mirror right after
    r = await find();
  }
  assert.ok(r, `region ${name} is on screen`);
  await page.mouse.click(r.x, r.y);
  await page.waitForTimeout(150);  // a tap is drawn at the next frame, its mirror right after
}
