// A measure's timeline with uPlot: value against date, one series per speaker, hedges as intervals.
// Ticks, legend values and month names in the page's language (<html lang>), through Intl.
(function () {
  var el = document.getElementById("chart");
  if (!el || typeof uPlot === "undefined") return;
  var COLOURS = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d35400", "#16a085", "#7f8c8d", "#b8860b"];
  var DAY = 86400;
  var lang = document.documentElement.lang || "en";
  var compactFormat = new Intl.NumberFormat(lang, {notation: "compact", maximumFractionDigits: 1});
  var numberFormat = new Intl.NumberFormat(lang, {maximumFractionDigits: 2});
  var dayFormat = new Intl.DateTimeFormat(lang, {day: "numeric", month: "short", year: "numeric", timeZone: "UTC"});

  // ticks in local time, as uPlot splits the axis; a point's own date (UTC midnight) in UTC
  var yearOnly = new Intl.DateTimeFormat(lang, {year: "numeric"});
  var monthOnly = new Intl.DateTimeFormat(lang, {month: "short"});
  var dayMonth = new Intl.DateTimeFormat(lang, {day: "numeric", month: "short"});

  function valueTicks(u, ticks) {
    var labels = ticks.map(function (v) { return compactFormat.format(v); });
    el.dataset.yTicks = labels.join("|");
    return labels;
  }

  // x ticks: years, else months or days with the year under the first tick of each year
  function dateTicks(u, splits, axis, space, incr) {
    var labels = splits.map(function (t, i) {
      var d = new Date(t * 1000);
      if (incr >= 360 * DAY) return yearOnly.format(d);
      var newYear = i === 0 || new Date(splits[i - 1] * 1000).getFullYear() !== d.getFullYear();
      var label = (incr >= 28 * DAY ? monthOnly : dayMonth).format(d);
      return label + (newYear ? "\n" + yearOnly.format(d) : "");
    });
    el.dataset.xTicks = labels.join("|");
    return labels;
  }

  function build(data) {
    var times = {};
    data.series.forEach(function (s) { s.points.forEach(function (p) { times[Date.parse(p.date) / 1000] = 1; }); });
    var xs = Object.keys(times).map(Number).sort(function (a, b) { return a - b; });
    var index = {};
    xs.forEach(function (x, i) { index[x] = i; });
    var columns = [xs], intervals = [];
    data.series.forEach(function (s) {
      var ys = xs.map(function () { return null; }), spans = [];
      s.points.forEach(function (p) {
        var i = index[Date.parse(p.date) / 1000];
        ys[i] = ys[i] === null ? p.value : Math.max(ys[i], p.value);
        if (p.hi > p.lo) spans.push([i, p.lo, p.hi]);
      });
      columns.push(ys);
      intervals.push(spans);
    });
    return {columns: columns, intervals: intervals};
  }

  function drawIntervals(u, intervals) {
    var ctx = u.ctx;
    ctx.save();
    ctx.lineWidth = 2 * devicePixelRatio;
    intervals.forEach(function (spans, s) {
      if (!u.series[s + 1].show) return;
      ctx.strokeStyle = COLOURS[s % COLOURS.length];
      spans.forEach(function (sp) {
        var x = u.valToPos(u.data[0][sp[0]], "x", true);
        var y0 = u.valToPos(sp[1], "y", true), y1 = u.valToPos(sp[2], "y", true);
        ctx.beginPath(); ctx.moveTo(x, y0); ctx.lineTo(x, y1);
        ctx.moveTo(x - 4, y0); ctx.lineTo(x + 4, y0); ctx.moveTo(x - 4, y1); ctx.lineTo(x + 4, y1);
        ctx.stroke();
      });
    });
    ctx.restore();
  }

  fetch(el.dataset.src, {credentials: "same-origin"}).then(function (r) { return r.json(); }).then(function (data) {
    var built = build(data);
    var lo = Infinity, hi = -Infinity;
    data.series.forEach(function (s) { s.points.forEach(function (p) { lo = Math.min(lo, p.lo); hi = Math.max(hi, p.hi); }); });
    var series = [{label: el.dataset.dateLabel || "Date",
                   value: function (u, t) { return t == null ? "—" : dayFormat.format(new Date(t * 1000)); }}];
    series = series.concat(data.series.map(function (s, i) {
      return {label: s.name, stroke: COLOURS[i % COLOURS.length], spanGaps: true, width: 1.5,
              value: function (u, v) { return v == null ? "—" : numberFormat.format(v); },
              points: {show: true, size: 7, fill: COLOURS[i % COLOURS.length]}};
    }));
    var opts = {
      width: Math.max(280, el.clientWidth || 600), height: 320, series: series,
      scales: {x: {time: true}, y: {range: function () { return lo === Infinity ? [0, 1] : [Math.min(0, lo), hi * 1.05 || 1]; }}},
      // compact tick labels (700K, «1,2 млн») in an axis wide enough for them: no label is cut
      axes: [{values: dateTicks, size: 56}, {size: 84, values: valueTicks}],
      hooks: {draw: [function (u) { drawIntervals(u, built.intervals); }]},
    };
    var plot = new uPlot(opts, built.columns, el);
    window.addEventListener("resize", function () { plot.setSize({width: Math.max(280, el.clientWidth), height: 320}); });
    el.dataset.drawn = "true";
  }).catch(function (e) { el.dataset.error = String(e); el.textContent = "chart: " + e; });
})();
