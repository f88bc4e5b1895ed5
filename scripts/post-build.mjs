// Trunk's post-build hook (Trunk.toml), on the staging folder: the one-file edition of the app,
// then the service worker's list of files (which leaves the one-file edition out: a browser that
// has the site needs no second copy of it). One script, so that the two run in order.
import { precache } from "./precache.mjs";
import { STANDALONE, standalone } from "./standalone.mjs";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error("post-build.mjs: no folder (TRUNK_STAGING_DIR or an argument)");
const bytes = standalone(dir);
const { version, count } = precache(dir, [STANDALONE]);
console.log(`post-build: ${STANDALONE} ${(bytes / 1024).toFixed(0)} KiB; service worker ${version}, ${count} files`);
