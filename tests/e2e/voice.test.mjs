// One voice: the page's words against the run beside them. Text fits its box at three sizes, the
// story gives nothing away before the cursor reaches it and can be left and come back to, the
// operators' view shows only what a dashboard showed, a what-if is compared with the day, and
// the fleet's legend is where people look. Figures are read from the command line's runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { clippedText } from "./audit.mjs";
import { cli, dayMoments, hhmm, openPage, readerActs, useBrowser } from "./harness.mjs";

const env = useBrowser();
const day = dayMoments();

const open = async (query, viewport) => {
  const opened = await openPage(env.browser, env.server.url + query, viewport);
  return opened;
};

const SIZES = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
  { width: 1920, height: 1080 },
];

test("no label overflows or is clipped, at 1280x800, 390x844 and 1920x1080", async () => {
  for (const query of ["?t=12:00", "?story=cascade", "?story=discovery&present=1", "?operators=1&t=06:30", "?preset=restart-too-fast&t=14:00"]) {
    for (const viewport of SIZES) {
      const { page, problems } = await open(query, viewport);
      if (await page.locator(".waiting").count()) await readerActs(page);
      // Every drawer open, so that what it holds is measured too.
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await page.waitForFunction(() => !document.querySelector(".waiting"), null, { timeout: 10000 }).catch(() => {});
      assert.deepEqual(await clippedText(page), [], `${query} at ${viewport.width}x${viewport.height}`);
      assert.deepEqual(problems, []);
      await page.close();
    }
  }
});

test("the fleet arranged by threads keeps its labels inside, at 1280x800, 390x844 and 1920x1080", async () => {
  for (const viewport of SIZES) {
    const { page, problems } = await open("?t=04:00", viewport);
    await page.getByRole("button", { name: "Arrange by threads" }).click();
    await page.locator(".limit-label").waitFor();
    assert.deepEqual(await clippedText(page), [], `${viewport.width}x${viewport.height}`);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

/** Every clock time in the visible text of the page's main part, in minutes. */
const timesShown = (page) =>
  page.locator("main").evaluate((main) => [...main.innerText.matchAll(/\b(\d\d):(\d\d)\b/g)].map((m) => Number(m[1]) * 60 + Number(m[2])));

test("no spoilers: before the cursor reaches a moment, nothing on the page tells it", async () => {
  // The chapter asking when the first alarm fires: no later time anywhere, the charts covered
  // after the cursor, the scrubber naming no later chapter.
  const { page, problems } = await open("?story=limit");
  const now = day.every_past;
  await page.locator(".story-covers .seen.future").first().waitFor();
  const later = (await timesShown(page)).filter((t) => t > now);
  assert.deepEqual(later.map(hhmm), [], `times after ${hhmm(now)} on the page`);
  const marks = await page.locator(".chapter-mark").evaluateAll((ms) => ms.filter((m) => getComputedStyle(m).visibility !== "hidden").map((m) => m.textContent));
  assert.ok(!marks.includes("First alarm"), `marks shown: ${marks}`);
  assert.deepEqual(problems, []);
  await page.close();
  // Free play at 02:30: every service normal, and no failing minute shown yet.
  const early = await open("?t=02:30");
  await early.page.locator("[data-cascade]").first().waitFor();
  assert.equal(await early.page.locator(".cascade-list .when").count(), 0, "no failure told before it happens");
  const atEight = await open("?t=08:00");
  const told = await atEight.page.locator(".cascade-list .when").allInnerTexts();
  assert.ok(told.length > 0 && told.every((w) => /^failed at \d\d:\d\d$/.test(w)), told.join("|"));
  assert.ok(told.some((w) => w === `failed at ${hhmm(day.fails("kinesis_success"))}`), told.join("|"));
  await early.page.close();
  await atEight.page.close();
});

test("the story can be left for a what-if and come back to, titles come into view, and the certainty chapter waits for the guess", async () => {
  const { page, problems } = await open("?story=remediations", { width: 390, height: 844 });
  await page.getByRole("button", { name: "Try cellular" }).click();
  await page.getByRole("button", { name: "Back to the story" }).waitFor();
  assert.match(page.url(), /preset=cellular/);
  await page.getByRole("button", { name: "Back to the story" }).click();
  await page.waitForFunction(() => document.querySelector(".story-title")?.textContent === "What AWS changed, one click away");
  await page.waitForFunction(() => /story=remediations/.test(location.search) && !/preset=/.test(location.search));
  assert.equal(await page.locator(".scenario-banner").count(), 0, "the real day, no what-if");
  // Next, from the foot of the panel: the new chapter's title is in view.
  await page.getByRole("button", { name: "Next chapter →" }).scrollIntoViewIfNeeded();
  await page.getByRole("button", { name: "Next chapter →" }).click();
  await page.waitForFunction(() => document.querySelector(".story-title")?.textContent === "How sure is the model?");
  await page.waitForFunction(() => {
    const r = document.querySelector(".story-title").getBoundingClientRect();
    return r.top >= -1 && r.bottom <= window.innerHeight + 1;
  });
  // Nothing computes before the guess.
  assert.equal(await page.locator(".sensitivity").count(), 0, "no analysis before the guess");
  await page.getByRole("button", { name: /I have my guess: run the model \d+ times/ }).click();
  await page.locator(".sensitivity").first().waitFor({ timeout: 30000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the phone's chapter bar reaches the chapter the page opens on", async () => {
  const { page, problems } = await open("?t=02:50", { width: 390, height: 844 });
  await page.getByRole("button", { name: "Next chapter" }).click();
  await page.locator(".playbar .chapter-title").getByText("An hour of discovery").waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("the operators' view shows only what a dashboard showed, the readout on the first screen", async () => {
  const { page, problems } = await open("?operators=1&t=06:30&views=fleet,graph,threads,errors,states,health");
  await page.locator(".operators-panel").first().waitFor();
  if (await page.locator(".waiting").count()) await readerActs(page);
  assert.equal(await page.locator("#fleet-canvas").count(), 0, "no fleet");
  const off = await page.locator(".off-dashboard h2").allInnerTexts();
  assert.equal(off.length, 3, off.join("|"));
  const readout = await page.locator(".operators-panel").first().boundingBox();
  assert.ok(readout.y + 120 < 800, `the readout starts on the first screen (${readout.y})`);
  const cascade = await page.locator(".cascade-list").innerText();
  assert.doesNotMatch(cascade, /failing/, "the cascade as the status page showed it");
  assert.match(cascade, /shown normal/);
  assert.deepEqual(problems, []);
  await page.close();
});

test("a what-if is compared with the day as it happened, in the banner, the table and the charts", async () => {
  const whatIf = JSON.parse(cli(["run", "--preset", "fast-cold-start"])).milestones;
  const { page, problems } = await open("?preset=fast-cold-start&t=12:00");
  const banner = page.locator(".scenario-banner");
  await banner.getByText(/Kinesis fully back at/).waitFor({ timeout: 30000 });
  const text = await banner.innerText();
  const gap = day.kinesis_recovered - whatIf.kinesis_recovered;
  const words = `${Math.floor(gap / 60)} h ${String(gap % 60).padStart(2, "0")} min earlier than on the day`;
  assert.ok(text.includes(`Kinesis fully back at ${hhmm(whatIf.kinesis_recovered)}: ${words} (${hhmm(day.kinesis_recovered)} in the model; AWS: 22:23)`), text);
  await banner.getByText("Compare with the day as it happened").click();
  assert.match(await banner.locator("table.comparison caption").innerText(), /against the day as it happened/);
  assert.match(await page.locator("h1").innerText(), /^In the what-if fast-cold-start, Kinesis fails for \d+ h \d\d min$/);
  if (await page.locator(".waiting").count()) await readerActs(page);
  await page.locator(".legend").getByText("the day as it happened (line)").first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test("the fleet's legend, with its counts, is where people look", async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page, problems } = await open("?t=02:50", viewport);
    const legend = page.locator("ul.legend.states");
    await legend.waitFor();
    const box = await legend.boundingBox();
    const limit = viewport.width < 500 ? (await page.locator(".playbar").boundingBox()).y : viewport.height;
    assert.ok(box.y + box.height <= limit, `the legend (${box.y}+${box.height}) above ${limit} at ${viewport.width}`);
    const items = await legend.locator("li").allInnerTexts();
    assert.ok(items.some((t) => /^not yet added \d+$/.test(t.trim())), `servers not yet added, counted: ${items.join("|")}`);
    assert.ok(items.some((t) => /^serving \d+$/.test(t.trim())), items.join("|"));
    assert.deepEqual(problems, []);
    await page.close();
  }
});
