// The data-quality trend: the four dimensions' rates run by run (data from the page: CSP).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('quality-trend');
  if (!el || !window.echarts) {
    return;
  }
  var t = JSON.parse(el.getAttribute('data-trend'));
  var chart = window.echarts.init(el);
  var keys = ['correct', 'complete', 'clean', 'live'];
  chart.setOption({
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
    legend: { data: t.labels },
    grid: { left: 40, right: 16, bottom: 32, top: 40 },
    xAxis: { type: 'category', data: t.runs },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: keys.map(function (k, i) { return { name: t.labels[i], type: 'line', data: t[k] }; })
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
