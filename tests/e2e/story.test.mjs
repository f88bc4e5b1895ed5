// End-to-end tests of the workshop mode: the story by keyboard, deep links, predict-then-reveal,
// the presenter view, the facilitator's guide, phones, and axe-core on every page and mode.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { OUTPUT, clockShows, dayMoments, hhmm, openPage, useBrowser } from "./harness.mjs";
import { smallText } from "./audit.mjs";

const env = useBrowser();

// Each chapter opens at its moment of the day's run, read from the command line's run (the
// remediations and the assumptions open at a fixed minute of their own).
const day = dayMoments();
const CHAPTERS = [
  ["rest", "The fleet at rest", "02:00"],
  ["addition", "A small addition of capacity", hhmm(day.capacity_add_started)],
  ["discovery", "An hour of discovery", "03:30"],
  ["limit", "Every server past the limit", hhmm(day.every_past)],
  ["alarm", "The first alarm: the trigger is not the root cause", hhmm(day.first_alarm)],
  ["diagnosis", "Diagnosis, and the memory-pressure red herring", hhmm(day.cause_narrowed)],
  ["removal", "Why removing the capacity was not enough", hhmm(day.capacity_removal_finished)],
  ["restart", "The slow restart, and why faster would have been slower", hhmm(day.first_traffic_after_restart)],
  ["cascade", "The cascade", hhmm(day.fails("cognito_health"))],
  ["recovery", "Recovery", hhmm(day.kinesis_recovered)],
  ["remediations", "What AWS changed, one click away", "06:00"],
  ["certainty", "How sure is the model?", "22:23"],
];

const open = (query, viewport) => openPage(env.browser, env.server.url + query, viewport);

const title = (page) => page.locator(".story-title").innerText();

test("the whole story by keyboard: every chapter, its time, progress and deep link, and back", async () => {
  const { page, problems } = await open("?story=rest");
  await page.locator(".story-title").click();
  for (let k = 0; k < CHAPTERS.length; k++) {
    const [id, name, time] = CHAPTERS[k];
    await page.waitForFunction((want) => document.querySelector(".story-title")?.textContent === want, name);
    assert.equal(await page.locator(".story-progress").innerText(), `Chapter ${k + 1} of ${CHAPTERS.length}`);
    assert.equal(await clockShows(page, time), time, `${id} opens at ${time}`);
    // The address is written a task after the chapter renders: await it, never read it at once.
    await page.waitForFunction((want) => new RegExp(`story=${want}(&|$)`).test(location.search), id);
    assert.match(page.url(), new RegExp(`story=${id}(&|$)`), "the address is the chapter's deep link");
    if (k + 1 < CHAPTERS.length) await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("ArrowRight");
  assert.equal(await title(page), CHAPTERS.at(-1)[1], "the last chapter stays the last");
  for (let k = CHAPTERS.length - 1; k > 0; k--) await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((want) => document.querySelector(".story-title")?.textContent === want, CHAPTERS[0][1]);
  // Space plays the chapter's part of the day.
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Pause", exact: true }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("a deep link to the alarm chapter opens at the run's first alarm with its views", async () => {
  const { page, problems } = await open("?story=alarm");
  assert.equal(await title(page), "The first alarm: the trigger is not the root cause");
  const alarm = hhmm(day.first_alarm);
  assert.equal(await clockShows(page, alarm), alarm);
  // The views mount one per task: wait for the last before counting.
  await page.locator("#errors-title").waitFor();
  assert.equal(await page.locator("#errors-title").count(), 1);
  assert.equal(await page.locator("#fleet-title").count(), 1);
  assert.equal(await page.locator("#health-title").count(), 0, "only the chapter's views");
  assert.deepEqual(problems, []);
  await page.close();
});

test("a checkpoint hides its answer until a guess is committed, and keeps the guess in the env.browser", async () => {
  const { page, problems } = await open("?story=limit");
  const checkpoint = page.locator(".checkpoint");
  await checkpoint.waitFor();
  assert.equal(await page.locator(".answer").count(), 0, "no answer on the page before a guess");
  assert.doesNotMatch(await page.locator("main").innerText(), /first alarm fires at/);
  const commit = page.getByRole("button", { name: "Commit my guess and reveal the answer" });
  assert.ok(await commit.isDisabled(), "nothing to commit before choosing");
  await page.getByRole("radio", { name: /As soon as the addition finishes/ }).check();
  await commit.click();
  const answer = page.locator(".answer");
  await answer.waitFor();
  const text = await answer.innerText();
  assert.match(text, /Not quite\. Your guess: As soon as the addition finishes/);
  const since = day.first_alarm - day.capacity_add_started;
  assert.ok(text.includes(`The model's first alarm fires at ${hhmm(day.first_alarm)} PST, ${Math.floor(since / 60)} h ${String(since % 60).padStart(2, "0")} min after the addition started (AWS: 05:15)`), text);
  await page.reload();
  await page.locator(".answer").waitFor({ timeout: 30000 });
  assert.ok(await page.getByRole("radio", { name: /As soon as the addition finishes/ }).isChecked(), "the guess is kept");
  await page.getByRole("button", { name: "Forget my guesses" }).click();
  await page.locator(".answer").waitFor({ state: "detached" });
  // The restart checkpoint's answer comes from a run of the model at three times the rate.
  for (let k = 0; k < 4; k++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => /slow restart/.test(document.querySelector(".story-title")?.textContent));
  await page.getByRole("radio", { name: /Later: starved servers/ }).check();
  await page.getByRole("button", { name: "Commit my guess and reveal the answer" }).click();
  // That run is computed in slices once the answer is shown: await its figures.
  const faster = /restarting at 870 servers an hour evicts [1-9][\d,]* servers \(on the day: 0\)/;
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector(".model-answer")?.textContent ?? ""), faster.source, { timeout: 30000 });
  assert.match(await page.locator(".model-answer").innerText(), faster);
  assert.deepEqual(problems, []);
  await page.close();
});

test("the presenter view: large type, no controls, driven by the keyboard", async () => {
  const { page, problems } = await open("?story=alarm&present=1");
  assert.equal(await page.locator(".controls-panel").isVisible(), false);
  assert.equal(await page.locator(".story-nav").isVisible(), false);
  assert.equal(await page.locator(".story-start").isVisible(), false);
  // One short claim on the screen; the narration is the facilitator's to say.
  const claim = page.locator(".story-claim");
  const size = await claim.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(size >= 24, `large type (${size}px)`);
  assert.ok((await claim.innerText()).split(/\s+/).length <= 15, "a claim of 15 words or fewer");
  assert.equal(await page.locator(".story-text").count(), 0, "no paragraphs on the projector");
  // Every label the room reads is 24 px or more, and nothing says to point at anything.
  const small = await smallText(page, 24);
  assert.deepEqual(small, [], "no text under 24 px");
  const pointing = await page.evaluate(() => [...document.querySelectorAll(".hint, .fleet-tools")].filter((e) => e.checkVisibility()).length);
  assert.equal(pointing, 0, "no pointing hints");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => /Diagnosis/.test(document.querySelector(".story-title")?.textContent));
  await page.screenshot({ path: join(OUTPUT, "story-presenter-1280x800.png") });
  await page.keyboard.press("p");
  await page.locator(".story-nav").waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("the story on a 390x844 phone", async () => {
  const { page, problems } = await open("?story=restart", { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (${overflow}px)`);
  await page.getByRole("button", { name: "Next chapter →" }).click();
  await page.waitForFunction(() => document.querySelector(".story-title")?.textContent === "The cascade");
  await page.screenshot({ path: join(OUTPUT, "story-390x844.png"), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the facilitator's guide has a 60-minute plan and questions, and prints cleanly", async () => {
  const page = await env.browser.newPage();
  await page.goto(env.server.url + "facilitator.html");
  assert.match(await page.locator("h1").innerText(), /60 minutes/);
  assert.ok((await page.locator("table tbody tr").count()) >= 8);
  assert.ok((await page.locator("ol li").count()) >= 5);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.getByRole("button", { name: "Print this guide" }).isVisible(), false);
  const pdf = await page.pdf({ path: join(OUTPUT, "facilitator.pdf"), format: "A4" });
  assert.equal(pdf.subarray(0, 4).toString(), "%PDF");
  await page.close();
});

for (const [name, query] of [
  ["the main page", ""],
  ["the main page at 06:00 with a branch and the tables open", "?t=06:00&b=09:00,restart.per_hour=900"],
  ["the story", "?story=limit"],
  ["the presenter view", "?story=cascade&present=1"],
  ["embed mode", "?embed=fleet,graph,errors&t=06:00"],
  ["the main page in dark colours (theme=dark)", "?theme=dark"],
  ["embed mode in dark colours (theme=dark)", "?embed=fleet,graph,errors&t=06:00&theme=dark"],
  ["the facilitator's guide", "facilitator.html"],
]) {
  test(`axe-core: no serious or critical violation on ${name}`, async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(env.server.url + query);
    if (!query.startsWith("facilitator")) {
      await page.locator(".clock-time").waitFor({ state: "attached", timeout: 30000 });
      await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
      // Every part built (they mount a task apart, some once the reader acts), then two frames.
      await page.mouse.wheel(0, 100);
      await page.waitForFunction(() => !document.querySelector(".waiting"), null, { timeout: 10000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      if (query.includes("b=")) {
        for (const d of await page.locator("details").all()) await d.evaluate((e) => (e.open = true));
      }
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    assert.deepEqual(
      bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`),
      [],
    );
    await context.close();
  });
}
