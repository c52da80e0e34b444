// The quick-add preview's chips: × on a chip puts the line with that part taken literally into the
// field (the server worked it out) and asks for the preview again.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var remove = event.target.closest ? event.target.closest("[data-quick-add-text]") : null;
    var field = document.getElementById("new-title");
    if (!remove || !field) {
      return;
    }
    field.value = remove.getAttribute("data-quick-add-text");
    field.focus();
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });

  // After a task is added the page comes back with an empty field: clear the preview too.
  document.addEventListener("htmx:afterSwap", function () {
    var field = document.getElementById("new-title");
    var preview = document.getElementById("quick-add-preview");
    if (field && preview && !field.value) {
      preview.textContent = "";
    }
  });
}());
