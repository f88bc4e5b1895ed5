// The first-screen audit: what a newcomer meets, measured in the page. Used by audit.test.mjs
// (which asserts the limits) and run on its own to print the figures BENCHMARKS.md records:
//
//     node tests/e2e/audit.mjs
//
// - visible text under 12 px (HTML by its computed size, SVG text by its size on screen);
// - controls in the first desktop viewport;
// - on a phone, the fleet's top edge, and controls smaller than 44 px in either direction
//   (a link inside running text is exempt, as in WCAG 2.5.8; a checkbox or radio button counts
//   by its label, which is what a finger taps);
// - cumulative layout shift while the page builds itself.
import { fileURLToPath } from "node:url";
import { launch, openApp, openMore, serveDist } from "./harness.mjs";

const CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";

/** Visible texts rendered under `min` px: [{ text, px }]. */
export function smallText(page, min = 12) {
  return page.evaluate((min) => {
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent.trim()) continue;
      seen.add(el);
      if (el.closest("noscript, script, style, title, option")) continue;
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) {
        const ctm = el.getScreenCTM();
        if (ctm) px *= Math.hypot(ctm.a, ctm.b);
      }
      if (px < min - 0.05) out.push({ text: n.textContent.trim().slice(0, 40), px: Math.round(px * 10) / 10 });
    }
    return out;
  }, min);
}

/** Visible controls whose box meets the viewport as the page stands (not scrolled). */
export function controlsInViewport(page) {
  return page.evaluate((sel) => {
    const vw = innerWidth, vh = innerHeight;
    return [...document.querySelectorAll(sel)]
      .filter((el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !el.disabled)
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw;
      })
      .map((el) => el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40) || el.tagName);
  }, CONTROLS);
}

/** Controls smaller than `min` px in either direction: [{ name, w, h }]. */
export function smallTargets(page, min = 44) {
  return page.evaluate(([sel, min]) => {
    const inline = (el) => el.tagName === "A" && el.parentElement && [...el.parentElement.childNodes]
      .some((n) => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    return [...document.querySelectorAll(sel)]
      .filter((el) => el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) && !inline(el))
      .map((el) => {
        const target = (el.type === "checkbox" || el.type === "radio") && el.closest("label") ? el.closest("label") : el;
        const r = target.getBoundingClientRect();
        return { name: el.getAttribute("aria-label") || el.textContent.trim().slice(0, 40) || el.tagName, w: Math.round(r.width), h: Math.round(r.height) };
      })
      .filter((t) => t.w > 0 && t.h > 0 && (t.w < min || t.h < min));
  }, [CONTROLS, min]);
}

/** The fleet canvas's top edge, in CSS px from the top of the page. */
export function fleetTop(page) {
  return page.evaluate(() => document.getElementById("fleet-canvas").getBoundingClientRect().top + scrollY);
}

/**
 * Loads the page and sums its layout shifts (those not caused by input) until the first screen
 * is built: the clock, the chapters on the scrubber, the fleet's legend and the cascade.
 */
export async function layoutShift(browser, url, viewport) {
  const page = await browser.newPage({ viewport });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url);
  await page.waitForFunction(() => ["#narration", ".chapter-axis", ".legend.states", "[data-cascade]", ".story-start"]
    .every((s) => document.querySelector(s)), null, { timeout: 30000 });
  // Two frames after the last part: any shift it causes has been laid out and reported.
  const cls = await page.evaluate(() => new Promise((done) =>
    requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => done(window.__cls), 0)))));
  await page.close();
  return cls;
}

/** Every figure of the audit, for both sizes. */
export async function audit(browser, url) {
  const desktop = await openApp(browser, url, { width: 1280, height: 800 });
  const firstControls = await controlsInViewport(desktop.page);
  await openMore(desktop.page);
  const desktopSmall = await smallText(desktop.page);
  await desktop.page.close();
  const phone = await openApp(browser, url, { width: 390, height: 844 });
  const top = await fleetTop(phone.page);
  await openMore(phone.page);
  const phoneSmall = await smallText(phone.page);
  const targets = await smallTargets(phone.page);
  await phone.page.close();
  const shifts = { desktop: [], phone: [] };
  for (let k = 0; k < 5; k++) {
    shifts.desktop.push(await layoutShift(browser, url, { width: 1280, height: 800 }));
    shifts.phone.push(await layoutShift(browser, url, { width: 390, height: 844 }));
  }
  return { firstControls, desktopSmall, phoneSmall, fleetTop: top, targets, shifts };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serveDist();
  const browser = await launch();
  try {
    const a = await audit(browser, server.url);
    const r = (v) => Math.round(v * 1000) / 1000;
    console.log(`controls in the first desktop viewport: ${a.firstControls.length} (${a.firstControls.join(", ")})`);
    console.log(`visible text under 12 px: ${a.desktopSmall.length} at 1280x800, ${a.phoneSmall.length} at 390x844`, JSON.stringify([...a.desktopSmall, ...a.phoneSmall].slice(0, 12)));
    console.log(`phone: fleet's top edge at ${Math.round(a.fleetTop)} px of 844; controls under 44 px: ${a.targets.length}`, JSON.stringify(a.targets.slice(0, 12)));
    console.log(`cumulative layout shift over five loads: desktop ${a.shifts.desktop.map(r).join(", ")}; phone ${a.shifts.phone.map(r).join(", ")}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

/**
 * Text that does not fit its box: a line of an element's own text reaching past the element's
 * edges, an element that clips its text (overflow not visible and wider content), and in the
 * service graph a label reaching past its node's rectangle. Each as "selector: text".
 */
export function clippedText(page) {
  return page.evaluate(() => {
    const out = [];
    const name = (e) => `${e.tagName.toLowerCase()}${e.id ? "#" + e.id : ""}${e.classList.length ? "." + [...e.classList].join(".") : ""}`;
    const say = (e, why) => out.push(`${name(e)} (${why}): ${e.textContent.trim().slice(0, 60)}`);
    for (const e of document.querySelectorAll("body *")) {
      if (e.closest("svg, script, style, noscript, option, select")) continue;
      if (!(e.checkVisibility?.() ?? true)) continue;
      const texts = [...e.childNodes].filter((n) => n.nodeType === 3 && n.textContent.trim());
      if (!texts.length) continue;
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const range = document.createRange();
      let past = false;
      for (const t of texts) {
        range.selectNodeContents(t);
        for (const r of range.getClientRects()) {
          if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) past = true;
        }
      }
      if (past) say(e, "text past its box");
      const style = getComputedStyle(e);
      if (style.overflowX !== "visible" && e.scrollWidth > e.clientWidth + 1) say(e, "clipped");
    }
    const outside = (r, b) => r.width > 0 && (r.right > b.right + 1 || r.left < b.left - 1 || r.bottom > b.bottom + 1 || r.top < b.top - 1);
    // The service graph: each label inside its node's rectangle.
    for (const g of document.querySelectorAll("svg g.node")) {
      const rect = g.querySelector(":scope > rect");
      if (!rect || !(g.checkVisibility?.() ?? true)) continue;
      const b = rect.getBoundingClientRect();
      if (b.width === 0) continue;
      for (const t of g.querySelectorAll("text")) if (outside(t.getBoundingClientRect(), b)) say(t, "past its node");
    }
    // Any other drawing: each label inside the drawing.
    for (const svg of document.querySelectorAll("svg")) {
      if (!(svg.checkVisibility?.() ?? true)) continue;
      const b = svg.getBoundingClientRect();
      if (b.width === 0) continue;
      for (const t of svg.querySelectorAll("text")) if (!t.closest("g.node") && outside(t.getBoundingClientRect(), b)) say(t, "past its drawing");
    }
    return out;
  });
}
