// End-to-end tests of the what-if lab: remediation switches, the branch and its comparison,
// playing the recovery, the sweep, persistence across a reload, and refused values.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pastLimitShare, OUTPUT, canvasShare, cli, computed, openApp, seek, useBrowser } from "./harness.mjs";

const env = useBrowser();

/** The comparison table as { row name: [forked from, branch, difference] }. */
async function comparison(page) {
  await page.locator("table.comparison").waitFor();
  return page.evaluate(() =>
    Object.fromEntries(
      [...document.querySelectorAll("table.comparison tbody tr")].map((tr) => [
        tr.querySelector("th").textContent,
        [...tr.querySelectorAll("td")].map((td) => td.textContent),
      ]),
    ),
  );
}

const EVICTED = [204, 121, 167];

const row = (table, prefix) => Object.entries(table).find(([k]) => k.startsWith(prefix))?.[1];

test("the higher-thread-limit switch (a doubled limit) shows no outage, and switching it off brings it back", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const toggle = page.getByRole("checkbox", { name: /higher-thread-limit/ });
  await toggle.check();
  await computed(page);
  await seek(page, "06:00");
  assert.equal(await pastLimitShare(page), 0, "no server past the limit");
  assert.match(await page.locator('[data-service="kinesis"]').getAttribute("class"), /\bok\b/);
  // Combinable: a second switch keeps the first.
  await page.getByRole("checkbox", { name: /cognito-fix/ }).check();
  await computed(page);
  assert.ok(await toggle.isChecked(), "the first switch stays on");
  await toggle.uncheck();
  await computed(page);
  await seek(page, "06:00");
  assert.ok((await pastLimitShare(page)) > 0.9, "history again");
  assert.ok(await page.getByRole("checkbox", { name: /cognito-fix/ }).isChecked());
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a restart three times faster with the peer bootstrap: evictions, a setback, a later recovery; overlay and table", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await seek(page, "09:00");
  await page.getByRole("slider", { name: "Restart rate (servers per hour)" }).fill("870");
  await computed(page);
  const table = await comparison(page);
  const evicted = row(table, "servers evicted");
  assert.equal(evicted[0], "0", "history evicts nobody");
  assert.ok(Number(evicted[1]) > 100, `the fast restart evicts servers (${evicted[1]})`);
  const outage = row(table, "Kinesis outage");
  assert.match(outage[2], /longer: worse$/, `the outage is longer, not shorter, in words (${outage})`);
  const back = row(table, "Kinesis fully back");
  const minutes = (hhmm) => (/^\d\d:\d\d/.test(hhmm) ? Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5)) + (hhmm.includes("+1d") ? 1440 : 0) : Infinity);
  assert.ok(minutes(back[1]) > minutes(back[0]), `Kinesis is back later in the branch (${back})`);
  assert.ok(row(table, "first alarm"), "time to first alarm is compared");
  assert.ok(row(table, "failed requests"), "failed requests are compared");
  assert.ok(row(table, "CloudWatch: time degraded"), "downstream services are compared");
  // The banner names the branch and says which run was better, by as much as the table says.
  const banner = await page.locator(".branch-banner").innerText();
  assert.match(banner, /A branch \(restart\.per_hour=870 from 09:00\)/);
  const later = banner.match(/Kinesis is fully back (.+) later: at (\S+) instead of (\S+)\./);
  const never = banner.match(/Kinesis is not fully back by the end of the run \(the run it forked from: at (\S+)\)/);
  assert.ok(later || never, banner);
  if (later) assert.deepEqual([later[3], later[2]], back.slice(0, 2));
  else assert.deepEqual([never[1], "not by the end"], back.slice(0, 2));
  // The overlay: a legend for the run the branch forked from, under the three time charts.
  assert.ok((await page.locator(".swatch.compare").count()) >= 3);
  assert.match(await page.locator(".branch-changes").innerText(), /from 09:00 restart\.per_hour = 870/);
  // The fleet shows the branch: evicted servers on the canvas at some point of the restart.
  let most = 0;
  for (const t of ["10:00", "10:30", "11:00", "11:30", "12:00", "13:00", "14:00"]) {
    await seek(page, t);
    most = Math.max(most, await canvasShare(page, EVICTED));
  }
  assert.ok(most > 0.01, `evicted servers on the fleet canvas (at most ${most})`);
  await page.screenshot({ path: join(OUTPUT, "lab-branch-1280x800.png"), fullPage: true });
  await page.getByRole("button", { name: "Drop the branch" }).click();
  assert.equal(await page.locator("table.comparison").count(), 0);
  assert.equal(await page.locator(".branch-banner").count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("playing the recovery: changing the restart rate while playing forks at the playing minute", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await seek(page, "10:00");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  // The replay has moved on from 10:00: the change is made while it plays.
  await page.waitForFunction(() => document.querySelector(".clock-time")?.textContent !== "10:00");
  await page.getByRole("slider", { name: "Restart rate (servers per hour)" }).fill("1200");
  await computed(page);
  const text = await page.locator(".branch-changes").innerText();
  const [, hh, mm] = text.match(/from (\d\d):(\d\d) restart\.per_hour = 1200/);
  const at = Number(hh) * 60 + Number(mm);
  assert.ok(at > 600, `forked after 10:00, while playing (${hh}:${mm})`);
  assert.ok(await page.getByRole("button", { name: "Pause" }).isVisible(), "still playing");
  assert.ok(Number(row(await comparison(page), "servers evicted")[1]) > 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

/** Runs the fleet-size sweep and checks its plot, table and summary; returns its time (ms). */
async function sweepAndCheck(page) {
  await page.getByRole("button", { name: /Run 50 days of the model/ }).click();
  await page.locator(".sweep-summary").waitFor({ timeout: 60000 });
  const summary = await page.locator(".sweep-summary").innerText();
  assert.match(summary, /The cliff: at \d+ \(.*\) the day has no outage; at \d+ Kinesis is out for \d+ h/);
  // Fleets past the limit before the addition are a named region, not an endless outage.
  assert.match(summary, /In the shaded region \(\d+ of the 50 values\) the fleet is past the thread limit before the addition/);
  assert.ok((await page.locator(".sweep table tbody td", { hasText: "before the addition" }).count()) > 0);
  assert.equal(await page.locator(".sweep table tbody tr").count(), 50);
  const painted = await page.evaluate(() => {
    const c = document.querySelector(".sweep-canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let red = 0;
    for (let p = 0; p < d.length; p += 4) if (d[p] === 213 && d[p + 1] === 94 && d[p + 2] === 0) red++;
    return red;
  });
  assert.ok(painted > 100, `the outage line is drawn (${painted} pixels)`);
  return Number((await page.locator(".sweep-controls .small").innerText()).match(/in ([\d.]+) s/)[1]) * 1000;
}

test("the sweep over fleet size plots the cliff, computed in web workers", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  const ms = await sweepAndCheck(page);
  assert.ok(workers.length >= 1, "the sweep ran in workers");
  console.log(`sweep in ${workers.length} workers: ${ms.toFixed(0)} ms from the click to the plot`);
  await page.locator(".sweep").screenshot({ path: join(OUTPUT, "lab-sweep.png") });
  const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Plot as SVG" }).click()]);
  const svg = readFileSync(await dl.path(), "utf8");
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return [doc.querySelector("parsererror") === null, doc.documentElement.nodeName, doc.querySelectorAll("circle").length];
  }, svg);
  assert.deepEqual(parsed, [true, "svg", 50], "the SVG parses and holds the 50 points");
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("without workers (the worker script missing) the sweep runs in the page", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.route("**/worker_loader.js", (route) => route.abort());
  const ms = await sweepAndCheck(page);
  console.log(`sweep in the page: ${ms.toFixed(0)} ms from the click to the plot`);
  // The aborted script is the only console complaint allowed.
  assert.deepEqual(problems.console.filter((m) => !/worker_loader|Failed to load resource/.test(m)), []);
  await page.close();
});

test("the edited scenario and its branch survive a reload, and reset goes back to the preset", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.getByRole("checkbox", { name: /cellular/ }).check();
  await computed(page);
  await seek(page, "09:00");
  await page.getByLabel("Bootstrap source of a restarted server").selectOption("peers");
  await computed(page);
  // The address is written a task after the change: await it.
  await page.waitForFunction(() => /set=fleet\.cells%3D4/.test(location.search));
  await page.reload();
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  await computed(page);
  assert.ok(await page.getByRole("checkbox", { name: /cellular/ }).isChecked(), "the switch is restored");
  assert.match(await page.locator(".branch-changes").innerText(), /from 09:00 restart\.bootstrap = peers/);
  // Opening the page without a link restores the saved scenario too.
  await page.goto(env.server.url);
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  await computed(page);
  assert.ok(await page.getByRole("checkbox", { name: /cellular/ }).isChecked(), "restored from storage");
  await page.getByText("The scenario: every parameter").click();
  await page.getByRole("button", { name: "Reset to the preset" }).click();
  await computed(page);
  assert.ok(!(await page.getByRole("checkbox", { name: /cellular/ }).isChecked()));
  assert.equal(await page.locator(".branch-changes").count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a refused value in the branch names the problem and the page keeps working", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await seek(page, "10:00");
  await page.getByLabel("Parameter to change in the branch").selectOption("fleet.servers");
  await page.getByLabel("New value for the branch").fill("3000");
  await page.getByRole("button", { name: "Apply from the cursor" }).click();
  const alert = page.locator(".branch .param-error");
  await alert.waitFor();
  assert.match(await alert.innerText(), /fleet\.servers.*from the start/);
  await page.getByLabel("Parameter to change in the branch").selectOption("restart.per_hour");
  await page.getByLabel("New value for the branch").fill("99999999");
  await page.getByRole("button", { name: "Apply from the cursor" }).click();
  await page.waitForFunction(() => /restart\.per_hour.*allowed/.test(document.querySelector(".branch .param-error")?.textContent ?? ""));
  // Everything else still works.
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(() => document.querySelector(".clock-time")?.textContent !== "10:00");
  await page.getByRole("button", { name: "Pause" }).click();
  assert.equal(await page.locator("table.comparison").count(), 0, "no branch was made");
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a scenario that could not have been running says so in a banner, and the page keeps working", async () => {
  const { page, problems } = await openApp(env.browser, `${env.server.url}?set=fleet.servers=3900`);
  const banner = page.locator(".banner.precondition");
  await banner.waitFor();
  assert.match(await banner.innerText(), /could not have been running.*past the limit before the addition/s);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.getByRole("button", { name: "Pause", exact: true }).waitFor();
  // The historical scenario has no such banner.
  await page.goto(env.server.url);
  await computed(page);
  assert.equal(await page.locator(".banner.precondition").count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a run that ends before Kinesis is back says why, in the model's words, as the command line does", async () => {
  const { page, problems } = await openApp(env.browser, `${env.server.url}?set=time.end_min=12:00`);
  const banner = page.locator(".banner.unfinished");
  await banner.waitFor();
  const text = await banner.innerText();
  assert.match(text, /Not back by the end of the run: the run ends at 11:59 .*the restart is under way/s);
  // The same sentence as the command line's for the same run.
  const { outage } = JSON.parse(cli(["run", "--set", "time.end_min=12:00"]));
  assert.equal(outage.ongoing, true);
  assert.equal(text.replace(/^Not back by the end of the run: /, "").trim(), outage.why_not_back);
  assert.equal(await page.locator(".banner.precondition").count(), 0, "not a precondition");
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a wrong first fix is one click away from the remediations: two restarts instead of one", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Try memory-fix-first" }).click();
  await page.waitForFunction(() => /preset=memory-fix-first/.test(location.search));
  await computed(page);
  await seek(page, "12:00");
  // The memory fix's restart runs while the capacity is still there: every restarted server
  // boots past the limit, and the fleet still fails.
  assert.ok((await pastLimitShare(page)) > 0.8, "still past the limit at noon");
  assert.deepEqual(problems.console, []);
  await page.close();
});
