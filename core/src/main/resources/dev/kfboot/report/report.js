(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kfboot-data").textContent);
  var svg = document.querySelector("#graph svg");
  var panel = document.getElementById("selection");

  function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
  function add(parent, tag, text) {
    var el = document.createElement(tag);
    if (text !== undefined) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }

  function select(app) {
    var nodes = svg.querySelectorAll(".node");
    var edges = svg.querySelectorAll(".edge");
    nodes.forEach(function (n) { n.classList.remove("selected", "related"); });
    edges.forEach(function (e) { e.classList.remove("related"); });
    clear(panel);
    if (!app) { svg.classList.remove("dimmed"); add(panel, "p", "Nothing selected.").className = "hint"; return; }
    svg.classList.add("dimmed");
    var related = {};
    edges.forEach(function (e) {
      if (e.dataset.from === app || e.dataset.to === app) {
        e.classList.add("related");
        related[e.dataset.from] = true;
        related[e.dataset.to] = true;
      }
    });
    nodes.forEach(function (n) {
      if (n.dataset.app === app) { n.classList.add("selected"); }
      else if (related[n.dataset.app]) { n.classList.add("related"); }
    });
    add(panel, "h3", app + " (wave " + data.waves[app] + ")");
    var waits = data.edges.filter(function (e) { return e.to === app; });
    var needed = data.edges.filter(function (e) { return e.from === app; });
    add(panel, "strong", waits.length ? "Waits for" : "Waits for nothing");
    waits.forEach(function (e) {
      add(panel, "div", e.from + " (wave " + data.waves[e.from] + ")");
      var ul = add(panel, "ul");
      e.reasons.forEach(function (r) { add(ul, "li", r); });
    });
    if (needed.length) {
      add(panel, "strong", "Needed by");
      var ul = add(panel, "ul");
      needed.forEach(function (e) { add(ul, "li", e.to + " (wave " + data.waves[e.to] + ")"); });
    }
  }

  var selected = null;
  svg.querySelectorAll(".node").forEach(function (n) {
    function toggle() { selected = selected === n.dataset.app ? null : n.dataset.app; select(selected); }
    n.addEventListener("click", toggle);
    n.addEventListener("keydown", function (ev) { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); toggle(); } });
  });

  var allEdges = document.getElementById("show-all-edges");
  if (allEdges) { allEdges.addEventListener("change", function () { svg.classList.toggle("all-edges", allEdges.checked); }); }

  var sev = document.getElementById("filter-severity");
  var appFilter = document.getElementById("filter-app");
  function filter() {
    document.querySelectorAll("tr.finding").forEach(function (tr) {
      var ok = (!sev.value || tr.dataset.severity === sev.value) && (!appFilter.value || tr.dataset.app === appFilter.value);
      tr.classList.toggle("hidden", !ok);
    });
  }
  if (sev && appFilter) { sev.addEventListener("change", filter); appFilter.addEventListener("change", filter); }
})();
