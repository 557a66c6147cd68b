// Layout on a phone and accessibility of every page, in both languages.
import { test, expect, waitForApp } from "./test.mjs";
import AxeBuilder from "@axe-core/playwright";
import { Site, BILINGUAL, ENGLISH_ONLY } from "./site.mjs";
import { Booking, VALID } from "./booking.mjs";
import { FIXTURE_PLAN, useFixtures } from "./fixtures.mjs";

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

test("each booking step has its own title, and its heading names the step to a screen reader", async ({ page }) => {
  const site = new Site(page);
  await site.open("/en/book");
  await expect(page).toHaveTitle(/^Choose stands · Book a Stand · /);
  await expect(page.getByRole("heading", { level: 1 })).toHaveAccessibleName("Book a Stand · Choose stands");
  await site.open("/ar/book/details");
  await expect(page).toHaveTitle(/^بياناتك · احجز جناحك · /);
  await expect(page.getByRole("heading", { level: 1 })).toHaveAccessibleName("احجز جناحك · بياناتك");
});

test("on an Arabic page, a card's English title starts on the left, as English text does", async ({ page }) => {
  const site = new Site(page);
  await site.open("/ar/news");
  const title = page.locator(`.article-card__title-text[lang=en]`).first();
  await expect(title).toBeVisible();
  const [textLeft, boxLeft] = await title.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const body = el.closest(".article-card__body");
    const inner = body.getBoundingClientRect().left + parseFloat(getComputedStyle(body).paddingLeft);
    return [range.getClientRects()[0].left, inner];
  });
  expect(Math.abs(textLeft - boxLeft)).toBeLessThan(2);
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

// The booking's words the tests below look for, in each language.
const iso = (v) => `\u2068${v}\u2069`;
/** The Choose box's label: in Arabic, the stand's id isolated from the word. */
const chooseName = (lang, id) => `${WORDS[lang].choose} ${lang === "ar" ? iso(id) : id}`;
const WORDS = {
  en: { list: "List", choose: "Choose", next: "Continue", total: (t) => `Total ${t}`, one: "1 stand chosen", three: "3 stands chosen" },
  ar: { list: "قائمة", choose: "اختيار", next: "متابعة", total: (t) => `الإجمالي ${iso(t)}`, one: "جناح واحد مختار", three: `${iso("3")} أجنحة مختارة` },
};

// The fixture plan and one more stand, wider in every column than any the
// fixture holds: an outdoor island of 12.5 × 10.5 m (131.25 m², a price in
// five figures with cents), held for another exhibitor (the longest status).
const WIDE_PLAN = {
  ...FIXTURE_PLAN,
  stands: [
    ...FIXTURE_PLAN.stands,
    { ...FIXTURE_PLAN.stands.find((s) => s.id === "U1"), id: "U2", x: 18, w: 12.5, d: 10.5, open_sides: 4, status: "on_hold" },
  ],
};

/** A fresh page of `width` px, a phone below 600 (touch, mobile viewport), with the tests' clock. */
async function pageOf(browser, width) {
  const phone = width < 600;
  const context = await browser.newContext({ viewport: { width, height: phone ? 740 : 800 }, isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  await new Booking(page).freezeClock();
  return { context, page };
}

/**
 * Draws the page in the site's own fonts, as a returning visitor sees it:
 * they are font-display: optional, so a first visit may show a fallback,
 * narrower or wider, by chance. Each face is added again, to be waited for.
 */
async function inSiteFonts(page) {
  await page.unroute("**/*.woff2");
  await page.evaluate(async () => {
    const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSFontFaceRule);
    for (const { style } of rules) {
      const face = new FontFace(style.getPropertyValue("font-family").replaceAll('"', ""), style.getPropertyValue("src"), {
        weight: style.getPropertyValue("font-weight"),
        unicodeRange: style.getPropertyValue("unicode-range"),
        display: "block",
      });
      document.fonts.add(face);
      await face.load();
    }
  });
}

/**
 * Draws the page in the fallback font (the site's fonts do not arrive), as a
 * first visit on a slow link may; `inSiteFonts` then loads them after all.
 */
async function withoutSiteFonts(page) {
  await page.route("**/*.woff2", (route) => route.abort());
}

async function expectAxeClean(page, name) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

for (const lang of ["en", "ar"]) {
  const w = WORDS[lang];
  for (const width of [1280, 375]) {
    test(`the list of stands fits its box, every Choose control in view (${lang}, ${width} px)`, async ({ browser }) => {
      test.setTimeout(90_000);
      const { context, page } = await pageOf(browser, width);
      const b = new Booking(page);
      await useFixtures(page);
      await page.route("**/data/floorplan.json", (route) => route.fulfill({ json: WIDE_PLAN }));
      // First as a first visit may see it, in the system's fonts (here wider than the site's).
      await withoutSiteFonts(page);
      await b.open(lang);
      await page.getByRole("button", { name: w.list, exact: true }).click();
      // Every stand, the unavailable ones with their reasons: the longest rows.
      await page.locator("#filter-status").selectOption("");
      const region = page.getByRole("region", { name: w.list, exact: true });
      const table = region.getByRole("table");
      // Still a table to assistive technology, as cards too: a header row and a row a stand.
      await expect(table.getByRole("row")).toHaveCount(WIDE_PLAN.stands.length + 1);
      await expect(table.getByRole("columnheader")).toHaveCount(8);
      // A table on a laptop, cards on a phone.
      const display = await table.locator("tbody tr").first().evaluate((e) => getComputedStyle(e).display);
      expect(display).toBe(width < 600 ? "grid" : "table-row");
      const expectFits = async (fonts) => {
        // Measured where they are drawn, without scrolling anything sideways to them.
        const frame = await region.boundingBox();
        for (const stand of WIDE_PLAN.stands) {
          const choose = table.getByRole("checkbox", { name: chooseName(lang, stand.id), exact: true });
          const box = await choose.boundingBox();
          const where = `${fonts}, ${stand.id}: ${JSON.stringify(box)} in ${JSON.stringify(frame)}`;
          expect(box.x, where).toBeGreaterThanOrEqual(Math.max(0, frame.x));
          expect(box.x + box.width, where).toBeLessThanOrEqual(Math.min(width, frame.x + frame.width));
        }
        expect(await region.evaluate((e) => e.scrollWidth - e.clientWidth), fonts).toBeLessThanOrEqual(0);
        await new Site(page).expectNoHorizontalOverflow();
      };
      await expectFits("system fonts");
      // Then in the site's own fonts, as a returning visitor sees it.
      await inSiteFonts(page);
      await expectFits("site fonts");
      // Chosen from the keyboard, as on the plan.
      const t1 = table.getByRole("checkbox", { name: chooseName(lang, "T1"), exact: true });
      await t1.focus();
      await page.keyboard.press("Space");
      await expect(t1).toBeChecked();
      await expect(b.quoteTotal).toHaveText("EUR 4,080.00"); // 12 m² × EUR 340
      // One Continue in view: the side's on a laptop, the selection bar's on a phone.
      await expect(page.getByRole("link", { name: w.next, exact: true })).toHaveCount(1);
      if (width >= 1024) await expect(page.locator(".selection-bar")).toBeHidden();
      await expectAxeClean(page, `list at ${width} px`);
      await context.close();
    });
  }

  test(`on a phone the selection stays in view while choosing, and its Continue goes on (${lang})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const { context, page } = await pageOf(browser, 375);
    const b = new Booking(page);
    await b.open(lang);
    const bar = page.locator(".selection-bar");
    const count = bar.locator(".selection-bar__count");
    const next = page.getByRole("link", { name: w.next, exact: true });
    // Nothing chosen, nothing to sum up.
    await expect(bar).toHaveCount(0);
    // A lone 9 m² stand breaks the shell minimum: the bar names the rule, as
    // the side does, and offers no way on.
    await b.stand("T2").tap();
    await expect(bar).toBeInViewport({ ratio: 1 });
    await expect(count).toHaveText(w.one);
    await expect(bar.locator(".selection-bar__total--rule")).toHaveText(await page.locator(".rules__list li").first().textContent());
    await expect(next).toHaveCount(0);
    // T1 + T2 (21 m² together) and T4 (12 m²): a whole quote.
    await b.stand("T1").tap();
    await b.stand("T4").tap();
    await expect(count).toHaveText(w.three);
    // The total is the quote's, the amount isolated in Arabic.
    await expect(bar.locator(".selection-bar__total")).toHaveText(w.total(await b.quoteTotal.textContent()));
    // Scrolled to the plan, the bar is in view, at the bottom of the screen.
    await b.stand("T1").scrollIntoViewIfNeeded();
    await expect(b.stand("T1")).toBeInViewport();
    await expect(bar).toBeInViewport({ ratio: 1 });
    const stuck = await bar.boundingBox();
    expect(Math.abs(stuck.y + stuck.height - 740)).toBeLessThanOrEqual(1);
    // It covers nothing for good: scrolled to the end, the whole side column is above it.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const [side, rest] = [await page.locator(".book__side").boundingBox(), await bar.boundingBox()];
    expect(side.y + side.height).toBeLessThanOrEqual(rest.y);
    await expectAxeClean(page, "selection bar");
    // One Continue on the screen, the bar's, and it goes where the side's goes.
    await expect(next).toHaveCount(1);
    await bar.getByRole("link", { name: w.next, exact: true }).tap();
    await expect(page).toHaveURL(new RegExp(`/${lang}/book/details$`));
    await expect(page.locator("#company")).toBeVisible();
    await context.close();
  });
}

for (const lang of ["en", "ar"]) {
  test(`on a phone, form boxes sit level and beside their names, however the words wrap (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    const page = waitForApp(await context.newPage());
    await useFixtures(page);
    await page.goto(`/${lang}/book`);
    // Every extra's quantity box on the same row as its name (the fixture's
    // names include a long one), whatever the name's length.
    await page.locator(".extras summary").click();
    for (const item of await page.locator(".extras__item").all()) {
      const name = await item.locator("label").boundingBox();
      const box = await item.locator("input").boundingBox();
      expect(box.y, await item.locator("label").innerText()).toBeLessThan(name.y + name.height);
    }
    // The country code and the number: boxes level even when one label wraps.
    await page.goto(`/${lang}/book/details`);
    const code = await page.locator("#phone-code").boundingBox();
    const phone = await page.locator("#phone").boundingBox();
    expect(Math.abs(code.y - phone.y)).toBeLessThan(1);
    await context.close();
  });
}

for (const lang of ["en", "ar"]) {
  test(`on a phone, the terms' words stay beside their box when it is not ticked (${lang})`, async ({ browser }) => {
    const { context, page } = await pageOf(browser, 375);
    waitForApp(page);
    await useFixtures(page);
    const b = new Booking(page);
    await b.open(lang);
    await b.stand("T1").tap();
    await page.locator(".selection-bar").getByRole("link", { name: WORDS[lang].next, exact: true }).tap();
    await b.fill(VALID);
    await page.locator(".details button[type=submit]").tap();
    const error = page.locator("#accept-terms-error");
    await expect(error).toBeVisible();
    const box = await page.locator("#accept-terms").boundingBox();
    const words = await page.locator("label[for=accept-terms]").boundingBox();
    // Beside it, on its reading side, and given the row's width.
    expect(lang === "en" ? words.x >= box.x + box.width : words.x + words.width <= box.x).toBe(true);
    expect(words.width).toBeGreaterThan(200);
    expect(words.y).toBeLessThan(box.y + box.height);
    expect((await error.boundingBox()).y).toBeGreaterThanOrEqual(words.y + words.height - 1);
    await context.close();
  });
}

for (const lang of ["en", "ar"]) {
  for (const width of [320, 360]) {
    test(`on a small phone the header's links share one row (${lang}, ${width} px)`, async ({ browser }) => {
      const { context, page } = await pageOf(browser, width);
      waitForApp(page);
      await withoutSiteFonts(page);
      await new Site(page).open(`/${lang}/news`);
      for (const fonts of ["fallback", "site"]) {
        if (fonts === "site") await inSiteFonts(page);
        const tops = await page
          .locator(".site-header__link")
          .evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
        expect(tops.length, fonts).toBeGreaterThan(1);
        expect(new Set(tops).size, `${fonts}: ${tops}`).toBe(1);
      }
      await context.close();
    });
  }
}

for (const lang of ["en", "ar"]) {
  test(`on a small phone no price or area breaks across lines (${lang}, 320 px)`, async ({ browser }) => {
    const { context, page } = await pageOf(browser, 320);
    waitForApp(page);
    await useFixtures(page);
    await withoutSiteFonts(page);
    await new Booking(page).open(lang);
    const cells = page.locator(".stand-types__table td bdi");
    await expect(cells.nth(1)).toBeVisible();
    for (const fonts of ["fallback", "site"]) {
      if (fonts === "site") await inSiteFonts(page);
      const lines = await cells.evaluateAll((all) => all.map((c) => `${c.textContent}: ${c.getClientRects().length}`));
      expect(lines.filter((l) => !l.endsWith(": 1")), fonts).toEqual([]);
    }
    await context.close();
  });
}
