// Selecting rows for the bulk bar: click a row's box, shift-click to select a range, Space on a
// focused row toggles it; the bar shows while something is selected. The selection is kept by task
// id, so a row that live updates replace keeps its tick. Without this file the boxes and the bar
// still work (a form post that loads the list again); this adds ranges, the keyboard and the count, and
// sends the bar in place: the list is loaded again where it is, the result is said in a toast with its
// Undo, and the selection, what is typed into the bar and focus stay. Also removes an Undo toast once its
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
  // how long a toast without Undo ("Reopened 3 tasks.") stays, in milliseconds
  var NOTE_TOAST_STAYS = 8000;

  function trimToasts() {
    var toasts = document.querySelectorAll("#toasts .undo-toast");
    for (var i = 0; i < toasts.length - UNDO_TOASTS_KEPT; i++) {
      toasts[i].remove();
    }
  }

  document.addEventListener("htmx:oobAfterSwap", trimToasts);

  // ---- The bar and its Undo sent in place ----

  var sending = false;

  function bar() {
    return document.querySelector("[data-bulk-bar]");
  }

  function csrfHeaders(headers) {
    try {
      var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      Object.keys(csrf).forEach(function (name) { headers[name] = csrf[name]; });
    } catch (ignored) { /* the form's own _csrf field still goes */ }
    return headers;
  }

  /** Why a request failed, in words, for a status that carries no message of its own. */
  function failure(status) {
    return status === 403 || status === 401
      ? "Your session has expired, so nothing was done. Reload the page and sign in again."
      : status === 503
        ? "TaskFlow is unavailable for a moment, so nothing was done. Try again shortly."
        : "That did not work (error " + status + "), so nothing was done. Try again, or reload the page.";
  }

  /**
   * Posts {@code fields} to the bulk endpoint asking for JSON; resolves with what was done, or rejects with
   * {@code {message, field}} saying why not.
   */
  function post(url, fields) {
    return fetch(url, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: csrfHeaders({ "Accept": "application/json" }),
      credentials: "same-origin"
    }).then(function (response) {
      var type = response.headers.get("Content-Type") || "";
      // an expired session is sent to the sign-in page, which answers 200 with HTML
      if (type.indexOf("json") < 0) {
        throw { message: failure(new URL(response.url, location.href).pathname === "/login" ? 401 : response.status) };
      }
      return response.json().then(function (body) {
        if (!response.ok) {
          throw { message: body.detail || failure(response.status), field: body.field || "" };
        }
        return body;
      });
    }, function () {
      throw { message: "TaskFlow cannot be reached, so nothing was done. Check your connection and try again." };
    });
  }

  function showError(problem) {
    var form = bar();
    clearError(form);
    var error = document.createElement("p");
    error.className = "field-error";
    error.id = "bulk-error";
    error.setAttribute("role", "alert");
    error.textContent = problem.message;
    form.appendChild(error);
    var field = problem.field ? form.querySelector("[name='" + problem.field + "']:not([type=hidden])") : null;
    if (field) {
      field.setAttribute("aria-invalid", "true");
      field.setAttribute("aria-describedby", "bulk-error");
      field.focus();
    }
    render();
  }

  function clearError(form) {
    if (!form) {
      return;
    }
    var error = form.querySelector("#bulk-error");
    if (error) {
      error.remove();
    }
    form.querySelectorAll("[aria-invalid]").forEach(function (field) {
      field.removeAttribute("aria-invalid");
      field.removeAttribute("aria-describedby");
    });
  }

  function hidden(name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    return input;
  }

  /** The result as a toast; with an Undo form (sent in place too) when it can be undone. */
  function toast(outcome) {
    var toasts = document.querySelector("[data-toasts]");
    if (!toasts) {
      return;
    }
    var item = document.createElement("div");
    item.className = "toast undo-toast";
    var text = document.createElement("span");
    text.textContent = outcome.message;
    item.appendChild(text);
    if (outcome.undo) {
      var form = document.createElement("form");
      form.setAttribute("method", "post");
      form.setAttribute("action", "/tasks/bulk");
      form.className = "inline";
      form.setAttribute("data-bulk-undo", "");
      form.appendChild(hidden("action", outcome.undo.action));
      form.appendChild(hidden("tag", outcome.undo.tag));
      outcome.undo.ids.forEach(function (id) { form.appendChild(hidden("ids", id)); });
      outcome.undo.previous.forEach(function (entry) { form.appendChild(hidden("previous", entry)); });
      var back = document.querySelector("[data-bulk-bar] input[name=back]");
      form.appendChild(hidden("back", back ? back.value : ""));
      var token = document.querySelector("[data-bulk-bar] input[name=_csrf]");
      if (token) {
        form.appendChild(hidden("_csrf", token.value));
      }
      var undo = document.createElement("button");
      undo.type = "submit";
      undo.className = "link";
      undo.textContent = "Undo";
      undo.setAttribute("aria-label", "Undo: " + outcome.message);
      form.appendChild(undo);
      item.appendChild(form);
    }
    else {
      setTimeout(function () { item.remove(); }, NOTE_TOAST_STAYS);
    }
    toasts.appendChild(item);
    trimToasts();
  }

  function rowIndexes(ids) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("#task-results li.task[id^='task-']"));
    return rows.map(function (row, index) { return ids.indexOf(row.id.replace("task-", "")) >= 0 ? index : -1; })
      .filter(function (index) { return index >= 0; });
  }

  /**
   * Where focus goes once the list is in again: it stays on the bar while the bar shows (something is still
   * selected); otherwise on the first of {@code ids} still listed, or the row now where the first of them
   * was, or the quick-add field when the list is empty.
   */
  function settleFocus(ids, formerIndex, keepOnBar) {
    render();
    var form = bar();
    if (keepOnBar && form && !form.hidden && form.contains(document.activeElement)) {
      return;
    }
    var rows = Array.prototype.slice.call(document.querySelectorAll("#task-results li.task[id^='task-']"));
    var still = rows.filter(function (row) { return ids.indexOf(row.id.replace("task-", "")) >= 0; });
    var target = still[0] || (rows.length ? rows[Math.min(Math.max(formerIndex, 0), rows.length - 1)] : null);
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: "nearest" });
    }
    else if (document.getElementById("new-title")) {
      document.getElementById("new-title").focus();
    }
  }

  function sendInPlace(form, submitter) {
    var fields = new FormData(form);
    if (submitter && submitter.name) {
      fields.append(submitter.name, submitter.value);
    }
    var fromBar = form.matches("[data-bulk-bar]");
    var ids = fields.getAll("ids");
    var formerIndex = Math.min.apply(null, rowIndexes(ids).concat([Infinity]));
    var toastOfUndo = fromBar ? null : form.closest(".toast");
    sending = true;
    form.setAttribute("aria-busy", "true");
    // the attribute: form.action would be the bar's buttons named "action"
    post(form.getAttribute("action"), fields)
      .then(function (outcome) {
        clearError(bar());
        if (toastOfUndo) {
          toastOfUndo.remove();
        }
        toast(outcome);
        if (window.TaskFlow.refreshMenu) {
          window.TaskFlow.refreshMenu();
        }
        return window.TaskFlow.reloadResults().then(function () {
          settleFocus(ids, formerIndex, fromBar);
        });
      })
      .catch(function (problem) {
        if (fromBar && bar()) {
          showError(problem);
        }
        else {
          var notice = document.getElementById("live-notice");
          if (notice) {
            notice.textContent = problem.message || failure(0);
            notice.hidden = false;
          }
        }
      })
      .then(function () {
        sending = false;
        form.removeAttribute("aria-busy");
      });
  }

  // The bar and the Undo of its toasts go by fetch when the page's scripts are all there; the form post
  // is what runs without them.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-bulk-bar], form[data-bulk-undo]") || !window.fetch
        || !window.TaskFlow || !window.TaskFlow.reloadResults) {
      return;
    }
    event.preventDefault();
    if (!sending) {
      sendInPlace(form, event.submitter);
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
