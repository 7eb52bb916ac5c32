// Two small enhancements; the site works without them.
(function () {
  var root = document.documentElement;
  var key = 'portal-elderly';
  function apply(on) {
    root.setAttribute('data-elderly', on ? 'true' : 'false');
    var button = document.querySelector('.elderly-toggle');
    if (button) { button.setAttribute('aria-pressed', on ? 'true' : 'false'); }
  }
  var stored = false;
  try { stored = localStorage.getItem(key) === 'true'; } catch (e) { stored = false; }
  apply(stored);
  document.addEventListener('DOMContentLoaded', function () {
    apply(stored);
    var button = document.querySelector('.elderly-toggle');
    if (button) {
      button.addEventListener('click', function () {
        stored = !stored;
        try { localStorage.setItem(key, String(stored)); } catch (e) { /* private mode */ }
        apply(stored);
      });
    }
    var form = document.querySelector('.filters');
    if (form && form.elements.field) {
      form.addEventListener('change', function () {
        var field = form.elements.field.value;
        document.querySelectorAll('.card-row').forEach(function (row) {
          row.hidden = field && (' ' + row.dataset.fields + ' ').indexOf(' ' + field + ' ') < 0;
        });
      });
      return;
    }
    if (form) {
      form.addEventListener('change', function () {
        var area = form.elements.area.value;
        var status = form.elements.status.value;
        document.querySelectorAll('.card').forEach(function (card) {
          card.hidden = (area && card.dataset.area !== area) || (status && card.dataset.status !== status);
        });
      });
    }
  });
})();
