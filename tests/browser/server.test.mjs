// `sandik serve` and `sandik replay` as an origin a CDN may point at, under hostile requests:
// content types chosen after decoding, no NUL, no way out of the root (.., links), one range at
// most, slow clients dropped, only the methods it serves. Raw sockets: what a browser would
// never send.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { CLI, ROOT } from './harness.mjs';

let dir, outside, servers = [];

async function start(args) {
  const port = await new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
  const proc = spawn(CLI, [...args, '--root', dir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start')), 10000);
    proc.stdout.on('data', (d) => { if (/serving|replaying/.test(String(d))) { clearTimeout(timer); resolve(); } });
    proc.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  servers.push(proc);
  return port;
}

// One raw request; the whole answer (status, headers, body length).
function raw(port, text, { timeout = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    const s = net.connect(port, '127.0.0.1', () => s.write(text));
    s.on('data', (d) => chunks.push(d));
    s.on('end', () => {
      const all = Buffer.concat(chunks);
      const head = all.subarray(0, Math.max(0, all.indexOf('\r\n\r\n'))).toString('latin1');
      resolve({ status: Number((head.match(/^HTTP\/1\.[01] (\d+)/) || [])[1] || 0), head, bytes: all.length });
    });
    s.on('error', reject);
    s.setTimeout(timeout, () => { s.destroy(); reject(new Error('no answer in ' + timeout + ' ms')); });
  });
}
const get = (port, target, extra = '') => raw(port, `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n${extra}\r\n`);

before(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sandik-root-'));
  outside = mkdtempSync(path.join(os.tmpdir(), 'sandik-outside-'));
  mkdirSync(path.join(dir, 'web'));
  mkdirSync(path.join(dir, 'dist'));
  mkdirSync(path.join(dir, 'assets/feeds'), { recursive: true });
  writeFileSync(path.join(dir, 'web/index.html'), '<!doctype html><title>t</title>');
  writeFileSync(path.join(dir, 'assets/feeds/x.json'), JSON.stringify({ name: '<img src=x onerror=alert(1)>' }));
  writeFileSync(path.join(outside, 'secret.txt'), 'secret');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'web/leak.txt'));
  symlinkSync(outside, path.join(dir, 'web/out'));
  writeFileSync(path.join(dir, 'web/big.txt'), 'x'.repeat(3000));
});
after(() => {
  for (const p of servers) p.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

test('serve: types after decoding, no NUL, no way out of the root, one range at most, methods', async () => {
  const port = await start(['serve']);
  assert.equal((await get(port, '/feeds/x.json')).status, 200);
  // A NUL (or any control character) in the decoded path: refused, never typed by its false extension.
  for (const target of ['/feeds/x.json%00.html', '/index.html%00.wasm', '/feeds/x.json%0a.html']) {
    const r = await get(port, target);
    assert.equal(r.status, 400, target);
    assert.doesNotMatch(r.head, /text\/html|application\/wasm/i, target);
  }
  // Out of the root: dot-dot, encoded or not, and links that lead out.
  for (const target of ['/../assets/feeds/x.json', '/%2e%2e/%2e%2e/etc/passwd', '/leak.txt', '/out/secret.txt'])
    assert.notEqual((await get(port, target)).status, 200, target);
  // 1,000 ranges in one header: the whole file once (3 KB), not 1,000 copies.
  const many = await get(port, '/big.txt', `Range: bytes=${Array(1000).fill('0-').join(',')}\r\n`);
  assert.equal(many.status, 200);
  assert.ok(many.bytes < 5000, `${many.bytes} bytes`);
  const one = await get(port, '/big.txt', 'Range: bytes=0-99\r\n');
  assert.equal(one.status, 206);
  assert.match(one.head, /Content-Range: bytes 0-99\/3000/i);
  // Methods it does not serve.
  for (const method of ['DELETE', 'PUT', 'POST', 'TRACE']) {
    const r = await raw(port, `${method} /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
    assert.equal(r.status, 405, method);
    assert.match(r.head, /Allow: GET, HEAD, OPTIONS/i);
  }
  // Too many headers.
  const headers = Array.from({ length: 100 }, (_, i) => `X-${i}: y\r\n`).join('');
  assert.equal((await get(port, '/index.html', headers)).status, 431);
});

test('serve: slow clients (a header line every 2 s) get 400 after a second of silence; others are answered meanwhile', async () => {
  const port = await start(['serve']);
  const slow = [];
  for (let i = 0; i < 24; i++) {
    const s = net.connect(port, '127.0.0.1', () => s.write('GET /index.html HTTP/1.1\r\n'));
    s.on('error', () => {});
    let n = 0;
    const t = setInterval(() => { if (!s.destroyed) s.write(`X-Slow-${n++}: y\r\n`); }, 2000);
    slow.push({ s, t, refused: new Promise((r) => s.on('data', (d) => { if (/^HTTP\/1\.1 400/.test(String(d))) r(); })) });
  }
  try {
    await new Promise((r) => setTimeout(r, 300));
    const r = await raw(port, 'GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', { timeout: 5000 });
    assert.equal(r.status, 200, 'answered while 24 slow clients are connected');
    // Every slow client's request was given up (a generous bound: 1 s of silence is the rule).
    const refused = await Promise.race([Promise.all(slow.map((x) => x.refused)).then(() => true),
      new Promise((r) => setTimeout(() => r(false), 6000))]);
    assert.ok(refused, 'each slow request was answered 400, not waited for');
  } finally {
    for (const x of slow) { clearInterval(x.t); x.s.destroy(); }
  }
});

test('replay holds like serve: the same refusals on the rehearsal server', async () => {
  const port = await start(['replay', path.join(ROOT, 'assets/feeds/night'), '--path', '/feeds/night.json']);
  assert.equal((await get(port, '/feeds/night.json')).status, 200);
  assert.equal((await get(port, '/index.html%00.wasm')).status, 400);
  assert.notEqual((await get(port, '/leak.txt')).status, 200);
  assert.equal((await raw(port, 'DELETE /feeds/night.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).status, 405);
});
