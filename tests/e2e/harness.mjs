// Shared set-up of the browser tests: serve dist/ on a free loopback port and start Debian's
// Chromium headless through Playwright's library (no browser download).
import { spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { chromium } from "playwright-core";
import { before, after, afterEach } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync } from "node:fs";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const OUTPUT = join(ROOT, "test-output");

async function freePort() {
  const srv = createServer();
  srv.listen(0, "127.0.0.1");
  await once(srv, "listening");
  const { port } = srv.address();
  srv.close();
  return port;
}

/** Serves dist/ (or another folder) and returns { url, stop }. */
export async function serveDist(dir = join(ROOT, "dist")) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, "scripts", "static-server.mjs"), dir, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on("data", (d) => String(d).includes("serving") && resolve());
    child.on("exit", (code) => reject(new Error(`static server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

/** Launches headless Chromium with the flags that work on these machines. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
}

/**
 * Opens the app in a new page and records console errors and requests that leave the page's
 * origin. Resolves once the app has rendered.
 */
export async function openApp(browser, url, { width = 1280, height = 800 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  const problems = { console: [], foreign: [] };
  page.on("console", (m) => m.type() === "error" && problems.console.push(m.text()));
  page.on("pageerror", (e) => problems.console.push(String(e)));
  const origin = new URL(url).origin;
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) problems.foreign.push(u);
  });
  await page.goto(url);
  await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
  await computed(page);
  return { page, problems };
}

/**
 * Opens `url` in a new page of `browser` that may show no Play button or fleet (a chapter, an
 * embed): waits for the clock (or an embed's minute) and the computed run. Console errors and
 * page errors are collected in `problems`.
 */
export async function openPage(browser, url, viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(url);
  await page.locator(".clock-time, .embed-time").first().waitFor({ state: "attached", timeout: 30000 });
  await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
  return { page, problems };
}

/** Waits until the model has finished computing the chosen scenario and the views are shown. */
export async function computed(page) {
  await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
  await page.locator("#fleet-canvas").waitFor({ timeout: 30000 });
  await readerActs(page);
}

/**
 * Turns the mouse wheel once, as a reader does: the parts far below the first screen are built
 * only once the reader does something (see `components/later.rs`). Waits until they are built,
 * then goes back to the top.
 */
export async function readerActs(page) {
  await page.mouse.wheel(0, 100);
  await page.waitForFunction(() => !document.querySelector(".waiting"), null, { timeout: 10000 });
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Opens the drawer of more controls (stepping, speed, scenario, the day's events). */
export async function openMore(page) {
  const more = page.locator("details.more-controls");
  // A build from before the drawer (measured beside this one) has its controls in view.
  if ((await more.count()) === 0) return;
  if (!(await more.evaluate((d) => d.open))) await more.locator("> summary").click();
  await page.getByLabel("Scenario", { exact: true }).waitFor();
}

export const clockText = (page) => page.locator(".clock-time").innerText();

/** Waits until the clock shows `hhmm` (the page renders after each input, not during it). */
export async function clockShows(page, hhmm) {
  await page
    .waitForFunction((want) => document.querySelector(".clock-time")?.textContent === want, hhmm, { timeout: 5000 })
    .catch(() => {});
  return clockText(page);
}

export async function seek(page, hhmm) {
  const [h, m] = hhmm.split(":").map(Number);
  await page.getByRole("slider", { name: "Time" }).fill(String(h * 60 + m));
  await page.waitForFunction((want) => document.querySelector(".clock-time")?.textContent === want, hhmm);
}

/** Share of the fleet canvas's cells painted in a colour (r, g, b). */
export async function canvasShare(page, [r, g, b]) {
  return page.evaluate(([r, g, b]) => {
    const c = document.getElementById("fleet-canvas");
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    // A serving server's cell is a gauge: its free headroom is the same colour, lightened
    // (30% of it on white, src/draw/fleet_paint.rs).
    const light = [r, g, b].map((v) => Math.round(v * 0.3 + 255 * 0.7));
    let hit = 0;
    let painted = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] !== 255) continue;
      painted++;
      const is = ([x, y, z]) => data[p] === x && data[p + 1] === y && data[p + 2] === z;
      if (is([r, g, b]) || is(light)) hit++;
    }
    return painted ? hit / painted : 0;
  }, [r, g, b]);
}

/** The fleet's colours (src/draw/look.rs): a server past the limit whose old map still routes, one
 * whose map is too old (its requests fail), and a serving one. */
export const PAST_LIMIT = [230, 159, 0];
export const MAP_FAILING = [213, 94, 0];
export const SERVING = [0, 114, 178];

/** Share of the fleet past the thread limit, whether its old map still routes or not. */
export async function pastLimitShare(page) {
  return (await canvasShare(page, PAST_LIMIT)) + (await canvasShare(page, MAP_FAILING));
}


/** Content-security-policy violations seen on any watched page since the last test. */
export const violations = [];

/** Records every content-security-policy violation of `page` (the event, and Chromium's own report). */
export async function watchPolicy(page) {
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
    });
  });
  page.on("console", (m) => {
    const text = m.text();
    const policy = text.startsWith("CSP violation") || text.includes("Content Security Policy");
    if (m.type() === "error" && policy && !page.expectsViolations) {
      violations.push(`${page.url()}: ${text}`);
    }
  });
}

/**
 * Registers the hooks every browser test file needs: dist/ served on a free port (and on a
 * second one, another origin, when `second` is asked for) and Chromium launched before the tests,
 * both stopped after them. The returned object holds `server`, `second` and `browser` once the
 * hooks have run.
 */
export function useBrowser({ second = false } = {}) {
  const env = { server: null, second: null, browser: null };
  before(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    env.server = await serveDist();
    if (second) env.second = await serveDist();
    env.browser = await launch();
    // Every page of every test is watched for content-security-policy violations.
    const newPage = env.browser.newPage.bind(env.browser);
    env.browser.newPage = async (...options) => {
      const page = await newPage(...options);
      await watchPolicy(page);
      return page;
    };
    const newContext = env.browser.newContext.bind(env.browser);
    env.browser.newContext = async (...options) => {
      const context = await newContext(...options);
      const contextPage = context.newPage.bind(context);
      context.newPage = async () => {
        const page = await contextPage();
        await watchPolicy(page);
        return page;
      };
      return context;
    };
  });
  // A test that made the page break its content security policy fails, whatever it checked.
  afterEach(() => {
    const found = violations.splice(0);
    assert.deepEqual(found, [], "content-security-policy violations");
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
    env.second?.stop();
  });
  return env;
}

/** What the command line prints (the binary `cargo test --release` built, else built now). */
export function cli(args) {
  const bin = join(ROOT, "target", "release", "cascade-sim");
  const [cmd, pre] = existsSync(bin) ? [bin, []] : ["cargo", ["run", "--quiet", "--release", "-p", "cascade-sim", "--"]];
  const out = spawnSync(cmd, [...pre, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  assert.equal(out.status, 0, out.stderr);
  return out.stdout;
}

/** "HH:MM" of a minute of the day. */
export const hhmm = (m) => `${String(Math.floor(m / 60) % 24).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/**
 * The moments of the day as it happened, read from the command line's run, so that a test of
 * the page checks it against the model rather than against times typed in: every milestone,
 * the first minute every server is past the thread limit, and the minute each service first
 * fails (health under 0.6).
 */
export function dayMoments() {
  const run = JSON.parse(cli(["run"]));
  const s = run.series;
  const first = (ok) => {
    const k = s.minute.findIndex((_, k) => ok(k));
    return k < 0 ? null : s.minute[k];
  };
  const fleet = (k) => s.servers_serving[k] + s.servers_limit_hit[k] + s.servers_cold_start[k] + s.servers_evicted[k] + s.servers_recovered[k];
  return {
    ...run.milestones,
    every_past: first((k) => fleet(k) > 0 && s.servers_limit_hit[k] >= fleet(k)),
    fails: (health) => first((k) => s[health][k] < 0.6),
  };
}
