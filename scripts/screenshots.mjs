// Screenshots of the release build for docs/screenshots: the main pages and
// the booking steps, in both languages, on a 1280 px desktop and a 375 px
// phone. Run after a release build (`./scripts/build.sh`):
// `node scripts/screenshots.mjs` (it serves dist/ itself).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import { VALID } from "../tests/e2e/booking.mjs";

const PORT = 4181;
const OUT = "docs/screenshots";
// Whatever the build's data holds today: an article in both languages, one
// in English only, and the first two available stands of the first hall.
const read = (file) => JSON.parse(readFileSync(`dist/data/${file}`, "utf8"));
const ARTICLES = read("articles.json").articles;
const BILINGUAL = ARTICLES.find((a) => a.body?.includes("en") && a.body?.includes("ar"));
const ENGLISH_ONLY = ARTICLES.find((a) => a.body?.length === 1 && a.body[0] === "en");
const PLAN = read("floorplan.json");
const STANDS = PLAN.stands.filter((s) => s.hall === PLAN.halls[0].id && s.status === "available").slice(0, 2);

async function choose(page) {
  for (const stand of STANDS) await page.locator(`#stand-${stand.id}`).click();
  await page.locator(".quote__total, .quote").first().waitFor();
}
async function list(page) {
  await choose(page);
  await page.locator(".book__views .tab").nth(1).click();
  await page.locator(".stand-table__table").waitFor();
}
async function details(page) {
  await choose(page);
  // The side's Continue when wide, the selection bar's on a phone.
  await page.locator(":is(.book__continue, .selection-bar__continue):visible").click();
  for (const [id, value] of Object.entries(VALID)) await page.locator(`#${id}`).fill(value);
  await page.locator("#accept-terms").check();
}
async function request(page) {
  await details(page);
  await page.locator("button[type=submit]").click();
  await page.locator(".request").waitFor();
}

const SHOTS = [
  ["home", "/"],
  ...(BILINGUAL ? [["article", `/news/${BILINGUAL.slug}`]] : []),
  ...(ENGLISH_ONLY ? [["article-english-only", `/news/${ENGLISH_ONLY.slug}`]] : []),
  ["booking-plan", "/book", choose],
  ["booking-list", "/book", list],
  ["booking-details", "/book", details],
  ["booking-request", "/book", request],
];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } };

mkdirSync(OUT, { recursive: true });
const server = spawn("node", ["scripts/serve.mjs", "--dir", "dist", "--port", String(PORT), "--no-fallback"], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    for (const [name, path, prepare] of SHOTS) {
      for (const lang of ["en", "ar"]) {
        // A fresh context per shot: no draft carried from the previous one.
        const context = await browser.newContext({ viewport, isMobile: device === "phone", hasTouch: device === "phone" });
        const page = await context.newPage();
        await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
        await page.goto(`http://127.0.0.1:${PORT}/${lang}${path}`);
        await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
        // As a returning visitor sees it: fonts are shown only if they arrive
        // in time (font-display: optional), which they do from the cache.
        await page.evaluate(() => document.fonts.ready);
        await page.reload();
        await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
        await page.waitForLoadState("networkidle");
        if (prepare) await prepare(page);
        await page.evaluate(() => document.fonts.ready);
        // Full-page shots start at the top, so the sticky header sits where it belongs.
        if (device === "desktop") await page.evaluate(() => window.scrollTo(0, 0));
        const file = `${OUT}/${name}-${lang}-${device}.png`;
        await page.screenshot({ path: file, fullPage: device === "desktop" });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  server.kill();
}
