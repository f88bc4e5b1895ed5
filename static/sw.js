// The service worker: after a first visit the app starts without a network. It caches every file
// of the build (the list and its version are written into this file at build time by
// scripts/precache.mjs, from the hashed names Trunk writes), so a new build is a new worker: the
// browser finds it changed, installs it beside the old one, and the page offers to reload. It
// does not take over the page that registered it (no clients.claim): a page runs on the files it
// started with.
const PRECACHE = /* PRECACHE */ { version: "unbuilt", files: [] };
const CACHE = `kinesis-cascade-${PRECACHE.version}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.files)));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) =>
      Promise.all(keys.filter((k) => k.startsWith("kinesis-cascade-") && k !== CACHE).map((k) => caches.delete(k))),
    ),
  );
});

// The page's "Reload" on a new version: the waiting worker takes over, then the page reloads.
self.addEventListener("message", (event) => {
  if (event.data === "activate-new-version") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // The page itself: fresh from the network when there is one (a link's query is the page's
    // own business), the cached page when there is none.
    event.respondWith(
      fetch(request).catch(() =>
        caches.open(CACHE).then((cache) => cache.match(new URL(request.url).pathname.endsWith(".html") ? request : "index.html", { ignoreSearch: true })),
      ),
    );
    return;
  }
  // Every other file has its content's hash in its name, or is fixed by the build: the cache first.
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(request, { ignoreSearch: true }).then((hit) => hit ?? fetch(request))),
  );
});
