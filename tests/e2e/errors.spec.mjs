// Bad input: every failure gets a translated message, a retry where it makes
// sense, and the rest of the page keeps working.
import { test, expect, dataFromNetwork } from "./test.mjs";
import { Site, BILINGUAL } from "./site.mjs";
import { FIXTURE_ARTICLES } from "./fixtures.mjs";

// The files are fetched, as on a client-side navigation: a prerendered page
// carries its own copies, which cannot fail.
test.beforeEach(async ({ page }) => {
  await dataFromNetwork(page);
});

test("a server error on the news index shows a message, and retry recovers", async ({ page }) => {
  let fail = true;
  await page.route("**/data/articles.json", (route) => (fail ? route.fulfill({ status: 500, body: "boom" }) : route.fallback()));
  const site = new Site(page);
  await site.open("/en/news");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("The site answered with an error");
  await expect(alert).toContainText("HTTP 500");
  // The header and footer still work.
  await expect(page.getByRole("navigation")).toBeVisible();
  fail = false;
  await alert.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator(".article-card")).toHaveCount(FIXTURE_ARTICLES.length);
});

test("a network failure is explained in Arabic", async ({ page }) => {
  await page.route("**/data/articles.json", (route) => route.abort("internetdisconnected"));
  const site = new Site(page);
  await site.open("/ar/news");
  await expect(page.getByRole("alert")).toContainText("تعذّر الوصول إلى الموقع");
  await expect(page.getByRole("button", { name: "أعد المحاولة" })).toBeVisible();
});

test("a malformed data file names the file and the place", async ({ page }) => {
  await page.route("**/data/sponsors.json", (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"groups": [{"id": 3}]}' }));
  const site = new Site(page);
  await site.open("/en/sponsors");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("could not be read");
  await expect(alert).toContainText("data/sponsors.json");
  await expect(alert).toContainText("line 1");
});

test("a missing data file, as a CDN's SPA fallback answers it, is not shown as content", async ({ page }) => {
  await page.route(`**/data/articles/${BILINGUAL}.ar.md`, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<!DOCTYPE html><html></html>" }),
  );
  const site = new Site(page);
  await site.open(`/ar/news/${BILINGUAL}`);
  await expect(page.getByRole("alert")).toContainText("هذا المحتوى غير موجود");
  await expect(page.locator("main")).not.toContainText("DOCTYPE");
});

test("a slow data file shows loading, then the content", async ({ page }) => {
  await page.route("**/data/articles.json", async (route) => {
    await new Promise((r) => setTimeout(r, 1500));
    await route.fallback();
  });
  const site = new Site(page);
  await site.open("/en/news");
  await expect(page.getByRole("status")).toHaveText("Loading…");
  await expect(page.locator(".article-card")).toHaveCount(FIXTURE_ARTICLES.length);
});

test("an unknown article is a not-found page in the visitor's language", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/news/no-such-article");
  await expect(site.heading).toHaveText("الصفحة غير موجودة");
  await expect(page.locator("main")).toContainText("لم نعثر على هذا المقال.");
  await expect(page.getByRole("link", { name: "العودة إلى الأخبار" })).toBeVisible();
});

test("an unknown language prefix or page is a not-found page", async ({ page }) => {
  const site = new Site(page);
  await site.open("/fr/news");
  await expect(site.heading).toHaveText("Page not found");
  await site.open("/en/no/such/page");
  await expect(site.heading).toHaveText("Page not found");
  // Its language switch has no "same place" to go to: the other language's home page.
  await site.switchLanguage();
  await expect(page).toHaveURL(/\/ar\/$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  await expect(page.getByText("الصفحة غير موجودة")).toHaveCount(0);
});

test("article text is shown as text, never as HTML", async ({ page }) => {
  await page.route(`**/data/articles/${BILINGUAL}.en.md`, (route) =>
    route.fulfill({ status: 200, contentType: "text/markdown", body: "Hello <img src=x onerror=\"window.pwned=1\"> world\n\n## <b>Heading</b>\n" }),
  );
  const site = new Site(page);
  await site.open(`/en/news/${BILINGUAL}`);
  await expect(page.locator(".article__body p")).toHaveText('Hello <img src=x onerror="window.pwned=1"> world');
  await expect(page.locator(".article__body h2")).toHaveText("<b>Heading</b>");
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
});
