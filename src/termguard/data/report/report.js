"use strict";
(function () {
  var findings = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
  var texts = findings.map(function (el) { return el.textContent.toLowerCase(); });
  var filters = Array.prototype.slice.call(document.querySelectorAll(".filters select"));
  var search = document.querySelector('input[type="search"]');
  var shown = document.querySelector(".shown");
  var button = document.querySelector("button.download");
  var markedCount = document.querySelector(".marked");
  var current = -1;

  function apply() {
    var wanted = {};
    filters.forEach(function (s) { if (s.value) { wanted[s.name] = s.value; } });
    var query = search.value.trim().toLowerCase();
    var n = 0;
    findings.forEach(function (el, i) {
      var ok = Object.keys(wanted).every(function (name) { return el.getAttribute("data-" + name) === wanted[name]; });
      if (ok && query) { ok = texts[i].indexOf(query) !== -1; }
      el.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n + " of " + findings.length + " finding(s) shown";
  }

  function marked() {
    return findings.filter(function (el) { return el.querySelector('input[name="not-an-error"]').checked; });
  }

  function refreshMarks() {
    findings.forEach(function (el) {
      el.classList.toggle("is-marked", el.querySelector('input[name="not-an-error"]').checked);
    });
    var n = marked().length;
    markedCount.textContent = String(n);
    button.disabled = n === 0;
  }

  // The baseline termguard.baseline reads: one entry per key, with a count.
  function baseline() {
    var entries = {};
    marked().forEach(function (el) {
      var key = JSON.parse(el.getAttribute("data-key"));
      var id = JSON.stringify([key.path, key.rule, key.found, key.context]);
      if (entries[id]) { entries[id].count += 1; } else {
        entries[id] = { path: key.path, rule: key.rule, code: key.code, found: key.found, context: key.context, count: 1 };
      }
    });
    var list = Object.keys(entries).sort().map(function (id) { return entries[id]; });
    return JSON.stringify({ version: 1, tool: "termguard", findings: list }, null, 2) + "\n";
  }

  function download() {
    var a = document.createElement("a");
    a.href = "data:application/json;charset=utf-8," + encodeURIComponent(baseline());
    a.download = "termguard-baseline.json";
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function visible() { return findings.filter(function (el) { return !el.hidden; }); }

  function move(step) {
    var list = visible();
    if (!list.length) { return; }
    var at = list.indexOf(findings[current]);
    var next = at === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(at + step, 0), list.length - 1);
    current = findings.indexOf(list[next]);
    list[next].focus();
    list[next].scrollIntoView({ block: "nearest" });
  }

  document.addEventListener("keydown", function (ev) {
    var tag = ev.target && ev.target.tagName;
    if (ev.altKey || ev.ctrlKey || ev.metaKey) { return; }
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA") {
      if (ev.key === "Escape") { ev.target.blur(); }
      return;
    }
    if (ev.key === "j" || ev.key === "ArrowDown") { move(1); ev.preventDefault(); }
    else if (ev.key === "k" || ev.key === "ArrowUp") { move(-1); ev.preventDefault(); }
    else if (ev.key === "x" && current >= 0) {
      var box = findings[current].querySelector('input[name="not-an-error"]');
      box.checked = !box.checked;
      refreshMarks();
    } else if (ev.key === "/") { search.focus(); ev.preventDefault(); }
  });
  findings.forEach(function (el, i) {
    el.addEventListener("focusin", function () { current = i; });
    el.addEventListener("click", function () { current = i; });
  });
  filters.forEach(function (s) { s.addEventListener("change", apply); });
  search.addEventListener("input", apply);
  document.addEventListener("change", function (ev) {
    if (ev.target && ev.target.name === "not-an-error") { refreshMarks(); }
  });
  button.addEventListener("click", download);
  apply();
  refreshMarks();
}());
