// The programme tracker's monthly trend: tasks falling due, done on time and done late (data from the page: CSP).
document.addEventListener('DOMContentLoaded', function () {
  var el = document.getElementById('programme-trend');
  if (!el || !window.echarts) {
    return;
  }
  var t = JSON.parse(el.getAttribute('data-trend'));
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { data: t.labels },
    grid: { left: 32, right: 16, bottom: 32, top: 40 },
    xAxis: { type: 'category', data: t.months },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: t.labels[0], type: 'line', data: t.due },
      { name: t.labels[1], type: 'bar', stack: 'done', data: t.doneOnTime, itemStyle: { color: '#198754' } },
      { name: t.labels[2], type: 'bar', stack: 'done', data: t.doneLate, itemStyle: { color: '#b02a37' } }
    ]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
