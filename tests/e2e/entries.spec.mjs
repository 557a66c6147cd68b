// The site is two Wasm entries: news readers never download the booking,
// and the booking never the news. Moving between them is an ordinary page
// load; hosts that answer an address with the wrong entry still get there.
import { test, expect, ready } from "./test.mjs";
import { SUBPATH } from "./site.mjs";

/** The Wasm entries a page load fetched, by name. */
async function entriesLoaded(page, path) {
  const entries = new Set();
  const listen = (r) => {
    const m = r.url().match(/\/(expo-[a-z]+)-[0-9a-f]+(_bg\.wasm|\.js)$/);
    if (m) entries.add(m[1]);
  };
  page.on("request", listen);
  await page.goto(path);
  await ready(page);
  await page.waitForLoadState("networkidle");
  page.off("request", listen);
  return [...entries].sort();
}

test("a news reader never downloads the booking code, and the booking never the news code", async ({ page }) => {
  const index = await (await page.request.get("/data/articles.json")).json();
  for (const path of ["/en/", "/ar/news", `/en/news/${index.articles[0].slug}`, "/ar/sponsors"]) {
    expect(await entriesLoaded(page, path), path).toEqual(["expo-site"]);
  }
  for (const path of ["/en/book", "/ar/book/details"]) {
    expect(await entriesLoaded(page, path), path).toEqual(["expo-book"]);
  }
});

test("moving between the news and the booking loads the other entry, and the draft is kept", async ({ page }) => {
  await page.goto("/en/news");
  await ready(page);
  await page.locator(".site-header__cta").click();
  await expect(page).toHaveURL(/\/en\/book$/);
  await ready(page);
  const stand = page.locator(".floor-plan__svg [tabindex=\"0\"]").first();
  const id = await stand.getAttribute("id");
  await stand.click();
  await expect(page.locator(`#${id}`)).toHaveAttribute("aria-pressed", "true");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "News" }).click();
  await expect(page).toHaveURL(/\/en\/news$/);
  await ready(page);
  await expect(page.locator(".article-card").first()).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/\/en\/book$/);
  await ready(page);
  await expect(page.locator(`#${id}`)).toHaveAttribute("aria-pressed", "true");
});

test("behind an SPA rule that answers with the front page, a booking address still opens its own page", async ({ page }) => {
  // The sub-path server answers unknown addresses with index.html, the
  // main entry's page: the app hands over to the booking's own file.
  await page.goto(`${SUBPATH}en/book/request/LB27-1123-ABCDEF`);
  await expect(page.locator("main")).toContainText("This request is not stored in this browser");
  expect(page.url()).toBe(`${SUBPATH}en/book/request/LB27-1123-ABCDEF`);
  // And back again: an unknown article ends on a not-found page, not in a loop.
  await page.goto(`${SUBPATH}ar/news/no-such-article`);
  await expect(page.locator("main h1")).toHaveText("الصفحة غير موجودة");
  expect(page.url()).toBe(`${SUBPATH}ar/news/no-such-article`);
});
