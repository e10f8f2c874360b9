// Sort the findings table by severity or attribute. Each finding is its own
// <tbody> (the row and its evidence), so sorting moves whole findings.
(function () {
  "use strict";
  var table = document.getElementById("findings");
  if (!table) { return; }
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
    });
  });
})();
