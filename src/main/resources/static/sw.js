// TaskFlow's service worker: keeps the app shell (styles, scripts, icons, an offline page) so the
// installed app opens at once and says so when the server cannot be reached. Pages and API answers are
// never cached: they hold one person's tasks, and a shared computer must not keep them.
"use strict";

var SHELL = "taskflow-shell-v1";
var ASSETS = [
  "/offline.html",
  "/css/taskflow.css", "/css/tokens.css", "/css/shell.css",
  "/js/dates.js", "/js/taskflow.js", "/js/shell.js",
  "/webjars/htmx.org/2.0.8/dist/htmx.min.js",
  "/icons/sprite.svg", "/icons/icon.svg", "/icons/icon-192.png",
  "/manifest.webmanifest"
];

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(ASSETS); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) { return name !== SHELL; })
      .map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

function isShellAsset(url) {
  return url.origin === self.location.origin && ASSETS.indexOf(url.pathname) >= 0;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return;
  }
  var url = new URL(request.url);
  if (isShellAsset(url)) {
    // the cached copy at once, a fresh one for next time
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request).then(function (cached) {
        var fresh = fetch(request).then(function (response) {
          if (response.ok) {
            cache.put(request, response.clone());
          }
          return response;
        });
        if (cached) {
          fresh.catch(function () { /* offline: the cached copy serves */ });
          return cached;
        }
        return fresh;
      });
    }));
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () { return caches.match("/offline.html"); }));
  }
});
