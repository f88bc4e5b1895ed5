// Writes the list of the build's files and its version into the service worker (dist/sw.js), so
// that the app works offline after a first visit and a new build is seen as a new version. The
// version is a hash of the files' names and contents. Run by scripts/post-build.mjs.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Fills in `dir`/sw.js's list, leaving out the files named in `skip`; returns the version. */
export function precache(dir, skip = []) {
  const files = readdirSync(dir)
    .filter((f) => statSync(join(dir, f)).isFile() && f !== "sw.js" && !skip.includes(f))
    .sort();
  const hash = createHash("sha256");
  for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
  const version = hash.digest("hex").slice(0, 16);
  const sw = join(dir, "sw.js");
  const text = readFileSync(sw, "utf8");
  const marker = /\/\* PRECACHE \*\/ \{[^}]*\}/;
  if (!marker.test(text)) throw new Error("precache.mjs: no PRECACHE marker in sw.js");
  writeFileSync(sw, text.replace(marker, JSON.stringify({ version, files: ["./", ...files] })));
  return { version, count: files.length };
}
