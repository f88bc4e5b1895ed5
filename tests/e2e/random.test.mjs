// Random actions, seeded: for 60 seconds on each of the main page, the story, an embed and the
// lab with a branch, click what can be clicked, press keys, type into inputs, choose options and
// move sliders. No page error and no console error may appear, and the page must still answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { computed, openApp, readerActs, useBrowser } from "./harness.mjs";

const env = useBrowser();
const SECONDS = Number(process.env.RANDOM_SECONDS ?? 60);

/** A small seeded generator (mulberry32), so that a failure can be replayed with its seed. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = ["", "06:00", "25:99", "abc", "-1", "1e9", "99999999", "03:00", "<b>x</b>", "12:30", "0", "8192", "💥"];
const KEYS = ["Space", "ArrowLeft", "ArrowRight", "[", "]", "Home", "End", "p", "Escape", "Tab", "Enter"];

/** One random action on the page; returns a line saying what it did. */
async function act(page, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const kind = random();
  if (kind < 0.45) {
    // A control that can be used: not links (they leave the page) and not file inputs.
    const controls = page.locator("button:visible:enabled, input[type=checkbox]:visible:enabled, input[type=radio]:visible:enabled, summary:visible");
    const n = await controls.count();
    if (n === 0) return "nothing to click";
    const k = Math.floor(random() * n);
    const name = (await controls.nth(k).innerText().catch(() => "")).slice(0, 30);
    if (/Reload the page/.test(name)) return "skip reload";
    await controls.nth(k).click({ timeout: 2000, noWaitAfter: true }).catch(() => {});
    return `click ${name}`;
  }
  if (kind < 0.65) {
    const key = pick(KEYS);
    await page.keyboard.press(key).catch(() => {});
    return `key ${key}`;
  }
  if (kind < 0.8) {
    const inputs = page.locator("input[type=text]:visible:enabled, input:not([type]):visible:enabled");
    const n = await inputs.count();
    if (n === 0) return "no text input";
    const text = pick(TEXTS);
    const input = inputs.nth(Math.floor(random() * n));
    await input.fill(text, { timeout: 2000 }).catch(() => {});
    await input.press("Enter", { timeout: 2000 }).catch(() => {});
    return `type ${text}`;
  }
  if (kind < 0.9) {
    const selects = page.locator("select:visible:enabled");
    const n = await selects.count();
    if (n === 0) return "no select";
    const select = selects.nth(Math.floor(random() * n));
    const options = await select.locator("option").evaluateAll((os) => os.map((o) => o.value));
    if (options.length === 0) return "empty select";
    await select.selectOption(pick(options), { timeout: 2000 }).catch(() => {});
    return "select";
  }
  const sliders = page.locator("input[type=range]:visible:enabled");
  const n = await sliders.count();
  if (n === 0) return "no slider";
  const slider = sliders.nth(Math.floor(random() * n));
  const [min, max] = await slider.evaluate((s) => [Number(s.min || 0), Number(s.max || 100)]);
  await slider.fill(String(Math.round(min + random() * (max - min))), { timeout: 2000 }).catch(() => {});
  return "slider";
}

/** Acts at random on `page` for SECONDS, then checks that it still answers. */
async function wander(page, problems, seed) {
  const random = generator(seed);
  const log = [];
  page.on("download", (d) => d.cancel().catch(() => {}));
  const end = Date.now() + SECONDS * 1000;
  while (Date.now() < end) {
    log.push(await act(page, random));
    // The address may change, but the page must never leave the app.
    assert.ok(!/facilitator|embed-example/.test(page.url()), `left the app after: ${log.slice(-3)}`);
  }
  const alive = await page.evaluate(() => Boolean(document.querySelector(".clock-time")));
  assert.ok(alive, "the page still answers and shows the clock");
  const errors = problems.console.filter((m) => !/Failed to load resource/.test(m));
  assert.deepEqual(errors, [], `seed ${seed}; last actions: ${log.slice(-8).join(" / ")}`);
  return log.length;
}

for (const [name, query, seed] of [
  ["the main page", "", 11],
  ["the story", "?story=alarm", 12],
  ["an embed", "?embed=fleet,errors,graph&autoplay=1&loop=1&range=02:30-06:00", 13],
  ["the lab with a branch", "?b=09:00,restart.per_hour=900", 14],
]) {
  test(`random actions for ${SECONDS} s on ${name}: no error, and the page still answers`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = { console: [] };
    page.on("console", (m) => m.type() === "error" && problems.console.push(m.text()));
    page.on("pageerror", (e) => problems.console.push(String(e)));
    await page.goto(env.server.url + query);
    await page.locator(".clock-time").waitFor({ timeout: 30000 });
    await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
    if (!query.includes("embed")) await readerActs(page);
    const actions = await wander(page, problems, seed);
    console.log(`${name}: ${actions} random actions in ${SECONDS} s (seed ${seed})`);
    await page.close();
  });
}
