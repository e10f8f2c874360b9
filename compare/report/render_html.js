// The report's one script. The page carries one short row per finding,
// story and document; everything bulky (evidence, each story's consensus
// and timeline) is in the JSON block #crosscheck-data and becomes elements
// only when a reader opens it. Text always goes in through textContent,
// never as markup, so article words stay words. Long lists are paged, and
// the story and attribute filters apply to the findings and the stories.
(function () {
  "use strict";
  var data = null;
  function getData() {
    if (data === null) {
      var node = document.getElementById("crosscheck-data");
      data = node ? JSON.parse(node.textContent) : { findings: [], stories: {} };
    }
    return data;
  }

  // el builds an element with a class and text content.
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function pctStyle(v) {
    var n = parseFloat(v);
    return isFinite(n) ? Math.min(Math.max(n, 0), 100) + "%" : "0%";
  }
  function plural(n, one, many) { return n === 1 ? "1 " + one : n + " " + many; }
  function link(id, url) {
    if (url && /^https?:\/\//i.test(url)) {
      var a = el("a", null, id);
      a.href = url;
      a.rel = "noopener noreferrer";
      return a;
    }
    return document.createTextNode(id);
  }

  // --- evidence, built on first opening ---
  function fillEvidence(details) {
    if (details.getAttribute("data-filled")) { return; }
    details.setAttribute("data-filled", "1");
    var ev = getData().findings[Number(details.getAttribute("data-finding"))];
    if (!ev) { return; }
    if (ev.why) { details.appendChild(el("p", "why", "Compared because: " + ev.why)); }
    if (ev.review) { details.appendChild(el("p", "review", "Review: " + ev.review)); }
    var sides = el("div", "sides");
    (ev.sides || []).forEach(function (s) {
      var box = el("div", "side-detail");
      var h = el("h4", null, "Side " + s.label + ": ");
      h.appendChild(el("span", "value", s.value));
      if (s.desc) { h.appendChild(document.createTextNode(" ")); h.appendChild(el("small", null, "— " + s.desc)); }
      if (s.newest) { h.appendChild(document.createTextNode(" ")); h.appendChild(el("small", "newest", "newest")); }
      box.appendChild(h);
      var p = el("p", "sources", plural((s.sources || []).length, "source", "sources") + ": ");
      (s.sources || []).forEach(function (src, i) {
        if (i) { p.appendChild(document.createTextNode(", ")); }
        p.appendChild(link(src.id, src.url));
      });
      box.appendChild(p);
      var ul = el("ul");
      (s.claims || []).forEach(function (c) {
        var li = el("li");
        li.appendChild(el("code", "where", c.where));
        li.appendChild(document.createTextNode(" "));
        var q = el("q", "context");
        q.appendChild(document.createTextNode(c.before || ""));
        q.appendChild(el("mark", null, c.match));
        q.appendChild(document.createTextNode(c.after || ""));
        li.appendChild(q);
        ul.appendChild(li);
      });
      box.appendChild(ul);
      sides.appendChild(box);
    });
    details.appendChild(sides);
  }

  // --- a story's consensus and timeline, built on first opening ---
  var attrFilter = "";
  function fillStory(details) {
    var want = attrFilter;
    if (details.getAttribute("data-filled") === "1" + want) { return; }
    var old = details.querySelector(".story-body");
    if (old) { details.removeChild(old); }
    details.setAttribute("data-filled", "1" + want);
    var st = getData().stories[details.getAttribute("data-story")];
    if (!st) { return; }
    var body = el("div", "story-body");
    var cons = (st.consensus || []).filter(function (a) { return !want || a.attribute === want; });
    if (cons.length) {
      body.appendChild(el("h3", null, "Consensus by attribute"));
      cons.forEach(function (a) {
        var box = el("div", "attribute" + (a.contested ? " contested" : ""));
        var h = el("h4", null, a.attribute + " ");
        h.appendChild(el("small", null, plural(a.sources, "source", "sources") + (a.contested ? " · contested" : "")));
        box.appendChild(h);
        var t = el("table", "values");
        a.values.forEach(function (v) {
          var tr = el("tr");
          tr.appendChild(el("td", "value", v.value));
          var bar = el("td", "bar");
          var span = el("span");
          span.style.width = pctStyle(v.percent);
          bar.appendChild(span);
          tr.appendChild(bar);
          tr.appendChild(el("td", "count", plural(v.sources.length, "source", "sources") + ": " + v.sources.join(", ")));
          t.appendChild(tr);
        });
        box.appendChild(t);
        body.appendChild(box);
      });
    }
    var tl = st.timeline || { rows: [] };
    if (tl.rows && tl.rows.length) {
      body.appendChild(el("h3", null, "Timeline of dated claims"));
      if (tl.from) {
        var axis = el("p", "axis");
        axis.appendChild(el("span", null, tl.from));
        axis.appendChild(el("span", null, tl.to));
        body.appendChild(axis);
      }
      tl.rows.forEach(function (row) {
        // Each point is [value, text, where, attribute, left, width].
        var points = row.points.map(function (a) {
          return { value: a[0], text: a[1], where: a[2], attribute: a[3], left: a[4], width: a[5], bar: a[4] !== "" };
        }).filter(function (p) { return !want || p.attribute === want; });
        if (!points.length) { return; }
        var box = el("div", "tl-row");
        var h = el("h4", null, row.doc + " ");
        h.appendChild(el("small", null, "published " + row.published));
        box.appendChild(h);
        var track = el("div", "track");
        var ol = el("ol", "dates");
        points.forEach(function (p) {
          if (p.bar) {
            var s = el("span", "point");
            s.style.left = pctStyle(p.left);
            s.style.width = pctStyle(p.width);
            s.title = p.value;
            track.appendChild(s);
          }
          var li = el("li");
          li.appendChild(el("span", "value", p.value));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(el("q", null, p.text));
          li.appendChild(document.createTextNode(" "));
          li.appendChild(el("code", null, p.where));
          if (p.attribute) { li.appendChild(document.createTextNode(" ")); li.appendChild(el("small", null, p.attribute)); }
          ol.appendChild(li);
        });
        box.appendChild(track);
        box.appendChild(ol);
        body.appendChild(box);
      });
    }
    if (!body.childNodes.length) { body.appendChild(el("p", "hint", "Nothing on this attribute in this story.")); }
    details.appendChild(body);
  }

  // Fill before the browser opens the element, so that what a click shows
  // is already there; "toggle" covers keyboard and script opening.
  document.addEventListener("click", function (e) {
    var sum = e.target && e.target.closest ? e.target.closest("details > summary") : null;
    if (!sum) { return; }
    var d = sum.parentNode;
    if (d.hasAttribute("data-finding")) { fillEvidence(d); }
    if (d.classList.contains("story")) { fillStory(d); }
  }, true);
  document.addEventListener("toggle", function (e) {
    var d = e.target;
    if (!d.open) { return; }
    if (d.hasAttribute && d.hasAttribute("data-finding")) { fillEvidence(d); }
    if (d.classList && d.classList.contains("story")) { fillStory(d); }
  }, true);

  // --- paging ---
  // A pager shows one page of a list's items that pass its filter and
  // hides the rest; controls follow the list.
  function Pager(container, items, size, noun) {
    this.container = container;
    this.items = items;
    this.size = size;
    this.noun = noun;
    this.page = 0;
    this.filter = function () { return true; };
    this.nav = el("nav", "pager");
    this.nav.setAttribute("aria-label", noun + " pages");
    this.prev = el("button", "prev", "‹ previous");
    this.next = el("button", "next", "next ›");
    this.prev.type = this.next.type = "button";
    this.info = el("span", "info");
    this.nav.appendChild(this.prev);
    this.nav.appendChild(this.info);
    this.nav.appendChild(this.next);
    container.parentNode.insertBefore(this.nav, container.nextSibling);
    var self = this;
    this.prev.addEventListener("click", function () { self.go(self.page - 1); });
    this.next.addEventListener("click", function () { self.go(self.page + 1); });
    container.classList.add("paged");
  }
  Pager.prototype.go = function (page) {
    var self = this;
    var shown = this.items().filter(function (it) { return self.filter(it); });
    var pages = Math.max(1, Math.ceil(shown.length / this.size));
    this.page = Math.min(Math.max(page, 0), pages - 1);
    var lo = this.page * this.size, hi = lo + this.size;
    var on = new Set(shown.slice(lo, hi));
    this.items().forEach(function (it) { it.hidden = !on.has(it); });
    this.info.textContent = shown.length === 0 ? "no " + this.noun + " match" :
      (lo + 1) + "–" + Math.min(hi, shown.length) + " of " + shown.length + " " + this.noun +
      (pages > 1 ? " · page " + (this.page + 1) + " of " + pages : "");
    this.prev.disabled = this.page === 0;
    this.next.disabled = this.page >= pages - 1;
    this.nav.hidden = shown.length <= this.size && this.page === 0 && shown.length === this.items().length;
  };
  function pageSize(node, dflt) { return Number(node.getAttribute("data-page")) || dflt; }

  var table = document.getElementById("findings");
  var findingsPager = null;
  if (table) {
    findingsPager = new Pager(table, function () {
      return Array.prototype.slice.call(table.querySelectorAll("tbody.finding"));
    }, pageSize(table, 50), "findings");
  }
  var storyList = document.getElementById("story-list");
  var storyPager = null;
  if (storyList) {
    storyPager = new Pager(storyList, function () {
      return Array.prototype.slice.call(storyList.querySelectorAll("details.story"));
    }, pageSize(storyList, 25), "stories");
  }
  var docTable = document.getElementById("document-table");
  if (docTable) {
    var docRows = Array.prototype.slice.call(docTable.querySelectorAll("tbody tr"));
    new Pager(docTable, function () { return docRows; }, pageSize(docTable, 100), "documents").go(0);
  }

  // --- filters ---
  var storySel = document.getElementById("story-filter");
  var attrSel = document.getElementById("attr-filter");
  function applyFilters() {
    var story = storySel ? storySel.value : "";
    attrFilter = attrSel ? attrSel.value : "";
    if (findingsPager) {
      findingsPager.filter = function (b) {
        return (!story || b.getAttribute("data-story") === story) && (!attrFilter || b.getAttribute("data-attr") === attrFilter);
      };
      findingsPager.go(0);
    }
    if (storyPager) {
      storyPager.filter = function (d) {
        return (!story || d.getAttribute("data-story") === story) &&
          (!attrFilter || (" " + d.getAttribute("data-attrs") + " ").indexOf(" " + attrFilter + " ") >= 0);
      };
      storyPager.go(0);
      // Open stories show the chosen attribute only.
      Array.prototype.forEach.call(storyList.querySelectorAll("details.story[open]"), fillStory);
      if (story) {
        var only = storyList.querySelector('details.story[data-story="' + story.replace(/[^0-9]/g, "") + '"]');
        if (only && !only.open) { fillStory(only); only.open = true; }
      }
    }
  }
  if (storySel) { storySel.addEventListener("change", applyFilters); }
  if (attrSel) { attrSel.addEventListener("change", applyFilters); }
  applyFilters();

  // --- sorting: by severity or attribute; each finding is its own <tbody>
  // (the row and its evidence), so sorting moves whole findings ---
  if (table) {
    var heads = table.querySelectorAll("th[data-key]");
    Array.prototype.forEach.call(heads, function (th) {
      th.querySelector("button").addEventListener("click", function () {
        var key = th.getAttribute("data-key");
        var current = th.getAttribute("aria-sort");
        var dir = current === "ascending" ? "descending" :
          current === "descending" ? "ascending" :
          key === "sev" ? "descending" : "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir);
        var bodies = Array.prototype.slice.call(table.querySelectorAll("tbody.finding"));
        bodies.sort(function (a, b) {
          var x = a.getAttribute("data-" + key), y = b.getAttribute("data-" + key);
          var c = key === "sev" ? Number(x) - Number(y) : x.localeCompare(y);
          if (dir === "descending") { c = -c; }
          return c !== 0 ? c : Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
        });
        bodies.forEach(function (b) { table.appendChild(b); });
        findingsPager.go(0);
      });
    });
  }
  window.crosscheckReady = true;
})();
