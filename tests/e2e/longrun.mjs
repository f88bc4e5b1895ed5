// A replay looping all day, for a conference room: its JavaScript heap and wasm memory must not
// grow, and its frames must not slow down. `longRun` is shared by the short test in the suite
// (tests/e2e/longrun.test.mjs) and this benchmark, whose figures go in BENCHMARKS.md:
//   node tests/e2e/longrun.mjs [minutes]      (10 by default)
import { pathToFileURL } from "node:url";
import { launch, serveDist } from "./harness.mjs";

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((s.length - 1) * p))] : NaN;
};

/** Heap after a garbage collection, and the wasm memory's size, in bytes. */
async function memory(page, cdp) {
  await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  const wasm = await page.evaluate(async () => {
    const app = await import(document.querySelector("script[data-app-js]").dataset.appJs);
    return app.wasm_memory_bytes();
  });
  return { heap: usedSize, wasm };
}

/** Frame durations (ms) over `seconds` of playing: from each animation frame to the next. */
async function frames(page, seconds) {
  return page.evaluate(
    (seconds) =>
      new Promise((resolve) => {
        const out = [];
        let last = performance.now();
        const end = last + seconds * 1000;
        const step = (t) => {
          out.push(t - last);
          last = t;
          if (t < end) requestAnimationFrame(step);
          else resolve(out.slice(1));
        };
        requestAnimationFrame(step);
      }),
    seconds,
  );
}

/**
 * Opens an embed looping the whole day at the top speed, then measures memory and frames at the
 * start and after `seconds`; returns the figures.
 */
export async function longRun(browser, url, seconds, sample = 10) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 700 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${url}?embed=fleet,errors,graph&autoplay=1&loop=1&speed=120`);
  await page.locator(".clock-time").waitFor({ timeout: 30000 });
  await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
  const cdp = await page.context().newCDPSession(page);
  const startFrames = await frames(page, sample);
  const start = await memory(page, cdp);
  await frames(page, Math.max(0, seconds - 2 * sample));
  const endFrames = await frames(page, sample);
  const end = await memory(page, cdp);
  const clock = await page.locator(".clock-time").innerText();
  await page.close();
  return {
    heapGrowth: end.heap - start.heap,
    wasmGrowth: end.wasm - start.wasm,
    start,
    end,
    p95Start: pct(startFrames, 0.95),
    p95End: pct(endFrames, 0.95),
    frames: startFrames.length + endFrames.length,
    clock,
    errors,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const minutes = Number(process.argv[2] ?? 10);
  const server = await serveDist();
  const browser = await launch();
  try {
    const r = await longRun(browser, server.url, minutes * 60, 30);
    const mb = (b) => (b / 1e6).toFixed(2);
    console.log(`looped for ${minutes} min at 120 simulated minutes per second; clock at ${r.clock}`);
    console.log(`JS heap: ${mb(r.start.heap)} MB -> ${mb(r.end.heap)} MB (growth ${mb(r.heapGrowth)} MB)`);
    console.log(`wasm memory: ${mb(r.start.wasm)} MB -> ${mb(r.end.wasm)} MB (growth ${mb(r.wasmGrowth)} MB)`);
    console.log(`frame interval p95: first 30 s ${r.p95Start.toFixed(1)} ms, last 30 s ${r.p95End.toFixed(1)} ms`);
    console.log(`errors: ${r.errors.length ? r.errors.join(" | ") : "none"}`);
  } finally {
    await browser.close();
    server.stop();
  }
}
