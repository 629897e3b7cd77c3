// Draws the monthly trend of the leaders' dashboard from the data the page carries (no inline script: CSP).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('trend-chart');
  if (!el || !window.echarts) {
    return;
  }
  var t = JSON.parse(el.getAttribute('data-trend'));
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
    legend: { data: t.labels },
    grid: { left: 40, right: 16, bottom: 32, top: 40 },
    xAxis: { type: 'category', data: t.months },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t.labels[0], type: 'line', data: t.online },
      { name: t.labels[1], type: 'line', data: t.onTime },
      { name: t.labels[2], type: 'line', data: t.payment }
    ]
  });
  var charts = [chart];
  var unitsEl = document.getElementById('units-chart');
  if (unitsEl) {
    var r = JSON.parse(unitsEl.getAttribute('data-ranking'));
    var units = window.echarts.init(unitsEl);
    units.setOption({
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
      grid: { left: 8, right: 16, bottom: 24, top: 16, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: r.units, axisLabel: { width: 160, overflow: 'truncate' } },
      series: [{
        name: r.label, type: 'bar', data: r.onTime,
        markLine: { symbol: 'none', data: [{ xAxis: r.target }], label: { formatter: '{c}%' } }
      }]
    });
    charts.push(units);
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
});
