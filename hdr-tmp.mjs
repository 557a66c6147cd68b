import { chromium } from "playwright";
const css = process.env.CSS ?? "";
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const w of [320, 360, 375, 414]) for (const l of ["en", "ar"]) {
  const ctx = await b.newContext({ viewport: { width: w, height: 800 }, bypassCSP: true });
  const p = await ctx.newPage();
  await p.goto(`http://127.0.0.1:4900/${l}/news`);
  if (css) await p.addStyleTag({ content: css });
  const r = await p.evaluate(() => {
    const h = document.querySelector(".site-header").getBoundingClientRect().height;
    const items = [...document.querySelectorAll(".site-header__list > li")].map(li => Math.round(li.getBoundingClientRect().width));
    const top = [...document.querySelectorAll(".site-header__brand, .lang-switch, .site-header__list > li")].map(li => Math.round(li.getBoundingClientRect().top));
    return { h, items, top };
  });
  console.log(w, l, JSON.stringify(r));
  if (w == 360 || w == 320) await p.screenshot({ path: `/tmp/hdr-${w}-${l}.png`, clip: { x: 0, y: 0, width: w, height: 260 } });
  await ctx.close();
}
await b.close();
