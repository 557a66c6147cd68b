// Layout on a phone and accessibility of every page, in both languages.
import { test, expect, waitForApp } from "./test.mjs";
import AxeBuilder from "@axe-core/playwright";
import { Site, BILINGUAL, ENGLISH_ONLY } from "./site.mjs";
import { Booking } from "./booking.mjs";

const PAGES = ["/", "/news", `/news/${BILINGUAL}`, `/news/${ENGLISH_ONLY}`, "/sponsors", "/book", "/no-such-page"];

for (const lang of ["en", "ar"]) {
  test(`no horizontal scrolling on a 375 px phone (${lang})`, async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = waitForApp(await context.newPage());
    const site = new Site(page);
    for (const path of PAGES) {
      await site.open(`/${lang}${path}`);
      await page.waitForLoadState("networkidle");
      await site.expectNoHorizontalOverflow();
    }
    await context.close();
  });

  test(`axe finds no violations on any page (${lang})`, async ({ page }) => {
    test.setTimeout(120_000);
    const site = new Site(page);
    for (const path of PAGES) {
      await site.open(`/${lang}${path}`);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("main .loading")).toHaveCount(0);
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      expect(summary).toEqual([]);
    }
  });
}

test("the page has landmarks, a skip link and a named navigation", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "تخطَّ إلى المحتوى" })).toBeFocused();
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("main")).toBeVisible();
  await expect(page.getByRole("contentinfo")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "القائمة الرئيسية" })).toBeVisible();
});

test("the skip link moves focus to the content and stays on the page", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/news");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/ar\/news(#main)?$/);
  await expect(page.locator("main")).toBeFocused();
  await expect(page.locator("main h1")).toHaveText("الأخبار");
});

test("after moving to another page, focus is on its heading; after a language switch, on the switch", async ({ page }) => {
  const site = new Site(page);
  await site.open("/en/news");
  const first = page.locator(".article-card__link").first();
  const title = (await first.textContent()).trim();
  await first.click();
  await expect(page.locator("main h1")).toBeFocused();
  await expect(page.locator("main h1")).toHaveText(title);
  await site.switchLanguage();
  await expect(site.switch).toBeFocused();
});

test("each booking step has its own title", async ({ page }) => {
  const site = new Site(page);
  await site.open("/en/book");
  await expect(page).toHaveTitle(/^Choose stands · Book a Stand · /);
  await site.open("/ar/book/details");
  await expect(page).toHaveTitle(/^بياناتك · احجز جناحك · /);
});

test("focus the visitor moves right after a page change is never taken back", async ({ page }) => {
  const b = new Booking(page);
  await b.open("en");
  await b.stand("T1").click(); // fixture: 12 m², valid alone
  await page.getByRole("link", { name: "Continue" }).focus();
  await page.keyboard.press("Enter");
  // A fast keyboard user goes straight into a field and types on for a
  // second, longer than the page waits for its heading.
  await page.locator("#company").focus();
  await page.keyboard.type("Tripoli Steel Company", { delay: 50 });
  await expect(page.locator("#company")).toBeFocused();
  await expect(page.locator("#company")).toHaveValue("Tripoli Steel Company");
});
