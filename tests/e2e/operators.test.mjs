// What the operators saw: the switch, INSUFFICIENT_DATA while CloudWatch cannot be read (06:30)
// and not before the outage (01:00), the charts covered where the dashboard had no data, a link
// and an embed that keep the view, and the story's diagnosis chapter shown through it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUTPUT, openPage, readerActs, seek, useBrowser } from "./harness.mjs";

const env = useBrowser();

async function open(query, viewport = { width: 1280, height: 800 }) {
  // An embed or a chapter may show no fleet: wait for the run, then for what is built later.
  const { page, problems } = await openPage(env.browser, env.server.url + query, viewport);
  await readerActs(page);
  await page.locator(".chart canvas").first().waitFor({ state: "attached", timeout: 30000 });
  return { page, problems };
}

const alarmShown = (page) => page.locator(".operators-seen .alarm-state").innerText();

test("the switch shows INSUFFICIENT_DATA at 06:30 and not at 01:00, covers the charts, and switches back to the truth", async () => {
  const { page, problems } = await open("?t=06:30");
  const sw = page.getByRole("switch", { name: "What the operators saw" });
  assert.equal(await sw.isChecked(), false);
  assert.equal(await page.locator(".covers").count(), 0, "the truth has no covers");
  await sw.check();
  await page.locator(".operators-readout").waitFor();
  assert.equal(await alarmShown(page), "INSUFFICIENT_DATA");
  assert.equal(await page.locator(".chart-views.three .alarm-badge strong").innerText(), "INSUFFICIENT_DATA");
  // The error chart hides what the dashboard did not have: no data after the buffers filled,
  // and nothing after the cursor.
  const errors = page.locator(".chart-views.three .panel").first();
  assert.ok((await errors.locator(".seen.missing").count()) >= 1, "a gap in the data");
  assert.equal(await errors.locator(".seen.future").count(), 1, "the future covered");
  assert.match(await page.locator("#narration").innerText(), /^Known: alarm INSUFFICIENT_DATA; no datapoint since 05:\d\d.*True: Kinesis fails about (90|100)% of requests/);
  assert.match(await page.locator(".operators-seen").innerText(), /Service Health Dashboard, as customers saw it: nothing posted/);
  await page.waitForFunction(() => new URLSearchParams(location.search).get("operators") === "1");
  await errors.scrollIntoViewIfNeeded();
  await page.locator(".operators-panel").scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUTPUT, "operators-0630-1280x800.png") });
  await seek(page, "01:00");
  assert.equal(await alarmShown(page), "OK");
  assert.equal(await errors.locator(".seen.missing").count(), 0, "no gap before the outage");
  assert.doesNotMatch(await page.locator("main").innerText(), /INSUFFICIENT_DATA/);
  await sw.uncheck();
  await page.locator(".operators-readout").waitFor({ state: "detached" });
  assert.equal(await page.locator(".covers").count(), 0);
  assert.doesNotMatch(await page.locator("#narration").innerText(), /^Known:/);
  await page.waitForFunction(() => !new URLSearchParams(location.search).has("operators"));
  assert.deepEqual(problems, []);
  await page.close();
});

test("a link with operators=1 restores the view, in the app and in an embed", async () => {
  const { page, problems } = await open("?operators=1&t=06:30");
  assert.equal(await page.getByRole("switch", { name: "What the operators saw" }).isChecked(), true);
  assert.equal(await alarmShown(page), "INSUFFICIENT_DATA");
  await page.close();
  const embed = await open("?embed=errors&operators=1&t=06:30");
  await embed.page.locator(".alarm-badge").waitFor();
  assert.equal(await embed.page.locator(".alarm-badge strong").innerText(), "INSUFFICIENT_DATA");
  assert.deepEqual([...problems, ...embed.problems], []);
  await embed.page.close();
});

test("the diagnosis chapter is told through the operators' view, and its checkpoint asks what they saw at 06:30", async () => {
  const { page, problems } = await open("?story=diagnosis");
  await page.locator(".operators-readout").waitFor();
  assert.equal(await page.getByRole("switch", { name: "What the operators saw" }).isChecked(), true);
  await page.getByRole("radio", { name: /INSUFFICIENT_DATA/ }).check();
  await page.getByRole("button", { name: "Commit my guess and reveal the answer" }).click();
  await page.locator(".model-answer").waitFor();
  assert.match(await page.locator(".model-answer").innerText(), /at 06:30 the CloudWatch alarm on Kinesis errors is INSUFFICIENT_DATA, the newest Kinesis datapoint on the dashboard is 0[56]:\d\d, \d+ min old/);
  // The next chapter shows the truth again.
  await page.getByRole("button", { name: "Forget my guesses" }).click();
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => /removing the capacity/.test(document.querySelector(".story-title")?.textContent));
  await page.locator(".operators-readout").waitFor({ state: "detached" });
  assert.deepEqual(problems, []);
  await page.close();
});
