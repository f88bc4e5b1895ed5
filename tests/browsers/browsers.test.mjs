// Every browser a reader uses: the main page, a what-if, the story, an embed, the operators'
// view, the charts and the one-file edition (over http and from a file), in Firefox ESR (through
// geckodriver) and WebKitGTK (Safari's engine, through WebKitWebDriver under Xvfb). Each page
// must play, seek and step with no script error, download the page's wasm once, finish the sweep
// (on the workers, or in the page where a browser starts none), and cut no label. Playwright's
// Chromium suite is tests/e2e/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, serveDist } from "../e2e/harness.mjs";
import { newSession, startDriver } from "./webdriver.mjs";

const MINIBROWSER = process.env.MINIBROWSER ?? "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
// The built app (dist/, or DIST_DIR to try another build).
const DIST = process.env.DIST_DIR ?? join(ROOT, "dist");
const FILE = pathToFileURL(join(DIST, "kinesis-cascade-standalone.html")).href;

/** A virtual screen for WebKitGTK, which has no headless mode of its own: its display name. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const x = spawn("Xvfb", ["-displayfd", "3", "-screen", "0", "1400x1000x24", "-nolisten", "tcp"], {
      stdio: ["ignore", "ignore", "ignore", "pipe"],
    });
    x.on("error", reject);
    x.on("exit", (code) => reject(new Error(`Xvfb exited with ${code}`)));
    x.stdio[3].on("data", (d) => resolve({ display: `:${String(d).trim()}`, stop: () => x.kill() }));
  });
}

const BROWSERS = [
  {
    name: "Firefox ESR",
    start: () => startDriver(process.env.GECKODRIVER ?? "geckodriver", (p) => ["--port", String(p)]),
    capabilities: {
      browserName: "firefox",
      "moz:firefoxOptions": { binary: process.env.FIREFOX ?? "/usr/bin/firefox-esr", args: ["-headless"] },
    },
  },
  {
    name: "WebKitGTK",
    screen: true,
    start: (display) => startDriver("WebKitWebDriver", (p) => [`--port=${p}`], { DISPLAY: display }),
    capabilities: {
      browserName: "MiniBrowser",
      "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] },
    },
  },
];

// Scripts run in the page. Errors are collected there: WebKitGTK's driver has no console.
const COLLECT = `
  if (!window.__errors) {
    window.__errors = [];
    addEventListener("error", (e) => window.__errors.push(String(e.message)));
    addEventListener("unhandledrejection", (e) => window.__errors.push(String(e.reason)));
  }
  return true;`;
const PROBLEMS = `
  const out = [...(window.__errors ?? [])];
  const crash = document.querySelector(".crash");
  if (crash) out.push("crash: " + crash.textContent.slice(0, 300));
  const boot = document.getElementById("boot");
  if (boot && /could not start/.test(boot.textContent)) out.push(boot.textContent);
  return out;`;
const CLOCK = `return document.querySelector(".clock-time")?.textContent ?? "";`;
const BUTTON = `
  const want = arguments[0];
  return [...document.querySelectorAll("button")].find((b) =>
    b.getAttribute("aria-label") === want || b.textContent.trim().startsWith(want)) ?? null;`;
// The page's wasm (not the worker's), by its resource timings: once is once.
const WASM_LOADS = `
  return performance.getEntriesByType("resource")
    .filter((e) => /kinesis-cascade-[0-9a-f]+_bg\\.wasm$/.test(e.name)).length;`;
// A label cut at a chart's edge leaves ink in its first columns, which are margin.
const CUT_CHARTS = `
  const out = [];
  for (const c of document.querySelectorAll("canvas[role=img]")) {
    if (!c.width || !c.height || c.classList.contains("fleet-canvas")) continue;
    const d = c.getContext("2d").getImageData(0, 0, 2, c.height).data;
    const bg = [d[0], d[1], d[2]];
    let ink = 0;
    for (let p = 0; p < d.length; p += 4) {
      if (Math.abs(d[p] - bg[0]) + Math.abs(d[p + 1] - bg[1]) + Math.abs(d[p + 2] - bg[2]) > 60) ink++;
    }
    if (ink > 0) out.push((c.getAttribute("aria-label") ?? "a chart").slice(0, 60) + ": " + ink + " pixels at its left edge");
  }
  return out;`;
// Text wider than a box that hides what overflows it.
const CUT_TEXT = `
  const out = [];
  for (const el of document.querySelectorAll("button, label, h1, h2, h3, .legend li, .clock-time, .headline, th, td")) {
    const s = getComputedStyle(el);
    if (s.display === "none" || !el.offsetParent) continue;
    const hides = /hidden|clip/.test(s.overflowX) || s.textOverflow === "ellipsis";
    if (hides && el.scrollWidth > el.clientWidth + 1) out.push(el.tagName + ": " + el.textContent.trim().slice(0, 60));
  }
  return out;`;

// The service graph's words must stay inside their boxes.
const CUT_GRAPH = `
  const out = [];
  let measured = 0;
  for (const g of document.querySelectorAll("svg.service-graph g")) {
    const box = g.querySelector("rect");
    if (!box) continue;
    const right = box.x.baseVal.value + box.width.baseVal.value;
    for (const t of g.querySelectorAll("text")) {
      const b = t.getBBox();
      if (b.width > 0) measured++;
      if (b.width > 0 && b.x + b.width > right + 1) out.push(t.textContent.trim() + ": " + Math.round(b.x + b.width - right) + " beyond its box");
    }
  }
  return { out, measured };`;

/** Opens `url` and waits for the app (its clock), collecting errors from then on. */
async function open(s, url) {
  await s.go(url);
  await s.run(COLLECT);
  await s.until("the app's clock", `return document.querySelector(".clock-time") && !document.querySelector("[aria-busy=true]");`);
}

/** Saves what the browser shows, to be looked at (test-output/, as the Chromium suite does). */
async function shoot(s, browser, what) {
  const dir = join(ROOT, "test-output");
  mkdirSync(dir, { recursive: true });
  const name = `${browser}-${what}.png`.toLowerCase().replace(/[^a-z0-9.]+/g, "-");
  writeFileSync(join(dir, name), await s.screenshot());
}

async function noProblems(s, where) {
  assert.deepEqual(await s.run(PROBLEMS), [], `${where}: script errors`);
  assert.deepEqual(await s.run(CUT_TEXT), [], `${where}: text cut by its box`);
}

async function playMovesTheClock(s) {
  const before = await s.run(CLOCK);
  await s.click(await s.until("Play", BUTTON, 60_000, "Play"));
  await s.until("the clock to move", `return document.querySelector(".clock-time")?.textContent !== arguments[0];`, 30_000, before);
  await s.click(await s.until("Pause", BUTTON, 10_000, "Pause"));
}

async function sliderSeeks(s) {
  await s.run(`
    const r = document.querySelector(".time-slider");
    r.value = "600";
    r.dispatchEvent(new Event("input", { bubbles: true }));
    r.dispatchEvent(new Event("change", { bubbles: true }));`);
  await s.until("the clock at 10:00 after seeking", `return /10:00/.test(document.querySelector(".clock-time")?.textContent);`, 10_000);
}

async function sweepCompletes(s) {
  const button = await s.until("the sweep's button", BUTTON, 30_000, "Run 50 days of the model");
  await s.click(button);
  const summary = await s.until("the sweep's summary", `return document.querySelector(".sweep-summary")?.textContent;`, 180_000);
  assert.match(summary, /The cliff: at \d+/);
  assert.equal(await s.run(`return document.querySelectorAll(".sweep table tbody tr").length;`), 50);
}

for (const b of BROWSERS) {
  test(`${b.name}: every page plays, seeks and steps, with one download of the wasm and no label cut`, { timeout: 900_000 }, async (t) => {
    const server = await serveDist(DIST);
    const screen = b.screen ? await startXvfb() : null;
    const driver = await b.start(screen?.display);
    const s = await newSession(driver, b.capabilities);
    const version = `${s.capabilities.browserName} ${s.capabilities.browserVersion}`;
    t.diagnostic(`${b.name}: ${version}`);
    try {
      await s.setWindow(1280, 900).catch(() => {});
      await t.test("the main page", async () => {
        await open(s, server.url);
        await playMovesTheClock(s);
        await sliderSeeks(s);
        assert.equal(await s.run(WASM_LOADS), 1, "the page's wasm is downloaded once");
        await sweepCompletes(s);
        await noProblems(s, "main page");
        await s.run(`window.scrollTo(0, 0);`);
        await shoot(s, b.name, "main");
      });
      await t.test("a what-if", async () => {
        await open(s, `${server.url}?preset=restart-too-fast&t=11:30`);
        await s.until("the what-if at 11:30", `return /11:30/.test(document.querySelector(".clock-time")?.textContent);`);
        await playMovesTheClock(s);
        await noProblems(s, "what-if");
      });
      await t.test("the story", async () => {
        await open(s, `${server.url}?story=alarm`);
        const first = await s.until("the chapter's title", `return document.querySelector(".story-title")?.textContent;`);
        await s.click(await s.until("Next chapter", BUTTON, 10_000, "Next chapter →"));
        await s.until("the next chapter", `return document.querySelector(".story-title")?.textContent !== arguments[0];`, 10_000, first);
        await noProblems(s, "story");
      });
      await t.test("an embed", async () => {
        await open(s, `${server.url}?embed=fleet,errors&t=03:30`);
        await s.until("the embed's fleet", `return document.getElementById("fleet-canvas")?.width > 0;`);
        assert.match(await s.run(CLOCK), /03:30/);
        await noProblems(s, "embed");
      });
      await t.test("the service graph", async () => {
        await open(s, `${server.url}?embed=graph&t=09:00`);
        await s.until("the graph's boxes", `return document.querySelectorAll("svg.service-graph rect").length >= 5;`);
        const graph = await s.run(CUT_GRAPH);
        assert.ok(graph.measured >= 15, `the graph's words measured (${graph.measured})`);
        assert.deepEqual(graph.out, [], "every word inside its box");
        await noProblems(s, "service graph");
        await shoot(s, b.name, "graph");
      });
      await t.test("the operators' view", async () => {
        await open(s, `${server.url}?operators=1&t=06:30`);
        await s.until("what no dashboard showed", `return document.querySelector(".off-dashboard")?.textContent;`);
        await noProblems(s, "operators' view");
      });
      await t.test("the charts' labels", async () => {
        await open(s, `${server.url}?views=fleet,threads,errors,states,health&t=06:30`);
        // The charts mount as the reader scrolls towards them.
        await s.until("four charts drawn", `
          window.scrollBy(0, 300);
          const cs = [...document.querySelectorAll("canvas[role=img]")].filter((c) => !c.classList.contains("fleet-canvas") && c.width > 0);
          return cs.length >= 4;`, 60_000);
        assert.deepEqual(await s.run(CUT_CHARTS), [], "no chart label cut at the edge");
        await noProblems(s, "charts");
        await s.run(`document.querySelector('canvas[aria-label^="Health"]')?.scrollIntoView();`);
        await shoot(s, b.name, "charts");
      });
      await t.test("the one-file edition over http", async () => {
        await open(s, `${server.url}kinesis-cascade-standalone.html`);
        await playMovesTheClock(s);
        await noProblems(s, "one-file edition (http)");
      });
      await t.test("the one-file edition from a file", async () => {
        await open(s, FILE);
        await playMovesTheClock(s);
        await sliderSeeks(s);
        await sweepCompletes(s);
        await noProblems(s, "one-file edition (file)");
      });
    } finally {
      await s.close();
      driver.stop();
      screen?.stop();
      server.stop();
    }
  });
}
