// Visitors reading the news and sponsors, in both languages.
import { test, expect, waitForApp } from "./test.mjs";
import { Site, BILINGUAL, ENGLISH_ONLY, NO_BODY, ORIGIN, SUBPATH } from "./site.mjs";

test("home page shows the hero, latest news and the organiser", async ({ page }) => {
  const site = new Site(page);
  await site.open("/en/");
  await expect(page.locator("h1")).toHaveText("Libya Build Expo");
  await expect(page.getByRole("link", { name: "Book a Stand" }).first()).toBeVisible();
  await expect(page.locator(".card-grid .article-card")).toHaveCount(3);
  await expect(page.getByRole("img", { name: "Atex" })).toBeVisible();
  await expect(page.getByRole("img", { name: "UFI" })).toBeVisible();
  await expect(page).toHaveTitle("Libya Build Expo");
});

test("switching language on an article keeps the article, flips direction and fetches no data", async ({ page }) => {
  const site = new Site(page);
  let indexRequests = 0;
  page.on("request", (r) => { if (r.url().endsWith("/data/articles.json")) indexRequests += 1; });
  await site.open(`/en/news/${BILINGUAL}`);
  await expect(site.heading).toContainText("Borderless Brilliance");
  await site.expectLang("en");
  await expect(site.switch).toHaveAccessibleName("العربية");

  await site.switchLanguage();
  await expect(page).toHaveURL(new RegExp(`/ar/news/${BILINGUAL}$`));
  await site.expectLang("ar");
  await expect(site.heading).toHaveText("العقول الليبية في الخارج: وقود للابتكار أم هروب من الواقع؟");
  await expect(page.locator(".article__body")).toHaveAttribute("lang", "ar");
  await expect(page.locator(".article__body h2").first()).toHaveText("شبكة عالمية ذات تأثير محلي... أم اعتماد دائم؟");
  await expect(page.locator("nav")).toContainText("الأخبار");
  await expect(page).toHaveTitle(/العقول الليبية/);
  await expect(site.switch).toHaveAccessibleName("English");
  // Western digits in the Arabic date, as in Libya.
  await expect(page.locator(".article__date time")).toHaveText(/^10 \S+ 2025$/);

  await site.switchLanguage();
  await site.expectLang("en");
  await expect(page.locator(".article__date time")).toHaveText("10 June 2025");
  // The page carries the index it was rendered from, and the switch needs nothing more.
  expect(indexRequests).toBe(0);
});

test("switching language keeps the scroll position", async ({ page }) => {
  const site = new Site(page);
  await site.open(`/en/news/${BILINGUAL}`);
  await expect(page.locator(".article__body h2").first()).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 900));
  await site.switchLanguage();
  await site.expectLang("ar");
  await expect(page.locator(".article__body")).toHaveAttribute("lang", "ar");
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(400);
});

test("a deep link in Arabic works on first load and after a reload", async ({ page }) => {
  const site = new Site(page);
  await site.open(`/ar/news/${BILINGUAL}`);
  await site.expectLang("ar");
  await page.reload();
  await expect(site.switch).toBeVisible();
  await site.expectLang("ar");
  await expect(site.heading).toHaveText(/العقول الليبية/);
  await expect(page.locator(".related .article-card")).toHaveCount(3);
  await expect(page.locator(".related h2")).toHaveText("أخبار ذات صلة");
});

test("the English-only article opens in Arabic with a note and an English body", async ({ page }) => {
  const site = new Site(page);
  await site.open(`/ar/news/${ENGLISH_ONLY}`);
  await site.expectLang("ar");
  await expect(page.getByRole("note")).toHaveText("هذا المقال متاح باللغة الإنجليزية فقط.");
  const body = page.locator(".article__body");
  await expect(body).toHaveAttribute("lang", "en");
  await expect(body).toHaveAttribute("dir", "ltr");
  await expect(body).toContainText("International collaboration in e-government initiatives");
  await expect(site.heading).toHaveAttribute("lang", "en");
});

test("an article without a body says so plainly", async ({ page }) => {
  const site = new Site(page);
  await site.open(`/en/news/${NO_BODY}`);
  await expect(site.heading).toHaveText(/AI in the Cloud/);
  await expect(page.locator("main")).toContainText("has not been published yet");
  await site.switchLanguage();
  await expect(site.heading).toHaveText(/الذكاء الاصطناعي في السحابة/);
  await expect(page.locator("main")).toContainText("لم يُنشر النص الكامل");
});

test("the news list links every article in both languages", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/news");
  await expect(site.heading).toHaveText("الأخبار");
  await expect(page.locator(".article-card")).toHaveCount(5);
  await page.getByRole("link", { name: /من الفكرة إلى التنفيذ/ }).click();
  await expect(page).toHaveURL(/\/ar\/news\/from-idea-to-execution$/);
});

test("sponsors page groups by role with names as text alternatives", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/sponsors");
  await expect(site.heading).toHaveText("شكراً لشركائنا ورعاتنا");
  await expect(page.getByRole("heading", { name: "من تنظيم" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "عضو في" })).toBeVisible();
  await expect(page.getByRole("img", { name: "UFI" })).toBeVisible();
  await expect(page.locator("a[href='https://www.ufi.org']")).toHaveCount(1);
});

test("/ goes to the saved language, else the browser's", async ({ browser }) => {
  const arabic = await browser.newContext({ locale: "ar-LY" });
  const page = waitForApp(await arabic.newPage());
  await page.goto("/");
  await expect(page).toHaveURL(/\/ar\/$/);
  await page.locator("a.lang-switch").click();
  await expect(page).toHaveURL(/\/en\/$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/en\/$/);
  await arabic.close();
});

test("no request leaves the site's own host", async ({ page }) => {
  const foreign = [];
  page.on("request", (r) => { if (!r.url().startsWith(`${ORIGIN}/`)) foreign.push(r.url()); });
  const site = new Site(page);
  for (const path of ["/en/", `/ar/news/${BILINGUAL}`, "/en/sponsors"]) {
    await site.open(path);
    await page.waitForLoadState("networkidle");
  }
  expect(foreign).toEqual([]);
});

test("the site works under a sub-path", async ({ page }) => {
  const site = new Site(page);
  await site.open(`${SUBPATH}ar/news`);
  await expect(page.locator(".article-card")).toHaveCount(5);
  await page.getByRole("link", { name: /العقول الليبية/ }).click();
  await expect(page).toHaveURL(`${SUBPATH}ar/news/libyan-professionals-abroad`);
  await expect(page.locator(".article__body p").first()).toBeVisible();
  await site.switchLanguage();
  await expect(page).toHaveURL(`${SUBPATH}en/news/libyan-professionals-abroad`);
});
