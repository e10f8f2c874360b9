// The review desk's script, added by "crosscheck serve" after the HTML
// report's own script (and admitted, like it, by its hash in the page's
// Content-Security-Policy). It adds to each finding a reason field and
// Confirm, Dismiss and Clear buttons that POST to /api/review with the
// page's CSRF token; severity and status filters beside the report's story
// and attribute filters; keyboard use (j/k, c/d, o, /); Re-run; exports;
// and a poll of /api/state that notices a re-run or a review file changed
// by "crosscheck review". Text goes in through textContent only.
(function () {
  "use strict";
  var tokenMeta = document.querySelector('meta[name="csrf-token"]');
  var token = tokenMeta ? tokenMeta.getAttribute("content") : "";
  var dataNode = document.getElementById("desk-data");
  var desk = dataNode ? JSON.parse(dataNode.textContent) : { reviews: {}, stale: [] };
  var reviews = desk.reviews || {};
  var table = document.getElementById("findings");
  var section = document.getElementById("discrepancies");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function button(cls, text, title) {
    var b = el("button", cls, text);
    b.type = "button";
    if (title) { b.title = title; }
    return b;
  }
  function store(kind) {
    try { return window[kind]; } catch (e) { return null; }
  }
  function load(kind, key) {
    var s = store(kind);
    try { return s ? s.getItem(key) : null; } catch (e) { return null; }
  }
  function save(kind, key, value) {
    var s = store(kind);
    try { if (s) { s.setItem(key, value); } } catch (e) { /* private mode: not remembered */ }
  }

  // --- requests ---
  function post(path, body) {
    return fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token },
      body: JSON.stringify(body || {})
    }).then(function (resp) {
      return resp.json().catch(function () { return { error: resp.status + " " + resp.statusText }; }).then(function (b) {
        if (!resp.ok) { throw new Error(b && b.error ? b.error : resp.status + " " + resp.statusText); }
        return b;
      });
    });
  }
  function get(path) {
    return fetch(path, { credentials: "same-origin" }).then(function (resp) {
      if (!resp.ok) { throw new Error(resp.status + " " + resp.statusText); }
      return resp.json();
    });
  }

  // --- toolbar: reviewer, re-run, exports, messages ---
  var bar = el("div", "desk-bar");
  bar.id = "desk-bar";
  var byLabel = el("label", null, "Reviewer ");
  var byInput = el("input");
  byInput.id = "desk-by";
  byInput.type = "text";
  byInput.autocomplete = "name";
  byInput.placeholder = "your name";
  byInput.maxLength = 200;
  byInput.value = load("localStorage", "crosscheck.reviewer") || "";
  byInput.addEventListener("input", function () { save("localStorage", "crosscheck.reviewer", byInput.value.trim()); });
  byLabel.appendChild(byInput);
  bar.appendChild(byLabel);
  var rerun = button("desk-rerun", "Re-run", "Read the articles again and recompute the findings; decisions are kept");
  rerun.id = "desk-rerun";
  bar.appendChild(rerun);
  var exports = el("span", "desk-exports", "Export confirmed: ");
  [["/export/claimreview.jsonld", "ClaimReview JSON-LD", "desk-export-claimreview"],
   ["/export/confirmed.csv", "CSV", "desk-export-csv"]].forEach(function (x, i) {
    if (i) { exports.appendChild(document.createTextNode(" · ")); }
    var a = el("a", null, x[1]);
    a.href = x[0];
    a.id = x[2];
    a.setAttribute("download", "");
    exports.appendChild(a);
  });
  if (!desk.author) {
    exports.appendChild(el("small", "desk-author", " (claimreview_author is not set in the configuration: the drafts' author is empty)"));
  }
  bar.appendChild(exports);
  var msg = el("span", "desk-msg");
  msg.id = "desk-msg";
  msg.setAttribute("role", "status");
  msg.setAttribute("aria-live", "polite");
  bar.appendChild(msg);
  bar.appendChild(el("small", "desk-keys", "Keys: j/k next/previous · c confirm · d dismiss · o evidence · / filters · Enter sends the reason"));
  var header = document.querySelector("header");
  header.parentNode.insertBefore(bar, header.nextSibling);
  var fileLine = el("p", "hint desk-file", "Decisions are written to " + (desk.review_file || "the review file") + " · " + (desk.summary || ""));
  bar.parentNode.insertBefore(fileLine, bar.nextSibling);

  var banner = el("p", "desk-banner");
  banner.id = "desk-banner";
  banner.setAttribute("role", "alert");
  banner.hidden = true;
  fileLine.parentNode.insertBefore(banner, fileLine.nextSibling);
  function say(text, isError) {
    msg.textContent = text;
    msg.className = "desk-msg" + (isError ? " error" : "");
  }

  // --- stale decisions: the report's warning, with a way to clear each ---
  if (desk.stale && desk.stale.length) {
    var stale = document.getElementById("stale");
    if (!stale) {
      stale = el("p", "warning");
      stale.id = "stale";
      stale.setAttribute("role", "alert");
      header.appendChild(stale);
    }
    var ul = el("ul", "desk-stale");
    desk.stale.forEach(function (d) {
      var li = el("li");
      li.appendChild(el("code", null, d.id));
      li.appendChild(document.createTextNode(" " + d.status + (d.by ? " by " + d.by : "") + (d.reason ? ": " + d.reason : "") + " "));
      var clear = button("desk-clear", "Clear", "Remove this decision from the review file");
      clear.addEventListener("click", function () {
        clear.disabled = true;
        post("/api/review", { id: d.id, decision: "clear", reason: "", by: byInput.value.trim() }).then(function (b) {
          desk.review_hash = b.review_hash;
          li.parentNode.removeChild(li);
          say(d.id + " cleared");
        }, function (err) { clear.disabled = false; say(err.message, true); });
      });
      li.appendChild(clear);
      ul.appendChild(li);
    });
    stale.appendChild(ul);
  }

  // --- per finding: status, reason, buttons ---
  function bodies() {
    return table ? Array.prototype.slice.call(table.querySelectorAll("tbody.finding, tbody.desk-out")) : [];
  }
  function statusOf(id) { return reviews[id] ? reviews[id].status : "open"; }
  function describe(d) {
    if (!d) { return "open"; }
    var s = d.status;
    if (d.by) { s += " by " + d.by; }
    if (d.at) { s += " at " + d.at; }
    if (d.reason) { s += ": " + d.reason; }
    return s;
  }
  function show(b) {
    var id = b.id, st = statusOf(id);
    b.classList.remove("confirmed", "dismissed", "open");
    b.classList.add(st);
    b.setAttribute("data-status", st);
    var mark = b.querySelector("td.id .mark");
    if (st === "open") {
      if (mark) {
        var before = mark.previousSibling;
        if (before && before.nodeType === 3) { before.parentNode.removeChild(before); }
        mark.parentNode.removeChild(mark);
      }
    } else {
      if (!mark) {
        var code = b.querySelector("td.id code");
        mark = el("span", "mark");
        code.parentNode.insertBefore(mark, code.nextSibling);
        code.parentNode.insertBefore(document.createTextNode(" "), mark);
      }
      mark.textContent = "[" + st + "]";
    }
    var row = b.querySelector("tr.desk-row");
    row.querySelector(".desk-status").textContent = st;
    row.querySelector(".desk-status").className = "desk-status desk-" + st;
    row.querySelector(".desk-who").textContent = reviews[id] ? describe(reviews[id]) : "";
    row.querySelector(".desk-clear").disabled = st === "open";
  }
  function decide(b, decision) {
    var row = b.querySelector("tr.desk-row");
    var input = row.querySelector(".desk-reason");
    var err = row.querySelector(".desk-err");
    var reason = input.value.trim();
    if (decision !== "clear" && !reason) {
      b.setAttribute("data-pending", decision);
      err.textContent = "Type why, then Enter to " + decision + ".";
      input.focus();
      return Promise.resolve(false);
    }
    err.textContent = "";
    b.removeAttribute("data-pending");
    var buttons = row.querySelectorAll("button");
    Array.prototype.forEach.call(buttons, function (x) { x.disabled = true; });
    return post("/api/review", { id: b.id, decision: decision, reason: decision === "clear" ? "" : reason, by: byInput.value.trim() }).then(function (resp) {
      if (resp.review) { reviews[b.id] = resp.review; } else { delete reviews[b.id]; }
      desk.review_hash = resp.review_hash;
      input.value = "";
      Array.prototype.forEach.call(buttons, function (x) { x.disabled = false; });
      show(b);
      say(b.id + " " + (decision === "clear" ? "is open again" : resp.status));
      var keep = current === b;
      filter();
      if (keep && b.hidden) { move(1, b); }
      return true;
    }, function (e) {
      Array.prototype.forEach.call(buttons, function (x) { x.disabled = false; });
      err.textContent = e.message;
      say(b.id + ": " + e.message, true);
      return false;
    });
  }
  bodies().forEach(function (b) {
    var tr = el("tr", "desk-row");
    var td = el("td");
    td.colSpan = 6;
    var box = el("div", "desk");
    box.appendChild(el("span", "desk-status", "open"));
    var input = el("input", "desk-reason");
    input.type = "text";
    input.placeholder = "Reason (required to confirm or dismiss)";
    input.maxLength = 4000;
    input.setAttribute("aria-label", "Reason for " + b.id);
    box.appendChild(input);
    var c = button("desk-confirm", "Confirm", "Confirm this discrepancy (c)");
    var d = button("desk-dismiss", "Dismiss", "Dismiss this finding (d)");
    var x = button("desk-clear", "Clear", "Remove the decision: the finding is open again");
    c.addEventListener("click", function () { setCurrent(b, false); decide(b, "confirm"); });
    d.addEventListener("click", function () { setCurrent(b, false); decide(b, "dismiss"); });
    x.addEventListener("click", function () { setCurrent(b, false); decide(b, "clear"); });
    input.addEventListener("focus", function () { setCurrent(b, false); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") {
        e.preventDefault();
        var pending = b.getAttribute("data-pending");
        if (pending) { decide(b, pending); } else { b.querySelector(".desk-err").textContent = "Press Confirm or Dismiss (or Enter after c or d)."; }
      } else if (e.key === "Escape") {
        b.removeAttribute("data-pending");
        input.blur();
      }
    });
    box.appendChild(c);
    box.appendChild(d);
    box.appendChild(x);
    box.appendChild(el("span", "desk-who"));
    var err = el("span", "desk-err");
    err.setAttribute("role", "alert");
    box.appendChild(err);
    td.appendChild(box);
    tr.appendChild(td);
    b.appendChild(tr);
    show(b);
  });

  // --- filters: severity and status, beside the report's story and attribute ---
  var filters = document.getElementById("filters");
  if (!filters && section && table) {
    filters = el("div", "filters");
    filters.id = "filters";
    filters.setAttribute("role", "search");
    section.insertBefore(filters, table);
  }
  function select(id, label, options) {
    var l = el("label", null, label + " ");
    var s = el("select");
    s.id = id;
    options.forEach(function (o) {
      var opt = el("option", null, o[1]);
      opt.value = o[0];
      s.appendChild(opt);
    });
    l.appendChild(s);
    if (filters) { filters.appendChild(l); }
    return s;
  }
  var sevSel = select("sev-filter", "Severity", [["", "all severities"], ["high", "high"], ["medium", "medium"], ["low", "low"], ["info", "info"]]);
  var statusSel = select("status-filter", "Status", [["", "all"], ["open", "open"], ["confirmed", "confirmed"], ["dismissed", "dismissed"]]);
  var storySel = document.getElementById("story-filter");
  var attrSel = document.getElementById("attr-filter");
  var reportSel = storySel || attrSel;
  var repaging = false;
  function sevOf(b) {
    var s = b.querySelector(".sev");
    return s ? s.textContent.trim() : "";
  }
  // filter hides the findings the severity and status filters leave out,
  // by taking them out of the report's pager (class "desk-out" instead of
  // "finding"), then lets the report's own filters and pager run again.
  function filter() {
    var sev = sevSel.value, st = statusSel.value;
    bodies().forEach(function (b) {
      var ok = (!sev || sevOf(b) === sev) && (!st || statusOf(b.id) === st);
      b.classList.toggle("finding", ok);
      b.classList.toggle("desk-out", !ok);
      if (!ok) { b.hidden = true; }
    });
    if (reportSel) {
      repaging = true;
      reportSel.dispatchEvent(new Event("change"));
      repaging = false;
    } else {
      bodies().forEach(function (b) { if (b.classList.contains("finding")) { b.hidden = false; } });
    }
    saveState();
  }
  [storySel, attrSel].forEach(function (s) {
    if (s) { s.addEventListener("change", function () { if (!repaging) { filter(); } }); }
  });
  sevSel.addEventListener("change", filter);
  statusSel.addEventListener("change", filter);
  // Sorting moves only what the report's pager knows: bring the filtered-out
  // findings back for the sort (capture, before the report's handler), then
  // filter again (bubble, after it).
  if (table) {
    table.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("th[data-key] button")) {
        bodies().forEach(function (b) { b.classList.add("finding"); b.classList.remove("desk-out"); });
      }
    }, true);
    table.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("th[data-key] button")) { filter(); }
    });
  }

  // --- state kept across a reload (Re-run) ---
  function saveState() {
    save("sessionStorage", "crosscheck.desk", JSON.stringify({
      story: storySel ? storySel.value : "", attr: attrSel ? attrSel.value : "",
      sev: sevSel.value, status: statusSel.value, current: current ? current.id : ""
    }));
  }
  function setIfOption(sel, v) {
    if (sel && v && Array.prototype.some.call(sel.options, function (o) { return o.value === v; })) { sel.value = v; }
  }

  // --- keyboard: j/k move, c/d decide, o evidence, / filters ---
  var current = null;
  function visible() {
    return table ? Array.prototype.slice.call(table.querySelectorAll("tbody.finding")).filter(function (b) { return !b.hidden; }) : [];
  }
  function setCurrent(b, scroll) {
    if (current) { current.classList.remove("desk-current"); }
    current = b;
    if (b) {
      b.classList.add("desk-current");
      if (scroll && b.scrollIntoView) { b.scrollIntoView({ block: "nearest" }); }
    }
    saveState();
  }
  function pagerButton(which) {
    var nav = table && table.nextElementSibling;
    return nav && nav.classList.contains("pager") ? nav.querySelector("." + which) : null;
  }
  // move selects the next (dir 1) or previous (-1) visible finding after
  // from, turning the page at either end.
  function move(dir, from) {
    var vis = visible();
    from = from || current;
    var i = from ? vis.indexOf(from) : -1;
    if (i < 0 && from && table) {
      // from is hidden now: take its neighbour in document order.
      var all = Array.prototype.slice.call(table.querySelectorAll("tbody"));
      var pos = all.indexOf(from);
      var next = null;
      for (var k = pos + dir; k >= 0 && k < all.length; k += dir) {
        if (vis.indexOf(all[k]) >= 0) { next = all[k]; break; }
      }
      setCurrent(next || vis[0] || null, true);
      return;
    }
    var j = i < 0 ? (dir > 0 ? 0 : vis.length - 1) : i + dir;
    if (j >= vis.length || j < 0) {
      var pb = pagerButton(dir > 0 ? "next" : "prev");
      if (pb && !pb.disabled) {
        pb.click();
        vis = visible();
        j = dir > 0 ? 0 : vis.length - 1;
      } else {
        j = Math.min(Math.max(j, 0), vis.length - 1);
      }
    }
    setCurrent(vis[j] || null, true);
  }
  var keyDecision = "";
  document.addEventListener("keyup", function (e) {
    if (!keyDecision || e.key !== keyDecision) { return; }
    var k = keyDecision;
    keyDecision = "";
    if (current) { decide(current, k === "c" ? "confirm" : "dismiss"); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) { return; }
    switch (e.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "c":
      case "d":
        // Decided on keyup, so that the key itself is not typed into the
        // reason field the decision moves the cursor to.
        if (!current) { move(1); }
        keyDecision = e.key;
        break;
      case "o":
        if (current) { var sum = current.querySelector("details > summary"); if (sum) { sum.click(); } }
        break;
      case "/":
        (storySel || attrSel || sevSel).focus();
        break;
      default:
        return;
    }
    e.preventDefault();
  });

  // --- re-run, and watching for changes ---
  function reload() {
    saveState();
    window.location.reload();
  }
  rerun.addEventListener("click", function () {
    rerun.disabled = true;
    say("Re-running…");
    post("/api/rerun").then(function (b) {
      say("Re-ran: " + b.findings + " findings. Reloading…");
      reload();
    }, function (err) {
      rerun.disabled = false;
      say(err.message, true);
    });
  });
  function refreshStatuses() {
    return get("/api/report").then(function (b) {
      if (b.generation !== desk.generation) { return; }
      reviews = {};
      (b.report.discrepancies || []).forEach(function (d) { if (d.review) { reviews[d.id] = d.review; } });
      bodies().forEach(show);
      filter();
    });
  }
  function poll() {
    get("/api/state").then(function (st) {
      if (st.generation !== desk.generation) {
        if (banner.getAttribute("data-generation") === String(st.generation)) { return; }
        banner.setAttribute("data-generation", String(st.generation));
        banner.textContent = "The articles changed and the report was re-run. ";
        var b = button("desk-reload", "Reload", "Show the new report (decisions are kept)");
        b.addEventListener("click", reload);
        banner.appendChild(b);
        banner.hidden = false;
        return;
      }
      if (st.rerun_error) {
        banner.textContent = "A re-run failed; this is the previous report: " + st.rerun_error;
        banner.hidden = false;
      } else if (!banner.hasAttribute("data-generation")) {
        banner.hidden = true;
      }
      if (st.review_hash !== desk.review_hash) {
        desk.review_hash = st.review_hash;
        refreshStatuses().then(function () { say("The review file changed on disk; statuses updated."); });
      }
    }, function () { say("The desk's server is not answering (stopped?).", true); });
  }
  window.setInterval(poll, 3000);

  // Restore the filters and the selected finding kept before a reload.
  var kept = null;
  try { kept = JSON.parse(load("sessionStorage", "crosscheck.desk") || "null"); } catch (e) { kept = null; }
  if (kept) {
    setIfOption(storySel, kept.story);
    setIfOption(attrSel, kept.attr);
    setIfOption(sevSel, kept.sev);
    setIfOption(statusSel, kept.status);
  }
  filter();
  if (kept && kept.current) {
    var again = document.getElementById(kept.current);
    if (again && !again.hidden) { setCurrent(again, true); }
  }
  window.crosscheckDeskReady = true;
})();
