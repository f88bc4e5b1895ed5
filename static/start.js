// Starts the app. A file rather than an inline script, so that the page's content security
// policy allows no inline script but the one line that starts the wasm's download. Trunk writes the hashed names of the app's JavaScript and
// wasm into this script's tag (see `pattern_script` in Trunk.toml). The page's own text paints
// first; the head preloads the app's code and starts the wasm's download (`window.appWasm`)
// meanwhile, and this script starts the app after that first paint. If the app cannot start, the
// page says so.
const tag = document.querySelector("script[data-app-js]");
let started = false;
const start = async () => {
  if (started || !tag) return;
  started = true;
  try {
    const app = await import(tag.dataset.appJs);
    await app.default({ module_or_path: window.appWasm ?? tag.dataset.appWasm });
    // The offline copy's downloads wait until the app runs and the page is idle: on a slow
    // link they would otherwise compete with the app's own.
    (window.requestIdleCallback ?? ((f) => setTimeout(f, 1000)))(registerOffline);
  } catch (e) {
    const boot = document.getElementById("boot");
    if (boot) boot.textContent = "The replay could not start in this browser: " + e;
  }
};
requestAnimationFrame(() => setTimeout(start, 0));

// Offline after a first visit (static/sw.js); a file opened from disk has no service worker.
// A new version found waiting is offered, not forced: the reader chooses when to reload.
const offerReload = (worker) => {
  if (document.querySelector(".banner.update")) return;
  const bar = document.createElement("div");
  bar.className = "banner update";
  bar.setAttribute("role", "status");
  bar.textContent = "A new version of this page is ready. ";
  const button = document.createElement("button");
  button.textContent = "Reload";
  button.addEventListener("click", () => worker.postMessage("activate-new-version"));
  bar.append(button);
  document.body.prepend(bar);
};
function registerOffline() {
  if (!("serviceWorker" in navigator) || !location.protocol.startsWith("http")) return;
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!reloading) { reloading = true; location.reload(); }
  });
  navigator.serviceWorker.register("sw.js").then((reg) => {
    // Only an update is offered: the first install serves the next visit without a word.
    if (reg.waiting && navigator.serviceWorker.controller) offerReload(reg.waiting);
    reg.addEventListener("updatefound", () => {
      const next = reg.installing;
      next?.addEventListener("statechange", () => {
        if (next.state === "installed" && navigator.serviceWorker.controller) offerReload(next);
      });
    });
  }).catch(() => {});
}
// Hidden tabs and off-screen frames get no animation frames: start anyway.
setTimeout(start, 500);
