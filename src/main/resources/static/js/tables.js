// Tables become stacked cards on phones (docs/architecture.md, Pages): each cell is labelled with its column's
// heading, and CSS under 576 px lays a row out as a card. Tables loaded later by htmx are labelled as they arrive.
(function () {
  function label(root) {
    root.querySelectorAll('table.table:not(.table-nostack)').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead tr:first-child th'), function (th) {
        return th.textContent.trim();
      });
      if (heads.length === 0) {
        return;
      }
      table.classList.add('table-stack');
      table.querySelectorAll('tbody tr, tfoot tr').forEach(function (tr) {
        var column = 0;
        Array.prototype.forEach.call(tr.children, function (cell) {
          if (!cell.hasAttribute('data-label')) {
            cell.setAttribute('data-label', heads[column] || '');
          }
          column += cell.colSpan || 1;
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', function () { label(document); });
  document.addEventListener('htmx:afterSwap', function (e) { label(e.target); });
})();
