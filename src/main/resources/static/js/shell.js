// The shell's enhancements: theme switch, keyboard shortcuts, focus kept on the task after every
// action, the row menu on phones, and the service worker of the installable app. Every page works
// without this file.
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  // ---- Theme: flip in place and remember it in the same cookie the no-script form sets ----

  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function effectiveTheme() {
    var chosen = root.getAttribute("data-theme");
    if (chosen === "light" || chosen === "dark") {
      return chosen;
    }
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }

  function syncThemeSwitch() {
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    var text = "Switch to the " + next + " theme";
    document.querySelectorAll("[data-theme-next]").forEach(function (input) { input.value = next; });
    document.querySelectorAll("[data-theme-toggle]").forEach(function (button) { button.title = text; });
    document.querySelectorAll("[data-theme-label]").forEach(function (label) { label.textContent = text; });
  }

  function toggleTheme() {
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", next);
    document.cookie = "taskflow-theme=" + next + "; path=/; max-age=31536000; samesite=lax";
    syncThemeSwitch();
  }

  if (darkQuery && darkQuery.addEventListener) {
    darkQuery.addEventListener("change", syncThemeSwitch);
  }

  // ---- Task rows ----

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll("#task-results li.task[id^='task-']"));
  }

  var lastRowId = null;

  function currentRow() {
    var active = document.activeElement;
    var row = active && active.closest ? active.closest("li.task[id^='task-']") : null;
    if (row) {
      return row;
    }
    var remembered = lastRowId && document.getElementById(lastRowId);
    return remembered && remembered.matches("#task-results li.task") ? remembered : null;
  }

  function focusRow(row) {
    if (!row) {
      return;
    }
    lastRowId = row.id;
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: "nearest" });
  }

  function moveRow(step) {
    var list = rows();
    if (!list.length) {
      return;
    }
    var index = list.indexOf(currentRow());
    var next = index < 0 ? (step > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, index + step));
    focusRow(list[next]);
  }

  // What to focus once htmx has swapped the row (or page) an action came from.
  var pending = null;
  var editField = null;

  function editRow(field) {
    var row = currentRow();
    var edit = row && row.querySelector(".actions a[href*='/edit']");
    if (edit) {
      editField = field;
      edit.click();
    }
  }

  document.addEventListener("htmx:beforeRequest", function (event) {
    var origin = event.detail.elt;
    if (!origin || !origin.closest) {
      return;
    }
    // the quick-add form's own submit; not the field's preview requests, whose late answer would
    // otherwise pull focus back into the field after the person has left it (Esc)
    if (origin.matches && origin.matches("form.quick-add")) {
      pending = { quickAdd: true, xhr: event.detail.xhr };
      return;
    }
    var row = origin.closest("#task-results li.task[id^='task-']");
    if (row) {
      pending = { id: row.id, index: rows().indexOf(row), field: editField, xhr: event.detail.xhr };
      editField = null;
      return;
    }
    // an Undo toast's Undo: back to the task it brings back (reopened or restored)
    var toast = origin.closest(".undo-toast[data-undo-for]");
    if (toast) {
      var id = "task-" + toast.getAttribute("data-undo-for");
      pending = { id: id, index: rows().findIndex(function (r) { return r.id === id; }), xhr: event.detail.xhr };
    }
  });

  // Only the answer to the request that set it: a live refresh of the list (another tab's change, or
  // this one's own pushed back) can settle first, and must neither take the focus nor use up the flag.
  document.addEventListener("htmx:afterSettle", function (event) {
    if (!pending || (pending.xhr && event.detail && event.detail.xhr !== pending.xhr)) {
      return;
    }
    var wanted = pending;
    pending = null;
    if (wanted.quickAdd) {
      var field = document.getElementById("new-title");
      if (field) {
        field.focus();
      }
      return;
    }
    var row = document.getElementById(wanted.id);
    if (row && row.classList.contains("editing")) {
      // an editor sent back with errors: its first refused field; otherwise the field the key asked for
      var input = firstInvalidField(row)
        || row.querySelector(wanted.field === "tags" ? "input[name=tags]" : "input[name=title]");
      if (input) {
        input.focus();
        // the caret at the end, ready to add to what is there (e, #)
        if (typeof input.selectionStart === "number") {
          input.setSelectionRange(input.value.length, input.value.length);
        }
      }
      return;
    }
    if (row) {
      focusRow(row);
      return;
    }
    // the row is gone (deleted, or no longer in this view): the one that took its place
    var list = rows();
    if (wanted.index >= 0) {
      focusRow(list[Math.min(wanted.index, list.length - 1)]);
    }
  });

  // The counts in the views menu after a change made here or elsewhere (another tab, the API).
  var menuTimer = null;

  function refreshMenu() {
    clearTimeout(menuTimer);
    menuTimer = setTimeout(function () {
      var menu = document.getElementById("views-menu");
      if (!menu) {
        return;
      }
      fetch(location.href, { headers: { "Accept": "text/html" } })
        .then(function (response) { return response.ok ? response.text() : null; })
        .then(function (html) {
          var fresh = html && new DOMParser().parseFromString(html, "text/html").getElementById("views-menu");
          var current = document.getElementById("views-menu");
          if (fresh && current && !current.contains(document.activeElement)) {
            var menu = document.importNode(fresh, true);
            current.replaceWith(menu);
            // the saved views' counts load after the menu (hx-trigger="load"), which htmx sees only once told
            if (window.htmx) {
              htmx.process(menu);
            }
          }
        })
        .catch(function () { /* offline: the next change tries again */ });
    }, 600);
  }

  document.addEventListener("htmx:afterRequest", function (event) {
    if (event.detail.successful && event.detail.requestConfig && event.detail.requestConfig.verb !== "get") {
      refreshMenu();
    }
  });
  window.TaskFlow = window.TaskFlow || {};
  window.TaskFlow.refreshMenu = refreshMenu;

  // ---- Panels ----

  function openShortcuts() {
    var sheet = document.getElementById("shortcuts");
    if (sheet && !sheet.open && sheet.showModal) {
      // closing the sheet (Esc, its × button) gives focus back to what opened it: the button, a task row …
      var active = document.activeElement;
      var opener = active && active !== document.body ? active : document.querySelector("[data-open-shortcuts]");
      sheet.addEventListener("close", function () {
        if (opener && opener.isConnected && !opener.hidden) {
          opener.focus();
        }
      }, { once: true });
      sheet.showModal();
    }
  }

  function openSearch() {
    var panel = document.querySelector(".filter-panel");
    var search = document.getElementById("q");
    if (panel && search) {
      panel.open = true;
      search.focus();
      search.select();
    }
  }

  function focusQuickAdd() {
    var field = document.getElementById("new-title");
    if (field) {
      field.focus();
      field.select();
    }
    else {
      location.href = "/tasks#new-title";
    }
  }

  /** Esc: closes the innermost open thing — a row menu, the notifications, the filters, an inline editor. */
  function closePanels(event) {
    if (document.querySelector("dialog[open]")) {
      return; // the dialog closes itself
    }
    var badge = document.querySelector(".notification-badge[aria-expanded=true]");
    if (badge) {
      badge.click();
      badge.focus();
      event.preventDefault();
      return;
    }
    var opened = document.querySelector("li.task.show-actions");
    if (opened) {
      showActions(opened, false);
      focusRow(opened);
      event.preventDefault();
      return;
    }
    var active = document.activeElement;
    var editing = active && active.closest && active.closest("li.task.editing");
    if (editing) {
      var cancel = editing.querySelector(".buttons a");
      if (cancel) {
        pending = { id: editing.id, index: rows().indexOf(editing) };
        cancel.click();
        event.preventDefault();
      }
      return;
    }
    var filters = active && active.closest && active.closest(".filter-panel[open]");
    if (filters) {
      filters.open = false;
      filters.querySelector("summary").focus();
      event.preventDefault();
      return;
    }
    if (active && active.id === "new-title") {
      active.blur();
      event.preventDefault();
    }
  }

  /** Typing into a field, where keys are text; a checkbox or radio button takes no text (Space still ticks it). */
  function isTyping(target) {
    if (!target) {
      return false;
    }
    if (target.tagName === "INPUT") {
      return !/^(checkbox|radio)$/.test(target.type);
    }
    return target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName);
  }

  /** The first field in {@code scope} that the server refused (aria-invalid), if any. */
  function firstInvalidField(scope) {
    return scope.querySelector("input[aria-invalid=true]:not([type=hidden]), select[aria-invalid=true], "
      + "textarea[aria-invalid=true]");
  }

  function go(url) {
    location.href = url;
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    if (event.key === "Escape") {
      if (pending && pending.quickAdd) {
        pending = null; // the person left the field before the answer came: do not pull them back in
      }
      closePanels(event);
      return;
    }
    if (isTyping(event.target) || document.querySelector("dialog[open]")) {
      return;
    }
    var row;
    switch (event.key) {
      case "q":
      case "n":
        focusQuickAdd();
        break;
      case "/":
        openSearch();
        break;
      case "j":
        moveRow(1);
        break;
      case "k":
        moveRow(-1);
        break;
      case "x":
        row = currentRow();
        if (row) {
          row.querySelector(".check").click();
        }
        break;
      case "e":
        editRow("title");
        break;
      case "#":
        editRow("tags");
        break;
      case "t":
        go("/tasks?view=today");
        break;
      case "u":
        go("/tasks?view=upcoming");
        break;
      case "i":
        go("/tasks");
        break;
      case "?":
        openShortcuts();
        break;
      default:
        return;
    }
    event.preventDefault();
  });

  // ---- Row menu on phones: the ⋯ button or a long press shows the row's actions ----

  function showActions(row, show) {
    row.classList.toggle("show-actions", show);
    var more = row.querySelector(".row-more");
    if (more) {
      more.setAttribute("aria-expanded", String(show));
    }
  }

  var pressTimer = null;

  document.addEventListener("pointerdown", function (event) {
    var row = event.pointerType === "touch" && event.target.closest ? event.target.closest("li.task[id^='task-']") : null;
    if (!row || event.target.closest("a, button, input, select, textarea")) {
      return;
    }
    clearTimeout(pressTimer);
    pressTimer = setTimeout(function () {
      showActions(row, !row.classList.contains("show-actions"));
    }, 500);
  });
  ["pointerup", "pointercancel", "pointermove"].forEach(function (type) {
    document.addEventListener(type, function () { clearTimeout(pressTimer); });
  });

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) {
      return;
    }
    var more = target.closest(".row-more");
    if (more) {
      var row = more.closest("li.task");
      showActions(row, !row.classList.contains("show-actions"));
      return;
    }
    if (target.closest("[data-theme-toggle]")) {
      event.preventDefault();
      toggleTheme();
      return;
    }
    if (target.closest("[data-open-shortcuts]")) {
      openShortcuts();
      return;
    }
    var row2 = target.closest("#task-results li.task[id^='task-']");
    if (row2) {
      lastRowId = row2.id;
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    syncThemeSwitch();
    // a form sent back with errors: focus on the first refused field (or the one the page autofocuses, if refused)
    var invalid = document.querySelector("[autofocus][aria-invalid=true]") || firstInvalidField(document);
    if (invalid) {
      invalid.focus();
    }
    document.querySelectorAll("[data-open-shortcuts]").forEach(function (button) { button.hidden = false; });
    if (location.hash === "#new-title") {
      focusQuickAdd();
    }
    if ("serviceWorker" in navigator && location.protocol !== "file:") {
      navigator.serviceWorker.register("/sw.js").catch(function () { /* the app works without it */ });
    }
  });
})();
