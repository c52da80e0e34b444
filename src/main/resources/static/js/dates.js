// Dates for people, written the way the pages write them (DisplayTime on the server): "Today, 09:30",
// "Yesterday, 18:05", "Fri 4 Dec, 09:30", "Fri 4 Dec 2027, 09:30" — in the account's time zone (the
// page's data-time-zone), 24-hour clock, no seconds.
(function () {
  "use strict";

  function readerZone() {
    var holder = document.querySelector("[data-time-zone]");
    return holder ? holder.getAttribute("data-time-zone") : undefined;
  }

  function parts(date, zone) {
    var values = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, weekday: "short", day: "numeric", month: "short", year: "numeric",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(date).forEach(function (part) { values[part.type] = part.value; });
    values.dayNumber = Date.UTC(Number(values.year), monthIndex(date, zone), Number(values.day)) / 86400000;
    return values;
  }

  function monthIndex(date, zone) {
    return Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, month: "numeric" }).format(date)) - 1;
  }

  function displayMoment(iso) {
    var zone = readerZone();
    var at = parts(new Date(iso), zone);
    var today = parts(new Date(), zone);
    var days = at.dayNumber - today.dayNumber;
    var day = days === 0 ? "Today" : days === 1 ? "Tomorrow" : days === -1 ? "Yesterday"
      : at.weekday + " " + at.day + " " + at.month + (at.year === today.year ? "" : " " + at.year);
    return day + ", " + at.hour + ":" + at.minute;
  }

  window.TaskFlow = window.TaskFlow || {};
  window.TaskFlow.displayMoment = displayMoment;
})();
