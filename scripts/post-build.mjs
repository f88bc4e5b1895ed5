// Trunk's post-build hook (Trunk.toml), on the staging folder: the one-file edition of the app,
// then the service worker's list of files (which leaves the one-file edition out: a browser that
// has the site needs no second copy of it). One script, so that the two run in order.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { precache } from "./precache.mjs";
import { STANDALONE, standalone } from "./standalone.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("post-build.mjs: no folder (TRUNK_STAGING_DIR or an argument)");
// The inline script that starts the wasm's download (Trunk.toml) runs only if the content
// security policy names its hash: a change to one without the other fails the build here, not
// silently in a reader's browser.
const page = readFileSync(join(dir, "index.html"), "utf8");
const inline = page.match(/<script data-wasm="[^"]*">([^<]*)<\/script>/);
if (inline) {
  const hash = `'sha256-${createHash("sha256").update(inline[1]).digest("base64")}'`;
  if (!page.includes(`script-src 'self' ${hash}`)) {
    throw new Error(`post-build.mjs: index.html's script-src must allow the inline script by ${hash}`);
  }
}
const bytes = standalone(dir);
const { version, count } = precache(dir, [STANDALONE]);
console.log(`post-build: ${STANDALONE} ${(bytes / 1024).toFixed(0)} KiB; service worker ${version}, ${count} files`);
