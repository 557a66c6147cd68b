// Every page is real HTML in the first response: readable without
// JavaScript, in the right language and direction, with real links; then the
// app takes it over without a flash, a duplicate, a shift or a fetch.
import { test, expect, ready } from "./test.mjs";
import { ORIGIN, FIXTURE_ORIGIN, SUBPATH } from "./site.mjs";
import { FIXTURE_EVENT } from "./fixtures.mjs";
import AxeBuilder from "@axe-core/playwright";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader reads the home page, the news, an article and the sponsors, and switches language by link", async ({ page }) => {
    const index = await (await page.request.get("/data/articles.json")).json();
    const article = index.articles.find((a) => a.body?.includes("ar") && a.body?.includes("en"));
    await page.goto("/en/");
    await expect(page.locator("html")).toHaveAttribute("dir", "ltr");
    await expect(page.locator("main h1")).not.toBeEmpty();
    await expect(page.locator(".article-card").first()).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "News" }).click();
    await expect(page).toHaveURL(/\/en\/news$/);
    await expect(page.locator(".article-card")).toHaveCount(index.articles.length);
    await page.locator(`a[href$="/en/news/${article.slug}"]`).first().click();
    await expect(page.locator("main h1")).toHaveText(article.title.en);
    await expect(page.locator(".article__body p").first()).not.toBeEmpty();
    // The language switch is a real link to the other page.
    await page.locator("a.lang-switch").click();
    await expect(page).toHaveURL(new RegExp(`/ar/news/${article.slug}$`));
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("main h1")).toHaveText(article.title.ar);
    await expect(page.locator(".article__body")).toHaveAttribute("lang", "ar");
    await page.getByRole("navigation", { name: "القائمة الرئيسية" }).getByRole("link", { name: "الرعاة والشركاء" }).click();
    await expect(page.locator(".sponsor-groups img").first()).toBeVisible();
  });

  test("the booking page explains the stand types, prices and minimum sizes, and where to write", async ({ page }) => {
    const event = await (await page.request.get("/data/event.json")).json();
    await page.goto("/ar/book");
    const types = page.locator(".stand-types");
    await expect(types.locator("tbody tr")).toHaveCount(event.stand_types.length);
    for (const t of event.stand_types) {
      const row = types.locator("tbody tr").filter({ hasText: t.name.ar });
      await expect(row).toContainText(String(t.min_area_m2));
    }
    await expect(types.getByRole("link", { name: event.request_email })).toHaveAttribute("href", `mailto:${event.request_email}`);
  });

  test("the booking shows no control that could do nothing, and says why, with the address to write to", async ({ page }) => {
    for (const [path, said] of [
      ["/en/book", "need JavaScript, which is turned off"],
      ["/ar/book/details", "يحتاجان إلى جافاسكربت"],
    ]) {
      await page.goto(path);
      const note = page.locator(".scripts-off-note");
      await expect(note).toBeVisible();
      await expect(note).toContainText(said);
      await expect(note.getByRole("link", { name: FIXTURE_EVENT.request_email })).toHaveAttribute("href", `mailto:${FIXTURE_EVENT.request_email}`);
      // Nothing on the page can be pressed or typed into but links.
      await expect(page.locator("main").locator("button:visible, input:visible, select:visible, textarea:visible")).toHaveCount(0);
    }
    // The plan itself is still drawn, as a picture: no stand in the Tab
    // order, no help on keys that do nothing.
    await page.goto("/en/book");
    await expect(page.locator('.floor-plan__svg [tabindex="0"]')).toHaveCount(0);
    await expect(page.locator(".floor-plan__help")).toBeHidden();
    await expect(page.locator(".floor-plan svg").first()).toBeVisible();
  });

  test("each page has its own title and description, and links its other language", async ({ page }) => {
    const site = await (await page.request.get("/data/site.json")).json();
    await page.goto("/ar/news");
    await expect(page).toHaveTitle(`الأخبار · ${site.name.ar}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", site.description.ar);
    await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute("href", /\/en\/news$/);
    await expect(page.locator('link[rel="alternate"][hreflang="ar"]')).toHaveAttribute("href", /\/ar\/news$/);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/ar\/news$/);
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "الأخبار");
    await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute("content", site.name.ar);
    // An article is described by its own summary, as built and once the app runs.
    const { articles } = await (await page.request.get("/data/articles.json")).json();
    const summed = articles.find((a) => a.summary?.ar);
    await page.goto(`/ar/news/${summed.slug}`);
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", summed.summary.ar);
    await page.locator("a.lang-switch").click();
    await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", summed.summary.en);
  });

  test("under a sub-path, behind an SPA rule, links keep the sub-path", async ({ page }) => {
    await page.goto(`${SUBPATH}en/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "News" }).click();
    await expect(page).toHaveURL(`${SUBPATH}en/news`);
    await expect(page.locator(".article-card").first()).toBeVisible();
  });

  test("an unknown address is a not-found page, answered with 404 by a plain static host", async ({ page }) => {
    const response = await page.goto("/en/no-such-page");
    expect(response.status()).toBe(404);
    await expect(page.locator("main h1")).toHaveText("Page not found");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
  });
});

/** A page on the fixture site whose app's code is held back until `release()`: a slow link. */
async function codeHeldBack(browser) {
  const context = await browser.newContext({ baseURL: FIXTURE_ORIGIN });
  const page = await context.newPage();
  let release;
  const arrived = new Promise((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await arrived;
    await route.continue();
  });
  return { context, page, release };
}

test.describe("the app takes over", () => {
  test("with no fetch, no duplicate, no layout shift and nothing else changed", async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    const data = [];
    page.on("request", (r) => r.url().includes("/data/") && data.push(r.url()));
    await page.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const index = await (await page.request.get("/data/articles.json")).json();
    const article = index.articles.find((a) => a.body?.includes("en"));
    await page.goto(`/en/news/${article.slug}`);
    await ready(page);
    await page.waitForLoadState("networkidle");
    await expect(page.locator("header")).toHaveCount(1);
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveCount(1);
    await expect(page.locator("h1")).toHaveText(article.title.en);
    // The article's index and body came with the page.
    expect(data).toEqual([]);
    expect(await page.evaluate(() => window.__cls)).toBeLessThanOrEqual(0.02);
    expect(errors).toEqual([]);
  });

  test("with scripts on, the booking's controls show and the note for scripts off does not, from the first paint", async ({ browser }) => {
    // Before the app: the head script has run, the Wasm never arrives.
    const context = await browser.newContext({ baseURL: FIXTURE_ORIGIN });
    const page = await context.newPage();
    await page.route(/\.wasm$/, () => {});
    await page.goto("/ar/book", { waitUntil: "domcontentloaded" });
    await expect(page.locator(".floor-plan__tools")).toBeVisible();
    await expect(page.locator(".book__side")).toBeVisible();
    await expect(page.locator(".scripts-off-note")).toBeHidden();
    // The same page as scripts off shows it (axe cannot run with scripts off).
    await page.evaluate(() => document.documentElement.classList.remove("js"));
    await expect(page.locator(".scripts-off-note")).toBeVisible();
    await expect(page.locator(".book__side")).toBeHidden();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await context.close();
  });

  for (const [lang, note] of [["en", "JavaScript"], ["ar", "جافاسكربت"]]) {
    test(`when the app's code fails to arrive, the booking reads as with scripts off, at once (${lang})`, async ({ browser }) => {
      const context = await browser.newContext({ baseURL: FIXTURE_ORIGIN });
      const page = await context.newPage();
      await page.route(/\.wasm$/, (route) => route.abort());
      await page.goto(`/${lang}/book`);
      await expect(page.locator(".scripts-off-note")).toBeVisible();
      await expect(page.locator(".scripts-off-note")).toContainText(note);
      await expect(page.locator(".floor-plan__tools")).toBeHidden();
      await expect(page.locator(".book__side")).toBeHidden();
      // A kept request's address stops saying it is opening.
      await page.goto(`/${lang}/book/request/${FIXTURE_EVENT.reference_prefix}-1123-ABCDEF`);
      await expect(page.locator(".not-found__opening:visible")).toHaveCount(0);
      await expect(page.locator(".not-found__links")).toBeVisible();
      await context.close();
    });
  }

  test("the language switch then changes the page in place, with no reload", async ({ page }) => {
    await page.goto("/en/news");
    await ready(page);
    await page.evaluate(() => (window.__sameDocument = true));
    await page.locator("a.lang-switch").click();
    await expect(page).toHaveURL(/\/ar\/news$/);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  });

  test("after moving on in the app, no tag still names the first page (Share would send it)", async ({ page }) => {
    const stale = () =>
      page.evaluate(() =>
        [...document.querySelectorAll("link[rel=canonical], meta[property='og:url']")]
          .map((e) => e.getAttribute("href") ?? e.getAttribute("content"))
          .filter((url) => new URL(url).pathname !== location.pathname),
      );
    await page.goto("/en/news");
    await expect(page.locator("link[rel=canonical]")).toHaveCount(1);
    expect(await stale()).toEqual([]);
    await page.locator(".article-card a").first().click();
    await expect(page).toHaveURL(/\/en\/news\/.+/);
    expect(await stale()).toEqual([]);
    await page.locator("a.lang-switch").click();
    await expect(page).toHaveURL(/\/ar\/news\/.+/);
    expect(await stale()).toEqual([]);
  });

  test("what was typed before the app arrived is kept, and the caret stays in its field", async ({ browser }) => {
    // A slow link: the form shows, and is used, before the code arrives.
    const { context, page, release } = await codeHeldBack(browser);
    await page.goto("/en/book/details");
    await page.locator("#company").fill("Early Bird Trading");
    await page.locator("#accept-terms").check();
    await page.locator("#email").fill("early@bird.ly");
    release();
    await ready(page);
    await expect(page.locator("#company")).toHaveValue("Early Bird Trading");
    await expect(page.locator("#email")).toHaveValue("early@bird.ly");
    await expect(page.locator("#accept-terms")).toBeChecked();
    await expect(page.locator("#email")).toBeFocused();
    // Taken into the draft as if typed in the app: a reload keeps it.
    await page.reload();
    await ready(page);
    await expect(page.locator("#company")).toHaveValue("Early Bird Trading");
    await expect(page.locator("#email")).toHaveValue("early@bird.ly");
    await context.close();
  });

  test("a stand tapped on the plan before the app arrived is chosen when it does, once", async ({ browser }) => {
    const { context, page, release } = await codeHeldBack(browser);
    await page.goto("/en/book");
    // Tapped twice, impatiently: it is chosen, not chosen and taken away.
    await page.locator("#stand-T1").click();
    await page.locator("#stand-T1").click();
    // Marked meanwhile: the tap is seen to be taken.
    await expect(page.locator("#stand-T1")).toHaveAttribute("data-tapped", "");
    release();
    await ready(page);
    await expect(page.locator("#stand-T1")).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator("#stand-T1")).not.toHaveAttribute("data-tapped", "");
    await expect(page.locator(".selection__item")).toHaveCount(1);
    // Tapped again in the app, it goes: the early tap was not replayed twice.
    await page.locator("#stand-T1").click();
    await expect(page.locator("#stand-T1")).toHaveAttribute("aria-pressed", "false");
    await context.close();
  });

  for (const [taps, hall, zooms, chosen] of [
    [["#hall-tab-U", "#zoom-in", "#zoom-in"], "#hall-tab-U", 2, 0],
    [["#view-list", "#view-plan", "#zoom-in"], "#hall-tab-T", 1, 0],
    [["#hall-tab-U", "#hall-tab-T", "#zoom-in"], "#hall-tab-T", 1, 0],
    // The stand was on the page as built: chosen, then the other hall shown.
    [["#hall-tab-U", "#stand-T1"], "#hall-tab-U", 0, 1],
  ]) {
    test(`the plan's controls tapped before the app arrived work when it does, in order and as often (${taps.join(" ")})`, async ({ browser }) => {
      const { context, page, release } = await codeHeldBack(browser);
      await page.goto("/en/book");
      for (const control of taps) await page.locator(control).click();
      await expect(page.locator(taps[0])).toHaveAttribute("data-tapped", "");
      release();
      await ready(page);
      // The taps are replayed one a frame: a few frames and all are done.
      await page.evaluate(() => new Promise((done) => {
        let frames = 10;
        const next = () => (--frames ? requestAnimationFrame(next) : done());
        requestAnimationFrame(next);
      }));
      await expect(page.locator(".selection__item")).toHaveCount(chosen);
      await expect(page.locator("#view-plan")).toHaveAttribute("aria-pressed", "true");
      await expect(page.locator(hall)).toHaveAttribute("aria-pressed", "true");
      // Zoomed in as often as tapped (each step is 1.25×): against the whole hall.
      const plan = page.locator(".floor-plan__svg");
      const width = async () => Number((await plan.getAttribute("viewBox")).split(" ")[2]);
      await expect.poll(width).toBeGreaterThan(0);
      const shown = await width();
      await page.locator("#zoom-reset").click();
      await expect.poll(async () => Math.round((await width()) / shown * 100) / 100).toBe(Math.round(1.25 ** zooms * 100) / 100);
      await context.close();
    });
  }

  test("the list tapped before the app arrived is shown when it does", async ({ browser }) => {
    const { context, page, release } = await codeHeldBack(browser);
    await page.goto("/ar/book");
    await page.locator("#view-list").click();
    release();
    await ready(page);
    await expect(page.locator("#view-list")).toHaveAttribute("aria-pressed", "true");
    await expect(page.locator(".floor-plan__svg")).toHaveCount(0);
    await expect(page.locator(".stand-table__table")).toBeVisible();
    await context.close();
  });

  test("an error from a script not the site's hides nothing; one the app outlives is forgotten", async ({ browser }) => {
    const { context, page, release } = await codeHeldBack(browser);
    await page.goto("/en/book", { waitUntil: "domcontentloaded" });
    const html = page.locator("html");
    // An extension's script throwing in the page: not the site's code.
    await page.evaluate(() => dispatchEvent(new ErrorEvent("error", { filename: "chrome-extension://abc/inject.js", message: "boom" })));
    await expect(html).not.toHaveClass(/app-failed/);
    // One of the site's own, before the app: the booking reads as with
    // scripts off, until the app starts after all.
    await page.evaluate(() => dispatchEvent(new ErrorEvent("error", { filename: location.href, message: "boom" })));
    await expect(html).toHaveClass(/app-failed/);
    await expect(page.locator(".scripts-off-note")).toBeVisible();
    release();
    await ready(page);
    await expect(html).not.toHaveClass(/app-failed/);
    await expect(page.locator(".book__side")).toBeVisible();
    await expect(page.locator(".scripts-off-note")).toBeHidden();
    await context.close();
  });

  test("a link the keyboard reached before the app arrived keeps the focus", async ({ browser }) => {
    const { context, page, release } = await codeHeldBack(browser);
    await page.goto("/en/news");
    // The skip link, then the brand, then the first links of the header.
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    const before = await page.evaluate(() => [document.activeElement.tagName, document.activeElement.getAttribute("href"), document.activeElement.textContent]);
    expect(before[0]).toBe("A");
    release();
    await ready(page);
    const after = await page.evaluate(() => [document.activeElement.tagName, document.activeElement.getAttribute("href"), document.activeElement.textContent]);
    expect(after).toEqual(before);
    await context.close();
  });

  test("a request kept in the browser opens from the not-found page a static host answers", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2026-11-23T10:00:00Z"));
    await page.goto("/en/book");
    await page.evaluate(() => localStorage.setItem("expo.lang", "en"));
    const reference = `${FIXTURE_EVENT.reference_prefix}-1123-ABCDEF`;
    const response = await page.goto(`/en/book/request/${reference}`);
    expect(response.status()).toBe(404);
    await expect(page.locator("main")).toContainText("This request is not stored in this browser");
    await expect(page.locator("main h1")).toHaveText(/^Book a Stand/);
    expect(page.url()).toBe(`${FIXTURE_ORIGIN}/en/book/request/${reference}`);
  });
});

test.describe("the pages as built, before the app arrives", () => {
  for (const [lang, opening] of [["en", "Opening your stand request…"], ["ar", "جارٍ فتح طلب الجناح…"]]) {
    test(`a kept request's address says it is opening, not that it is missing (${lang})`, async ({ browser }) => {
      // The app's code held back: what the visitor sees while it downloads.
      const context = await browser.newContext({ baseURL: FIXTURE_ORIGIN });
      const page = await context.newPage();
      await page.route(/\.wasm$/, () => {});
      const response = await page.goto(`/${lang}/book/request/${FIXTURE_EVENT.reference_prefix}-1123-ABCDEF`);
      expect(response.status()).toBe(404);
      await expect(page.getByRole("status").filter({ hasText: opening })).toBeVisible();
      await expect(page.locator("main h1")).toBeHidden();
      await expect(page.locator(".not-found__opening:visible")).toHaveCount(1);
      await context.close();
    });
  }
  for (const lang of ["en", "ar"]) {
    test(`axe finds no violations in the prerendered pages (${lang})`, async ({ browser }) => {
      test.setTimeout(120_000);
      // Scripts on (axe runs in the page), the app's code never arriving.
      const context = await browser.newContext({ baseURL: ORIGIN });
      const page = await context.newPage();
      await page.route(/\.(js|wasm)$/, (route) => route.abort());
      const index = await (await page.request.get("/data/articles.json")).json();
      for (const path of ["/", "/news", `/news/${index.articles[0].slug}`, "/sponsors", "/book", "/book/details"]) {
        await page.goto(`/${lang}${path}`);
        const results = await new AxeBuilder({ page }).analyze();
        const summary = results.violations.map((v) => `${path}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
        expect(summary).toEqual([]);
        expect(await page.locator("html").getAttribute("data-app")).toBeNull();
      }
      await context.close();
    });
  }
});
