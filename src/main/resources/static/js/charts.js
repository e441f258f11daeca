// Draws the takings chart from the data the page carries (no inline script: the CSP forbids it).
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('takings-chart');
  if (!element || !window.echarts) {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    grid: { left: 48, right: 12, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return '¥' + v; } },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value', axisLabel: { formatter: '¥{value}' } },
    series: [{ name: element.getAttribute('data-label'), type: 'bar', data: data.values, itemStyle: { color: '#0172ad' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
