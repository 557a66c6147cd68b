// Draws the app icons of the web app manifests from the site's own mark
// (public/favicon.svg), in headless Chromium, so nothing is downloaded and no
// image tool is needed. Run once after changing the mark; the PNGs are committed.
//   node scripts/icons.mjs
// Writes public/icons/icon-192.png, icon-512.png (the mark with its rounded
// corners) and icon-maskable-512.png: a full-bleed brand square with the mark
// inside the central 60 %, the safe zone a launcher's mask never cuts.
import { chromium } from "@playwright/test";
import { readFile, mkdir } from "node:fs/promises";

const mark = await readFile(new URL("../public/favicon.svg", import.meta.url), "utf8");
const brand = mark.match(/<rect[^>]*fill="(#[0-9a-f]{6})"/i)[1];
const inner = mark.replace(/^<svg[^>]*>|<\/svg>\s*$/g, "").replace(/<rect[^>]*\/>/, "");
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${brand}"/><g transform="translate(16 16) scale(0.6) translate(-16 -16)">${inner}</g></svg>`;

const out = new URL("../public/icons/", import.meta.url);
await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
for (const [name, svg, size] of [
  ["icon-192.png", mark, 192],
  ["icon-512.png", mark, 512],
  ["icon-maskable-512.png", maskable, 512],
]) {
  await page.setViewportSize({ width: size, height: size });
  const sized = svg.replace("<svg ", `<svg width="${size}" height="${size}" `);
  await page.setContent(`<html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.locator("svg").screenshot({ path: new URL(name, out).pathname, omitBackground: true });
  console.log(`icons.mjs: public/icons/${name}`);
}
await browser.close();
