// Selecting rows for the bulk bar: click a row's box, shift-click to select a range, Space on a
// focused row toggles it; the bar shows while something is selected. Without this file the boxes
// and the bar still work; this only adds ranges, the keyboard and the count. Also removes an Undo
// toast once its Undo has gone through.
(function () {
  "use strict";

  var last = null;

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-bulk-select]"));
  }

  function showCount() {
    var count = boxes().filter(function (box) { return box.checked; }).length;
    var label = document.querySelector("[data-bulk-count]");
    var bar = document.querySelector("[data-bulk-bar]");
    if (!label || !bar) {
      return;
    }
    label.textContent = count === 0 ? "With the selected tasks:" : count + " selected:";
    bar.classList.toggle("has-selection", count > 0);
    // with scripts on, the bar shows only while something is selected
    bar.hidden = count === 0;
    boxes().forEach(function (box) {
      var row = box.closest("li");
      if (row) {
        row.classList.toggle("selected", box.checked);
      }
    });
  }

  document.addEventListener("click", function (event) {
    var box = event.target.closest ? event.target.closest("[data-bulk-select]") : null;
    if (!box) {
      return;
    }
    if (event.shiftKey && last && last !== box && last.isConnected) {
      var all = boxes();
      var from = all.indexOf(last);
      var to = all.indexOf(box);
      var start = Math.min(from, to);
      var end = Math.max(from, to);
      for (var i = start; i <= end; i++) {
        all[i].checked = box.checked;
      }
    }
    last = box;
    showCount();
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-bulk-select]")) {
      showCount();
    }
  });

  // Space on a focused row (not in a field or on a button) toggles its box.
  document.addEventListener("keydown", function (event) {
    if (event.key !== " " || !event.target.matches || !event.target.matches("li.task")) {
      return;
    }
    var box = event.target.querySelector("[data-bulk-select]");
    if (box) {
      event.preventDefault();
      box.checked = !box.checked;
      last = box;
      showCount();
    }
  });

  // An Undo toast goes once its Undo has been answered.
  document.addEventListener("htmx:afterRequest", function (event) {
    var toast = event.target.closest ? event.target.closest(".undo-toast") : null;
    if (toast && event.detail.successful) {
      toast.remove();
    }
  });

  document.addEventListener("htmx:afterSwap", showCount);
  document.addEventListener("DOMContentLoaded", showCount);
}());
