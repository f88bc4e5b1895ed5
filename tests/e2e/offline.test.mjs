// Offline after a first visit: the service worker (static/sw.js) caches the build's files, a
// reload with the network cut starts the app, and a new build is offered with a Reload button.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, launch, serveDist } from "./harness.mjs";

/** A copy of dist/ served on its own port, so that a test can deploy a "new version" into it. */
async function servedCopy() {
  const dir = mkdtempSync(join(tmpdir(), "kc-dist-"));
  cpSync(join(ROOT, "dist"), dir, { recursive: true });
  const server = await serveDist(dir);
  return { dir, server, stop: () => { server.stop(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Opens the app and waits until its service worker is active (every file cached). */
async function firstVisit(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  await page.goto(url);
  await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active.state));
  return { page, problems };
}

test("after a first visit, a reload with the network cut starts the app, its workers included", async () => {
  const browser = await launch();
  const copy = await servedCopy();
  try {
    const context = await browser.newContext();
    const { page, problems } = await firstVisit(context, `${copy.server.url}?t=06:00`);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
    await page.locator("#fleet-canvas").waitFor();
    assert.equal(await page.locator(".clock-time").innerText(), "06:00");
    // The worker's files too: a JSON export runs in the worker.
    await page.mouse.wheel(0, 200);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 30000 }),
      page.getByRole("button", { name: "Series and events (JSON)" }).click(),
    ]);
    assert.ok((await download.path()) !== null);
    assert.deepEqual(problems.filter((p) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(p)), []);
    await context.close();
  } finally {
    copy.stop();
    await browser.close();
  }
});

test("a newer version deployed is offered with a Reload button, and the reload shows it", async () => {
  const browser = await launch();
  const copy = await servedCopy();
  try {
    const context = await browser.newContext();
    const { page } = await firstVisit(context, copy.server.url);
    await page.reload();
    await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
    assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), "served by the worker");
    // Deploy a new build: its worker differs (a new version of the list).
    const sw = join(copy.dir, "sw.js");
    appendFileSync(sw, `\n// build ${readFileSync(sw).length}\n`);
    await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.update()));
    const offer = page.locator(".banner.update");
    await offer.getByText("A new version of this page is ready").waitFor({ timeout: 30000 });
    await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: "Reload" }).click()]);
    await page.getByRole("button", { name: "Play", exact: true }).waitFor({ timeout: 30000 });
    assert.equal(await page.locator(".banner.update").count(), 0, "the new version runs; nothing more to offer");
    await context.close();
  } finally {
    copy.stop();
    await browser.close();
  }
});
