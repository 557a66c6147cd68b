// Screenshots of the release build for docs/screenshots: each page in both
// languages, on a 1280 px desktop and a 375 px phone. Run after a release
// build: `node scripts/screenshots.mjs` (it serves dist/ itself).
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

const PORT = 4181;
const OUT = "docs/screenshots";
const SHOTS = [
  ["home", "/"],
  ["article", "/news/libyan-professionals-abroad"],
  ["article-english-only", "/news/international-collaboration-e-government"],
  ...(globalThis.extraShots ?? []),
];
const VIEWPORTS = { desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 812 } };

mkdirSync(OUT, { recursive: true });
const server = spawn("node", ["scripts/serve.mjs", "--dir", "dist", "--port", String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  for (const [device, viewport] of Object.entries(VIEWPORTS)) {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1, isMobile: device === "phone" });
    for (const [name, path] of SHOTS) {
      for (const lang of ["en", "ar"]) {
        await page.goto(`http://127.0.0.1:${PORT}/${lang}${path}`);
        await page.waitForLoadState("networkidle");
        await page.evaluate(() => document.fonts.ready);
        const file = `${OUT}/${name}-${lang}-${device}.png`;
        await page.screenshot({ path: file, fullPage: device === "phone" ? false : true });
        console.log(file);
      }
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.kill();
}
