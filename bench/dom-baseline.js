// The summary and the district table a newsroom would otherwise hand-write, in plain HTML/DOM,
// for bench/page.mjs to measure beside the widget. Not part of the product: no validation, no
// Turkish collation, no accessibility work beyond what HTML gives — the usual hand-written one.
//   <div data-dom-feed="feed.json" data-area="d0"></div>  (data-area: whose children the table lists)
(function () {
  'use strict';
  performance.mark('dom:start');
  function tally(feed) {
    var race = feed.races[0];
    var source = Object.keys(race.results)[0];
    var own = race.results[source].areas;
    var children = {};
    feed.areas.forEach(function (a) { (children[a.parent] = children[a.parent] || []).push(a.id); });
    var memo = {};
    function sum(id) {
      if (memo[id]) return memo[id];
      var r = own[id];
      var t = {valid: 0, votes: {}, boxes: 0};
      if (r) {
        Object.keys(r.votes || {}).forEach(function (c) { t.votes[c] = r.votes[c]; t.valid += r.votes[c]; });
        if (r.valid != null) t.valid = r.valid;
        t.boxes = r.boxes_counted || 0;
      } else {
        (children[id] || []).forEach(function (k) {
          var s = sum(k);
          Object.keys(s.votes).forEach(function (c) { t.votes[c] = (t.votes[c] || 0) + s.votes[c]; });
          t.valid += s.valid;
          t.boxes += s.boxes;
        });
      }
      return (memo[id] = t);
    }
    return {race: race, sum: sum, children: children};
  }

  function name(race, id) {
    for (var i = 0; i < race.candidates.length; i++) if (race.candidates[i].id === id) return race.candidates[i].name;
    return id;
  }

  function ranked(t) {
    return Object.keys(t.votes).sort(function (a, b) { return t.votes[b] - t.votes[a]; });
  }

  function render(el, feed) {
    var T = tally(feed), root = T.race.area, total = T.sum(root);
    var fmt = function (n) { return n.toLocaleString('tr-TR'); };
    var pct = function (v, d) { return d ? '%' + (100 * v / d).toFixed(2).replace('.', ',') : '–'; };
    var h = '<h3>' + (T.race.title.tr || T.race.title) + '</h3><ol class="bars">';
    ranked(total).slice(0, 5).forEach(function (c) {
      var share = total.valid ? 100 * total.votes[c] / total.valid : 0;
      h += '<li><span>' + name(T.race, c) + '</span> <b>' + pct(total.votes[c], total.valid) + '</b> ' + fmt(total.votes[c]) +
           '<div style="background:#ddd;height:8px"><div style="background:#c00;height:8px;width:' + share + '%"></div></div></li>';
    });
    h += '</ol><table><thead><tr><th data-k="name">İlçe</th><th data-k="leader">Önde</th><th data-k="share">Oy</th><th data-k="margin">Fark</th></tr></thead><tbody></tbody></table>';
    el.innerHTML = h;
    var rows = (T.children[el.dataset.area || root] || []).map(function (id) {
      var s = T.sum(id), r = ranked(s), a = feed.areas.find(function (x) { return x.id === id; });
      var first = r[0], second = r[1];
      return {name: a.name, leader: first ? name(T.race, first) : '–', share: first ? s.votes[first] / s.valid : 0,
              margin: first && second ? (s.votes[first] - s.votes[second]) / s.valid : 0};
    });
    var tbody = el.querySelector('tbody');
    function fill() {
      tbody.innerHTML = rows.map(function (r) {
        return '<tr><td>' + r.name + '</td><td>' + r.leader + '</td><td>' + pct(r.share, 1) + '</td><td>' +
               (100 * r.margin).toFixed(1) + '</td></tr>';
      }).join('');
    }
    fill();
    el.querySelector('thead').addEventListener('click', function (e) {
      var k = e.target.dataset.k;
      rows.sort(function (a, b) { return a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0; });
      fill();
    });
  }

  document.querySelectorAll('[data-dom-feed]').forEach(function (el) {
    fetch(el.dataset.domFeed).then(function (r) { return r.json(); }).then(function (feed) {
      render(el, feed);
      if (!performance.getEntriesByName('dom:first-draw').length) {
        requestAnimationFrame(function () { performance.mark('dom:first-draw'); });
      }
    });
  });
})();
