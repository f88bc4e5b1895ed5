// A small W3C WebDriver client over HTTP (Node's own fetch), for the browsers Playwright cannot
// drive here: Firefox ESR through geckodriver and WebKitGTK through WebKitWebDriver. Only what
// the cross-browser suite needs: a session, navigation, scripts, clicks, and waiting for a
// condition in the page (never a fixed sleep).
import { spawn } from "node:child_process";
import { createServer } from "node:net";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Starts a WebDriver server (`command` with `args(port)`) and waits until it answers. */
export async function startDriver(command, args, env = {}) {
  const port = await freePort();
  const child = spawn(command, args(port), {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, ...env },
  });
  let said = "";
  child.stderr.on("data", (d) => { said = (said + d).slice(-2000); });
  const url = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited: ${said}`);
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok && (await r.json()).value?.ready !== false) break;
    } catch { /* not listening yet */ }
    if (Date.now() > until) throw new Error(`${command} did not answer on ${url}: ${said}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => child.kill() };
}

async function call(method, url, body) {
  const r = await fetch(url, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const v = json.value ?? {};
    throw new Error(`WebDriver ${method} ${url.replace(/^.*\/session\/[^/]+/, "")}: ${v.error ?? r.status}: ${v.message ?? ""}`);
  }
  return json.value;
}

/** A browser session on the driver at `driver.url` with these capabilities. */
export async function newSession(driver, capabilities) {
  const value = await call("POST", `${driver.url}/session`, { capabilities: { alwaysMatch: capabilities } });
  const base = `${driver.url}/session/${value.sessionId}`;
  const session = {
    capabilities: value.capabilities,
    /** Opens `url` and waits for the document to load. */
    go: (url) => call("POST", `${base}/url`, { url }),
    /** Runs `script` (a function body) in the page with `args`; its return value. */
    run: (script, ...args) => call("POST", `${base}/execute/sync`, { script, args }),
    /** The element `css` selects, or null. */
    find: async (css) => {
      const v = await call("POST", `${base}/execute/sync`, { script: "return document.querySelector(arguments[0]);", args: [css] });
      return v && v[ELEMENT] ? v : null;
    },
    /** Clicks `element` as a user would (scrolled into view, at its centre). */
    click: (element) => call("POST", `${base}/element/${element[ELEMENT]}/click`, {}),
    /** Waits until `script` returns something truthy in the page; that value. */
    until: async (what, script, ms = 60_000, ...args) => {
      const end = Date.now() + ms;
      let last;
      for (;;) {
        try {
          last = await call("POST", `${base}/execute/sync`, { script, args });
          if (last) return last;
        } catch (e) { last = e.message; }
        if (Date.now() > end) throw new Error(`waited ${ms / 1000} s for ${what}; last: ${JSON.stringify(last)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    /** A picture of the page, as PNG bytes. */
    screenshot: async () => Buffer.from(await call("GET", `${base}/screenshot`), "base64"),
    setWindow: (width, height) => call("POST", `${base}/window/rect`, { width, height }),
    close: () => call("DELETE", base).catch(() => {}),
  };
  return session;
}
