// End-to-end tests of the built app (dist/) in headless Chromium, with node's test runner.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { MAP_FAILING, PAST_LIMIT, pastLimitShare, OUTPUT, SERVING, canvasShare, clockShows, clockText, computed, openApp, openMore, seek, useBrowser } from "./harness.mjs";

const env = useBrowser();

test("loads with no console error and no request outside its origin", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  // A negative check (no late error): nothing to await, so the page is given half a second.
  await page.waitForTimeout(500);
  assert.deepEqual(problems.console, []);
  assert.deepEqual(problems.foreign, []);
  // It opens on the point, not on a normal day: mid-way through the hour of discovery.
  assert.equal(await clockText(page), "03:30");
  assert.ok((await canvasShare(page, SERVING)) > 0.2, "part of the fleet still serving");
  assert.ok((await canvasShare(page, PAST_LIMIT)) > 0.2, "part of it past the thread limit");
  await page.locator("h1").click();
  await page.keyboard.press("Home");
  assert.equal(await clockShows(page, "00:00"), "00:00");
  assert.ok((await canvasShare(page, SERVING)) > 0.9, "the day starts with the fleet serving");
  await page.close();
});

test("if the app's code cannot load, the page says so instead of waiting forever", async () => {
  const page = await env.browser.newPage();
  await page.route("**/*_bg.wasm", (route) => route.fulfill({ status: 404, body: "missing" }));
  await page.goto(env.server.url);
  await page.locator("#boot").getByText("The replay could not start in this browser").waitFor({ timeout: 10000 });
  await page.getByRole("heading", { name: /pushed every Kinesis front-end server past a thread limit/ }).waitFor();
  await page.close();
});

test("on a phone, the parts far below the first screen are built once the reader scrolls", async () => {
  const page = await env.browser.newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(env.server.url);
  await page.locator("[data-cascade]").first().waitFor({ timeout: 30000 });
  // A negative check (the lab is not built while nobody acts): half a second of nothing.
  await page.waitForTimeout(500);
  assert.equal(await page.locator(".lab").count(), 0, "the lab waits while the reader does nothing");
  assert.ok((await page.locator(".waiting").count()) > 0, "placeholders hold the places");
  await page.mouse.wheel(0, 300);
  await page.locator(".lab").waitFor({ timeout: 10000 });
  await page.getByRole("button", { name: "Copy link" }).waitFor();
  assert.equal(await page.locator(".waiting").count(), 0, "every part is built");
  await page.close();
});

test("printing a page the reader has not touched prints every view, its charts drawn, on light paper", async () => {
  // The first pixel of each chart canvas: its background.
  const corners = () => [...document.querySelectorAll(".chart canvas")].map((c) => [...c.getContext("2d").getImageData(0, 0, 1, 1).data.slice(0, 3)]);
  for (const [width, height, scheme] of [[390, 844, "light"], [1280, 800, "light"], [1280, 800, "dark"]]) {
    const page = await env.browser.newPage({ viewport: { width, height }, colorScheme: scheme });
    await page.goto(env.server.url);
    await page.locator("[data-cascade]").first().waitFor({ timeout: 30000 });
    // A negative check (charts wait while nobody acts): half a second of nothing.
    await page.waitForTimeout(500);
    assert.ok((await page.locator(".waiting").count()) > 0, "charts wait while the reader does nothing");
    // What the printer gets is what the page holds when the print ends: nothing else runs between.
    await page.evaluate((cornersText) => {
      const corners = eval(cornersText);
      addEventListener("afterprint", () => {
        const inked = (c) => {
          const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
          let n = 0;
          for (let i = 4; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
          return n;
        };
        window.__printed = {
          titles: [...document.querySelectorAll(".panel h2")].map((h) => h.textContent),
          charts: [...document.querySelectorAll(".chart canvas")].map((c) => [c.getAttribute("aria-label"), inked(c)]),
          corners: corners(),
        };
      });
    }, corners.toString());
    await page.pdf({ path: join(OUTPUT, `print-${width}-${scheme}.pdf`) });
    const printed = await page.evaluate(() => window.__printed);
    const at = `${width} px, ${scheme} screen`;
    for (const title of ["Threads per server against the limit", "Peer discovery, close up", "Kinesis error rate", "Servers by state", "Service health"]) {
      assert.ok(printed.titles.includes(title), `${at}: ${title} is printed: ${printed.titles}`);
    }
    assert.equal(printed.charts.length, 4, JSON.stringify(printed.charts));
    for (const [label, ink] of printed.charts) assert.ok(ink > 2000, `${at}: ${label} is drawn when printed (${ink} pixels)`);
    for (const [k, rgb] of printed.corners.entries()) assert.ok(rgb[0] + rgb[1] + rgb[2] > 700, `${at}: chart ${printed.charts[k][0]} on light paper, not ${rgb}`);
    const ink = () => page.evaluate(() => getComputedStyle(document.body).color);
    await page.emulateMedia({ media: "print" });
    assert.equal(await ink(), "rgb(30, 34, 40)", `${at}: dark ink on paper`);
    await page.emulateMedia({ media: null });
    if (scheme === "dark") {
      // Back on the screen, the page and its charts take the dark colours again.
      assert.equal(await ink(), "rgb(220, 224, 230)", `${at}: light ink on a dark screen`);
      await page.waitForFunction(`(${corners.toString()})().every((rgb) => rgb[0] + rgb[1] + rgb[2] < 200)`, null, { timeout: 5000 });
    }
    await page.close();
  }
});

test("Play advances the clock and Pause stops it", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(() => document.querySelector(".clock-time")?.textContent !== "00:00");
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  const paused = await clockText(page);
  // A negative check (the clock does not move): nothing to await.
  await page.waitForTimeout(400);
  assert.equal(await clockText(page), paused, "the clock stays put while paused");
  assert.notEqual(paused, "00:00");
  await page.close();
});

test("at 06:00 the fleet is failing and CloudWatch is degraded", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await seek(page, "06:00");
  assert.ok((await pastLimitShare(page)) > 0.9, "most servers past the thread limit");
  const cloudwatch = page.locator('[data-service="cloudwatch"]');
  const cls = await cloudwatch.getAttribute("class");
  assert.match(cls, /degraded|failing/);
  await cloudwatch.click();
  await page.locator("#service-detail").getByText("metric and log ingestion").waitFor();
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("keyboard: Space, arrows, brackets, Home and End", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  await page.locator("h1").click();
  await page.keyboard.press("End");
  assert.equal(await clockShows(page, "01:59"), "01:59");
  await page.keyboard.press("Home");
  assert.equal(await clockShows(page, "00:00"), "00:00");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  assert.equal(await clockShows(page, "00:02"), "00:02");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await clockShows(page, "00:01"), "00:01");
  await page.keyboard.press("]");
  assert.equal(await clockShows(page, "02:44"), "02:44", "next event: the capacity addition");
  await page.keyboard.press("]");
  await page.keyboard.press("[");
  assert.equal(await clockShows(page, "02:44"), "02:44");
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Pause", exact: true }).waitFor();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  await page.close();
});

test("a paused page requests no animation frames and sends no messages", async () => {
  const page = await env.browser.newPage();
  await page.addInitScript(() => {
    window.__frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => { window.__frames++; return raf(cb); };
  });
  await page.goto(env.server.url);
  await computed(page);
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(() => window.__frames > 5);
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await page.getByRole("button", { name: "Play", exact: true }).waitFor();
  // A frame asked for before the pause may still run: let it (counting frames here would
  // itself ask for them).
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => window.__frames);
  // A negative check (no frame is requested while paused): nothing to await.
  await page.waitForTimeout(800);
  assert.equal(await page.evaluate(() => window.__frames), frames);
  // Nor messages: the page's own postMessage API must stay quiet when nobody talks to it, even
  // when it hears its own kind of message.
  const messages = await page.evaluate(async () => {
    let n = 0;
    addEventListener("message", () => n++);
    postMessage({ type: "kinesis-cascade", event: "ready" }, "*");
    postMessage({ type: "kinesis-cascade", error: "x" }, "*");
    await new Promise((r) => setTimeout(r, 800));
    return n;
  });
  assert.equal(messages, 2, "the two messages posted, and no answer to them");
  await page.close();
});

test("the fleet tells past the limit from failing: at 03:30 the old maps still route, at 06:00 the failing servers match the error rate", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await seek(page, "03:30");
  assert.ok((await canvasShare(page, PAST_LIMIT)) > 0.2, "many servers past the limit, drawn as still routing");
  assert.ok((await canvasShare(page, MAP_FAILING)) < 0.05, "few drawn as failing");
  const legend = page.locator(".legend.states");
  assert.match(await legend.innerText(), /past the thread limit, old map still routing \d+/);
  const errorAt = async () => {
    const text = await page.locator('[data-service="kinesis"]').textContent();
    return Number(text.match(/([\d.]+)% error rate/)?.[1] ?? "NaN") / 100;
  };
  assert.ok(await errorAt() < 0.02, "the error rate is under the alarm threshold");
  await seek(page, "06:00");
  const count = async (label) => Number((await legend.innerText()).match(new RegExp(`${label} (\\d+)`))?.[1] ?? 0);
  const failing = await count("map too old: requests fail");
  const routing = await count("past the thread limit, old map still routing");
  const serving = await count("serving");
  const share = failing / (failing + routing + serving);
  const error = await errorAt();
  assert.ok(Math.abs(share - error) < 0.05, `${failing} of the fleet failing (${share.toFixed(2)}) against ${error} of requests`);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("choosing a what-if recomputes the run: a doubled thread limit shows no outage", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  await openMore(page);
  await page.getByLabel("Scenario", { exact: true }).selectOption("higher-thread-limit");
  await computed(page);
  await seek(page, "06:00");
  assert.equal(await pastLimitShare(page), 0);
  assert.match(await page.locator('[data-service="kinesis"]').getAttribute("class"), /\bok\b/);
  await page.close();
});

test("screenshots at 1280x800 and 390x844", async () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    const { page, problems } = await openApp(env.browser, env.server.url, { width, height });
    await seek(page, "06:00");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at ${width}px (overflow ${overflow}px)`);
    await page.screenshot({ path: join(OUTPUT, `app-${width}x${height}.png`), fullPage: true });
    assert.deepEqual(problems.console, []);
    await page.close();
  }
});

test("the scenario panel recomputes on a good value and names the range of a bad one", async () => {
  const { page, problems } = await openApp(env.browser, env.server.url);
  await page.getByText("The scenario: every parameter").click();
  const limit = page.getByLabel("threads.limit (threads)");
  await limit.fill("8192");
  await limit.press("Enter");
  await computed(page);
  await seek(page, "06:00");
  assert.equal(await pastLimitShare(page), 0, "a doubled limit: no server fails");
  await page.getByText("Edited from the preset historical").waitFor();

  const servers = page.getByLabel("fleet.servers (servers)");
  await servers.fill("5");
  await servers.press("Enter");
  const alert = page.locator(".param-error");
  await alert.waitFor();
  assert.match(await alert.innerText(), /fleet\.servers.*'5'.*10 to 400000/);
  assert.equal(await servers.inputValue(), "5", "what was typed stays for correction");
  assert.equal(await pastLimitShare(page), 0, "the last good run stays on screen");

  await page.getByRole("button", { name: "Reset to the preset" }).click();
  await computed(page);
  await seek(page, "06:00");
  assert.ok((await pastLimitShare(page)) > 0.9, "back to history");
  assert.equal(await page.locator(".param-error").count(), 0);
  assert.deepEqual(problems.console, []);
  await page.close();
});

test("the content security policy refuses an injected inline script and a foreign fetch", async () => {
  const { page } = await openApp(env.browser, env.server.url);
  // This page breaks the policy on purpose: its violations are this test's to check.
  page.expectsViolations = true;
  const [ran, fetched, directives] = await page.evaluate(async () => {
    const seen = [];
    const both = new Promise((resolve) => {
      document.addEventListener("securitypolicyviolation", (e) => {
        seen.push(e.effectiveDirective);
        if (seen.length >= 2) resolve();
      });
    });
    const s = document.createElement("script");
    s.textContent = "window.__injected = 1";
    document.body.append(s);
    let fetched = true;
    try {
      await fetch("http://127.0.0.2:9/nothing");
    } catch {
      fetched = false;
    }
    await both;
    return [window.__injected ?? 0, fetched, seen.sort()];
  });
  assert.equal(ran, 0, "the injected script did not run");
  assert.equal(fetched, false, "the foreign fetch was refused");
  assert.deepEqual(directives, ["connect-src", "script-src-elem"], "both reported: the policy is enforced");
  await page.close();
});
