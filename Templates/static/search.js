/* ArchiveOps 站内搜索 (site search). Reads ?q= on search.html and looks the query up in the sharded index
   under search/ (see SiteSearch.swift): search/index.js (the manifest, loaded by the page), then only the
   term shards of the query's words, one in each term block of documents (search/t/B/N.js), the url/title
   shards of the results (search/m/N.js) and the text shards of the first results (search/x/N.js).
   Document numbers have gaps (room for pages to come, see SearchNumbering.swift): a free number is null
   in its url/title and text shards. Every shard is a plain script added with a
   <script> element, so it works from file://, a file share or a USB stick, with no server and no fetch().
   Terms are cut exactly as SearchTerms.swift cuts the pages: ASCII words, Chinese character pairs. */
(function () {
  "use strict";
  var index = window.ARCHIVEOPS_SEARCH_INDEX;
  var input = document.getElementById("search-page-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !status || !list) return;
  var LONG = 10, EXCERPTS = 10, SHOWN = 50;
  status.setAttribute("data-load-ms", "0");

  /* Full-width letters and digits become half-width, Latin letters lower case: 'ＳＹＮＣ' finds 'sync'. */
  function normalize(s) {
    return (s.normalize ? s.normalize("NFKC") : s).toLowerCase();
  }
  function escapeHTML(s) {
    return s.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function count(hay, needle) {
    var n = 0, i = hay.indexOf(needle);
    while (i !== -1 && n < 50) { n++; i = hay.indexOf(needle, i + needle.length); }
    return n;
  }

  /* Loading shards: each file calls ARCHIVEOPS_SEARCH_SHARD(name, data). */
  var shards = {}, waiting = {}, loaded = [];
  window.ARCHIVEOPS_SEARCH_SHARD = function (name, data) {
    shards[name] = data;
    (waiting[name] || []).forEach(function (cb) { cb(); });
    delete waiting[name];
  };
  function load(names, done) {
    var left = 0;
    names.forEach(function (name) {
      if (shards.hasOwnProperty(name)) return;
      left++;
      if (waiting[name]) { waiting[name].push(finish); return; }
      waiting[name] = [finish];
      var s = document.createElement("script");
      s.src = (document.body.getAttribute("data-root") || "") + "search/" + name + ".js";
      s.onerror = function () { window.ARCHIVEOPS_SEARCH_SHARD(name, null); };
      loaded.push(name);
      document.body.appendChild(s);
    });
    if (left === 0) done();
    function finish() { if (--left === 0) done(); }
  }

  /* The query's words: ASCII words, and Chinese runs (a run of one character is matched as a prefix). */
  function queryWords(query) {
    var words = [], word = "", run = [];
    function flushWord() { if (word) words.push({ ascii: true, text: word }); word = ""; }
    function flushRun() {
      if (run.length === 1) words.push({ prefix: true, text: run[0] });
      for (var i = 0; i + 1 < run.length; i++) words.push({ text: run[i] + run[i + 1] });
      run = [];
    }
    Array.from(normalize(query)).forEach(function (c) {
      var code = c.codePointAt(0);
      if (code < 128) {
        flushRun();
        if (/[a-z0-9]/.test(c)) word += c; else flushWord();
      } else {
        flushWord();
        if (/\p{Alphabetic}/u.test(c)) run.push(c); else flushRun();
      }
    });
    flushWord(); flushRun();
    return words;
  }
  function key(w) {
    var first = Array.from(w)[0];
    if (first.codePointAt(0) >= 128) return first;
    return w.length >= LONG ? w : w.slice(0, 2);
  }
  /* The term shards of a word: one in each term block (index.termShards[B] shards in block B, 0 for a
     block without documents); each holds the postings of that block's documents. */
  function shardsOf(w) {
    var h = 2166136261 >>> 0, k = key(w), names = [];
    for (var i = 0; i < k.length; i++) { h ^= k.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    index.termShards.forEach(function (n, block) { if (n > 0) names.push("t/" + block + "/" + (h % n)); });
    return names;
  }
  /* doc → score for one query word: the best of the terms it matches. */
  function postings(w) {
    var result = {};
    function add(list) {
      for (var i = 0; i < list.length; i += 2) {
        if (!(list[i] in result) || result[list[i]] < list[i + 1]) result[list[i]] = list[i + 1];
      }
    }
    shardsOf(w.text).forEach(function (name) {
      var table = shards[name] || {};
      if (w.ascii && w.text.length < LONG) {
        Object.keys(table).forEach(function (t) { if (t.length < LONG && t.indexOf(w.text) === 0) add(table[t]); });
      } else if (w.prefix) {
        Object.keys(table).forEach(function (t) { if (t.indexOf(w.text) === 0) add(table[t]); });
      } else if (table.hasOwnProperty(w.text)) {
        add(table[w.text]);
      }
    });
    return result;
  }

  function snippet(text, normText, terms) {
    var at = -1, len = 0;
    terms.forEach(function (t) { var i = normText.indexOf(t); if (i !== -1 && (at === -1 || i < at)) { at = i; len = t.length; } });
    if (at === -1) return escapeHTML(text.slice(0, 120)) + (text.length > 120 ? "…" : "");
    var start = Math.max(0, at - 40), end = Math.min(text.length, at + len + 80);
    var piece = text.slice(start, end), normPiece = normText.slice(start, end), html = "", pos = 0;
    /* Highlight every query word in the excerpt (NFKC keeps CJK lengths, so offsets line up). */
    var marks = [];
    terms.forEach(function (t) { var i = normPiece.indexOf(t); while (i !== -1) { marks.push([i, i + t.length]); i = normPiece.indexOf(t, i + t.length); } });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    marks.forEach(function (m) {
      if (m[0] < pos) return;
      html += escapeHTML(piece.slice(pos, m[0])) + "<mark>" + escapeHTML(piece.slice(m[0], m[1])) + "</mark>";
      pos = m[1];
    });
    html += escapeHTML(piece.slice(pos));
    return (start > 0 ? "…" : "") + html + (end < text.length ? "…" : "");
  }
  /* The first number of the text shard holding doc (shards are named by it: search/x/<first>.js). */
  function textShardOf(doc) {
    var starts = index.textShards, lo = 0, hi = starts.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= doc) lo = mid; else hi = mid - 1; }
    return starts[lo];
  }
  /* The section of a document that holds the query words most often, for the link and the excerpt. */
  function bestSection(doc, terms) {
    var start = textShardOf(doc), sections = (shards["x/" + start] || [])[doc - start] || [], best = null, bestScore = 0;
    sections.forEach(function (s) {
      var normText = normalize(s[2]), normHeading = normalize(s[1]), score = 0;
      terms.forEach(function (t) { if (normHeading.indexOf(t) !== -1) score += 8; score += count(normText, t); });
      if (score > bestScore) { bestScore = score; best = { anchor: s[0], heading: s[1], text: s[2], normText: normText }; }
    });
    return best;
  }

  function show(query, results, queryStart) {
    var root = document.body.getAttribute("data-root") || "", terms = normalize(query).split(/\s+/).filter(Boolean);
    /* For the benchmarks (bench/manual-build.sh, bench/site-build.sh): the shards loaded, then timings. */
    status.setAttribute("data-shards", loaded.join(" "));
    status.setAttribute("data-query-ms", (performance.now() - queryStart).toFixed(1));
    status.setAttribute("data-ready-ms", performance.now().toFixed(0));
    list.innerHTML = "";
    status.textContent = results.length === 0
      ? "没有找到包含“" + query + "”的页面。请换一个词，或减少词语个数。"
      : "找到 " + results.length + " 个包含“" + query + "”的页面" + (results.length > SHOWN ? "，显示前 " + SHOWN + " 个" : "") + "。";
    results.slice(0, SHOWN).forEach(function (r, i) {
      var meta = (shards["m/" + Math.floor(r.doc / index.metaShardSize)] || [])[r.doc % index.metaShardSize] || ["", ""];
      var s = i < EXCERPTS ? bestSection(r.doc, terms) : null;
      var href = root + meta[0] + (s && s.anchor ? "#" + encodeURIComponent(s.anchor) : "");
      var li = document.createElement("li");
      var html = '<a class="result-title" href="' + escapeHTML(href) + '">' + escapeHTML(meta[1]) + "</a>";
      if (s && s.anchor) html += ' <span class="result-section">› ' + escapeHTML(s.heading) + "</span>";
      html += '<p class="result-url">' + escapeHTML(meta[0]) + "</p>";
      if (s && s.text) html += '<p class="result-snippet">' + snippet(s.text, s.normText, terms) + "</p>";
      li.innerHTML = html;
      list.appendChild(li);
    });
  }

  function render(query) {
    var queryStart = performance.now();
    if (!index || index.version !== 4) { status.textContent = "未找到搜索索引 search/index.js，请重新运行 archive-ops build。"; return; }
    var words = queryWords(query);
    if (words.length === 0) { show(query, [], queryStart); return; }
    status.textContent = "正在搜索……";
    load([].concat.apply([], words.map(function (w) { return shardsOf(w.text); })), function () {
      var scores = null;
      words.forEach(function (w) {
        var p = postings(w), next = {};
        Object.keys(p).forEach(function (doc) {
          if (scores === null || doc in scores) next[doc] = (scores ? scores[doc] : 0) + p[doc];
        });
        scores = next;
      });
      var results = Object.keys(scores).map(function (doc) { return { doc: +doc, score: scores[doc] }; });
      results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
      var needed = {};
      results.slice(0, SHOWN).forEach(function (r, i) {
        needed["m/" + Math.floor(r.doc / index.metaShardSize)] = true;
        if (i < EXCERPTS) needed["x/" + textShardOf(r.doc)] = true;
      });
      load(Object.keys(needed), function () { show(query, results, queryStart); });
    });
  }

  var params = new URLSearchParams(window.location.search);
  var q = (params.get("q") || "").trim();
  if (q) { input.value = q; render(q); }
  input.form.addEventListener("submit", function (e) {
    var v = input.value.trim();
    if (!v) { e.preventDefault(); return; }
    /* Under file:// a form submit reloads the page with ?q=, which is what we want; nothing else to do. */
  });
})();
