// The task form's reminder rows: "Add another reminder" and "Remove" change the form in place, and focus
// goes to the row added, or to the row that took the removed one's place. Without this file the same
// buttons submit the form, and the server answers with the form changed the same way.
(function () {
  "use strict";

  function rows(fieldset) {
    return Array.prototype.slice.call(fieldset.querySelectorAll(".reminder-rows > .reminder-row"));
  }

  function say(fieldset, text) {
    var status = fieldset.querySelector(".reminder-status");
    if (status) {
      status.textContent = text;
    }
  }

  // Snoozes are for this occurrence only and do not count against the task's reminders, as on the server.
  function addButton(fieldset) {
    var add = fieldset.querySelector(".add-reminder");
    var reminders = rows(fieldset).filter(function (row) { return !row.classList.contains("snoozed"); });
    var full = reminders.length >= Number(fieldset.getAttribute("data-max") || 10);
    add.hidden = full;
    add.disabled = full;
    return add;
  }

  // Rows are numbered from 0 as the server numbers them, so a form sent back with a problem shows the
  // same rows in the same places.
  function renumber(fieldset) {
    rows(fieldset).forEach(function (row, index) {
      row.querySelectorAll("[name], [id], [for], [aria-describedby], button[value]").forEach(function (element) {
        ["name", "id", "for", "aria-describedby", "value"].forEach(function (attribute) {
          var value = element.getAttribute(attribute);
          if (value && (attribute !== "value" || element.tagName === "BUTTON")) {
            element.setAttribute(attribute, value
              .replace(/^reminders\[\d+\]/, "reminders[" + index + "]")
              .replace(/^(reminder-[^-]+-)\d+(?=-)/, "$1" + index)
              .replace(/^remove-reminder-\d+$/, "remove-reminder-" + index));
          }
        });
      });
    });
  }

  function add(fieldset) {
    var template = fieldset.querySelector("template.reminder-template");
    var holder = document.createElement("template");
    holder.innerHTML = template.innerHTML.replace(/NEW/g, String(rows(fieldset).length)).trim();
    var row = holder.content.firstElementChild;
    fieldset.querySelector(".reminder-rows").appendChild(row);
    addButton(fieldset);
    if (window.htmx) {
      window.htmx.process(row);
    }
    row.querySelector("select").focus();
    say(fieldset, "Reminder " + rows(fieldset).length + " added.");
  }

  function remove(fieldset, row) {
    var before = rows(fieldset);
    var position = before.indexOf(row);
    row.remove();
    renumber(fieldset);
    var after = rows(fieldset);
    var add = addButton(fieldset);
    var next = after[position] || after[position - 1];
    (next ? next.querySelector("select") : add).focus();
    say(fieldset, "Reminder removed.");
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".reminders-editor button") : null;
    var fieldset = button && button.closest(".reminders-editor");
    if (!fieldset) {
      return;
    }
    if (button.classList.contains("add-reminder")) {
      event.preventDefault();
      add(fieldset);
    }
    else if (button.classList.contains("remove-reminder")) {
      event.preventDefault();
      remove(fieldset, button.closest(".reminder-row"));
    }
  });
})();
