// The long-running replay, shortened for the suite: an embed looping the whole day at the top
// speed keeps its JavaScript heap and its wasm memory within 5 MB of where they started, with no
// error. Frame times are figures for BENCHMARKS.md (node tests/e2e/longrun.mjs), not a test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { useBrowser } from "./harness.mjs";
import { longRun } from "./longrun.mjs";

const env = useBrowser();
const SECONDS = Number(process.env.LONGRUN_SECONDS ?? 60);

test(`an embed looping the day for ${SECONDS} s keeps its memory`, async () => {
  const r = await longRun(env.browser, env.server.url, SECONDS, 5);
  console.log(`heap growth ${(r.heapGrowth / 1e6).toFixed(2)} MB, wasm growth ${(r.wasmGrowth / 1e6).toFixed(2)} MB`);
  assert.ok(r.start.wasm > 0, "the wasm memory is read");
  assert.ok(Math.abs(r.heapGrowth) < 5e6, `JS heap grew by ${r.heapGrowth} bytes`);
  assert.ok(r.wasmGrowth < 5e6, `wasm memory grew by ${r.wasmGrowth} bytes`);
  assert.deepEqual(r.errors, []);
});
