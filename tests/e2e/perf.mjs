// Performance figures of the built app in headless Chromium, for BENCHMARKS.md (not a test:
// timings on these machines are too noisy to pass or fail on). Run: node tests/e2e/perf.mjs
import { computed, launch, openApp, openMore, serveDist } from "./harness.mjs";

const BIG = [
  "set=fleet.servers=40000", "set=fleet.added=1081", "set=threads.limit=40846",
  "set=restart.per_hour=3135", "set=ops.removal_per_hour=270",
].join("&");

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))];
};
const fmt = (x) => x.toFixed(1);

async function frameTimes(page, seconds) {
  // A frame's work: from the start of the animation-frame callback until the page shows the
  // new minute (Yew renders from its own scheduler, after the callback returns), polled with
  // MessageChannel messages, which run as soon as the main thread is free.
  await page.evaluate(() => {
    window.__durations = [];
    const channel = new MessageChannel();
    const waiting = [];
    channel.port1.onmessage = () => waiting.shift()?.();
    const tick = () => new Promise((r) => { waiting.push(r); channel.port2.postMessage(0); });
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => raf(async (ts) => {
      const t0 = performance.now();
      const before = document.querySelector(".clock-time")?.textContent;
      cb(ts);
      for (let k = 0; k < 200 && document.querySelector(".clock-time")?.textContent === before; k++) await tick();
      window.__durations.push(performance.now() - t0);
    });
  });
  await openMore(page);
  await page.getByRole("button", { name: "Restart the replay" }).click();
  await page.getByRole("slider", { name: "Speed" }).fill("2.079");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForTimeout(seconds * 1000);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  return page.evaluate(() => window.__durations.slice(2));
}

async function seekTimes(page, n) {
  return page.evaluate(async (n) => {
    const input = document.querySelector('input[aria-label="Time"]');
    const out = [];
    for (let k = 0; k < n; k++) {
      const t = Math.floor((k * 7919) % 1560);
      const t0 = performance.now();
      input.value = String(t);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      // Yew renders from its scheduler; wait until the clock shows the new minute.
      const want = `${String(Math.floor(t / 60) % 24).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
      const channel = new MessageChannel();
      while (document.querySelector(".clock-time").textContent !== want) {
        await new Promise((r) => { channel.port1.onmessage = r; channel.port2.postMessage(0); });
      }
      out.push(performance.now() - t0);
    }
    return out;
  }, n);
}

async function switchTimes(page) {
  const out = [];
  await openMore(page);
  for (const name of ["larger-hosts", "historical", "restart-too-fast", "historical", "fast-cold-start", "historical"]) {
    const t0 = Date.now();
    await page.getByLabel("Scenario", { exact: true }).selectOption(name);
    await page.waitForFunction((n) => document.querySelector("#preset").value === n, name);
    await computed(page);
    const model = await page.locator(".compute-time").innerText();
    out.push({ name, model: Number(model.match(/([\d.]+) ms/)[1]), total: Date.now() - t0 });
  }
  return out;
}

/** How sure is the model?: from the click to the count on screen, the first tornado bars, and the last run. */
async function sensitivityTimes(page) {
  await page.locator("section.sensitivity").scrollIntoViewIfNeeded();
  await page.getByRole("button", { name: /Compute: \d+ runs of the model/ }).waitFor();
  return page.evaluate(async () => {
    const button = [...document.querySelectorAll("button")].find((b) => /Compute: \d+ runs/.test(b.textContent));
    const t0 = performance.now();
    const out = {};
    button.click();
    await new Promise((done) => {
      const poll = () => {
        const t = performance.now() - t0;
        const text = document.querySelector("section.sensitivity")?.textContent ?? "";
        if (out.progress === undefined && / of \d+ runs/.test(text)) out.progress = t;
        const c = document.querySelector(".sensitivity-canvas");
        if (out.bars === undefined && c && c.width > 0) {
          const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          let ink = 0;
          for (let p = 0; p < d.length; p += 16) if (d[p + 3] === 255 && d[p] < 200) ink++;
          if (ink > 100) out.bars = t;
        }
        if (/\d+ runs in [\d.]+ s/.test(text)) { out.done = t; done(); } else requestAnimationFrame(poll);
      };
      poll();
    });
    return out;
  });
}

/**
 * Milliseconds from the start of navigation until Play works (the button is there, the model's
 * run is computed and the fleet drawn), on a throttled phone: DevTools' "Slow 4G" (562.5 ms
 * latency, 1.47 Mbit/s down, 675 kbit/s up) and the CPU slowed four times; a fresh context each
 * time, so nothing is cached.
 */
async function playReady(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url, { waitUntil: "commit" });
  const ready = await page.waitForFunction(() => {
    const play = document.querySelector("button[aria-label=Play]");
    return play && !document.querySelector(".computing") && document.getElementById("fleet-canvas") && performance.now();
  }, null, { polling: 50, timeout: 120000 });
  const ms = await ready.jsonValue();
  await context.close();
  return ms;
}

const server = await serveDist();
const browser = await launch();
try {
  const ready = [];
  for (let k = 0; k < 3; k++) ready.push(await playReady(browser, server.url));
  console.log(`Play works on a throttled phone (slow 4G, 4x CPU) after: ${ready.map((m) => (m / 1000).toFixed(2)).join(", ")} s`);
  const bytes = {};
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.loadingFinished", (e) => { bytes[e.requestId] = e.encodedDataLength; });
  const kinds = {};
  cdp.on("Network.responseReceived", (e) => { kinds[e.requestId] = e.response.url.split("/").pop(); });
  await page.goto(server.url);
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  await computed(page);
  await page.waitForTimeout(300);
  let total = 0;
  for (const [id, n] of Object.entries(bytes)) {
    if (/\.(wasm|js|css)$/.test(kinds[id] ?? "")) { total += n; console.log(`transfer ${kinds[id]}: ${n} bytes`); }
  }
  console.log(`transfer wasm+js+css: ${(total / 1024).toFixed(1)} KiB (gzip)`);
  const switches = await switchTimes(page);
  console.log("preset switch (model ms / total ms):", switches.map((s) => `${s.name} ${fmt(s.model)}/${s.total}`).join(", "));
  const f4 = await frameTimes(page, 4);
  console.log(`frames at ${await page.evaluate(() => document.getElementById("fleet-canvas").getAttribute("aria-label"))}: n=${f4.length} p50=${fmt(pct(f4, 0.5))} p95=${fmt(pct(f4, 0.95))} max=${fmt(Math.max(...f4))} ms`);
  const s4 = await seekTimes(page, 30);
  console.log(`seek: p50=${fmt(pct(s4, 0.5))} p95=${fmt(pct(s4, 0.95))} max=${fmt(Math.max(...s4))} ms`);
  await page.close();

  for (let k = 0; k < 2; k++) {
    const { page: p } = await openApp(browser, server.url);
    const t = await sensitivityTimes(p);
    console.log(`sensitivity (ms from the click): count shown ${fmt(t.progress)}, first bars ${fmt(t.bars)}, all runs ${fmt(t.done)}`);
    await p.close();
  }

  const { page: big } = await openApp(browser, `${server.url}?${BIG}`);
  const f40 = await frameTimes(big, 4);
  console.log(`frames at ${await big.evaluate(() => document.getElementById("fleet-canvas").getAttribute("aria-label"))}: n=${f40.length} p50=${fmt(pct(f40, 0.5))} p95=${fmt(pct(f40, 0.95))} max=${fmt(Math.max(...f40))} ms`);
  const s40 = await seekTimes(big, 30);
  console.log(`seek at 40k: p50=${fmt(pct(s40, 0.5))} p95=${fmt(pct(s40, 0.95))} max=${fmt(Math.max(...s40))} ms`);
  console.log(`model at 40k: ${await big.locator(".compute-time").innerText()}`);
} finally {
  await browser.close();
  server.stop();
}
