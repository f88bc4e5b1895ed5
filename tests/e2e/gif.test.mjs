// The animated GIF export: the default range makes a GIF the browser decodes (more than ten
// frames, the stated size, the fleet failing in the last frame), under 5 MB; Cancel stops it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT, openApp, readerActs, useBrowser } from "./harness.mjs";

const env = useBrowser();

test("the default GIF (02:30 to 10:30) decodes with more than 10 frames at 800x450, under 5 MB", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await readerActs(page);
  const button = page.getByRole("button", { name: /GIF/ }).first();
  await button.scrollIntoViewIfNeeded();
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 120000 }), button.click()]);
  assert.equal(dl.suggestedFilename(), "kinesis-cascade-0230-1030.gif");
  const path = join(OUTPUT, dl.suggestedFilename());
  await dl.saveAs(path);
  const bytes = readFileSync(path);
  assert.equal(bytes.subarray(0, 6).toString("latin1"), "GIF89a");
  assert.ok(bytes.length < 5 * 1024 * 1024, `${bytes.length} bytes`);
  const status = await page.locator(".gif-status").innerText();
  assert.match(status, /97 frames of 800x450, \d+ KiB, made in [\d.]+ s/);
  console.log(`# GIF: ${status.trim()}`);
  // Decoded by the browser's own GIF decoder, not by the code that wrote it.
  const decoded = await page.evaluate(async (b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const decoder = new ImageDecoder({ data, type: "image/gif" });
    await decoder.tracks.ready;
    await decoder.completed;
    const frames = decoder.tracks.selectedTrack.frameCount;
    const { image } = await decoder.decode({ frameIndex: frames - 1 });
    const canvas = new OffscreenCanvas(image.displayWidth, image.displayHeight);
    const ctx = canvas.getContext("2d");
    ctx.drawImage(image, 0, 0);
    const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let failing = 0;
    for (let p = 0; p < px.length; p += 4) if (px[p] === 213 && px[p + 1] === 94 && px[p + 2] === 0) failing++;
    return { frames, width: image.displayWidth, height: image.displayHeight, failing };
  }, bytes.toString("base64"));
  assert.ok(decoded.frames > 10, `${decoded.frames} frames`);
  assert.equal(decoded.frames, 97);
  assert.deepEqual([decoded.width, decoded.height], [800, 450]);
  assert.ok(decoded.failing > 10000, `the fleet failing at 10:30 (${decoded.failing} vermillion pixels)`);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a GIF can be cancelled, and a range outside the run is refused by name", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await readerActs(page);
  await page.getByLabel("GIF from (HH:MM)").fill("00:00");
  await page.getByLabel("GIF to (HH:MM)").fill("23:55");
  await page.getByLabel("GIF to (HH:MM)").press("Tab");
  await page.getByRole("button", { name: /GIF/ }).first().click();
  await page.getByRole("button", { name: "Cancel the GIF" }).click();
  await page.getByText("The GIF was cancelled.").waitFor();
  await page.getByLabel("GIF to (HH:MM)").fill("soon");
  await page.getByLabel("GIF to (HH:MM)").press("Tab");
  await page.getByRole("button", { name: /GIF/ }).first().click();
  await page.getByText(/The GIF needs two times such as 02:30 and 10:30/).waitFor();
  assert.deepEqual(problems.console, []);
  await page.close();
});
