// Hardening: stored state that is corrupted, foreign, from a future version, unavailable or
// full; the page's CSV against the command line's for every preset; a burst of messages from a
// host page on another origin, answered to that origin while the replay keeps playing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, cli, computed, openApp, useBrowser } from "./harness.mjs";

const env = useBrowser({ second: true });
const KEY = "kinesis-cascade/scenario/v1";

/** Opens the app without a link, with `value` saved in local storage by an earlier visit. */
async function openWithSaved(value) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.addInitScript(([key, saved]) => localStorage.setItem(key, saved), [KEY, value]);
  await page.goto(env.server.url);
  await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
  await computed(page);
  return { page, problems };
}

test("a corrupted, foreign or future saved scenario gives the banner and the defaults", async () => {
  for (const saved of ["%E0%A4%A=1&&&", '{"scenario": {"fleet": 3}}', "v=99&preset=historical&set=threads.limit=8192", "preset=nope"]) {
    const { page, problems } = await openWithSaved(saved);
    const banner = page.locator(".link-problems");
    await banner.waitFor();
    assert.match(await banner.innerText(), /The saved scenario: some parts could not be used/, saved);
    // The page still works: the replay plays.
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await page.getByRole("button", { name: "Pause", exact: true }).waitFor();
    assert.deepEqual(problems, [], saved);
    await page.close();
  }
});

test("storage that is unavailable or full leaves the page working", async () => {
  for (const broken of ["unavailable", "full"]) {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    await page.addInitScript((how) => {
      if (how === "unavailable") {
        Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
      } else {
        Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
      }
    }, broken);
    await page.goto(env.server.url);
    await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
    await computed(page);
    await page.getByRole("checkbox", { name: /cellular/ }).check();
    await computed(page);
    // The address bar still carries the edit, so nothing is lost.
    await page.waitForFunction(() => /set=fleet\.cells%3D4/.test(location.search));
    assert.deepEqual(problems, [], broken);
    await page.close();
  }
});

const cliCsv = (preset, seed) => cli(["run", "--preset", preset, "--seed", String(seed), "--format", "csv"]);

test("the page's CSV is byte for byte the command line's, for every preset at three seeds", async () => {
  const presets = cli(["presets"]).split("\n").filter(Boolean).map((l) => l.split(/\s+/)[0]);
  assert.ok(presets.length >= 14, `${presets.length} presets`);
  const { page } = await openApp(env.browser, env.server.url);
  let compared = 0;
  for (const preset of presets) {
    for (const seed of [1, 2, 3]) {
      await page.goto(`${env.server.url}?preset=${preset}&set=seed%3D${seed}`);
      await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
      await computed(page);
      const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Series (CSV)" }).click()]);
      const csv = readFileSync(await dl.path(), "utf8");
      assert.ok(csv === cliCsv(preset, seed), `${preset} at seed ${seed}: the page and the command line differ`);
      compared++;
    }
  }
  assert.equal(compared, presets.length * 3);
  await page.close();
});

test("a branch's CSV in the page is byte for byte the command line's --branch", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  for (const changes of [["09:00,restart.per_hour=870"], ["07:00,restart.bootstrap=peers", "10:30,restart.per_hour=600"]]) {
    const query = changes.map((c) => `b=${encodeURIComponent(c)}`).join("&");
    await page.goto(`${env.server.url}?${query}`);
    await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
    await computed(page);
    await page.locator(".branch-banner").waitFor({ timeout: 30000 });
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Series (CSV)" }).click()]);
    const csv = readFileSync(await dl.path(), "utf8");
    const args = ["run", ...changes.flatMap((c) => ["--branch", c]), "--format", "csv"];
    assert.ok(csv === cli(args), `${changes}: the page and the command line differ`);
    assert.ok(csv !== cliCsv("historical", 1), "a branch is not the day");
  }
  await page.close();
});

test("a burst of 10,000 messages from another origin is answered to that origin while the replay plays", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1000, height: 700 } });
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  // A blank page of the second origin hosting the app in an iframe that plays on its own.
  await page.goto(`${env.second.url}facilitator.html`);
  const appOrigin = new URL(env.server.url).origin;
  await page.evaluate((src) => {
    document.body.innerHTML = "";
    const f = document.createElement("iframe");
    f.src = src;
    f.width = "800";
    f.height = "500";
    f.id = "app";
    document.body.append(f);
  }, `${env.server.url}?embed=fleet&autoplay=1&loop=1&speed=60`);
  const frame = page.frameLocator("#app");
  await frame.locator(".clock-time").waitFor({ timeout: 30000 });
  const iframe = page.frame({ url: /embed=fleet/ });
  const before = await frame.locator(".clock-time").innerText();
  const result = await page.evaluate(async ([origin, n]) => {
    const target = document.getElementById("app").contentWindow;
    let answers = 0;
    let wrong = 0;
    const done = new Promise((resolve) => {
      window.addEventListener("message", (e) => {
        if (e.data?.type !== "kinesis-cascade" || !("error" in e.data || "ok" in e.data)) return;
        if (e.origin !== origin) wrong++;
        if (++answers === n) resolve();
      });
    });
    for (let k = 0; k < n; k++) target.postMessage({ type: "kinesis-cascade", action: "nonsense" }, origin);
    await done;
    return { answers, wrong };
  }, [appOrigin, 10000]);
  assert.equal(result.answers, 10000, "every message answered");
  assert.equal(result.wrong, 0);
  // The replay kept playing: the clock moves on after the burst.
  await iframe.waitForFunction((t) => document.querySelector(".clock-time")?.textContent !== t, before);
  assert.deepEqual(problems, []);
  await page.close();
});
