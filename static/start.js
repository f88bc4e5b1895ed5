// Starts the app. A file rather than an inline script, so that the page's content security
// policy can forbid inline scripts. Trunk writes the hashed names of the app's JavaScript and
// wasm into this script's tag (see `pattern_script` in Trunk.toml). The page's own text paints
// first and the app's code is fetched after that first paint, not preloaded: on a slow link the
// introduction shows at once. If the app cannot start, the page says so.
const tag = document.querySelector("script[data-app-js]");
let started = false;
const start = async () => {
  if (started || !tag) return;
  started = true;
  try {
    const app = await import(tag.dataset.appJs);
    await app.default({ module_or_path: tag.dataset.appWasm });
  } catch (e) {
    const boot = document.getElementById("boot");
    if (boot) boot.textContent = "The replay could not start in this browser: " + e;
  }
};
requestAnimationFrame(() => setTimeout(start, 0));
// Hidden tabs and off-screen frames get no animation frames: start anyway.
setTimeout(start, 500);
