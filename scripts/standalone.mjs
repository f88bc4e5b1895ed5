// Writes dist/kinesis-cascade-standalone.html: the whole app in one file (the wasm, the
// JavaScript, the style sheet and the icon inlined), for a USB stick or an e-mail attachment,
// opened from file://. Run by Trunk's post-build hook (scripts/post-build.mjs) on the staging
// folder. The file carries its own content security policy: its one script and its one style
// sheet are allowed by their SHA-256 hashes, nothing is fetched.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const STANDALONE = "kinesis-cascade-standalone.html";

const sha256 = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

/** Builds the standalone file in `dir` from the page and files Trunk wrote there. */
export function standalone(dir) {
  let html = readFileSync(join(dir, "index.html"), "utf8");
  const attr = (re, what) => {
    const m = html.match(re);
    if (!m) throw new Error(`standalone.mjs: no ${what} in index.html`);
    return m;
  };
  const [cssTag, cssFile] = attr(/<link rel="stylesheet" href="\.\/([^"]+)"[^>]*>/, "style sheet");
  const [iconTag, iconFile] = attr(/<link rel="icon" href="\.\/([^"]+)"[^>]*>/, "icon");
  const [scriptTag, jsFile, wasmFile] = attr(
    /(?:<script data-wasm="[^"]*">[^<]*<\/script>\s*)?<script type="module" src="\.\/start\.js" data-app-js="\.\/([^"]+)" data-app-wasm="\.\/([^"]+)"><\/script>/,
    "start-up script",
  );
  const css = readFileSync(join(dir, cssFile), "utf8");
  const icon = readFileSync(join(dir, iconFile)).toString("base64");
  const js = readFileSync(join(dir, jsFile), "utf8");
  const wasm = readFileSync(join(dir, wasmFile)).toString("base64");
  // wasm-bindgen's module, then its start with the wasm's bytes (it fetches nothing). If the app
  // cannot start, the page says so, as start.js does.
  const script = `${js}
;(async () => {
  try {
    const text = atob(document.getElementById("app-wasm").textContent.trim());
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    await __wbg_init({ module_or_path: bytes });
  } catch (e) {
    const boot = document.getElementById("boot");
    if (boot) boot.textContent = "The replay could not start in this browser: " + e;
  }
})();
`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    "style-src-attr 'unsafe-inline'",
    "img-src data: blob:",
    "media-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  html = html
    .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace(cssTag, () => `<style>${css}</style>`)
    .replace(iconTag, () => `<link rel="icon" href="data:image/svg+xml;base64,${icon}">`)
    .replace(/\s*<link rel="manifest"[^>]*>/, "")
    // Nothing to fetch: the code is inside.
    .replace(/\s*<link rel="(?:modulepreload|preload)"[^>]*>/g, "")
    .replace(scriptTag, () => `<script type="application/octet-stream" id="app-wasm">${wasm}</script>\n<script type="module">${script}</script>`);
  writeFileSync(join(dir, STANDALONE), html);
  return html.length;
}
