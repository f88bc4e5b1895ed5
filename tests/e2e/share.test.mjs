// End-to-end tests of links, embeds, the postMessage API and the exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUTPUT, ROOT, clockShows, computed, openApp, openMore, readerActs, seek, useBrowser } from "./harness.mjs";

const env = useBrowser({ second: true });

/** Opens a link whose page may not show "Play" (autoplay, embeds); waits for the clock. */
async function openLink(query) {
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(env.server.url + query);
  await page.locator(".clock-time").waitFor({ timeout: 30000 });
  await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
  return { page, problems };
}

test("a link restores the scenario, the branch, the time and the views exactly", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.getByRole("checkbox", { name: /cellular/ }).check();
  await computed(page);
  await seek(page, "09:00");
  await page.getByRole("slider", { name: "Restart rate (servers per hour)" }).fill("870");
  await computed(page);
  await page.getByRole("checkbox", { name: "Peer discovery" }).uncheck();
  await seek(page, "11:30");
  await page.getByRole("button", { name: "Copy link" }).click();
  const link = await page.locator(".link-text").inputValue();
  assert.ok(link.length < 2000, `a typical link is short (${link.length} characters)`);
  assert.match(link, /v=1/);
  const table = await page.locator("table.comparison").innerText();

  const { page: other, problems: p2 } = await openLink(link.slice(link.indexOf("?")));
  assert.equal(await clockShows(other, "11:30"), "11:30");
  await readerActs(other);
  assert.ok(await other.getByRole("checkbox", { name: /cellular/ }).isChecked());
  assert.match(await other.locator(".branch-changes").innerText(), /from 09:00 restart\.per_hour = 870/);
  assert.equal(await other.locator("#discovery-title").count(), 0, "the hidden view stays hidden");
  assert.equal(await other.locator("table.comparison").innerText(), table, "the same comparison");
  assert.equal(await other.locator(".link-problems").count(), 0);
  assert.deepEqual([...problems.console, ...p2], []);
  await page.close();
  await other.close();
});

test("links made before versions (v0) keep working", async () => {
  for (const [query, time] of [["?preset=restart-too-fast&t=11:30", "11:30"], ["?set=threads.limit=8192&set=fleet.added=300&t=06:00", "06:00"]]) {
    const { page, problems } = await openLink(query);
    assert.equal(await clockShows(page, time), time, query);
    assert.equal(await page.locator(".link-problems").count(), 0, query);
    assert.deepEqual(problems, [], query);
    await page.close();
  }
});

const BAD_LINKS = [
  "?preset=nope", "?preset=", "?preset=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "?set=threads.limit", "?set=threads.limit=abc",
  "?set=threads.limit=1e308", "?set=threads.limit=-5", "?set=fleet.servers=999999999999", "?set=no.such.key=1",
  "?set=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E=1", "?t=25:99", "?t=abc", "?t=-1", "?t=99999999999", "?range=06:00-02:00",
  "?range=banana", "?views=nothing", "?views=fleet,%3Cb%3E", "?embed=nonsense", "?autoplay=maybe", "?loop=2", "?speed=-3",
  "?speed=Infinity", "?b=10:00", "?b=10:00,restart.per_hour=abc", "?b=10:00,fleet.servers=3000", "?b=99:00,restart.per_hour=100",
  "?v=99", "?v=x", "?unknown=1", "?%E0%A4%A=1", "?set=threads.limit%3D", "?preset=historical&set=threads.limit=8192&t=6h",
  "?" + "set=threads.limit=8192&".repeat(300),
];

test(`${BAD_LINKS.length} broken or hostile links each give the banner, no console error, and a working page`, async () => {
  assert.ok(BAD_LINKS.length >= 30);
  const page = await env.browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("dialog", (d) => { problems.push("a dialog opened: " + d.message()); d.dismiss(); });
  for (const query of BAD_LINKS) {
    await page.goto(env.server.url + query);
    await page.locator(".link-problems").waitFor({ timeout: 30000 }).catch(() => {
      throw new Error(`no banner for ${query.slice(0, 80)}`);
    });
    await page.locator(".clock-time").waitFor();
    await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
    await page.locator("#fleet-canvas").waitFor({ timeout: 10000 }).catch(() => {
      throw new Error(`${query.slice(0, 60)}: the views are not shown`);
    });
    // The page's own inline script (it starts the wasm's download) is not from the link.
    assert.equal(await page.locator("script:not([type]):not([data-wasm]), img[src=x]").count(), 0, "nothing from the link became markup");
    assert.deepEqual(problems, [], query.slice(0, 60));
  }
  // The page still works after the last one.
  await page.keyboard.press("End");
  assert.equal(await clockShows(page, "01:59"), "01:59");
  await page.close();
});

test("embed mode: chosen views only, no editing chrome, autoplay and loop over a range, a link to the full app", async () => {
  const { page, problems } = await openLink("?embed=fleet,errors&autoplay=1&loop=1&range=02:30-03:00&speed=60&bar=1");
  // The views mount one per task: wait for the last before counting.
  await page.locator("#errors-title").waitFor();
  assert.equal(await page.locator("#preset").count(), 0, "no preset picker");
  assert.equal(await page.locator(".lab, .assumptions, .share").count(), 0, "no lab, no scenario panel, no share panel");
  assert.equal(await page.locator(".intro").count(), 0, "no introduction");
  assert.equal(await page.locator("#fleet-title").count(), 1);
  assert.equal(await page.locator("#errors-title").count(), 1);
  assert.equal(await page.locator("#graph-title, #threads-title, #health-title").count(), 0);
  await page.getByRole("button", { name: "Pause" }).waitFor();
  // Every frame's clock, until it has shown more than three minutes.
  await page.waitForFunction(() => {
    (window.__seen ??= new Set()).add(document.querySelector(".clock-time")?.textContent);
    return window.__seen.size > 3;
  }, null, { polling: "raf", timeout: 30000 });
  const seen = new Set(await page.evaluate(() => [...window.__seen]));
  for (const t of seen) assert.ok(t >= "02:30" && t <= "03:00", `inside the range: ${t}`);
  assert.ok(seen.size > 3, "it plays");
  const open = page.getByRole("link", { name: /Open in the full app/ });
  assert.doesNotMatch(await open.getAttribute("href"), /embed=/);
  // The link is written once; pointing at it adds the minute on screen.
  await open.hover();
  const full = await open.getAttribute("href");
  assert.doesNotMatch(full, /embed=/);
  assert.match(full, /[?&]t=0[23](%3A|:)\d\d/, full);
  // The frame's size changes: the chart is drawn again at the new width.
  const before = await page.locator(".chart canvas").first().evaluate((c) => c.width);
  await page.setViewportSize({ width: 500, height: 700 });
  await page.waitForFunction((w) => document.querySelector(".chart canvas").width !== w, before, { timeout: 5000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling in a narrow frame (${overflow})`);
  await page.screenshot({ path: join(OUTPUT, "embed-500x700.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

test("an embed that plays on its own hides its bar unless asked, uses the frame's width, and shows its caption as text", async () => {
  const caption = encodeURIComponent("<b>Figure 2</b>: the fleet during the addition");
  const { page, problems } = await openLink(`?embed=fleet&autoplay=1&loop=1&range=02:30-04:00&caption=${caption}`);
  await page.locator(".legend.states").waitFor();
  assert.equal(await page.getByRole("button", { name: /^(Play|Pause)$/ }).count(), 0, "no bar");
  assert.equal(await page.locator(".embed-caption").innerText(), "<b>Figure 2</b>: the fleet during the addition");
  assert.equal(await page.locator(".embed-caption b").count(), 0, "the caption is text, not markup");
  const fleet = await page.locator("#fleet-canvas").boundingBox();
  assert.ok(fleet.width > 1280 * 0.9, `the fleet uses the frame's width (${fleet.width} of 1280)`);
  // Only the looks present are listed: before the addition there is nothing but serving.
  assert.doesNotMatch(await page.locator(".legend.states").innerText(), /evicted|removed|restarting/);
  const long = encodeURIComponent("x".repeat(200));
  await page.goto(`${env.server.url}?embed=fleet&autoplay=1&caption=${long}`);
  await page.getByText(/caption: longer than 140 characters/).waitFor({ timeout: 30000 });
  assert.equal((await page.locator(".embed-caption").innerText()).length, 140);
  await page.goto(`${env.server.url}?embed=fleet&autoplay=1&bar=1`);
  await page.getByRole("button", { name: /^(Play|Pause)$/ }).waitFor({ timeout: 30000 });
  assert.deepEqual(problems, []);
  await page.close();
});

test("the example article on a second origin embeds the app and drives it by postMessage", async () => {
  const page = await env.browser.newPage({ viewport: { width: 1100, height: 900 } });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  const host = `${env.second.url}embed-example.html?app=${encodeURIComponent(env.server.url)}`;
  assert.notEqual(new URL(env.second.url).origin, new URL(env.server.url).origin);
  await page.goto(host);
  // The embeds load lazily, as the reader reaches them.
  await page.locator("#driven").scrollIntoViewIfNeeded();
  const driven = page.frameLocator("#driven");
  await driven.locator(".clock-time").waitFor({ timeout: 30000 });
  await page.waitForFunction(() => document.getElementById("readout").textContent.startsWith("05:15"), null, { timeout: 30000 });
  await page.getByRole("button", { name: /09:39/ }).click();
  await page.waitForFunction(() => document.getElementById("readout").textContent.startsWith("09:39"));
  assert.equal(await driven.locator(".clock-time").innerText(), "09:39");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(() => /playing/.test(document.getElementById("readout").textContent));
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await page.waitForFunction(() => !/playing/.test(document.getElementById("readout").textContent));
  // A message the app does not understand gets an error reply, and nothing breaks.
  const reply = await page.evaluate(() => new Promise((resolve) => {
    const frame = document.getElementById("driven");
    addEventListener("message", (e) => e.data?.error && resolve(e.data.error));
    frame.contentWindow.postMessage({ type: "kinesis-cascade", action: "explode" }, new URL(frame.src).origin);
    frame.contentWindow.postMessage({ type: "kinesis-cascade", action: "seek", time: "soon" }, new URL(frame.src).origin);
  }));
  assert.match(reply, /unknown action 'explode'|seek: 'time'/);
  // Embed 3 follows the reader's scrolling.
  await page.locator("#follow").scrollIntoViewIfNeeded();
  await page.frameLocator("#follow").locator(".clock-time").waitFor({ timeout: 30000 });
  await page.evaluate(() => document.querySelector('p[data-time="07:01"]').scrollIntoView({ block: "center" }));
  const follow = page.frameLocator("#follow").locator(".clock-time");
  const followFrame = await (await page.$("#follow")).contentFrame();
  await followFrame.waitForFunction(() => document.querySelector(".clock-time")?.textContent === "07:01");
  assert.equal(await follow.innerText(), "07:01");
  await page.screenshot({ path: join(OUTPUT, "embed-example.png") });
  assert.deepEqual(problems, []);
  await page.close();
});

/** Clicks `button` and returns the downloaded file's bytes (saved in test-output). */
async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 60000 }), click()]);
  const path = join(OUTPUT, dl.suggestedFilename());
  await dl.saveAs(path);
  return { path, bytes: readFileSync(path), name: dl.suggestedFilename() };
}

/** The CSV columns the README documents. */
function documentedColumns() {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const block = readme.split("<!-- csv-columns -->")[1]?.split("<!-- /csv-columns -->")[0] ?? "";
  return block.match(/`([a-z_]+)`/g).map((s) => s.slice(1, -1));
}

test("exports: PNG decodes, SVG parses, CSV has the documented columns, JSON holds series and events", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await seek(page, "06:00");
  // The PNG is drawn from the recording at the cursor's minute: nothing to wait for on screen.
  const png = await download(page, () => page.getByRole("button", { name: "PNG of the views" }).click());
  const size = await page.evaluate(async (b64) => {
    // Decoded from bytes, not fetched: the page's policy allows no data: fetch.
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    return [bitmap.width, bitmap.height];
  }, png.bytes.toString("base64"));
  assert.ok(size[0] > 600 && size[1] > 300, `the PNG decodes (${size})`);

  const svg = await download(page, () => page.getByRole("button", { name: "Chart as SVG" }).click());
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    return { error: doc.querySelector("parsererror") !== null, root: doc.documentElement.nodeName, texts: doc.querySelectorAll("text").length };
  }, svg.bytes.toString("utf8"));
  assert.deepEqual([parsed.error, parsed.root], [false, "svg"]);
  assert.ok(parsed.texts > 5, "axis labels are in the SVG");

  const csv = (await download(page, () => page.getByRole("button", { name: "Series (CSV)" }).click())).bytes.toString("utf8");
  const lines = csv.trim().split("\n");
  assert.deepEqual(lines[0].split(","), documentedColumns());
  assert.equal(lines.length, 1 + 26 * 60, "one row per minute of the run");

  const json = JSON.parse((await download(page, () => page.getByRole("button", { name: "Series and events (JSON)" }).click())).bytes);
  assert.ok(json.series && json.events.length > 10 && json.milestones && json.scenario);
  // Kinesis's outage by the model's one definition, as the command line writes it.
  assert.equal(json.outage.start, json.milestones.first_alarm);
  assert.equal(json.outage.end, json.milestones.kinesis_recovered);
  assert.equal(json.outage.ongoing, false);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("an exported scenario loads back identical; a bad file gets a clear message", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.getByRole("checkbox", { name: /thread-alarm/ }).check();
  await computed(page);
  const first = await download(page, () => page.getByRole("button", { name: "Scenario file (JSON)" }).click());
  await openMore(page);
  await page.getByLabel("Scenario", { exact: true }).selectOption("historical");
  await computed(page);
  assert.ok(!(await page.getByRole("checkbox", { name: /thread-alarm/ }).isChecked()));
  await page.locator(".file-load input[type=file]").setInputFiles(first.path);
  await page.locator(".export-message", { hasText: "Scenario loaded" }).waitFor();
  await computed(page);
  assert.ok(await page.getByRole("checkbox", { name: /thread-alarm/ }).isChecked(), "the loaded scenario is shown");
  const again = await download(page, () => page.getByRole("button", { name: "Scenario file (JSON)" }).click());
  assert.equal(again.bytes.toString("utf8"), first.bytes.toString("utf8"), "identical after a round trip");

  const bad = join(OUTPUT, "bad-scenario.json");
  writeFileSync(bad, '{"version": 2, "fleet": {"servers": "many"}}');
  await page.locator(".file-load input[type=file]").setInputFiles(bad);
  const message = page.locator(".export-message", { hasText: "bad-scenario.json" });
  await message.waitFor();
  // The message names the field, quotes its value and says what the field allows.
  assert.match(await message.innerText(), /not a scenario file this app can read: fleet\.servers: value '"many"' is not allowed; allowed: a whole number from/);
  assert.ok(await page.getByRole("checkbox", { name: /thread-alarm/ }).isChecked(), "nothing lost");
  // A file far larger than any scenario is refused before it is read, with its size.
  const huge = join(OUTPUT, "huge-scenario.json");
  writeFileSync(huge, `{"seed": 1, "pad": "${"x".repeat(400000)}"}`);
  await page.locator(".file-load input[type=file]").setInputFiles(huge);
  const tooBig = page.locator(".export-message", { hasText: "huge-scenario.json" });
  await tooBig.waitFor();
  assert.match(await tooBig.innerText(), /is \d+ bytes, and a scenario file is at most 262144/);
  assert.ok(await page.getByRole("checkbox", { name: /thread-alarm/ }).isChecked(), "still nothing lost");
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("a WebM video of a time range", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.getByLabel("Video from (HH:MM)").fill("02:40");
  await page.getByLabel("Video from (HH:MM)").press("Tab");
  await page.getByLabel("Video to (HH:MM)").fill("03:20");
  await page.getByLabel("Video to (HH:MM)").press("Tab");
  const video = await download(page, () => page.getByRole("button", { name: /Video \(WebM\)/ }).click());
  assert.deepEqual([...video.bytes.subarray(0, 4)], [0x1a, 0x45, 0xdf, 0xa3], "a WebM (EBML) file");
  assert.ok(video.bytes.length > 1000, `not empty (${video.bytes.length} bytes)`);
  assert.equal(await clockShows(page, "03:20"), "03:20", "the replay stops at the end of the range");
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("the Embed dialog writes an iframe for the chosen views, and its address opens that embed", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await seek(page, "04:00");
  await page.getByRole("button", { name: "Embed…" }).click();
  const dialog = page.getByRole("group", { name: "Embed this view" });
  for (const name of ["Services", "Threads against the limit", "Peer discovery", "Servers by state", "Service health"]) {
    await dialog.getByRole("checkbox", { name }).uncheck();
  }
  await dialog.getByLabel("Loop from (HH:MM)").fill("03:00");
  await dialog.getByLabel("Loop from (HH:MM)").press("Tab");
  const code = await dialog.getByLabel("Code of the iframe").inputValue();
  assert.match(code, /^<iframe src="[^"]+" width="800" height="520"[^>]*title="[^"]+"[^>]*><\/iframe>$/);
  const src = code.match(/src="([^"]+)"/)[1].replaceAll("&amp;", "&");
  assert.match(src, /embed=fleet,errors/);
  assert.match(src, /range=03%3A00-06%3A30/);
  const { page: embed, problems: p2 } = await openLink(src.slice(src.indexOf("?")));
  // The views mount one per task: wait for the last before counting.
  await embed.locator("#errors-title").waitFor();
  assert.equal(await embed.locator("#fleet-title").count(), 1);
  assert.equal(await embed.locator("#errors-title").count(), 1);
  assert.equal(await embed.locator("#graph-title").count(), 0);
  assert.equal(await embed.locator("#preset").count(), 0);
  assert.deepEqual([...problems.console, ...p2], []);
  await page.close();
  await embed.close();
});

test("theme=dark and theme=light set the page's colours whatever the reader's system, charts included", async () => {
  const cases = [
    ["light", "?embed=fleet,errors&t=03:30&theme=dark", true],
    ["dark", "?embed=fleet,errors&t=03:30&theme=light", false],
    ["dark", "?embed=fleet,errors&t=03:30", true],
    ["light", "?embed=fleet,errors&t=03:30&theme=auto", false],
  ];
  for (const [system, query, dark] of cases) {
    const context = await env.browser.newContext({ viewport: { width: 800, height: 600 }, colorScheme: system });
    const page = await context.newPage();
    const problems = [];
    page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
    await page.goto(env.server.url + query);
    await page.locator(".clock-time").waitFor({ state: "attached", timeout: 30000 });
    await page.locator(".computing").waitFor({ state: "detached", timeout: 30000 });
    const chart = page.locator('canvas[role=img]:not(.fleet-canvas)').first();
    await chart.waitFor({ timeout: 30000 });
    await page.waitForFunction(() => {
      const c = document.querySelector("canvas[role=img]:not(.fleet-canvas)");
      return c && c.width > 0 && c.getContext("2d").getImageData(1, 1, 1, 1).data[3] > 0;
    }, null, { timeout: 30000 });
    const { body, corner } = await page.evaluate(() => {
      const c = document.querySelector("canvas[role=img]:not(.fleet-canvas)");
      const [r, g, b] = c.getContext("2d").getImageData(1, 1, 1, 1).data;
      const bg = getComputedStyle(document.body).backgroundColor.match(/\d+/g).map(Number);
      return { body: bg, corner: [r, g, b] };
    });
    const isDark = (rgb) => rgb[0] + rgb[1] + rgb[2] < 3 * 128;
    assert.equal(isDark(body), dark, `${query} on a ${system} system: the page (${body})`);
    assert.equal(isDark(corner), dark, `${query} on a ${system} system: the chart (${corner})`);
    assert.deepEqual(problems, [], query);
    await context.close();
  }
});
