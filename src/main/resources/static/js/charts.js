// Draws the takings chart from the data the page carries (no inline script: the CSP forbids it).
document.addEventListener('DOMContentLoaded', function () {
  var element = document.getElementById('takings-chart');
  if (!element || !window.echarts) {
    return;
  }
  var data = JSON.parse(element.getAttribute('data-chart'));
  var chart = echarts.init(element, null, { renderer: 'svg' });
  // Yuan as people write them: ¥12,464.46 in the tooltip, ¥12,000 on the axis; the grid makes room for the labels.
  var yuan = function (v, decimals) {
    return '¥' + Number(v).toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  };
  chart.setOption({
    grid: { left: 8, right: 12, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return yuan(v, 2); } },
    xAxis: { type: 'category', data: data.labels },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: function (v) { return yuan(v, 0); } } },
    series: [{ name: element.getAttribute('data-label'), type: 'bar', data: data.values, itemStyle: { color: '#0172ad' } }]
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
