// The incidents map: country and region outlines (vendored TopoJSON, decoded by topojson-client)
// and one point per incident with coordinates, from the page's GeoJSON export with its filters.
// Drawn as SVG in a plain equirectangular projection; wheel or buttons zoom, dragging pans.
(function () {
  var el = document.getElementById("map");
  if (!el || typeof topojson === "undefined") return;
  var SVG = "http://www.w3.org/2000/svg";
  var DEFAULT_VIEW = [22, 41, 100, 70]; // lon/lat box shown when no incident has coordinates
  var PAD = 2, MIN_W = 12, MIN_H = 7; // degrees around the points, and the smallest box
  var kx = 1; // horizontal scale of the projection: cos of the view's middle latitude
  var svg, home;

  function node(name, attrs, parent) {
    var n = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(n);
    return n;
  }

  function xy(c) { return (c[0] * kx).toFixed(3) + "," + (-c[1]).toFixed(3); }

  // A ring that crosses the antimeridian (Chukotka) is drawn east of 180°, in one piece.
  function ringPath(ring) {
    var lons = ring.map(function (c) { return c[0]; });
    if (Math.max.apply(null, lons) - Math.min.apply(null, lons) > 180) {
      ring = ring.map(function (c) { return c[0] < 0 ? [c[0] + 360, c[1]] : c; });
    }
    return "M" + ring.map(xy).join("L") + "Z";
  }

  function geometryPath(g) {
    if (!g) return "";
    if (g.type === "Polygon") return g.coordinates.map(ringPath).join("");
    if (g.type === "MultiPolygon") return g.coordinates.map(function (p) { return p.map(ringPath).join(""); }).join("");
    return "";
  }

  // The outlines of one object of a topology ("countries"; a region file's only one), less the
  // pieces Natural Earth leaves unnamed (id -99: lakes and disputed slivers).
  function outlines(topology, name, cls, parent) {
    var g = node("g", {"class": cls}, parent);
    [name || Object.keys(topology.objects)[0]].forEach(function (name) {
      var fc = topojson.feature(topology, topology.objects[name]);
      (fc.features || [fc]).forEach(function (f) {
        if (String(f.id) === "-99") return;
        var d = geometryPath(f.geometry);
        if (!d) return;
        var p = node("path", {d: d}, g);
        if (f.properties && f.properties.name) node("title", {}, p).textContent = f.properties.name;
      });
    });
  }

  function bounds(points) {
    if (!points.length) return DEFAULT_VIEW.slice();
    var lons = points.map(function (f) { return f.geometry.coordinates[0]; });
    var lats = points.map(function (f) { return f.geometry.coordinates[1]; });
    var b = [Math.min.apply(null, lons) - PAD, Math.min.apply(null, lats) - PAD,
      Math.max.apply(null, lons) + PAD, Math.max.apply(null, lats) + PAD];
    var cx = (b[0] + b[2]) / 2, cy = (b[1] + b[3]) / 2;
    var w = Math.max(b[2] - b[0], MIN_W) / 2, h = Math.max(b[3] - b[1], MIN_H) / 2;
    return [cx - w, cy - h, cx + w, cy + h];
  }

  function setView(v) {
    svg.setAttribute("viewBox", [v[0], v[1], v[2], v[3]].map(function (n) { return n.toFixed(3); }).join(" "));
    svg.dataset.view = JSON.stringify(v);
  }

  function view() { return JSON.parse(svg.dataset.view); }

  function zoom(factor, cx, cy) {
    var v = view();
    if (cx === undefined) { cx = v[0] + v[2] / 2; cy = v[1] + v[3] / 2; }
    setView([cx - (cx - v[0]) * factor, cy - (cy - v[1]) * factor, v[2] * factor, v[3] * factor]);
    resizePoints();
  }

  function resizePoints() {
    var r = (view()[2] / 160).toFixed(4);
    svg.querySelectorAll("circle.incident").forEach(function (c) { c.setAttribute("r", r); });
    svg.querySelectorAll("text.stack").forEach(function (t) {
      t.setAttribute("font-size", (r * 2.2).toFixed(4));
      t.setAttribute("dx", (r * 1.3).toFixed(4));
      t.setAttribute("dy", (r * -0.6).toFixed(4));
    });
  }

  function drawPoints(features, parent) {
    var g = node("g", {"class": "points"}, parent);
    var counts = {};
    features.forEach(function (f) {
      var p = f.properties;
      counts[p.type] = (counts[p.type] || 0) + 1;
      var a = node("a", {href: el.dataset.incidentUrl.replace(/0\/$/, p.id + "/")}, g);
      var c = node("circle", {"class": "incident type-" + p.type, "data-id": p.id,
        cx: (f.geometry.coordinates[0] * kx).toFixed(3), cy: (-f.geometry.coordinates[1]).toFixed(3), r: 0.3}, a);
      node("title", {}, c).textContent = [p.text, p.place_raw || p.place_name, p.date].filter(Boolean).join(" · ");
    });
    stacks(features, parent);
    document.querySelectorAll("#legend li").forEach(function (li) {
      var n = counts[li.dataset.type];
      li.hidden = !n;
      if (n) li.querySelector(".n").textContent = n;
    });
  }

  // Incidents at one place (a city's) lie on one another: their number is written beside them.
  function stacks(features, parent) {
    var at = {};
    features.forEach(function (f) {
      var key = f.geometry.coordinates.join(",");
      at[key] = (at[key] || 0) + 1;
    });
    var g = node("g", {"class": "stacks"}, parent);
    Object.keys(at).forEach(function (key) {
      if (at[key] < 2) return;
      var c = key.split(",").map(Number);
      node("text", {"class": "stack", x: (c[0] * kx).toFixed(3), y: (-c[1]).toFixed(3)}, g).textContent = at[key];
    });
  }

  function controls() {
    var bar = document.createElement("div");
    bar.className = "map-controls";
    [["+", el.dataset.zoomIn, function () { zoom(0.5); }], ["−", el.dataset.zoomOut, function () { zoom(2); }],
      ["⌂", el.dataset.reset, function () { setView(home); resizePoints(); }]].forEach(function (b) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = b[0];
      button.title = b[1];
      button.setAttribute("aria-label", b[1]);
      button.addEventListener("click", b[2]);
      bar.appendChild(button);
    });
    el.appendChild(bar);
  }

  function interact() {
    svg.addEventListener("wheel", function (e) {
      e.preventDefault();
      var pt = svg.createSVGPoint();
      pt.x = e.clientX; pt.y = e.clientY;
      var p = pt.matrixTransform(svg.getScreenCTM().inverse());
      zoom(e.deltaY < 0 ? 0.8 : 1.25, p.x, p.y);
    }, {passive: false});
    var start = null;
    svg.addEventListener("pointerdown", function (e) { start = [e.clientX, e.clientY, view()]; });
    window.addEventListener("pointerup", function () { start = null; });
    svg.addEventListener("pointermove", function (e) {
      if (!start || !(e.buttons & 1)) return;
      var scale = start[2][2] / svg.clientWidth, v = start[2];
      setView([v[0] - (e.clientX - start[0]) * scale, v[1] - (e.clientY - start[1]) * scale, v[2], v[3]]);
    });
  }

  function draw(countries, regions, incidents) {
    var points = incidents.features.filter(function (f) { return f.geometry && f.geometry.type === "Point"; });
    var b = bounds(points);
    kx = Math.cos(((b[1] + b[3]) / 2) * Math.PI / 180);
    el.textContent = "";
    svg = node("svg", {"class": "map-svg", preserveAspectRatio: "xMidYMid meet"}, el);
    home = [b[0] * kx, -b[3], (b[2] - b[0]) * kx, b[3] - b[1]];
    setView(home);
    outlines(countries, "countries", "countries", svg);
    regions.forEach(function (t) { outlines(t, null, "regions", svg); });
    drawPoints(points, svg);
    resizePoints();
    controls();
    interact();
    el.dataset.points = String(points.length);
    el.classList.add("ready");
  }

  function json(url) {
    return fetch(url, {credentials: "same-origin"}).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  el.textContent = el.dataset.loading;
  var regionUrls = el.dataset.regions.split(" ").filter(Boolean);
  Promise.all([json(el.dataset.countries), Promise.all(regionUrls.map(json)), json(el.dataset.incidents)])
    .then(function (r) { draw(r[0], r[1], r[2]); })
    .catch(function (e) { el.textContent = el.dataset.failed + " " + e.message; el.classList.add("failed"); });
})();
