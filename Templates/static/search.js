/* ArchiveOps 站内搜索 (site search). Reads ?q= on search.html and searches the index in search/ (plain <script>
   files, so it works from file://, a file share or a USB stick, with no server and no fetch()).
   Chinese needs no word segmentation here: every query word is matched as a substring of the page text. */
(function () {
  "use strict";
  var index = window.ARCHIVEOPS_SEARCH_INDEX;
  var input = document.getElementById("search-page-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!input || !status || !list) return;

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

  /* The index is sharded (search/index.js: addresses and titles; search/g-N.js: which pages hold each
     character and pair of characters; search/t-N.js: the pages' text). Shards are plain <script> files that
     call ARCHIVEOPS_SEARCH_SHARD(name, data), so they load from file:// as well as from a server. */
  var loadStart = Date.now();
  var docs = [];
  if (index && index.documents) {
    docs = index.documents.map(function (d, i) { return { i: i, url: d[0], title: d[1], normTitle: normalize(d[1]), sections: null }; });
  }
  status.setAttribute("data-load-ms", String(Date.now() - loadStart));

  var shards = {}, waiting = {}, loadedNames = [];
  window.ARCHIVEOPS_SEARCH_SHARD = function (name, data) { shards[name] = data; };
  function load(name) {
    if (shards[name]) return Promise.resolve(shards[name]);
    if (waiting[name]) return waiting[name];
    waiting[name] = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = (document.body.getAttribute("data-root") || "") + "search/" + name + ".js";
      script.onload = function () { shards[name] ? resolve(shards[name]) : reject(name); };
      script.onerror = function () { reject(name); };
      loadedNames.push(name);
      document.head.appendChild(script);
    });
    return waiting[name];
  }
  function loadAll(names) {
    var unique = names.filter(function (n, i) { return names.indexOf(n) === i; });
    return Promise.all(unique.map(load));
  }

  /* FNV-1a over the code points, as SearchShards.shard(of:count:) in the generator. */
  function shardOf(gram) {
    var h = 2166136261;
    Array.from(gram).forEach(function (c) { h = Math.imul(h ^ c.codePointAt(0), 16777619) >>> 0; });
    return h % index.gramShards;
  }
  function gramsOf(term) {
    var cps = Array.from(term);
    if (cps.length === 1) return cps;
    var grams = [];
    for (var i = 0; i + 1 < cps.length; i++) grams.push(cps[i] + cps[i + 1]);
    return grams;
  }
  /* page index → count for one gram (the shard lists page differences and counts). */
  function postings(gram) {
    var list = (shards["g-" + shardOf(gram)] || {})[gram] || [], out = {}, page = 0;
    for (var i = 0; i < list.length; i += 2) { page += list[i]; out[page] = list[i + 1]; }
    return out;
  }
  function textShard(d) { return "t-" + Math.floor(d.i / index.textShardSize); }
  function attachText(d) {
    if (d.sections) return;
    var shard = shards[textShard(d)];
    d.sections = shard[d.i % index.textShardSize].map(function (s) {
      return { anchor: s[0], heading: s[1], text: s[2], normHeading: normalize(s[1]), normText: normalize(s[2]) };
    });
  }
  /* Candidates from the gram shards: the pages holding every gram of every word, with an estimated score
     (title matches, then how often the rarest gram of each word occurs). Exact for words of up to two characters. */
  function candidates(terms) {
    var byTerm = terms.map(function (t) {
      var grams = gramsOf(t), maps = grams.map(postings), out = {};
      Object.keys(maps[0]).forEach(function (p) {
        var n = maps[0][p];
        for (var k = 1; k < maps.length; k++) { if (!(p in maps[k])) return; n = Math.min(n, maps[k][p]); }
        out[p] = n;
      });
      return out;
    });
    var list = [];
    Object.keys(byTerm[0]).forEach(function (p) {
      if (!byTerm.every(function (m) { return p in m; })) return;
      var d = docs[+p], estimate = 0;
      terms.forEach(function (t, k) { estimate += (d.normTitle.indexOf(t) !== -1 ? 20 : 0) + byTerm[k][p]; });
      list.push({ doc: d, estimate: estimate });
    });
    list.sort(function (a, b) { return b.estimate - a.estimate || (a.doc.url < b.doc.url ? -1 : 1); });
    return list;
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

  /* The real match and score of a page whose text is loaded: every word in its title or text. */
  function score(d, terms) {
    attachText(d);
    var allFound = terms.every(function (t) {
      if (d.normTitle.indexOf(t) !== -1) return true;
      return d.sections.some(function (s) { return s.normHeading.indexOf(t) !== -1 || s.normText.indexOf(t) !== -1; });
    });
    if (!allFound) return null;
    var total = 0, best = null, bestScore = -1;
    terms.forEach(function (t) { if (d.normTitle.indexOf(t) !== -1) total += 20; });
    d.sections.forEach(function (s) {
      var sScore = 0;
      terms.forEach(function (t) {
        if (s.normHeading.indexOf(t) !== -1) sScore += 8;
        sScore += count(s.normText, t);
      });
      total += sScore;
      if (sScore > bestScore) { bestScore = sScore; best = s; }
    });
    return { doc: d, score: total, section: best };
  }

  var shown = 50, smallSite = 8;
  /* Resolves to { results, total, exact }: the best pages first. Text shards are loaded for the candidates
     shown only — unless the candidates' text fits in a few shards, when every candidate is confirmed and ranked. */
  function search(query) {
    var terms = normalize(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) return Promise.resolve({ results: [], total: 0, exact: true });
    var grams = [];
    terms.forEach(function (t) { gramsOf(t).forEach(function (g) { grams.push("g-" + shardOf(g)); }); });
    return loadAll(grams).then(function () {
      var cands = candidates(terms);
      var exactGrams = terms.every(function (t) { return Array.from(t).length <= 2; });
      var allShards = cands.map(function (c) { return textShard(c.doc); });
      var everything = allShards.filter(function (n, i) { return allShards.indexOf(n) === i; }).length <= smallSite;
      var results = [], next = 0;
      function step() {
        if (results.length >= shown && !everything || next >= cands.length) {
          results.sort(function (a, b) { return b.score - a.score || (a.doc.url < b.doc.url ? -1 : 1); });
          var exact = everything || exactGrams || next >= cands.length;
          return { results: results, total: exact ? (everything || !exactGrams ? results.length : cands.length) : cands.length, exact: exact };
        }
        var batch = cands.slice(next, everything ? cands.length : next + shown);
        next += batch.length;
        return loadAll(batch.map(function (c) { return textShard(c.doc); })).then(function () {
          batch.forEach(function (c) { var r = score(c.doc, terms); if (r) results.push(r); });
          return step();
        });
      }
      return step();
    });
  }

  function render(query) {
    var root = document.body.getAttribute("data-root") || "";
    var queryStart = performance.now();
    list.innerHTML = "";
    if (!index) { status.textContent = "未找到搜索索引 search/index.js，请重新运行 archive-ops build。"; return; }
    status.textContent = "正在查找“" + query + "”…";
    search(query).then(function (found) {
      var results = found.results;
      status.setAttribute("data-query-ms", (performance.now() - queryStart).toFixed(1));
      status.setAttribute("data-ready-ms", performance.now().toFixed(0));
      status.setAttribute("data-shards", loadedNames.join(" "));
      var count = (found.exact ? "" : "约 ") + found.total;
      status.textContent = found.total === 0 || results.length === 0
        ? "没有找到包含“" + query + "”的页面。请换一个词，或减少词语个数。"
        : "找到 " + count + " 个包含“" + query + "”的页面" + (found.total > shown ? "，显示前 " + Math.min(shown, results.length) + " 个" : "") + "。";
      results.slice(0, shown).forEach(function (r) {
        var s = r.section, terms = normalize(query).split(/\s+/).filter(Boolean);
        var href = root + r.doc.url + (s && s.anchor ? "#" + encodeURIComponent(s.anchor) : "");
        var li = document.createElement("li");
        var html = '<a class="result-title" href="' + escapeHTML(href) + '">' + escapeHTML(r.doc.title) + "</a>";
        if (s && s.anchor) html += ' <span class="result-section">› ' + escapeHTML(s.heading) + "</span>";
        html += '<p class="result-url">' + escapeHTML(r.doc.url) + "</p>";
        if (s && s.text) html += '<p class="result-snippet">' + snippet(s.text, s.normText, terms) + "</p>";
        li.innerHTML = html;
        list.appendChild(li);
      });
    }, function (missing) {
      status.textContent = "搜索索引文件 search/" + missing + ".js 缺失或损坏，请重新运行 archive-ops build。";
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
