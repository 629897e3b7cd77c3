// Shows an e-form question only while the answer it depends on holds (data-show-when: the controlling input's
// id; data-show-equals: the value it must have, any value when absent). The server applies the same rule.
(function () {
  function value(input) {
    if (!input) return '';
    if (input.type === 'checkbox') return input.checked ? 'true' : '';
    return input.value.trim();
  }
  function update() {
    document.querySelectorAll('[data-show-when]').forEach(function (field) {
      var v = value(document.getElementById(field.getAttribute('data-show-when')));
      var wanted = field.getAttribute('data-show-equals');
      var shown = v !== '' && (wanted === null || wanted === v);
      field.hidden = !shown;
      field.querySelectorAll('input, select, textarea').forEach(function (i) { i.disabled = !shown; });
    });
  }
  document.addEventListener('DOMContentLoaded', function () {
    update();
    document.addEventListener('change', update);
    document.addEventListener('input', update);
  });
})();
