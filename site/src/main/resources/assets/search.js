// The site's search: reads search/index.json (written by the generator) and answers in the
// browser, so it works on any static host. Tokens are made as StaticSearchIndex makes them:
// Chinese as overlapping character pairs, other text as lower-case words with plurals reduced.
(function () {
  'use strict';
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var form = document.querySelector('form.search');
  if (!status || !list || !form) { return; }
  var input = form.elements.q;
  var HAN = /\p{Script=Han}+/gu;
  var WORD = /[\p{L}\p{N}]+/gu;
  var SHOWN = 50;
  var types = {};
  status.dataset.types.split(';').forEach(function (pair) {
    var kv = pair.split('=');
    types[kv[0]] = kv[1];
  });
  var index = null;
  var keys = null;

  function stem(word) {
    if (word.length > 4 && /ies$/.test(word)) { return word.slice(0, -3) + 'y'; }
    if (word.length > 4 && /(s|x|z|ch|sh)es$/.test(word)) { return word.slice(0, -2); }
    if (word.length > 3 && /s$/.test(word) && !/ss$/.test(word)) { return word.slice(0, -1); }
    return word;
  }

  // The parts of a query: runs of Chinese characters and other words.
  function parts(query) {
    var found = [];
    (query.match(HAN) || []).forEach(function (run) { found.push({ han: true, text: run }); });
    (query.replace(HAN, ' ').match(WORD) || []).forEach(function (w) {
      found.push({ han: false, text: w.toLowerCase() });
    });
    return found;
  }

  function union(lists) {
    var seen = new Set();
    lists.forEach(function (l) { l.forEach(function (d) { seen.add(d); }); });
    return seen;
  }

  function intersect(a, b) {
    var out = new Set();
    a.forEach(function (d) { if (b.has(d)) { out.add(d); } });
    return out;
  }

  function postings(term) { return index.terms[term] || []; }

  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) { return max + 1; }
    var prev = [];
    for (var j = 0; j <= b.length; j++) { prev[j] = j; }
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      for (var k = 1; k <= b.length; k++) {
        row[k] = Math.min(prev[k] + 1, row[k - 1] + 1, prev[k - 1] + (a[i - 1] === b[k - 1] ? 0 : 1));
      }
      prev = row;
    }
    return prev[b.length];
  }

  // The documents a part matches.
  function matches(part) {
    if (part.han) {
      if (part.text.length === 1) {
        return union(keys.filter(function (k) { return k.indexOf(part.text) >= 0; }).map(postings));
      }
      var all = null;
      for (var i = 0; i + 1 < part.text.length; i++) {
        var docs = new Set(postings(part.text.substring(i, i + 2)));
        all = all === null ? docs : intersect(all, docs);
      }
      return all;
    }
    var word = stem(part.text);
    var found = union([postings(word)].concat(word.length >= 3
      ? keys.filter(function (k) { return k.length > word.length && k.indexOf(word) === 0; }).map(postings)
      : []));
    if (found.size === 0 && word.length >= 5) { // a typo: one or two letters off
      var max = word.length >= 8 ? 2 : 1;
      found = union(keys.filter(function (k) {
        return /^[a-z]+$/.test(k) && distance(word, k, max) <= max;
      }).map(postings));
    }
    return found;
  }

  function search(query) {
    var ps = parts(query);
    if (ps.length === 0) { return []; }
    var docs = null;
    var sizes = [];
    ps.forEach(function (p) {
      var m = matches(p);
      sizes.push(Math.max(m.size, 1));
      docs = docs === null ? m : intersect(docs, m);
    });
    var n = index.docs.length;
    var whole = query.trim().toLowerCase();
    return Array.from(docs).map(function (d) {
      var title = index.docs[d][2].toLowerCase();
      var score = 0;
      ps.forEach(function (p, i) {
        score += (title.indexOf(p.text) >= 0 ? 3 : 1) * Math.log(1 + n / sizes[i]);
      });
      if (title.indexOf(whole) >= 0) { score *= 1 + 2 * whole.length / title.length; }
      return { doc: d, score: score };
    }).sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
  }

  // Text with every query part in a <mark>, built as DOM nodes (never as HTML).
  function marked(text, ps) {
    var out = document.createDocumentFragment();
    var lower = text.toLowerCase();
    var at = 0;
    while (at < text.length) {
      var next = -1;
      var length = 0;
      ps.forEach(function (p) {
        var i = lower.indexOf(p.text, at);
        if (i >= 0 && (next < 0 || i < next)) { next = i; length = p.text.length; }
      });
      if (next < 0) { break; }
      out.appendChild(document.createTextNode(text.substring(at, next)));
      var mark = document.createElement('mark');
      mark.textContent = text.substring(next, next + length);
      out.appendChild(mark);
      at = next + length;
    }
    out.appendChild(document.createTextNode(text.substring(at)));
    return out;
  }

  function show(query) {
    list.textContent = '';
    if (!query.trim()) { status.textContent = ''; return; }
    var ranked = search(query);
    var ps = parts(query);
    status.textContent = ranked.length ? status.dataset.found.replace('{n}', ranked.length) : status.dataset.none;
    ranked.slice(0, SHOWN).forEach(function (hit) {
      var doc = index.docs[hit.doc];
      var item = document.createElement('li');
      var heading = document.createElement('h2');
      var link = document.createElement('a');
      link.href = status.dataset.root + doc[1];
      link.appendChild(marked(doc[2], ps));
      heading.appendChild(link);
      item.appendChild(heading);
      var meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = types[doc[0]] || doc[0];
      if (doc[4]) {
        var badge = document.createElement('span');
        badge.className = 'badge-demo';
        badge.textContent = 'DEMO';
        meta.appendChild(document.createTextNode(' · '));
        meta.appendChild(badge);
      }
      item.appendChild(meta);
      if (doc[3]) {
        var snippet = document.createElement('p');
        snippet.appendChild(marked(doc[3], ps));
        item.appendChild(snippet);
      }
      list.appendChild(item);
    });
  }

  function run() {
    var query = input.value.slice(0, 200);
    if (index) { show(query); return; }
    status.textContent = status.dataset.loading;
    fetch(status.dataset.index)
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
      .then(function (json) { index = json; keys = Object.keys(json.terms); show(query); })
      .catch(function () { status.textContent = status.dataset.failed; });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    run();
  });
  status.textContent = '';
  var initial = new URLSearchParams(location.search).get('q');
  if (initial) { input.value = initial; run(); }
})();
