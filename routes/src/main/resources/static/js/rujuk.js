// Pages refresh themselves while open (no full reload): every data-refresh seconds the page is fetched again and
// its <main> swapped in, unless the user is typing in a form. Charts are drawn from data-chart attributes.
(function () {
  function drawCharts(root) {
    if (typeof Chart === 'undefined') { return; }
    root.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var data = JSON.parse(canvas.dataset.chart || '{}');
      if (canvas._chart) { canvas._chart.destroy(); }
      canvas._chart = new Chart(canvas, {
        type: 'bar',
        data: { labels: Object.keys(data), datasets: [{ label: canvas.dataset.label || '', data: Object.values(data), backgroundColor: '#c0392b' }] },
        options: { animation: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    });
  }
  function refresh() {
    var main = document.querySelector('main[data-refresh]');
    if (!main || document.activeElement && main.contains(document.activeElement) && document.activeElement.tagName !== 'A') { return; }
    fetch(window.location.href, { credentials: 'same-origin', headers: { 'X-Requested-With': 'fetch' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('main');
        if (fresh) { main.innerHTML = fresh.innerHTML; drawCharts(main); }
      })
      .catch(function () { /* offline for a moment: try again next time */ });
  }
  window.addEventListener('load', function () {
    drawCharts(document);
    var main = document.querySelector('main[data-refresh]');
    if (main) { setInterval(refresh, 1000 * parseInt(main.dataset.refresh, 10)); }
  });
})();
