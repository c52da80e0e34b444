// Small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  function showProblem(text) {
    var notice = document.getElementById("live-notice");
    if (notice) {
      notice.textContent = text;
      notice.hidden = false;
    }
  }

  document.addEventListener("htmx:beforeRequest", function () {
    var notice = document.getElementById("live-notice");
    if (notice) {
      notice.hidden = true;
    }
  });

  // htmx leaves the page as it is when a request fails; say so instead of failing silently.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    showProblem(status === 404
      ? "That task no longer exists. Reload the page to see your current list."
      : status === 403
        ? "Your session has expired. Reload the page and sign in again."
        : status === 503
          ? "TaskFlow is unavailable for a moment, so that was not done. Try again shortly."
          : "That did not work (error " + status + "). Reload the page and try again.");
  });
  document.addEventListener("htmx:sendError", function () {
    showProblem("TaskFlow cannot be reached. Check your connection and try again.");
  });

  // An expired session answers an htmx request with the sign-in page: go there instead of swapping it in.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var url = event.detail.xhr.responseURL || "";
    if (new URL(url, location.href).pathname === "/login") {
      event.detail.shouldSwap = false;
      location.href = "/login";
    }
  });

  // Live updates on the task list: one EventSource on /api/stream per page. A task changed in another
  // tab or on another device refreshes the list, so that it matches its view: a task that no longer
  // belongs leaves, one that now does comes in, as a new one does; a new notification pops up as a toast
  // and updates the unread count.
  var TASK_EVENTS = ["task.created", "task.updated", "task.completed", "task.reopened", "task.deleted", "task.restored"];
  // milliseconds before opening a refused stream again, doubling up to the longest
  var LIVE_RETRY_FIRST = 5000;
  var LIVE_RETRY_LONGEST = 60000;
  var listTimer = null;

  function rowsIn(scope) {
    return Array.prototype.slice.call(scope.querySelectorAll("li.task[id^='task-']"));
  }

  // The control in a fresh copy of a row that stands where {@code control} stood in the old one (its
  // selection box, its Edit link …): the same tag, name and first class (later ones say a state, such as
  // the priority, that the change may have changed), the same place among those; the row itself when
  // there is none (or when the row itself had focus).
  function twinIn(freshRow, oldRow, control) {
    if (!control || control === oldRow) {
      return freshRow;
    }
    var kind = control.tagName + (control.name ? "[name='" + control.name + "']" : "")
      + (control.classList.length ? "." + control.classList[0] : "");
    var index = Array.prototype.indexOf.call(oldRow.querySelectorAll(kind), control);
    var twin = index >= 0 ? freshRow.querySelectorAll(kind)[index] : null;
    return twin || freshRow;
  }

  // Moving a field out of the page and back loses focus; its caret is put back where it was.
  function caretOf(field) {
    try {
      return typeof field.selectionStart === "number" ? [field.selectionStart, field.selectionEnd] : null;
    } catch (notText) { // a date field or a checkbox has no caret
      return null;
    }
  }

  function restoreCaret(field, caret) {
    if (caret) {
      try {
        field.setSelectionRange(caret[0], caret[1]);
      } catch (notText) { /* the field no longer takes one */ }
    }
  }

  function activate(element) {
    if (window.htmx) {
      window.htmx.process(element);
    }
  }

  // Fetches this page again and swaps in its results; rows being edited here are kept as they are.
  // Tasks the page was told about but did not show; a refresh for them is skipped when they appear
  // meanwhile (a quick add here: the event can overtake the page's own answer).
  var awaited = {};
  var refreshAll = false;

  function refreshList(taskId) {
    if (taskId === undefined) {
      refreshAll = true;
    }
    else {
      awaited[taskId] = true;
    }
    clearTimeout(listTimer);
    listTimer = setTimeout(function () {
      var waiting = Object.keys(awaited);
      var all = refreshAll;
      awaited = {};
      refreshAll = false;
      if (!all && waiting.every(function (id) { return document.getElementById("task-" + id); })) {
        return;
      }
      reloadResults().catch(function () { /* offline: the next event or reconnect tries again */ });
    }, 250);
  }

  /**
   * Fetches this page again and swaps in its results now; resolves once they are in (or the page cannot
   * be had). Also what the bulk bar (bulk.js) calls after an action.
   */
  function reloadResults() {
    return fetch(location.href, { headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var current = document.getElementById("task-results");
        var parsed = html && new DOMParser().parseFromString(html, "text/html").getElementById("task-results");
        if (!current || !parsed) {
          return;
        }
        // a row action still on its way (delete, complete) needs its row in the page for its answer:
        // look again once it is through
        if (current.querySelector(".htmx-request")) {
          refreshList();
          return;
        }
        var fresh = document.importNode(parsed, true);
        // focus stays where it was: on the same element if kept (an open editor, the bulk bar), else on
        // the same control of the same row, else on the row that took its place (a completed task leaves
        // a list of pending ones when its next instance arrives)
        var focused = current.contains(document.activeElement) ? document.activeElement : null;
        var focusedRow = focused && focused.closest("li.task[id]");
        var focusedIndex = focusedRow ? rowsIn(current).indexOf(focusedRow) : -1;
        var caret = focused && caretOf(focused);
        current.querySelectorAll("li.editing").forEach(function (editing) {
          var twin = fresh.querySelector("#" + editing.id);
          if (twin) {
            twin.replaceWith(editing);
          }
        });
        // the bulk bar too, with what is being typed into it; its boxes are ticked again by bulk.js
        var bar = current.querySelector("#bulk-form");
        var freshBar = fresh.querySelector("#bulk-form");
        if (bar && freshBar) {
          freshBar.replaceWith(bar);
        }
        current.replaceWith(fresh);
        activate(fresh);
        if (focused && focused.isConnected) {
          focused.focus({ preventScroll: true });
          restoreCaret(focused, caret);
        }
        else if (focusedRow) {
          var row = document.getElementById(focusedRow.id);
          var rows = rowsIn(fresh);
          if (row) {
            twinIn(row, focusedRow, focused).focus({ preventScroll: true });
          }
          else if (rows.length) {
            rows[Math.min(focusedIndex, rows.length - 1)].focus({ preventScroll: true });
          }
        }
      });
  }

  // Whether the row already shows the change (or a later one): the answer to this page's own action, such
  // as a completion, arrives before its event, and the row stays as that answer left it.
  function shows(row, change) {
    var version = Number(row.getAttribute("data-version"));
    return version > 0 && typeof change.sequence === "number" && change.sequence <= version;
  }

  function onTaskChange(event) {
    var change = JSON.parse(event.data);
    if (window.TaskFlow && window.TaskFlow.refreshMenu) {
      window.TaskFlow.refreshMenu();
    }
    var row = document.getElementById("task-" + change.task_id);
    if (!row) {
      if (change.event_type !== "task.deleted") {
        refreshList(change.task_id);
      }
      return;
    }
    // a row being edited stays; so does one whose own request (delete, complete) is still on its way,
    // or its answer, such as the "Deleted" confirmation, would have nowhere to go
    if (row.classList.contains("editing") || row.querySelector(".htmx-request") || shows(row, change)) {
      return;
    }
    if (change.event_type === "task.deleted") {
      row.remove();
      var list = document.getElementById("task-list");
      if (list && !list.querySelector("li")) {
        refreshList();
      }
      return;
    }
    // changed elsewhere: the page decides again whether the task belongs to this view (re-dated out of
    // Today, tagged out of a saved view …) and where it goes (the order, Upcoming's days)
    refreshList();
  }

  function apiHeaders() {
    var headers = { "Accept": "application/json" };
    try {
      var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      Object.keys(csrf).forEach(function (name) { headers[name] = csrf[name]; });
    } catch (ignored) { /* no token: GETs still work */ }
    return headers;
  }

  function api(method, url) {
    return fetch(url, { method: method, headers: apiHeaders() })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  function refreshUnread() {
    api("GET", "/api/notifications/unread-count").then(function (body) {
      var box = document.querySelector("[data-notifications]");
      if (!body || !box) {
        return;
      }
      box.hidden = false;
      box.querySelector("[data-unread-count]").textContent = String(body.unread_count);
      box.querySelector(".notification-badge").setAttribute("aria-label",
        "Notifications, " + body.unread_count + " unread");
      box.classList.toggle("has-unread", body.unread_count > 0);
      document.dispatchEvent(new CustomEvent("taskflow:unread", { detail: { count: body.unread_count } }));
      var panel = box.querySelector(".notification-panel");
      if (panel && !panel.hidden) {
        loadNotifications(panel);
      }
    });
  }

  document.addEventListener("taskflow:refresh-unread", refreshUnread);
  window.TaskFlow = window.TaskFlow || {};
  window.TaskFlow.reloadResults = reloadResults;

  function loadNotifications(panel) {
    api("GET", "/api/notifications?limit=10").then(function (page) {
      if (!page) {
        return;
      }
      var list = panel.querySelector("[data-notification-list]");
      list.textContent = "";
      page.items.forEach(function (item) {
        var entry = document.createElement("li");
        entry.className = item.read ? "read" : "unread";
        var message = document.createElement("span");
        message.textContent = item.message;
        var when = document.createElement("time");
        when.dateTime = item.created_at;
        when.textContent = window.TaskFlow ? window.TaskFlow.displayMoment(item.created_at)
          : new Date(item.created_at).toISOString();
        entry.appendChild(message);
        entry.appendChild(when);
        if (!item.read) {
          var read = document.createElement("button");
          read.type = "button";
          read.className = "link";
          read.textContent = "Mark as read";
          read.addEventListener("click", function () {
            api("POST", "/api/notifications/" + item.id + "/read").then(refreshUnread);
          });
          entry.appendChild(read);
        }
        list.appendChild(entry);
        // notification-actions.js adds the task link, Snooze and Complete
        document.dispatchEvent(new CustomEvent("taskflow:notification-shown", { detail: { element: entry, item: item } }));
      });
      panel.querySelector("[data-notification-empty]").hidden = page.items.length > 0;
    });
  }

  function toast(text) {
    var toasts = document.querySelector("[data-toasts]");
    if (!toasts) {
      return;
    }
    var item = document.createElement("p");
    item.className = "toast";
    item.textContent = text;
    item.title = "Dismiss";
    item.addEventListener("click", function () { item.remove(); });
    toasts.appendChild(item);
    setTimeout(function () { item.remove(); }, 8000);
    return item;
  }

  document.addEventListener("click", function (event) {
    var badge = event.target.closest(".notification-badge");
    if (badge) {
      var panel = document.getElementById(badge.getAttribute("aria-controls"));
      panel.hidden = !panel.hidden;
      badge.setAttribute("aria-expanded", String(!panel.hidden));
      if (!panel.hidden) {
        loadNotifications(panel);
      }
      return;
    }
    if (event.target.closest("[data-mark-all-read]")) {
      api("POST", "/api/notifications/read-all").then(refreshUnread);
    }
  });

  // A quick add swaps the whole page body in: show the current count again.
  document.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target && event.detail.target.id === "main") {
      refreshUnread();
    }
  });

  function connectLiveUpdates() {
    var page = document.querySelector("[data-live-stream]");
    if (!page || !window.EventSource) {
      return;
    }
    var connectedBefore = false;
    var retryIn = LIVE_RETRY_FIRST;
    function connect() {
      var source = new EventSource(page.getAttribute("data-live-stream"));
      source.addEventListener("open", function () {
        retryIn = LIVE_RETRY_FIRST;
        // events sent while disconnected are not replayed: catch up once reconnected
        if (connectedBefore) {
          refreshList();
          refreshUnread();
        }
        connectedBefore = true;
      });
      source.addEventListener("error", function () {
        // After a dropped connection the browser reconnects by itself, but an answer with an error status
        // (503 while TaskFlow cannot reach its database, 429 or 503 with too many streams open) closes the
        // stream for good: open a new one later, waiting longer each time it is refused.
        if (source.readyState === EventSource.CLOSED) {
          setTimeout(connect, retryIn);
          retryIn = Math.min(retryIn * 2, LIVE_RETRY_LONGEST);
        }
      });
      TASK_EVENTS.forEach(function (type) { source.addEventListener(type, onTaskChange); });
      source.addEventListener("notification.created", function (event) {
        var notification = JSON.parse(event.data);
        // no toast for someone who turned in-app notifications off on the account page
        var shown = document.body.getAttribute("data-notify-in-app") === "off" ? null : toast(notification.message);
        document.dispatchEvent(new CustomEvent("taskflow:notification-arrived",
          { detail: { element: shown, item: { id: notification.notification_id, task_id: notification.task_id,
            title: notification.title, message: notification.message } } }));
        refreshUnread();
      });
    }
    connect();
    refreshUnread();
  }

  document.addEventListener("DOMContentLoaded", function () {
    connectLiveUpdates();

    // Sign-up: preselect the browser's time zone.
    var zones = document.querySelector("select[data-detect-time-zone]");
    if (zones && window.Intl) {
      var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (Array.prototype.some.call(zones.options, function (option) { return option.value === zone; })) {
        zones.value = zone;
      }
    }

    // Copy buttons for a value shown once, such as a new API token.
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      if (!navigator.clipboard) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        navigator.clipboard.writeText(source.textContent.trim()).then(function () {
          button.textContent = "Copied";
        });
      });
    });
  });
})();
