/* ArchiveOps 站内搜索 (site search). Reads ?q= on search.html and scans the index in search/index.js (loaded by a
   plain <script> tag, so it works from file://, a file share or a USB stick, with no server and no fetch()).
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

  var loadStart = Date.now();
  var docs = [];
  if (index && index.documents) {
    docs = index.documents.map(function (d) {
      return {
        url: d[0], title: d[1], normTitle: normalize(d[1]),
        sections: d[2].map(function (s) {
          return { anchor: s[0], heading: s[1], text: s[2], normHeading: normalize(s[1]), normText: normalize(s[2]) };
        })
      };
    });
  }

  /* Preparation time, kept on the status line's data attributes for the benchmark (bench/manual-build.sh). */
  status.setAttribute("data-load-ms", String(Date.now() - loadStart));

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

  function search(query) {
    var terms = normalize(query).split(/\s+/).filter(function (t) { return t.length > 0; });
    if (terms.length === 0) return [];
    var results = [];
    docs.forEach(function (d) {
      var score = 0, best = null, bestScore = -1, allFound = terms.every(function (t) {
        if (d.normTitle.indexOf(t) !== -1) return true;
        return d.sections.some(function (s) { return s.normHeading.indexOf(t) !== -1 || s.normText.indexOf(t) !== -1; });
      });
      if (!allFound) return;
      terms.forEach(function (t) { if (d.normTitle.indexOf(t) !== -1) score += 20; });
      d.sections.forEach(function (s) {
        var sScore = 0;
        terms.forEach(function (t) {
          if (s.normHeading.indexOf(t) !== -1) sScore += 8;
          sScore += count(s.normText, t);
        });
        score += sScore;
        if (sScore > bestScore) { bestScore = sScore; best = s; }
      });
      results.push({ doc: d, score: score, section: best });
    });
    results.sort(function (a, b) { return b.score - a.score || (a.doc.url < b.doc.url ? -1 : 1); });
    return results;
  }

  function render(query) {
    var root = document.body.getAttribute("data-root") || "";
    var queryStart = performance.now();
    var results = search(query);
    status.setAttribute("data-query-ms", (performance.now() - queryStart).toFixed(1));
    status.setAttribute("data-ready-ms", performance.now().toFixed(0));
    list.innerHTML = "";
    if (!index) { status.textContent = "未找到搜索索引 search/index.js，请重新运行 archive-ops build。"; return; }
    status.textContent = results.length === 0
      ? "没有找到包含“" + query + "”的页面。请换一个词，或减少词语个数。"
      : "找到 " + results.length + " 个包含“" + query + "”的页面" + (results.length > 50 ? "，显示前 50 个" : "") + "。";
    results.slice(0, 50).forEach(function (r) {
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
