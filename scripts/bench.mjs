// Benchmark of the release build: asset sizes (raw and gzip) and, measured
// in headless Chromium, the time from a click on the language switch to the
// updated page. Run through scripts/bench.sh, which builds first.
import { chromium } from "@playwright/test";
import { spawn, spawnSync } from "node:child_process";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, extname } from "node:path";
import { gzipSync } from "node:zlib";

const DIST = "dist";
const PORT = Number(process.env.BENCH_PORT ?? 4180); // and the next port, for the slow link
// Wasm budgets in KB (gzip -9), from issue 12.
const BUDGET_READING = 180;
const BUDGET_BOOKING = 280;
// An article of the build's own data, whatever the news of the day.
const ARTICLE = JSON.parse(readFileSync(join(DIST, "data/articles.json"), "utf8")).articles.find((a) => a.body?.includes("en")).slug;

function sizes() {
  // Pages carry their styles (scripts/inline-css.mjs): "html" is every page, styles included.
  const groups = { wasm: [], js: [], html: [], fonts: [] };
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const ext = extname(name).slice(1);
        const group = ext === "woff2" ? "fonts" : groups[ext] ? ext : null;
        if (group) groups[group].push(path);
      }
    }
  };
  walk(DIST);
  const kb = (n) => (n / 1024).toFixed(1).padStart(7) + " KB";
  console.log("Release build sizes (gzip -9 as a CDN would compress; woff2 is already compressed)");
  for (const [group, files] of Object.entries(groups)) {
    const raw = files.reduce((s, f) => s + statSync(f).size, 0);
    const gz = files.reduce((s, f) => s + gzipSync(readFileSync(f), { level: 9 }).length, 0);
    console.log(`  ${group.padEnd(6)} ${kb(raw)} raw ${kb(gz)} gzip  (${files.length} file${files.length === 1 ? "" : "s"})`);
  }
  codePerPage(kb);
}

/**
 * The code each kind of page loads (its entry's JS and Wasm, as its HTML
 * names them), against the budgets: a page that is not a booking page must
 * stay small enough for a phone on a slow link.
 */
function codePerPage(kb) {
  const kinds = [
    ["home page", "en/index.html", BUDGET_READING],
    ["news list", "en/news.html", BUDGET_READING],
    ["article", `en/news/${ARTICLE}.html`, BUDGET_READING],
    ["sponsors", "ar/sponsors.html", BUDGET_READING],
    ["booking", "en/book.html", BUDGET_BOOKING],
    ["not found, request", "404.html", BUDGET_BOOKING],
  ];
  console.log(`\nCode per page kind (gzip -9; budgets: ${BUDGET_READING} KB reading, ${BUDGET_BOOKING} KB booking)`);
  for (const [name, file, budget] of kinds) {
    const html = readFileSync(join(DIST, file), "utf8");
    const code = [...html.matchAll(/<link rel="(?:modulepreload|preload)" href="[^"]*?([^"/]+\.(?:js|wasm))"/g)].map((m) => m[1]);
    const wasm = code.filter((f) => f.endsWith(".wasm")).reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    const js = code.filter((f) => f.endsWith(".js")).reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f)), { level: 9 }).length, 0);
    const verdict = wasm / 1024 <= budget ? "within budget" : `OVER budget by ${(wasm / 1024 - budget).toFixed(1)} KB`;
    console.log(`  ${name.padEnd(19)} Wasm ${kb(wasm)}  JS ${kb(js)}  (${code.find((f) => f.endsWith(".wasm"))?.replace(/-[0-9a-f]+_bg/, "")}) ${verdict}`);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms over ${xs.length} runs`;

/**
 * Clicks the switch; "updated" is when the DOM shows the other language
 * (seen by a MutationObserver), "painted" adds the wait for the next frame.
 */
async function languageSwitch(page, runs) {
  return page.evaluate(async (runs) => {
    const updated = [];
    const painted = [];
    for (let i = 0; i < runs; i++) {
      const before = document.documentElement.lang;
      const oldText = document.querySelector("main h1").textContent;
      const done = () => document.documentElement.lang !== before && document.querySelector("main h1")?.textContent !== oldText;
      let t0 = 0;
      await new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          updated.push(performance.now() - t0);
          requestAnimationFrame(() => {
            painted.push(performance.now() - t0);
            resolve();
          });
        });
        observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
        t0 = performance.now();
        document.querySelector("a.lang-switch").click();
      });
      // Let the browser settle between runs.
      await new Promise((r) => setTimeout(r, 50));
    }
    return { updated, painted };
  }, runs);
}

/** A hall of 1,000 stands (40 × 25 shell stands of 3 m × 3 m, with aisles). */
function bigPlan() {
  const stands = [];
  for (let row = 0; row < 25; row++) {
    for (let col = 0; col < 40; col++) {
      const n = row * 40 + col;
      stands.push({
        id: `S${String(n + 1).padStart(4, "0")}`,
        hall: "A",
        x: 2 + col * 3 + Math.floor(col / 10) * 3,
        y: 2 + row * 3 + Math.floor(row / 2) * 3,
        w: 3,
        d: 3,
        type: "shell",
        open_sides: col % 10 === 0 || col % 10 === 9 ? 2 : 1,
        status: n % 7 === 3 ? "sold" : "available",
      });
    }
  }
  return { halls: [{ id: "A", name: { en: "Hall A", ar: "القاعة A" }, width: 135, depth: 115 }], stands };
}

/**
 * With 1,000 stands: the booking page opened from a link (a page load of the
 * booking entry, which fetches, parses and checks the plan), then, on that
 * page, a language switch to the plan drawn anew, and a click on a stand to
 * the updated selection and quote.
 */
async function floorPlan(browser) {
  const redraw = [];
  const select = [];
  const firstOpen = [];
  const plan = JSON.stringify(bigPlan());
  for (let run = 0; run < 20; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route("**/data/floorplan.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: plan }));
    // The booking page carries the shipped plan: drop what pages carry, so
    // the big plan is fetched in its place.
    await page.route(
      (url) => !/\.[a-z0-9]+$/i.test(url.pathname),
      async (route) => {
        if (route.request().resourceType() !== "document") return route.fallback();
        const response = await route.fetch();
        const body = (await response.text()).replace(/<script type="application\/json" id="expo-data">.*?<\/script>/s, "");
        await route.fulfill({ response, body });
      },
    );
    await page.goto(`http://127.0.0.1:${PORT}/en/`);
    await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
    const first = Date.now();
    await page.locator(".hero a.button").click();
    await page.locator(".floor-plan__stand").nth(999).waitFor({ state: "attached" });
    firstOpen.push(Date.now() - first);
    await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
    // The plan is drawn anew in the other language: from the click to the
    // frame after the new stands are in the DOM (style, layout and paint).
    redraw.push(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const old = document.getElementById("stand-S0001");
            const t0 = performance.now();
            const observer = new MutationObserver(() => {
              const stand = document.getElementById("stand-S0001");
              if (stand && stand !== old && document.querySelectorAll(".floor-plan__stand").length >= 1000) {
                observer.disconnect();
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
              }
            });
            observer.observe(document.body, { subtree: true, childList: true });
            document.querySelector("a.lang-switch").click();
          }),
      ),
    );
    for (const id of ["S0001", "S0002", "S0500"]) {
      select.push(
        await page.evaluate(
          (id) =>
            new Promise((resolve) => {
              const stand = document.getElementById(`stand-${id}`);
              const t0 = performance.now();
              const observer = new MutationObserver(() => {
                if (stand.getAttribute("aria-pressed") === "true" && document.querySelector(".book__side .selection")) {
                  observer.disconnect();
                  resolve(performance.now() - t0);
                }
              });
              observer.observe(document.body, { subtree: true, childList: true, attributes: true });
              stand.dispatchEvent(new MouseEvent("click", { bubbles: true }));
            }),
          id,
        ),
      );
    }
    await page.close();
  }
  console.log(`\nFloor plan with 1,000 stands (targets: drawn under 100 ms, selection under 16 ms)`);
  console.log(`  click on "Book a Stand" to 1,000 stands (page load, plan fetched and checked): ${fmt(firstOpen)}`);
  console.log(`  language switch to the plan drawn anew:      ${fmt(redraw)}`);
  console.log(`  click on a stand to updated selection:       ${fmt(select)}`);
}

/**
 * A first visit on a slow mobile connection (150 ms round trip, 1.6 Mbit/s
 * down, no cache), with the CPU slowed 4× as on a mid-range phone: time to
 * the content (in the page's HTML) and to the app having taken the page over
 * (interactive), on the home page, an article and the booking page.
 */
async function slowFirstVisit(browser) {
  const visits = [
    ["home page", "/en/", ".card-grid li"],
    ["article", `/en/news/${ARTICLE}`, "main h1"],
    ["booking page", "/ar/book", "main h1"],
  ];
  console.log(`\nFirst visit on a slow connection (150 ms RTT, 1.6 Mbit/s, no cache, CPU 4× slower)`);
  for (const [name, path, content] of visits) {
    const shown = [];
    const ready = [];
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: "commit" });
      await page.locator(content).first().waitFor({ timeout: 60_000 });
      shown.push(Date.now() - t0);
      await page.locator("html[data-app=ready]").waitFor({ state: "attached", timeout: 60_000 });
      ready.push(Date.now() - t0);
      await context.close();
    }
    console.log(`  ${name}: content shown ${fmt(shown)}`);
    console.log(`  ${name}: app took over ${fmt(ready)}`);
  }
}

/**
 * Lighthouse's mobile audit (slow 4G and 4× CPU) of the home page, an
 * article and the booking page in both languages: the performance score and
 * the paint and shift numbers behind it. Throttling is applied in the
 * browser ("devtools"), not simulated afterwards from a fast local load: on
 * localhost the app takes over before the first paint, and the simulation
 * then charges the Wasm's download to the largest paint, which a visitor on
 * a slow link sees from the page's HTML long before (0.8 s in a Chromium
 * throttled the same way, against 3.0 s simulated).
 */
async function lighthouse() {
  const pages = ["/en/", `/en/news/${ARTICLE}`, "/en/book", "/ar/", `/ar/news/${ARTICLE}`, "/ar/book"];
  console.log(`\nLighthouse, mobile (targets: performance at least 0.95, largest paint at most 1.5 s on home and article pages)`);
  for (const path of pages) {
    const out = join(tmpdir(), `expo-lighthouse-${process.pid}.json`);
    const run = spawnSync(
      "npx",
      ["lighthouse", `http://127.0.0.1:${PORT}${path}`, "--quiet", "--throttling-method=devtools", "--form-factor=mobile", "--only-categories=performance", "--output=json", `--output-path=${out}`, "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? "/usr/bin/chromium" }, encoding: "utf8" },
    );
    if (run.status !== 0) {
      console.log(`  ${path}: lighthouse failed: ${(run.stderr || "").trim().split("\n").pop()}`);
      continue;
    }
    const report = JSON.parse(readFileSync(out, "utf8"));
    const shown = (id) => report.audits[id].displayValue.replace(/\s+/g, " ");
    console.log(
      `  ${path.padEnd(34)} performance ${report.categories.performance.score.toFixed(2)}, largest paint ${shown("largest-contentful-paint")}, ` +
        `first paint ${shown("first-contentful-paint")}, blocking ${shown("total-blocking-time")}, layout shift ${shown("cumulative-layout-shift")}`,
    );
  }
}

/**
 * A slow link in front of the server, for the browser and its service worker
 * alike (Chromium's throttling covers pages, not the worker's own fetches):
 * every request waits one round trip (150 ms) and answers are paced at
 * 1.6 Mbit/s per connection. Counts the bytes it carries to the browser.
 */
function slowLink(port, upstream) {
  const link = { bytes: 0 };
  const perByteMs = (8 * 1000) / (1.6 * 1024 * 1024);
  const server = createServer((client) => {
    const server = connect(upstream, "127.0.0.1");
    let free = 0;
    client.on("data", (chunk) => setTimeout(() => server.write(chunk), 150));
    server.on("data", (chunk) => {
      link.bytes += chunk.length;
      const now = Date.now();
      free = Math.max(free, now) + chunk.length * perByteMs;
      setTimeout(() => client.write(chunk), free - now);
    });
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on("error", end).on("close", end);
    server.on("error", end).on("close", () => setTimeout(end, Math.max(0, free - Date.now())));
  }).listen(port);
  link.close = () => server.close();
  return link;
}

/**
 * A repeat visit against the first, through the slow link, CPU 4× slower:
 * the first visit installs the service worker (everything it keeps ahead of
 * time); the second downloads only the page, network first. Bytes are what
 * crossed the link, compressed as served.
 */
async function repeatVisit(browser) {
  const LINK = PORT + 1;
  const visits = [
    ["home page", "/en/", ".card-grid li"],
    ["article", `/en/news/${ARTICLE}`, "main h1"],
  ];
  const link = slowLink(LINK, PORT);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`\nFirst and repeat visit through a slow link (150 ms per request, 1.6 Mbit/s, CPU 4× slower), with the service worker`);
  try {
    for (const [name, path, content] of visits) {
      const rows = { first: { shown: [], ready: [], bytes: [], installed: [] }, repeat: { shown: [], ready: [], bytes: [] } };
      for (let run = 0; run < 3; run++) {
        const context = await browser.newContext({ viewport: { width: 375, height: 740 }, serviceWorkers: "allow" });
        for (const kind of ["first", "repeat"]) {
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
          const bytes0 = link.bytes;
          const t0 = Date.now();
          await page.goto(`http://127.0.0.1:${LINK}${path}`, { waitUntil: "commit" });
          await page.locator(content).first().waitFor({ timeout: 60_000 });
          rows[kind].shown.push(Date.now() - t0);
          await page.locator("html[data-app=ready]").waitFor({ state: "attached", timeout: 60_000 });
          rows[kind].ready.push(Date.now() - t0);
          if (kind === "first") {
            await page.evaluate(() => navigator.serviceWorker.ready);
            rows.first.installed.push(link.bytes - bytes0);
          } else {
            await page.waitForLoadState("networkidle");
            rows.repeat.bytes.push(link.bytes - bytes0);
          }
          await page.close();
        }
        await context.close();
      }
      console.log(`  ${name}, first visit:  content shown ${fmt(rows.first.shown)}; app took over median ${median(rows.first.ready)} ms; ${kb(median(rows.first.installed))} with the install`);
      console.log(`  ${name}, repeat visit: content shown ${fmt(rows.repeat.shown)}; app took over median ${median(rows.repeat.ready)} ms; ${kb(median(rows.repeat.bytes))}`);
    }
  } finally {
    link.close();
  }
}

async function main() {
  sizes();
  const server = spawn("node", ["scripts/serve.mjs", "--dir", DIST, "--port", String(PORT), "--no-fallback"], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`http://127.0.0.1:${PORT}/en/news/${ARTICLE}`);
    await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
    await page.locator(".article__body p").first().waitFor();
    // Both bodies in memory first: the benchmark measures the switch, not the network.
    await languageSwitch(page, 2);
    const { updated, painted } = await languageSwitch(page, 30);
    console.log(`\nLanguage switch on an article (target: updated within one frame, 16 ms)`);
    console.log(`  click to updated DOM:      ${fmt(updated)}`);
    console.log(`  click to next frame drawn: ${fmt(painted)}`);
    await floorPlan(browser);
    await slowFirstVisit(browser);
    await lighthouse();
    await repeatVisit(browser);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
