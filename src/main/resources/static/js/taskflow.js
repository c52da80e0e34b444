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

  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
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
