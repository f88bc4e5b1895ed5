// The one-file edition (dist/kinesis-cascade-standalone.html), opened from file:// as from a USB
// stick: it plays and scrubs with no page error, and its links name the file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { statSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ROOT, launch, readerActs } from "./harness.mjs";

const FILE = join(ROOT, "dist", "kinesis-cascade-standalone.html");

test("the standalone file, opened from file://, plays and scrubs with no page error", async () => {
  assert.ok(statSync(FILE).size > 500_000, "the wasm is inside");
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = [];
    page.on("pageerror", (e) => problems.push(String(e)));
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${pathToFileURL(FILE).href}?t=06:00`);
    await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
    await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
    assert.equal(await page.locator(".clock-time").innerText(), "06:00");
    await page.getByRole("slider", { name: "Time" }).fill(String(12 * 60));
    await page.waitForFunction(() => document.querySelector(".clock-time")?.textContent === "12:00");
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await page.waitForFunction(() => document.querySelector(".clock-time")?.textContent !== "12:00");
    await page.getByRole("button", { name: "Pause", exact: true }).click();
    // Below the first screen: a link names the file itself; an export that needs the worker
    // says why it cannot run from a file, the sweep runs in the page instead of a worker, and
    // the page keeps working.
    await readerActs(page);
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.locator(".link-text").waitFor();
    assert.match(await page.locator(".link-text").inputValue(), /^file:.*kinesis-cascade-standalone\.html\?v=1&/);
    await page.getByRole("button", { name: "Series and events (JSON)" }).click();
    await page.getByText(/a page opened from a file cannot start/).waitFor({ timeout: 10000 });
    // A long job that needs the worker elsewhere finishes here in the page: the sweep.
    await page.getByRole("button", { name: /Run 50 days of the model/ }).click();
    await page.locator(".sweep-summary").waitFor({ timeout: 120000 });
    assert.equal(await page.locator(".sweep table tbody tr").count(), 50);
    await page.getByRole("slider", { name: "Time" }).fill(String(3 * 60));
    await page.waitForFunction(() => document.querySelector(".clock-time")?.textContent === "03:00");
    // Nothing fetched but the file itself (and the data and blob addresses it makes).
    assert.deepEqual(requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:")), []);
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    await browser.close();
  }
});
