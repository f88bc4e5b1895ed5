// End-to-end tests of "How sure is the model?": the section computes in the workers with its
// progress, shows the tornado chart and the table, keeps the page answering, can be cancelled,
// exports, links to the parameters, is restored by a link, and the seed spread on the charts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT, cli, clockText, dayMoments, hhmm, openApp, useBrowser } from "./harness.mjs";

const env = useBrowser();

// A fleet of 41,081 servers: each run takes long enough that the analysis is still running
// while the test plays the replay and cancels it.
const BIG = [
  "set=fleet.servers=40000", "set=fleet.added=1081", "set=threads.limit=40846",
  "set=restart.per_hour=3135", "set=ops.removal_per_hour=270",
].join("&");

const RUNNING = /(\d+) of (\d+) runs/;

/** Non-background pixels of a canvas. */
const inkOf = (page, selector) => page.locator(selector).evaluate((c) => {
  const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let p = 0; p < data.length; p += 4) if (data[p] < 200 && data[p + 3] === 255) ink++;
  return ink;
});

test("the section computes, shows the tornado and the table, exports and links to each parameter", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const section = page.locator("section.sensitivity");
  await section.scrollIntoViewIfNeeded();
  await page.getByRole("heading", { name: "How sure is the model?" }).waitFor();
  await page.getByRole("button", { name: /Compute: \d+ runs of the model/ }).click();
  // The progress shows at once, then the finished analysis.
  await section.getByText(RUNNING).waitFor({ timeout: 5000 });
  await section.getByText(/\d+ runs in [\d.]+ s/).waitFor({ timeout: 60000 });
  assert.match(await section.innerText(), /Kinesis fully back to normal: 22:\d\d with the scenario's values; from \d\d:\d\d to \d\d:\d\d over 20 seeds/);
  const rows = section.locator("table.sensitivity-table tbody tr");
  assert.ok(await rows.count() >= 5, "assumptions that move the recovery are listed");
  assert.ok(await inkOf(page, ".sensitivity-canvas") > 2000, "the tornado is drawn");
  // Another milestone: the first alarm, which the shard-map lease moves.
  await page.getByRole("combobox", { name: "Milestone" }).selectOption("first_alarm");
  await section.getByRole("link", { name: "shardmap.lease_min" }).waitFor();
  // The first alarm of the scenario's own run, read from the command line; the seeds may move it
  // by a minute or so (each seed draws the servers' threads at rest).
  const alarm = hhmm(dayMoments().first_alarm);
  const said = (await section.innerText()).match(/first alarm[^\n]*: (\d\d:\d\d) with the scenario's values; (the same minute, \d\d:\d\d, in all 20 seeds|from \d\d:\d\d to \d\d:\d\d over 20 seeds)/);
  assert.ok(said, "the first alarm's line");
  assert.equal(said[1], alarm);
  await section.screenshot({ path: join(OUTPUT, "sensitivity-1280x800.png") });
  // The table as CSV: one row per parameter and milestone.
  const [dl] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Table as CSV" }).click()]);
  const path = join(OUTPUT, dl.suggestedFilename());
  await dl.saveAs(path);
  const lines = readFileSync(path, "utf8").trim().split("\n");
  assert.equal(lines[0], "key,low,high,milestone,baseline,at_low,at_high,shift_low_min,shift_high_min,rank");
  // One row per parameter and milestone: every parameter has a row for every milestone.
  const rowsOf = new Map();
  for (const line of lines.slice(1)) {
    const [key, , , milestone] = line.split(",");
    rowsOf.set(key, (rowsOf.get(key) ?? new Set()).add(milestone));
  }
  const milestones = new Set(lines.slice(1).map((l) => l.split(",")[3]));
  assert.ok(milestones.size > 15, `${milestones.size} milestones`);
  for (const [key, seen] of rowsOf) assert.equal(seen.size, milestones.size, key);
  assert.equal(lines.length - 1, rowsOf.size * milestones.size);
  // The chart as SVG, drawn in the worker.
  const [svg] = await Promise.all([page.waitForEvent("download"), section.getByRole("button", { name: "Chart as SVG" }).click()]);
  const svgPath = join(OUTPUT, svg.suggestedFilename());
  await svg.saveAs(svgPath);
  // Parameters named in words where they are drawn (their keys are in the table).
  assert.match(readFileSync(svgPath, "utf8"), /<svg[\s\S]*how long an old map routes/);
  // A row's link opens the scenario panel at that parameter's control.
  await section.getByRole("link", { name: "shardmap.lease_min" }).click();
  const control = page.getByRole("textbox", { name: "shardmap.lease_min (minutes)" });
  await control.waitFor();
  await page.waitForFunction(() => {
    const row = document.getElementById("param-shardmap.lease_min")?.getBoundingClientRect();
    return row && row.top >= 0 && row.bottom <= innerHeight;
  });
  assert.equal(await control.inputValue(), String(JSON.parse(cli(["scenario"])).shardmap.lease_min));
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a link with the view computes it at once; the replay keeps playing meanwhile, and it can be cancelled", async () => {
  const { page, problems } = await openApp(env.browser, `${env.server.url}?views=fleet,sensitivity&${BIG}`);
  const section = page.locator("section.sensitivity");
  await section.getByText(RUNNING).waitFor({ timeout: 10000 });
  // The page answers while the workers compute: the replay plays.
  const before = await clockText(page);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction((t) => document.querySelector(".clock-time")?.textContent !== t, before);
  const [, done, total] = (await section.innerText()).match(RUNNING) ?? [];
  assert.ok(Number(done) < Number(total), `still computing while playing (${done} of ${total})`);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await section.getByRole("button", { name: "Cancel" }).click();
  await section.getByText(/Cancelled after \d+ of \d+ runs/).waitFor();
  assert.ok(await page.getByRole("button", { name: /Compute: \d+ runs of the model/ }).isEnabled());
  assert.match(page.url(), /views=fleet%2Csensitivity|views=fleet,sensitivity/, "the link keeps the view");
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("the spread over seeds is shaded behind the error and state charts", async () => {
  const { page, problems } = await openApp(env.browser, `${env.server.url}?views=fleet,errors,states&t=12:00`);
  const canvases = page.locator(".chart-views canvas");
  await canvases.first().waitFor();
  const snapshot = () => canvases.evaluateAll((cs) => cs.map((c) => c.toDataURL()));
  await page.waitForFunction(() => document.querySelectorAll(".chart-views canvas").length >= 2);
  const plain = await snapshot();
  await page.getByRole("checkbox", { name: /Spread over 20 seeds/ }).check();
  await page.getByText("shaded behind the run").waitFor({ timeout: 30000 });
  await page.waitForFunction((was) => {
    const now = [...document.querySelectorAll(".chart-views canvas")].map((c) => c.toDataURL());
    return now.length === was.length && now.every((u, k) => u !== was[k]);
  }, plain);
  await page.getByRole("checkbox", { name: /Spread over 20 seeds/ }).uncheck();
  await page.waitForFunction((was) => {
    const now = [...document.querySelectorAll(".chart-views canvas")].map((c) => c.toDataURL());
    return now.every((u, k) => u === was[k]);
  }, plain);
  assert.deepEqual(problems.console, []);
  await page.close();
});
