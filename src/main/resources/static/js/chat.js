// The assistant's chat panel: "c" opens it, messages go to POST /api/chat asking for server-sent
// events, so a model's reply appears as it is written ("token" events); the closing "reply" event has
// the whole answer and its actions, shown as chips linking to the tasks. The task list itself updates
// through the live stream (/api/stream), like any other change.
(function () {
  "use strict";
  var conversationId = null;

  function panel() { return document.getElementById("chat-panel"); }

  // What had focus when the panel opened (the Assistant button, a task row …): closing gives it back
  var opener = null;

  function toggle(open) {
    var el = panel();
    if (!el) { return; }
    var show = open === undefined ? el.hidden : open;
    var wasOpen = !el.hidden;
    if (show && !wasOpen) {
      var active = document.activeElement;
      opener = active && active !== document.body && !el.contains(active) ? active : null;
    }
    var focusInside = el.contains(document.activeElement);
    el.hidden = !show;
    document.querySelectorAll("[data-chat-toggle]").forEach(function (b) { b.setAttribute("aria-expanded", String(show)); });
    if (show) {
      document.getElementById("chat-input").focus();
    } else if (wasOpen && (focusInside || document.activeElement === document.body)) {
      var back = opener && opener.isConnected ? opener : document.querySelector(".chat-toggle");
      opener = null;
      if (back) { back.focus(); }
    }
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  function add(role, text) {
    var item = document.createElement("li");
    item.className = "chat-message chat-" + role;
    item.textContent = text;
    document.querySelector("[data-chat-log]").appendChild(item);
    item.scrollIntoView({ block: "end" });
    return item;
  }

  function chips(item, actions) {
    if (!actions || !actions.length) { return; }
    var box = document.createElement("div");
    box.className = "chat-actions";
    actions.forEach(function (action) {
      var ids = action.task_ids && action.task_ids.length ? action.task_ids : [null];
      ids.slice(0, 10).forEach(function (id) {
        var chip = document.createElement(id && action.tool !== "delete_task" ? "a" : "span");
        chip.className = "chat-chip" + (action.error ? " chat-error" : "");
        chip.textContent = action.tool.replace("_task", "").replace("_tasks", "") + (id ? " #" + id : "");
        if (chip.tagName === "A") { chip.href = "/tasks/" + id + "/edit"; }
        chip.title = action.result;
        box.appendChild(chip);
      });
    });
    item.appendChild(box);
  }

  function headers() {
    var all = { "Content-Type": "application/json", "Accept": "text/event-stream, application/json;q=0.5" };
    var csrf = JSON.parse(document.body.getAttribute("hx-headers") || "{}");
    Object.keys(csrf).forEach(function (name) { all[name] = csrf[name]; });
    return all;
  }

  function answered(item, data) {
    conversationId = data.conversation_id;
    item.textContent = data.reply;
    chips(item, data.actions);
  }

  // Reads "event:"/"data:" blocks as they arrive; calls back with each event's name and parsed data.
  async function events(response, onEvent) {
    var reader = response.body.getReader();
    var decoder = new TextDecoder();
    var buffer = "";
    for (;;) {
      var chunk = await reader.read();
      if (chunk.done) { return; }
      buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n/g, "\n");
      var end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        var block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        var name = "message";
        var data = [];
        block.split("\n").forEach(function (line) {
          if (line.indexOf("event:") === 0) { name = line.slice(6).trim(); }
          if (line.indexOf("data:") === 0) { data.push(line.slice(5)); }
        });
        if (data.length) { onEvent(name, JSON.parse(data.join("\n"))); }
      }
    }
  }

  async function send(message) {
    add("user", message);
    var item = add("assistant", "…");
    try {
      var body = { message: message };
      if (conversationId) { body.conversation_id = conversationId; }
      var response = await fetch("/api/chat", { method: "POST", headers: headers(), body: JSON.stringify(body),
        credentials: "same-origin" });
      var type = response.headers.get("Content-Type") || "";
      if (response.ok && type.indexOf("text/event-stream") === 0) {
        var text = "";
        await events(response, function (name, data) {
          if (name === "token") {
            text += data.text;
            item.textContent = text;
          } else if (name === "reply") {
            answered(item, data);
          } else if (name === "error") {
            item.textContent = data.detail || "The assistant could not answer.";
          }
        });
        return;
      }
      var json = await response.json().catch(function () { return {}; });
      if (!response.ok) {
        item.textContent = json.detail || ("The assistant could not answer (HTTP " + response.status + ").");
        return;
      }
      answered(item, json);
    } catch (e) {
      item.textContent = "The assistant could not be reached. Check your connection and try again.";
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "c" && !event.ctrlKey && !event.metaKey && !event.altKey && !typing(event.target)) {
      event.preventDefault();
      toggle(true);
    } else if (event.key === "Escape" && panel() && !panel().hidden && panel().contains(event.target)) {
      toggle(false);
    }
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-chat-toggle]")) { toggle(); }
  });

  // The Assistant button is rendered hidden (it needs this file): show it now.
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".chat-toggle[hidden]").forEach(function (button) { button.hidden = false; });
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-chat-form]");
    if (!form) { return; }
    event.preventDefault();
    var input = form.querySelector("input");
    var message = input.value.trim();
    if (message) { input.value = ""; send(message); }
  });
})();
