// Visitors reading the news and sponsors, in both languages.
import { test, expect, waitForApp } from "./test.mjs";
import { Site, BILINGUAL, ENGLISH_ONLY, NO_BODY, FIXTURE_ORIGIN, SUBPATH } from "./site.mjs";
import { FIXTURE_ARTICLES, FIXTURE_SITE, FIXTURE_SPONSORS } from "./fixtures.mjs";
import { readFileSync } from "node:fs";

// What the pages must show, read from the fixture data they are built from.
const article = (slug) => FIXTURE_ARTICLES.find((a) => a.slug === slug);
const markdown = (slug, lang) => readFileSync(new URL(`../fixtures/site/data/articles/${slug}.${lang}.md`, import.meta.url), "utf8");
const firstHeading = (slug, lang) => markdown(slug, lang).match(/^## (.*)$/m)[1];
const logos = FIXTURE_SPONSORS.flatMap((g) => g.entries);

test("home page shows the hero, latest news and the organiser", async ({ page }) => {
  const site = new Site(page);
  await site.open("/en/");
  await expect(page.locator("h1")).toHaveText(FIXTURE_SITE.name.en);
  await expect(page.getByRole("link", { name: "Book a Stand" }).first()).toBeVisible();
  // The three latest articles.
  await expect(page.locator(".card-grid .article-card")).toHaveCount(Math.min(3, FIXTURE_ARTICLES.length));
  for (const logo of logos) await expect(page.getByRole("img", { name: logo.name.en })).toBeVisible();
  await expect(page).toHaveTitle(FIXTURE_SITE.name.en);
});

test("switching language on an article keeps the article, flips direction and fetches no data", async ({ page }) => {
  const site = new Site(page);
  let indexRequests = 0;
  page.on("request", (r) => { if (r.url().endsWith("/data/articles.json")) indexRequests += 1; });
  await site.open(`/en/news/${BILINGUAL}`);
  await expect(site.heading).toHaveText(article(BILINGUAL).title.en);
  await site.expectLang("en");
  await expect(site.switch).toHaveAccessibleName("العربية");

  await site.switchLanguage();
  await expect(page).toHaveURL(new RegExp(`/ar/news/${BILINGUAL}$`));
  await site.expectLang("ar");
  await expect(site.heading).toHaveText(article(BILINGUAL).title.ar);
  await expect(page.locator(".article__body")).toHaveAttribute("lang", "ar");
  await expect(page.locator(".article__body h2").first()).toHaveText(firstHeading(BILINGUAL, "ar"));
  await expect(page.locator("nav")).toContainText("الأخبار");
  await expect(page).toHaveTitle(new RegExp(article(BILINGUAL).title.ar));
  await expect(site.switch).toHaveAccessibleName("English");
  // Western digits in the Arabic date, as in Libya: day, month name, year.
  const [year, , day] = article(BILINGUAL).date.split("-").map(Number);
  await expect(page.locator(".article__date time")).toHaveText(new RegExp(`^${day} \\S+ ${year}$`));

  await site.switchLanguage();
  await site.expectLang("en");
  await expect(page.locator(".article__date time")).toHaveText(new RegExp(`^${day} [A-Z][a-z]+ ${year}$`));
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
  await expect(site.heading).toHaveText(article(BILINGUAL).title.ar);
  // Without a `related` list: the three latest other articles.
  await expect(page.locator(".related .article-card")).toHaveCount(Math.min(3, FIXTURE_ARTICLES.length - 1));
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
  await expect(body).toContainText(markdown(ENGLISH_ONLY, "en").split("\n")[0]);
  await expect(site.heading).toHaveAttribute("lang", "en");
});

test("an article without a body says so plainly", async ({ page }) => {
  const site = new Site(page);
  await site.open(`/en/news/${NO_BODY}`);
  await expect(site.heading).toHaveText(article(NO_BODY).title.en);
  await expect(page.locator("main")).toContainText("has not been published yet");
  await site.switchLanguage();
  await expect(site.heading).toHaveText(article(NO_BODY).title.ar);
  await expect(page.locator("main")).toContainText("لم يُنشر النص الكامل");
});

test("the news list links every article in both languages", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/news");
  await expect(site.heading).toHaveText("الأخبار");
  await expect(page.locator(".article-card")).toHaveCount(FIXTURE_ARTICLES.length);
  const last = FIXTURE_ARTICLES.at(-1);
  await page.getByRole("link", { name: last.title.ar }).click();
  await expect(page).toHaveURL(new RegExp(`/ar/news/${last.slug}$`));
});

test("sponsors page groups by role with names as text alternatives", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/sponsors");
  await expect(site.heading).toHaveText("شكراً لشركائنا ورعاتنا");
  // Each group that has entries (one without any is not shown on this page).
  for (const group of FIXTURE_SPONSORS.filter((g) => g.entries.length > 0)) {
    await expect(page.getByRole("heading", { name: group.title.ar })).toBeVisible();
    for (const entry of group.entries) {
      await expect(page.getByRole("img", { name: entry.name.ar })).toBeVisible();
      await expect(page.locator(`a[href='${entry.url}']`)).toHaveCount(1);
    }
  }
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
  page.on("request", (r) => { if (!r.url().startsWith(`${FIXTURE_ORIGIN}/`)) foreign.push(r.url()); });
  const site = new Site(page);
  for (const path of ["/en/", `/ar/news/${BILINGUAL}`, "/en/sponsors"]) {
    await site.open(path);
    await page.waitForLoadState("networkidle");
  }
  expect(foreign).toEqual([]);
});

// The shipped sub-path build: whatever articles it ships, read from its own index.
test("the site works under a sub-path", async ({ page }) => {
  const shipped = (await (await page.request.get(`${SUBPATH}data/articles.json`)).json()).articles;
  const withBody = shipped.find((a) => a.body?.includes("ar") && a.title.ar);
  const site = new Site(page);
  await site.open(`${SUBPATH}ar/news`);
  await expect(page.locator(".article-card")).toHaveCount(shipped.length);
  await page.getByRole("link", { name: withBody.title.ar, exact: true }).click();
  await expect(page).toHaveURL(`${SUBPATH}ar/news/${withBody.slug}`);
  await expect(page.locator(".article__body p").first()).toBeVisible();
  await site.switchLanguage();
  await expect(page).toHaveURL(`${SUBPATH}en/news/${withBody.slug}`);
});
