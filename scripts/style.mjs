// The page's style sheet as it ships: styles/app.css without its comments (they explain the
// choices to whoever edits it; a reader's first download need not carry them: 1.6 KB of the
// 7 KB gzip). Run by Trunk before each build (Trunk.toml, pre_build); writes
// target/style/app.css, which index.html links.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(join(root, "styles", "app.css"), "utf8");
// No string or url() in the sheet holds "/*", so a comment is everything between the markers.
const shipped = source
  .replace(/\/\*[\s\S]*?\*\//g, "")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line.trim() !== "")
  .join("\n");
if (/\/\*|\*\//.test(shipped)) throw new Error("style.mjs: an unclosed comment in styles/app.css");
mkdirSync(join(root, "target", "style"), { recursive: true });
writeFileSync(join(root, "target", "style", "app.css"), shipped + "\n");
