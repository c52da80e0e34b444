// Selecting rows for the bulk bar: click a row's box, shift-click to select a range, Space on a
// focused row toggles it; the bar shows while something is selected. The selection is kept by task
// id, so a row that live updates replace keeps its tick. Without this file the boxes and the bar
// still work; this only adds ranges, the keyboard and the count. Also removes an Undo toast once its
// Undo has gone through.
(function () {
  "use strict";

  var selected = new Set();
  var lastId = null;

  function boxes() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-bulk-select]"));
  }

  function remember(box) {
    if (box.checked) {
      selected.add(box.value);
    } else {
      selected.delete(box.value);
    }
  }

  function render() {
    var all = boxes();
    all.forEach(function (box) {
      box.checked = selected.has(box.value);
      var row = box.closest("li");
      if (row) {
        row.classList.toggle("selected", box.checked);
      }
    });
    var count = all.filter(function (box) { return box.checked; }).length;
    var label = document.querySelector("[data-bulk-count]");
    var bar = document.querySelector("[data-bulk-bar]");
    if (!label || !bar) {
      return;
    }
    var text = count === 0 ? "With the selected tasks:" : count + " selected:";
    if (label.textContent !== text) {
      label.textContent = text;
    }
    bar.classList.toggle("has-selection", count > 0);
    // with scripts on, the bar shows only while something is selected (or while it says what went wrong)
    bar.hidden = count === 0 && !bar.querySelector("#bulk-error");
  }

  document.addEventListener("click", function (event) {
    var box = event.target.closest ? event.target.closest("[data-bulk-select]") : null;
    if (!box) {
      return;
    }
    var all = boxes();
    var from = all.findIndex(function (other) { return other.value === lastId; });
    if (event.shiftKey && from >= 0 && lastId !== box.value) {
      var to = all.indexOf(box);
      for (var i = Math.min(from, to); i <= Math.max(from, to); i++) {
        all[i].checked = box.checked;
        remember(all[i]);
      }
    }
    remember(box);
    lastId = box.value;
    render();
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
      remember(box);
      lastId = box.value;
      render();
    }
  });

  // Enter in the bar's tag or date field does what the field is for (Add tag, Reschedule); on a row's box,
  // nothing. Left to the browser, it would press the form's default button, which only asks what to do.
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || !field.matches || !field.matches("[data-bulk-bar] input, input[form=bulk-form]")) {
      return;
    }
    event.preventDefault();
    var group = field.closest(".bulk-group");
    var button = group && group.querySelector("button[type=submit]");
    if (button) {
      button.click();
    }
  });

  // The boxes sent are the ones ticked now, whatever live updates did to the rows a moment ago.
  document.addEventListener("submit", function (event) {
    if (event.target.matches && event.target.matches("[data-bulk-bar]")) {
      render();
    }
  }, true);

  // Only the newest Undo toasts stay: a run of completions should not pile up a column of them.
  var UNDO_TOASTS_KEPT = 3;
  document.addEventListener("htmx:oobAfterSwap", function () {
    var toasts = document.querySelectorAll("#toasts .undo-toast");
    for (var i = 0; i < toasts.length - UNDO_TOASTS_KEPT; i++) {
      toasts[i].remove();
    }
  });

  // An Undo toast goes once its Undo has been answered.
  document.addEventListener("htmx:afterRequest", function (event) {
    var toast = event.target.closest ? event.target.closest(".undo-toast") : null;
    if (toast && event.detail.successful) {
      toast.remove();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    boxes().forEach(remember);
    render();
    var pending = false;
    // rows come and go (htmx swaps, live updates): tick them again from the selection. The whole body
    // is watched: quick add swaps <main> itself, and an observer on the old one would see nothing after
    new MutationObserver(function () {
      if (!pending) {
        pending = true;
        requestAnimationFrame(function () {
          pending = false;
          render();
        });
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}());
