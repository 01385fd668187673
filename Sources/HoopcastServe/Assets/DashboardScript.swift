/// The dashboard's one script (`/assets/app.js`), progressive enhancement only — every page works without it:
/// tables marked `sortable` sort in the browser when a column heading is clicked (headings that are links to the
/// server-sorted page are taken over; others get a button), and filter forms marked `data-autosubmit` apply a
/// choice as soon as it is made.
enum DashboardScript {
    static let text = """
        (function () {
          'use strict';

          function valueOf(row, index, numeric) {
            var cell = row.cells[index];
            if (!cell) { return null; }
            var raw = cell.getAttribute('data-value');
            if (raw === null) { raw = cell.textContent.trim(); }
            if (raw === '') { return null; }
            if (numeric) {
              var number = parseFloat(raw);
              return isNaN(number) ? null : number;
            }
            return raw.toLowerCase();
          }

          function sortBy(table, heading) {
            var body = table.tBodies[0];
            if (!body) { return; }
            var index = heading.cellIndex;
            var numeric = heading.getAttribute('data-type') === 'num';
            var current = heading.getAttribute('aria-sort');
            var direction = current === 'descending' ? 'ascending'
              : current === 'ascending' ? 'descending'
              : (numeric ? 'descending' : 'ascending');
            var rows = Array.prototype.slice.call(body.rows);
            rows.forEach(function (row, position) { row.setAttribute('data-position', String(position)); });
            rows.sort(function (a, b) {
              var x = valueOf(a, index, numeric), y = valueOf(b, index, numeric);
              if (x === null || y === null) {
                if (x === y) { return a.getAttribute('data-position') - b.getAttribute('data-position'); }
                return x === null ? 1 : -1;
              }
              var order = x < y ? -1 : x > y ? 1 : 0;
              if (order === 0) { return a.getAttribute('data-position') - b.getAttribute('data-position'); }
              return direction === 'ascending' ? order : -order;
            });
            rows.forEach(function (row) { body.appendChild(row); });
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
              cell.removeAttribute('aria-sort');
            });
            heading.setAttribute('aria-sort', direction);
          }

          function enhance(table) {
            Array.prototype.forEach.call(table.tHead.rows[0].cells, function (heading) {
              if (!heading.hasAttribute('data-type')) { return; }
              var control = heading.querySelector('a');
              if (!control) {
                control = document.createElement('button');
                control.type = 'button';
                while (heading.firstChild) { control.appendChild(heading.firstChild); }
                heading.appendChild(control);
              }
              control.addEventListener('click', function (event) {
                event.preventDefault();
                sortBy(table, heading);
              });
            });
          }

          function start() {
            Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), enhance);
            Array.prototype.forEach.call(document.querySelectorAll('form[data-autosubmit] select'), function (select) {
              select.addEventListener('change', function () { select.form.submit(); });
            });
          }

          if (document.readyState === 'loading') {
            document.addEventListener('DOMContentLoaded', start);
          } else {
            start();
          }
        }());

        """
}
