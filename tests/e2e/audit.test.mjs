// The first screen as a newcomer meets it (audit.mjs measures; this holds the limits), and the
// fleet arranged by threads drifting across the limit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { controlsInViewport, fleetTop, layoutShift, smallTargets, smallText } from "./audit.mjs";
import { openApp, openMore, seek, useBrowser } from "./harness.mjs";

const env = useBrowser();

test("the first desktop screen has at most 8 controls, one large Play, and no text under 12 px", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url, { width: 1280, height: 800 });
  const controls = await controlsInViewport(page);
  assert.ok(controls.length <= 8, `${controls.length} controls: ${controls.join(", ")}`);
  const play = await page.getByRole("button", { name: "Play", exact: true }).boundingBox();
  assert.ok(play.height >= 48 && play.width >= 100, `a large Play (${play.width} x ${play.height})`);
  await openMore(page);
  assert.deepEqual(await smallText(page), []);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("on a phone the fleet is above the fold, Play sits in a bar at the bottom, every control is at least 44 px, and no text is under 12 px", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url, { width: 390, height: 844 });
  assert.ok((await fleetTop(page)) < 844 - 120, "the fleet's top edge well above the fold");
  const play = await page.getByRole("button", { name: "Play", exact: true }).boundingBox();
  assert.ok(play.height >= 48 && play.y + play.height <= 844 && play.y > 844 - 100, `Play in the bottom bar (${JSON.stringify(play)})`);
  await page.getByRole("button", { name: "Next chapter" }).click();
  await page.locator(".playbar .chapter-title").getByText("Every server past the limit").waitFor();
  await openMore(page);
  assert.deepEqual(await smallTargets(page), []);
  assert.deepEqual(await smallText(page), []);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("the page does not shift as it builds itself: cumulative layout shift at most 0.05 over five loads", async () => {
  for (let k = 0; k < 5; k++) {
    for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
      const cls = await layoutShift(env.browser, env.server.url, viewport);
      assert.ok(cls <= 0.05, `load ${k + 1} at ${viewport.width} px: ${cls}`);
    }
  }
});

test("arranged by threads, the fleet's dots cross the limit's line between 03:00 and 04:00, and a tapped server is ringed", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Arrange by threads" }).click();
  await page.locator(".limit-label").getByText(/to spare \(assumed\)/).waitFor();
  // Share of the painted dots right of the limit's line (the line's place read from its label).
  const pastLine = () => page.evaluate(() => {
    const c = document.getElementById("fleet-canvas");
    const label = document.querySelector(".limit-label");
    const box = c.getBoundingClientRect();
    const l = label.getBoundingClientRect();
    const lineX = label.classList.contains("to-left") ? l.right : l.left;
    const x0 = Math.round(((lineX - box.left) / box.width) * c.width);
    const data = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let left = 0, right = 0;
    for (let p = 0; p < data.length; p += 4) {
      if (data[p + 3] !== 255) continue;
      const x = (p / 4) % c.width;
      if (Math.abs(x - x0) <= 1) continue;
      if (x < x0) left++; else right++;
    }
    return right / Math.max(1, left + right);
  });
  await seek(page, "02:30");
  assert.equal(await pastLine(), 0, "before the addition every dot is left of the line");
  await seek(page, "03:00");
  const three = await pastLine();
  await seek(page, "04:00");
  const four = await pastLine();
  assert.ok(three < 0.5 && four > 0.5 && four > three + 0.4, `past the line: ${three} at 03:00, ${four} at 04:00`);
  // Tap a dot: the server's details show, and its ring is drawn in both layouts.
  const canvas = page.locator("#fleet-canvas");
  const box = await canvas.boundingBox();
  const before = await canvas.screenshot();
  await page.mouse.click(box.x + box.width * 0.75, box.y + box.height - 3);
  await page.locator(".server-detail strong").getByText(/^Server \d+/).waitFor();
  assert.notDeepEqual(await canvas.screenshot(), before, "the ring is drawn");
  await page.getByRole("button", { name: "Arrange by threads" }).click();
  await page.locator(".server-detail strong").getByText(/^Server \d+/).waitFor();
  assert.deepEqual(problems.console, []);
  await page.close();
});
