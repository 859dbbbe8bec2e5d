// sandik loader: fetch.js — the feed, fetched and polled as a CDN likes it.
//
// INDEX
//   digest()                  an unchanged feed recognised without parsing it again
//   fetchBytes(), fetchShared()   one request per URL, conditional (the browser's cache), timed out
//   urls(), fetchAll(), update()  the feed (or each agency's file) into the wasm; the last good stays
//   loadParts()               a split index's province parts the widget shows, fetched and polled alike
//   loadMaps()                the maps it shows, once a page (dist/maps/)
//   nextDelay(), poll(), resume() every data-refresh seconds with jitter, max-age, back-off, pauses

// FNV-1a over the bytes: an unchanged feed (a 304 the browser turned into its cached 200) is
// recognised without parsing it again, and nothing is redrawn.
function digest(bytes, h, from, to) {
  for (var i = from; i < to; i++) h = Math.imul(h ^ bytes[i], 16777619);
  return h;
}

// A megabyte a task for a large feed (19 MB at once held the page 100 ms).
var DIGEST_STEP = 1 << 20;
function digestLater(bytes) {
  return new Promise(function (resolve) {
    var h = 0x811c9dc5, at = 0;
    var step = function () {
      h = digest(bytes, h, at, at = Math.min(bytes.length, at + DIGEST_STEP));
      if (at < bytes.length) setTimeout(step, 0);
      else resolve((h >>> 0) + ':' + bytes.length);
    };
    step();
  });
}

// Fetches one URL. Conditional requests come from the browser's HTTP cache (cache: 'no-cache'
// revalidates with ETag/Last-Modified, so a CDN answers 304 and no CORS preflight is needed).
function fetchBytes(url, maxBytes, timeoutSec) {
  // A request that hangs is given up after `timeout` seconds, like any other failure.
  var controller = typeof AbortController !== 'undefined' ? new AbortController() : null;
  var timer = controller && setTimeout(function () { controller.abort(); }, timeoutSec * 1000);
  var tooLarge = function (n) { return {kind: 'too-large', detail: String(n)}; };
  var part = {url: url, maxAge: 0, modified: ''};
  return fetch(url, {cache: 'no-cache', credentials: 'omit', signal: controller ? controller.signal : undefined}).then(function (res) {
    if (!res.ok) throw {kind: 'http', detail: 'HTTP ' + res.status + (res.statusText ? ' ' + res.statusText : '')};
    var cc = /max-age=(\d+)/.exec(res.headers.get('Cache-Control') || '');
    part.maxAge = cc ? parseInt(cc[1], 10) : 0;
    part.modified = res.headers.get('Last-Modified') || '';  // AA and ANKA files carry no time of their own
    // The server's clock (Date, plus Age from a cache), so that "last updated" is judged by the
    // clock the feed was written by (a replayed night, a reader's clock that is wrong), not the reader's.
    var date = Date.parse(res.headers.get('Date') || '');
    part.skew = isNaN(date) ? 0 : date + (parseInt(res.headers.get('Age') || '0', 10) || 0) * 1000 - Date.now();
    var length = parseInt(res.headers.get('Content-Length') || '0', 10);
    if (length > maxBytes) throw tooLarge(length);
    return res.arrayBuffer();
  }).then(function (buf) {
    clearTimeout(timer);
    part.bytes = new Uint8Array(buf);
    if (part.bytes.length > maxBytes) throw tooLarge(part.bytes.length);
    return part;
  }, function (err) { clearTimeout(timer); throw err; });
}

// Requests in flight, by URL: widgets on one feed that load together share one request.
var inflight = {};
function fetchShared(url, maxBytes, timeoutSec) {
  if (!inflight[url]) {
    var done = function () { delete inflight[url]; };
    inflight[url] = fetchBytes(url, maxBytes, timeoutSec).then(function (p) { done(); return p; },
                                                                     function (e) { done(); throw e; });
  }
  return inflight[url];
}

// A failed request as the widget reports it: its kind (http, too-large, timeout, network) and detail.
function failureOf(err, timeoutSec) {
  var kind = err && err.kind || (err && err.name === 'AbortError' ? 'timeout' : 'network');
  return {kind: kind, detail: kind === 'timeout' ? String(timeoutSec) : err && err.detail || err && err.message || String(err)};
}

// Fetches the feed (or each agency's file) once. Resolves to true when new results were taken.
// Cache-Control max-age is honoured as the least time between polls.
Widget.prototype.urls = function () {
  return this.options.feed.split(/\s+/).filter(Boolean).map(function (u) { return new URL(u, document.baseURI).href; });
};

// The first feed URL the page's allow list does not name, or null. `allow` (data-allow): origins
// ("https://feeds.example.org") or URL prefixes ending in "/"; dist/embed.html sets it from
// embed-feeds.json beside it. Without a list every URL is the page owner's own choice.
Widget.prototype.untrusted = function (only) {
  var allow = (this.options.allow || '').split(/\s+/).filter(Boolean), urls;
  if (!allow.length) return null;
  try { urls = only ? [only] : this.urls(); } catch (e) { return this.options.feed; }
  for (var i = 0; i < urls.length; i++) {
    var u = new URL(urls[i]), ok = false;
    for (var k = 0; k < allow.length && !ok; k++) {
      var a;
      try { a = new URL(allow[k], document.baseURI); } catch (e) { continue; }
      ok = (u.protocol === 'https:' || u.protocol === 'http:') &&
        (/\/$/.test(allow[k]) ? u.href.indexOf(a.href) === 0 : u.origin === a.origin);
    }
    if (!ok) return urls[i];
  }
  return null;
};

Widget.prototype.fetchAll = function () {
  var maxBytes = Math.max(1, parseFloat(this.options.maxMb) || 20) * 1048576;
  var timeoutSec = Math.max(1, parseFloat(this.options.timeout) || 20);
  this.lastFetch = Date.now();
  return Promise.all(this.urls().map(function (u) { return fetchShared(u, maxBytes, timeoutSec); }));
};

// The wasm's answer for a feed (or an agency conversion) it reads in slices; null when the
// widget went or newer bytes took its place.
function readSliced(self, message, bytes, core) {
  var token = self.reading = {};
  var more = message.op + '-more';
  return sliced(core || self.core, message, bytes, function () { return {op: more, id: self.id, ms: SLICE_MS}; },
                function () { return self.alive && self.reading === token; });
}

Widget.prototype.update = function () {
  if (!this.core || !this.options.feed) return Promise.resolve(false);
  var self = this, refused = this.untrusted();
  if (refused) {  // never fetched, never shown
    console.error('sandik: ' + refused + ': not a feed this page allows (data-allow, embed-feeds.json)');
    this.failures = (this.failures || 0) + 1;
    this.fail('untrusted', refused);
    return Promise.resolve(false);
  }
  var urls = this.urls();
  var formats = this.options.format.toLowerCase().split(/[\s,]+/).filter(Boolean);
  var agency = formats.length > 0 && !(formats.length === 1 && formats[0] === 'sandik');
  var label = urls.join(' ');
  var timeoutSec = Math.max(1, parseFloat(this.options.timeout) || 20);
  if (agency) loadConverter().catch(function () {});  // (fetched beside the payloads; failures said below)
  // The first request went out with the script, while the wasm was still compiling.
  var pending = this.prefetched || this.fetchAll();
  this.prefetched = null;
  return pending.then(function (parts) {
    if (!self.alive) return false;
    if (performance.mark && !performance.getEntriesByName('sandik:feed').length) performance.mark('sandik:feed');
    self.failures = 0;
    self.skew = parts[0].skew || 0;
    self.maxAge = Math.max.apply(null, parts.map(function (p) { return p.maxAge; }));
    // (The first results need no comparison: they are digested once they are drawn.)
    var digestAll = function () {
      return Promise.all(parts.map(function (p) {
        return digestLater(p.bytes).then(function (h) { return h + '@' + p.modified; });
      })).then(function (list) { return list.join('|'); });
    };
    return (self.lastDigest ? digestAll() : Promise.resolve(null)).then(function (d) {
      if (!self.alive) return false;
      if (d && d === self.lastDigest) { self.clearNotice(); self.checkStale(); return false; }  // unchanged
      return self.read(parts, d, digestAll, agency, formats, label);
    });
  }).catch(function (err) {
    if (!self.alive) return false;
    self.failures = (self.failures || 0) + 1;
    if (err instanceof Error && /^sandik: /.test(err.message)) throw err;  // (a mistake of the loader's own)
    var f = failureOf(err, timeoutSec), kind = f.kind, detail = f.detail;
    // (For the developer: a feed on another origin that the browser refuses reads as a network failure.)
    console.error('sandik: ' + label + ': ' + kind + ' ' + detail +
      (kind === 'network' ? ' (a feed on another origin must send Access-Control-Allow-Origin)' : ''));
    self.fail(kind, detail);
    return false;
  });
};

// Gives the fetched bytes to the wasm (the agencies' files converted first) and takes its answer.
Widget.prototype.read = function (parts, d, digestAll, agency, formats, label) {
  var self = this, reading;
  if (agency) {
    // The agencies' payloads become one sandik/1 feed in the wasm, by the code `sandik import --from` runs.
    var total = 0;
    parts.forEach(function (p) { total += p.bytes.length; });
    var blob = new Uint8Array(total), at = 0;
    var files = parts.map(function (p, i) {
      blob.set(p.bytes, at);
      at += p.bytes.length;
      return {format: formats[Math.min(i, formats.length - 1)], name: p.url, fetched: p.modified, length: p.bytes.length};
    });
    var converter;
    reading = loadConverter().then(function (c) {
      converter = c;
      return readSliced(self, {op: 'convert', id: self.id, files: files, province: self.options.province}, blob, c);
    }).then(function (conv) {
        if (!conv || !self.alive) return null;
        if (!conv.ok) {
          conv.problems.forEach(function (pr) { (pr.severity === 'error' ? console.error : console.warn)('sandik: ' + pr.text); });
          var first = conv.problems.filter(function (pr) { return pr.severity === 'error'; })[0];
          self.failures = 1;
          self.fail('feed', first ? first.text : '', conv.problems);
          return null;
        }
        conv.problems.forEach(function (pr) { console.warn('sandik: ' + pr.text); });
        // The feed, copied out of the converter's memory: the widget reads it as any feed.
        var at = request(converter, {op: 'converted', id: self.id});
        var feed = converter.HEAPU8.slice(at.at, at.at + at.length);
        request(converter, {op: 'done', id: self.id});
        return readSliced(self, {op: 'feed', id: self.id}, feed);
      });
  } else {
    reading = readSliced(self, {op: 'feed', id: self.id}, parts[0].bytes);
  }
  return reading.then(function (result) { return result && self.alive && self.took(result, d, digestAll, label); });
};

// What the wasm said of a feed it read: shown, refused (the last good results stay), or older.
Widget.prototype.took = function (result, d, digestAll, label) {
  var self = this;
  var errors = result.problems.filter(function (pr) { return pr.severity === 'error'; });
  if (!result.accepted && !errors.length) {  // an older feed from a cache: ignored, said in the console only
    console.info('sandik: ' + label + ': ' + result.problems.map(function (pr) { return pr.text; }).join('; '));
    return false;
  }
  result.problems.forEach(function (pr) {
    (pr.severity === 'error' ? console.error : console.warn)('sandik: ' + label + ': ' + pr.text);
  });
  if (result.accepted) self.tellUnknown();
  if (!result.accepted) {
    self.failures = (self.failures || 0) + 1;
    self.fail('feed', errors[0].text, result.problems);
    return false;
  }
  self.lastDigest = d;
  if (!d) {
    var later = function () { digestAll().then(function (h) { if (!self.lastDigest) self.lastDigest = h; }); };
    idle(later, 1000);
  }
  self.hasData = true;
  if (self.inView === true || typeof IntersectionObserver === 'undefined') self.attach();
  // A split index's parts and a map the widget shows: asked for now, not after a frame. A map
  // widget's first frame waits for its map (at most a second): drawn without it, the frame only
  // said "loading", and its work held the map's bytes back by some 30 ms.
  var mapsDue = self.loadParts();
  if (mapsDue && !self.firstDrawn) {
    self.mapDue = true;
    setTimeout(function () { if (self.mapDue) { self.mapDue = false; self.schedule(); } }, 1000);
  }
  self.clearNotice();
  // The mirror, the "last updated" line, the live region and the event follow the frame that
  // shows the new results: the reader sees results first.
  var told = function () {
    if (!self.alive) return;
    self.news();
    emit(self, 'sandik:update', {warnings: result.problems});
  };
  if (self.gl) {
    self.afterFrame.push(told);
    if (!self.firstDrawn && self.attached && !self.released && !mapsDue) self.drawNow();
    else self.schedule();
  } else {
    self.syncMirror();
    told();
  }
  return true;
};

// data-race, data-source or data-area the feed does not have: the page is told (sandik:error,
// kind "option"), once for each set of them.
Widget.prototype.tellUnknown = function () {
  var a = request(this.core, {op: 'unknown', id: this.id});
  if (a.unknown && a.unknown !== this.unknownSaid) {
    console.error('sandik: ' + a.unknown + ': not in the feed');
    emit(this, 'sandik:error', {kind: 'option', message: a.message, problems: []});
  }
  this.unknownSaid = a.unknown;
};

// A split index's parts (a province's own feed) that the widget shows, as the wasm lists them:
// each fetched like the feed (conditional, shared, timed out, within data-allow), given to the
// wasm only when its bytes changed; a part that fails leaves its last good numbers on screen.
// Called after every poll of the index and when the widget wants a new part. Also asks for the
// maps the widget shows and has not been given (loadMaps), and returns how many.
Widget.prototype.loadParts = function () {
  if (!this.core || !this.alive || !this.hasData) return 0;
  var self = this, base, now = Date.now();
  var wanted = request(this.core, {op: 'parts', id: this.id});
  if (wanted.maps.length) this.loadMaps(wanted.maps);
  var due = wanted.maps.length;  // (returned: the maps on their way)
  try { base = this.urls()[0]; } catch (e) { return due; }
  var maxBytes = Math.max(1, parseFloat(this.options.maxMb) || 20) * 1048576;
  var timeoutSec = Math.max(1, parseFloat(this.options.timeout) || 20);
  var seen = this.partSeen = this.partSeen || {};
  wanted.parts.forEach(function (rel) {
    var url;
    try { url = new URL(rel, base).href; } catch (e) { return; }
    var was = seen[rel] || (seen[rel] = {at: 0, digest: null});
    if (now - was.at < 2000) return;  // (asked for by a frame and by the poll at once)
    was.at = now;
    var label = url;
    var failed = function (kind, detail, problems) {
      console.error('sandik: ' + label + ': ' + kind + ' ' + detail);
      self.fail(kind, detail, problems);
    };
    if (self.untrusted(url)) return failed('untrusted', url);
    fetchShared(url, maxBytes, timeoutSec).then(function (p) {
      return digestLater(p.bytes).then(function (d) {
        if (!self.alive || !self.core || d === was.digest) return;
        var a = request(self.core, {op: 'part', id: self.id, url: rel}, p.bytes);
        var errors = a.problems.filter(function (pr) { return pr.severity === 'error'; });
        if (!a.accepted && !errors.length) return console.info('sandik: ' + label + ': ' + a.problems.map(function (pr) { return pr.text; }).join('; '));
        a.problems.forEach(function (pr) { if (pr.severity !== 'error') console.warn('sandik: ' + label + ': ' + pr.text); });
        if (!a.accepted) return failed('feed', errors[0].text, a.problems);
        was.digest = d;
        self.schedule();
      });
    }).catch(function (err) {
      if (!self.alive) return;
      var f = failureOf(err, timeoutSec);
      failed(f.kind, f.detail);
    });
  });
  return due;
};

// The maps a widget shows (dist/maps/, beside the script): fetched once a page like sandik.wasm
// (the browser's HTTP cache, no revalidation of its own), read once by the wasm and given to
// every widget that wants them. A widget that shows no map fetches none.
var mapsLoading = {};
Widget.prototype.loadMaps = function (maps) {
  maps.forEach(function (m) {
    var url = baseUrl + m.file;
    var give = function (answer) {  // the widgets that took it (a widget that wants it later gets it at once)
      answer.widgets.forEach(function (id) {
        var w = widgets[id];
        if (!w || !w.alive) return;
        w.mapGiven = true;
        w.mapDue = false;
        if (w.gl && w.attached && !w.released) w.drawNow();  // (the reader has waited for it)
        else w.schedule();
      });
    };
    if (mapsLoading[m.id]) return mapsLoading[m.id].then(function (core) { give(request(core, {op: 'map', map: m.id})); });
    mapsLoading[m.id] = fetch(url, {credentials: 'omit'}).then(function (res) {
      if (!res.ok) throw new Error('HTTP ' + res.status);
      return res.arrayBuffer();
    }).then(function (buf) {
      return loadCore().then(function (core) {
        var a = request(core, {op: 'map', map: m.id}, new Uint8Array(buf));
        if (!a.ok) throw new Error(a.message);
        give(a);
        return core;
      });
    });
    mapsLoading[m.id].catch(function (err) {
      delete mapsLoading[m.id];  // (asked again by the next poll)
      console.error('sandik: ' + url + ': ' + (err && err.message || err));
    });
  });
};

// Seconds until the next poll: the refresh option (at least 5), at least the feed's max-age,
// doubled after each failure up to 5 minutes, and ±10 % so a million readers do not arrive in step.
Widget.prototype.nextDelay = function () {
  var base = Math.max(5, parseFloat(this.options.refresh) || 30);
  var delay = this.failures ? Math.min(300, base * Math.pow(2, this.failures)) : Math.max(base, this.maxAge || 0);
  return delay * (0.9 + Math.random() * 0.2);
};

// Polls while the tab is visible and the widget on screen; comes back at once when they are again.
Widget.prototype.poll = function () {
  clearTimeout(this.timer);
  this.timer = 0;
  if (!this.alive || !this.core) return;
  if (document.visibilityState === 'hidden' || this.inView === false) { this.paused = true; return; }
  var self = this;
  this.timer = setTimeout(function () {
    self.timer = 0;
    self.update().then(function () { self.loadParts(); self.poll(); });
  }, this.nextDelay() * 1000);
};

Widget.prototype.resume = function () {
  if (!this.paused || document.visibilityState === 'hidden' || this.inView === false) return;
  this.paused = false;
  var self = this;
  var due = !this.lastFetch || Date.now() - this.lastFetch > Math.max(5, parseFloat(this.options.refresh) || 30) * 1000;
  if (due) this.update().then(function () { self.loadParts(); self.poll(); });
  else this.poll();
};

