// Takes screenshots of the built app for people to look at: node tests/e2e/shoot.mjs [time]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch, openApp, serveDist, OUTPUT } from "./harness.mjs";

const time = process.argv[2] ?? "06:00";
mkdirSync(OUTPUT, { recursive: true });
const server = await serveDist();
const browser = await launch();
try {
  for (const [w, h] of [[1280, 800], [390, 844]]) {
    const { page, problems } = await openApp(browser, server.url, { width: w, height: h });
    const [hh, mm] = time.split(":").map(Number);
    await page.getByRole("slider", { name: "Time" }).fill(String(hh * 60 + mm));
    await page.waitForTimeout(300);
    const file = join(OUTPUT, `shot-${w}x${h}.png`);
    await page.screenshot({ path: file, fullPage: process.env.FULL === "1" || w < 500 });
    console.log(file, JSON.stringify(problems));
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
