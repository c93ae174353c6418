// daxray serve: drag across the histogram to zoom to that time range. The only script of the
// page, loaded as a file (CSP script-src 'self'); every bar is also a plain link, so the page
// works without it and from the keyboard.
'use strict';
(function () {
  function zoomable(svg) {
    var from = Number(svg.getAttribute('data-from'));
    var to = Number(svg.getAttribute('data-to'));
    var base = svg.getAttribute('data-base') || '/';
    var sel = svg.querySelector('#hsel');
    var width = svg.viewBox.baseVal.width;
    var start = null;
    var dragged = false;

    function x(event) {
      var box = svg.getBoundingClientRect();
      var f = (event.clientX - box.left) / box.width;
      return Math.max(0, Math.min(1, f)) * width;
    }
    function iso(fraction) {
      return new Date(Math.round(from + fraction * (to - from))).toISOString().replace('.000Z', 'Z');
    }
    svg.addEventListener('mousedown', function (event) {
      if (event.button !== 0) { return; }
      event.preventDefault();
      start = x(event);
      dragged = false;
    });
    window.addEventListener('mousemove', function (event) {
      if (start === null) { return; }
      var now = x(event);
      if (Math.abs(now - start) > 3) { dragged = true; }
      sel.setAttribute('x', String(Math.min(start, now)));
      sel.setAttribute('width', String(Math.abs(now - start)));
    });
    window.addEventListener('mouseup', function (event) {
      if (start === null) { return; }
      var end = x(event);
      var a = Math.min(start, end) / width;
      var b = Math.max(start, end) / width;
      start = null;
      if (!dragged) { sel.setAttribute('width', '0'); return; }
      var url = base + (base.indexOf('?') < 0 ? '?' : '&') + 'since=' + encodeURIComponent(iso(a)) +
        '&until=' + encodeURIComponent(iso(b));
      window.location.assign(url);
    });
    // A drag that ends on a bar must not also follow that bar's link.
    svg.addEventListener('click', function (event) {
      if (dragged) { event.preventDefault(); dragged = false; }
    }, true);
  }
  document.addEventListener('DOMContentLoaded', function () {
    var svg = document.getElementById('histogram');
    if (svg) { zoomable(svg); }
  });
}());
