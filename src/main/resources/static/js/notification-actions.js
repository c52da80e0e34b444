// What a person can do with a notification, in the panel and in the toast: open its task, snooze it
// (10 min, 1 h, tomorrow 9:00) or complete the task. Also: browser notifications once allowed, the
// unread count in the tab title, and closing the panel with Esc or a click outside it.
// taskflow.js announces notifications with taskflow:notification-shown / -arrived events.
(function () {
  "use strict";

  var SNOOZES = [["10 min", { "for": "PT10M" }], ["1 h", { "for": "PT1H" }], ["Tomorrow", { "until": "tomorrow" }]];
  var baseTitle = document.title.replace(/^\(\d+\) /, "");

  function headers() {
    var result = { "Accept": "application/json", "Content-Type": "application/json" };
    try {
      var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
      Object.keys(csrf).forEach(function (name) { result[name] = csrf[name]; });
    } catch (ignored) { /* no token: the server refuses and says so */ }
    return result;
  }

  function post(url, body) {
    return fetch(url, { method: "POST", headers: headers(), body: body ? JSON.stringify(body) : null })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response); });
  }

  function announce(text) {
    var status = document.querySelector("[data-toasts]");
    if (!status) {
      return;
    }
    var note = document.createElement("p");
    note.className = "toast";
    note.textContent = text;
    status.appendChild(note);
    setTimeout(function () { note.remove(); }, 6000);
  }

  function button(label, action) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = "link";
    element.textContent = label;
    element.addEventListener("click", function (event) {
      event.stopPropagation();
      action(element);
    });
    return element;
  }

  // taskflow.js reloads the count, and the panel's list if it is open
  function refreshCount() {
    document.dispatchEvent(new CustomEvent("taskflow:refresh-unread"));
  }

  function addActions(element, item) {
    if (!element || !item || item.id == null || element.querySelector(".notification-actions")) {
      return;
    }
    var actions = document.createElement("span");
    actions.className = "notification-actions";
    var open = document.createElement("a");
    open.href = "/tasks/" + item.task_id + "/edit";
    open.textContent = "Open task";
    open.addEventListener("click", function (event) { event.stopPropagation(); });
    actions.appendChild(open);
    SNOOZES.forEach(function (snooze) {
      actions.appendChild(button("Snooze " + snooze[0], function () {
        post("/api/notifications/" + item.id + "/snooze", snooze[1])
          .then(function (body) {
            announce("Snoozed until " + (window.TaskFlow ? window.TaskFlow.displayMoment(body.remind_at)
              : new Date(body.remind_at).toLocaleString()) + ".");
            element.remove();
            refreshCount();
          })
          .catch(function (response) {
            // a completed or deleted task's reminder cannot be snoozed: the problem's detail says why
            var problem = response && response.json ? response.json() : Promise.reject();
            problem.then(function (body) { announce(body.detail || "Could not snooze this reminder."); })
              .catch(function () { announce("Could not snooze this reminder; the task may be gone."); });
          });
      }));
    });
    actions.appendChild(button("Complete", function () {
      post("/api/tasks/" + item.task_id + "/complete")
        .then(function () { return post("/api/notifications/" + item.id + "/read"); })
        .then(function () {
          announce(item.title ? "Completed “\u2068" + item.title + "\u2069”." : "Completed the task.");
          element.remove();
          refreshCount();
        })
        .catch(function () { announce("Could not complete this task; it may be gone."); });
    }));
    element.appendChild(actions);
  }

  document.addEventListener("taskflow:notification-shown", function (event) {
    addActions(event.detail.element, event.detail.item);
  });

  document.addEventListener("taskflow:notification-arrived", function (event) {
    var item = event.detail.item;
    if (event.detail.element) {
      addActions(event.detail.element, item);
    }
    // every open tab gets the event; the tag lets the system show it once
    // the account page's "browser pop-up" setting (data-notify-browser on the body)
    if (window.Notification && Notification.permission === "granted" && item && !browserPopUpsOff()) {
      var shown = new Notification(item.title || "TaskFlow reminder", {
        body: item.message, tag: "taskflow-notification-" + item.id
      });
      shown.onclick = function () {
        window.focus();
        location.href = "/tasks/" + item.task_id + "/edit";
      };
    }
  });

  document.addEventListener("taskflow:unread", function (event) {
    var count = event.detail.count;
    document.title = count > 0 ? "(" + count + ") " + baseTitle : baseTitle;
  });

  function browserPopUpsOff() {
    return document.body.getAttribute("data-notify-browser") === "off";
  }

  // Browser notifications: offered in the panel until the person decides.
  function offerBrowserNotifications() {
    var panel = document.querySelector(".notification-panel");
    if (!panel || !window.Notification || Notification.permission !== "default" || browserPopUpsOff()
        || panel.querySelector("[data-enable-browser-notifications]")) {
      return;
    }
    var enable = button("Allow reminder pop-ups", function () {
      Notification.requestPermission().then(function () { enable.remove(); });
    });
    enable.setAttribute("data-enable-browser-notifications", "");
    panel.appendChild(enable);
  }

  function closePanel() {
    var badge = document.querySelector(".notification-badge[aria-expanded=true]");
    if (badge) {
      badge.click();
      badge.focus();
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      closePanel();
    }
  });

  document.addEventListener("click", function (event) {
    var box = document.querySelector("[data-notifications]");
    if (box && event.target.isConnected && !box.contains(event.target)) {
      closePanel();
    }
  });

  document.addEventListener("DOMContentLoaded", offerBrowserNotifications);
}());
