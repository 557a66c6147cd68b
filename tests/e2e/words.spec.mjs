// Words, numbers and mixed-direction text, in both languages (issue 9):
// plural forms, units and dates as each language writes them, the e-mail
// and request page in plain words, and the visual order of Latin runs
// inside Arabic, measured on the drawn glyphs (on screen and in print).
import { test, dataFromNetwork } from "./test.mjs";
import { expect } from "@playwright/test";
import { Booking } from "./booking.mjs";
import { useFixtures, storedDraft, FIXTURE_EVENT } from "./fixtures.mjs";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const FSI = "\u2068";
const PDI = "\u2069";
const iso = (v) => `${FSI}${v}${PDI}`;
const articles = fileURLToPath(new URL("../fixtures/site/data/", import.meta.url));

/** Seeds a draft holding `stands` once, then opens `path`. */
async function withDraft(page, stands, path, extras = {}) {
  const draft = JSON.parse(storedDraft(stands));
  draft.choice.extras = extras;
  await page.addInitScript((d) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("expo.booking.draft", d);
      sessionStorage.setItem("seeded", "1");
    }
  }, JSON.stringify(draft));
  await page.goto(path);
}

/**
 * Where each of `parts` (substrings of `locator`'s text, in reading order)
 * is drawn: the first client rect of a DOM Range over its characters.
 */
async function glyphBoxes(locator, parts) {
  return locator.evaluate((root, parts) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length });
      text += n.data;
    }
    const at = (offset) => {
      const hit = nodes.findLast((n) => n.start <= offset);
      return [hit.node, offset - hit.start];
    };
    let from = 0;
    return parts.map((part) => {
      const i = text.indexOf(part, from);
      if (i < 0) throw new Error(`"${part}" not found after ${from} in "${text}"`);
      from = i + part.length;
      const range = document.createRange();
      range.setStart(...at(i));
      range.setEnd(...at(i + part.length - 1));
      range.setEnd(range.endContainer, range.endOffset + 1);
      const r = range.getClientRects()[0];
      return { part, left: r.left, right: r.right, top: r.top, height: r.height };
    });
  }, parts);
}

/** Asserts `boxes` read in order in `dir`: along a line, or on a later line. */
function expectReadingOrder(boxes, dir) {
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    const sameLine = Math.abs(a.top - b.top) < a.height / 2;
    const where = `"${a.part}" then "${b.part}": ${JSON.stringify([a, b])}`;
    if (!sameLine) expect(b.top, where).toBeGreaterThan(a.top);
    else if (dir === "rtl") expect(b.right, where).toBeLessThanOrEqual(a.left + 1);
    else expect(b.left, where).toBeGreaterThanOrEqual(a.right - 1);
  }
}

test.describe("counted words", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  for (const [lang, one, two] of [
    ["en", "Stand T1 added to your selection. 1 stand chosen.", "Stand T2 added to your selection. 2 stands chosen."],
    ["ar", `أضيف الجناح ${iso("T1")} إلى اختيارك. ${iso("جناح واحد مختار")}.`, `أضيف الجناح ${iso("T2")} إلى اختيارك. ${iso("جناحان مختاران")}.`],
  ]) {
    test(`choosing stands is announced in the right plural form (${lang})`, async ({ page }) => {
      const b = new Booking(page);
      await b.open(lang);
      await b.stand("T1").click();
      await expect(page.getByRole("status").filter({ hasText: one })).toHaveCount(1);
      await b.stand("T2").click();
      await expect(page.getByRole("status").filter({ hasText: two })).toHaveCount(1);
    });
  }

  test("a stand's size is in metres as each language writes them", async ({ page }) => {
    const b = new Booking(page);
    await b.open("ar");
    await b.stand("T2").focus();
    const details = page.locator(".stand-details__text");
    await expect(details.nth(1)).toHaveText(`${iso("3")} × ${iso("3")} م`);
    await expect(details.first()).not.toContainText(" m");
    await b.open("en");
    await b.stand("T2").focus();
    await expect(details.nth(1)).toHaveText("3 × 3 m");
  });

  test("the extras deadline is written out like every other date", async ({ page }) => {
    const b = new Booking(page);
    const opens = new Date(`${FIXTURE_EVENT.opens}T12:00:00Z`);
    const until = new Date(opens - FIXTURE_EVENT.extras_until_days_before_opening * 86_400_000);
    const long = until.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    await b.open("en");
    await expect(page.locator(".extras__hint")).toContainText(`Extras can be ordered until ${long}.`);
    await b.open("ar");
    await expect(page.locator(".extras__hint")).toContainText("يمكن طلب الإضافات حتى");
    await expect(page.locator(".extras__hint")).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  });
});

test.describe("the request in plain words", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  for (const [lang, label] of [
    ["en", "Stands"],
    ["ar", "الجناحان"],
  ]) {
    test(`two stands are labelled as two, and the e-mail names extras (${lang})`, async ({ page }) => {
      const extra = FIXTURE_EVENT.extras[0];
      await withDraft(page, ["T1", "T2"], `/${lang}/book/details`, { [extra.id]: 2 });
      await page.locator("button[type=submit]").click();
      await expect(page).toHaveURL(/\/book\/request\//);
      await expect(page.locator(".request__row dt").last()).toHaveText(label);
      const mail = await page.locator("a[href^='mailto:']").first().getAttribute("href");
      // Isolates around values are invisible; compare the words.
      const body = decodeURIComponent(mail.split("body=")[1]).replace(/[\u2068\u2069]/g, "");
      expect(body).toContain(`Extras: 2 × ${extra.name.en}`);
      expect(body).toContain(`الإضافات: 2 × ${extra.name.ar}`);
      expect(body).not.toContain(`× ${extra.id}`);
      // The fixture draft leaves the sector empty: no empty line for it.
      expect(body).not.toMatch(/Sector|القطاع/);
      expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    });
  }
});

test.describe("news in both languages", () => {
  test.beforeEach(async ({ page }) => {
    await dataFromNetwork(page);
    await page.route("**/data/articles.json", (route) => route.fulfill({ path: `${articles}articles.json` }));
    await page.route("**/data/articles/*.md", (route) =>
      route.fulfill({ path: `${articles}articles/${new URL(route.request().url()).pathname.split("/").pop()}` }),
    );
  });

  for (const [lang, mark] of [
    ["ar", "بالإنجليزية فقط"],
    ["en", null],
  ]) {
    test(`the news list marks an article in the other language only, and undated ones show no date (${lang})`, async ({ page }) => {
      await page.goto(`/${lang}/news`);
      const card = (slug) => page.locator(".article-card").filter({ has: page.locator(`a[href$='/news/${slug}']`) });
      await expect(card("english-only")).toBeVisible();
      if (mark) await expect(card("english-only").locator(".article-card__only-in")).toHaveText(mark);
      else await expect(card("english-only").locator(".article-card__only-in")).toHaveCount(0);
      await expect(card("both-languages").locator(".article-card__only-in")).toHaveCount(0);
      await expect(card("no-body-yet").locator(".article-card__date")).toHaveCount(0);
      await expect(page.locator("main")).not.toContainText(/Date not given|التاريخ غير محدد/);
    });
  }
});

test.describe("Latin runs inside Arabic keep their order", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  test("stand details and the dinar line read right to left, with each value whole", async ({ page }) => {
    const b = new Booking(page);
    await b.open("ar");
    await b.stand("T1").focus();
    const details = page.locator(".stand-details__text").first();
    await expect(details).toContainText("الجناح");
    // "الجناح T1، 12 م²، …": the word, the id, the area, its unit, in that order from the right.
    expectReadingOrder(await glyphBoxes(details, ["الجناح", "T1", "12", "م²"]), "rtl");
    // Inside the id, left to right.
    expectReadingOrder(await glyphBoxes(details, ["T", "1"]), "ltr");

    await b.stand("T1").click();
    const lyd = page.locator(".quote__lyd .quote__amount").first();
    await expect(lyd).toBeVisible();
    const rate = FIXTURE_EVENT.lyd_rate;
    // "≈ 22,236.00 د.ل (1 EUR = 5.45 د.ل)", read from the right.
    const total = (await page.locator(".quote__lyd-total").first().innerText()).match(/[\d,]+\.\d+/)[0];
    expectReadingOrder(await glyphBoxes(lyd, ["≈", total, "د.ل", "(", "1", "=", rate, "د.ل", ")"]), "rtl");
    expectReadingOrder(await glyphBoxes(page.locator(".quote__lyd-one").first(), ["1", "EUR"]), "ltr");
    // It may wrap between its parts, never inside an amount.
    for (const part of [".quote__lyd-total", ".quote__lyd-one", ".quote__lyd-rate"]) {
      // One rect per direction run, all on one line.
      const tops = await page.locator(part).first().evaluate((e) => [...e.getClientRects()].map((r) => Math.round(r.top)));
      expect(new Set(tops).size, `${part}: ${tops}`).toBe(1);
    }
    // At any phone's width, the rate in brackets is one piece: "= 5.45 د.ل)" never starts a line.
    for (let width = 300; width <= 480; width += 4) {
      await page.setViewportSize({ width, height: 740 });
      const bracket = await glyphBoxes(lyd, ["(", "1", "=", rate, ")"]);
      expect(new Set(bracket.map((g) => Math.round(g.top))).size, `${width} px: ${JSON.stringify(bracket)}`).toBe(1);
    }
  });

  test("the printed request keeps the same order", async ({ page }) => {
    await withDraft(page, ["T1"], "/ar/book/details");
    await page.locator("button[type=submit]").click();
    await expect(page).toHaveURL(/\/book\/request\//);
    await page.emulateMedia({ media: "print" });
    const line = page.locator(".quote__table tbody td").first();
    expectReadingOrder(await glyphBoxes(line, ["الجناح", "T1", "12", "م²", "EUR", "340.00"]).then((b) => b.slice(0, 4)), "rtl");
    expectReadingOrder(await glyphBoxes(line, ["EUR", "340.00"]), "ltr");
    const lyd = page.locator(".quote__lyd .quote__amount").first();
    const total = (await page.locator(".quote__lyd-total").first().innerText()).match(/[\d,]+\.\d+/)[0];
    expectReadingOrder(await glyphBoxes(lyd, ["≈", total, "د.ل", "(", "1", "=", FIXTURE_EVENT.lyd_rate, "د.ل", ")"]), "rtl");
  });
});

test.describe("keyboard and screen readers", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  for (const lang of ["en", "ar"]) {
    test(`Home and End move to the hall's first and last stand, the plan's physical order (${lang})`, async ({ page }) => {
      const plan = JSON.parse(readFileSync(`${articles}floorplan.json`, "utf8"));
      const hall = plan.stands.filter((s) => s.hall === plan.stands[0].hall);
      const byPlace = [...hall].sort((a, b) => a.y - b.y || a.x - b.x || a.id.localeCompare(b.id));
      const b = new Booking(page);
      await b.open(lang);
      await b.stand(hall[1].id).focus();
      await page.keyboard.press("End");
      await expect(b.stand(byPlace.at(-1).id)).toBeFocused();
      await page.keyboard.press("Home");
      await expect(b.stand(byPlace[0].id)).toBeFocused();
    });
  }

  for (const [lang, list, group] of [
    ["en", "List", "Filter the stands"],
    ["ar", "قائمة", "تصفية الأجنحة"],
  ]) {
    test(`the list's filters are a group named for what they do (${lang})`, async ({ page }) => {
      const b = new Booking(page);
      await b.open(lang);
      await page.getByRole("button", { name: list }).click();
      await expect(page.getByRole("group", { name: group })).toContainText(lang === "en" ? "Hall" : "القاعة");
    });

    test(`a field's error is announced politely when the field is left (${lang})`, async ({ page }) => {
      await withDraft(page, ["T1"], `/${lang}/book/details`);
      // The live region exists before the error, as screen readers need.
      const live = page.locator("#email ~ [aria-live=polite], .field:has(#email) [aria-live=polite]");
      await expect(live).toHaveCount(1);
      await expect(live).toBeEmpty();
      await page.locator("#email").fill("not-an-email");
      await page.locator("#email").blur();
      await expect(live.locator("#email-error")).toContainText("name@company.com");
    });

    test(`the Extras heading has a visible disclosure marker (${lang})`, async ({ page }) => {
      const b = new Booking(page);
      await b.open(lang);
      const summary = page.locator(".extras > summary");
      const closed = await summary.evaluate((s) => {
        const m = getComputedStyle(s, "::before");
        return { w: parseFloat(m.width), border: m.borderRightStyle, transform: m.transform };
      });
      expect(closed.w).toBeGreaterThan(3);
      expect(closed.border).toBe("solid");
      await summary.click();
      // The marker turns (a short transition): wait for it to have turned.
      await expect.poll(() => summary.evaluate((s) => getComputedStyle(s, "::before").transform)).not.toBe(closed.transform);
    });
  }
});

test.describe("numbers typed", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  for (const [lang, list, refusedFilter, notWhole, negative] of [
    ["en", "List", "this filter is not applied", "Extras come in whole numbers: the quantity stays at 0.", "A quantity cannot be below 0: it stays at 0."],
    ["ar", "قائمة", "لم يُطبَّق هذا المرشح", `تُطلب الإضافات بأعداد صحيحة: تبقى الكمية ${iso("0")}.`, `لا يمكن أن تقل الكمية عن 0: تبقى ${iso("0")}.`],
  ]) {
    test(`list filters keep their decimals and refuse what they cannot read (${lang})`, async ({ page }) => {
      const plan = JSON.parse(readFileSync(`${articles}floorplan.json`, "utf8"));
      const available = plan.stands.filter((s) => s.status === "available");
      const atLeast = (m2) => available.filter((s) => s.w * s.d >= m2).map((s) => s.id).sort();
      // A size between two stands' areas, so the decimal decides.
      const areas = [...new Set(available.map((s) => s.w * s.d))].sort((a, b) => a - b);
      const between = String(areas[areas.length - 2] + 0.5);
      const b = new Booking(page);
      await b.open(lang);
      await page.getByRole("button", { name: list }).click();
      const ids = page.locator(".stand-table__table tbody th");
      const area = page.locator("#filter-area");
      await area.fill(between);
      await expect(ids).toHaveText(atLeast(Number(between)));
      // As a phone's Arabic keyboard types it (٫ is its decimal point).
      await area.fill("");
      await area.fill(between.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[d]).replace(".", "٫"));
      await expect(ids).toHaveText(atLeast(Number(between)));
      await expect(page.locator("#filter-area-error")).toHaveCount(0);
      await area.fill("-3");
      await expect(page.locator("#filter-area-error")).toContainText(refusedFilter);
      await expect(area).toHaveAttribute("aria-invalid", "true");
      await expect(ids).toHaveCount(available.length);
      await area.fill("");
      await expect(page.locator("#filter-area-error")).toHaveCount(0);
    });

    test(`an extra's quantity of 1.5 or −2 is refused and said so (${lang})`, async ({ page }) => {
      const b = new Booking(page);
      await b.open(lang);
      await page.locator(".extras > summary").click();
      const extra = FIXTURE_EVENT.extras[0];
      const qty = page.locator(`#extra-${extra.id}`);
      await qty.fill("1.5");
      await expect(page.locator(`#extra-${extra.id}-error`)).toHaveText(notWhole);
      await expect(qty).toHaveAttribute("aria-invalid", "true");
      await qty.fill("-2");
      await expect(page.locator(`#extra-${extra.id}-error`)).toHaveText(negative);
      await qty.fill("2");
      await expect(page.locator(`#extra-${extra.id}-error`)).toHaveCount(0);
      await expect(qty).toHaveAttribute("aria-invalid", "false");
    });

    test(`an extra's quantity typed key by key stays as typed until it is read, Arabic digits too (${lang})`, async ({ page }) => {
      const b = new Booking(page);
      await b.open(lang);
      await page.locator(".extras > summary").click();
      const extra = FIXTURE_EVENT.extras[0];
      const qty = page.locator(`#extra-${extra.id}`);
      const error = page.locator(`#extra-${extra.id}-error`);
      // The minus is not written over with a 0: the whole "-2" is refused.
      await qty.selectText();
      await qty.pressSequentially("-2");
      await expect(qty).toHaveValue("-2");
      await expect(error).toHaveText(negative);
      // "1." is one on its way to 1.5, which is refused, the quantity staying 1.
      await qty.selectText();
      await qty.pressSequentially("1.5");
      await expect(qty).toHaveValue("1.5");
      await expect(error).toBeVisible();
      await expect(error).not.toHaveText(notWhole); // which says it stays at 0
      // An Arabic keyboard's digits are digits.
      await qty.selectText();
      await qty.pressSequentially("٣");
      await expect(error).toHaveCount(0);
      await expect(qty).toHaveValue("3");
    });
  }
});

test.describe("the printed request stands alone", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  for (const lang of ["en", "ar"]) {
    test(`it names the event, when and where, the organiser and where to send it, without on-screen instructions (${lang})`, async ({ page }) => {
      await withDraft(page, ["T1"], `/${lang}/book/details`);
      await page.locator("button[type=submit]").click();
      await expect(page).toHaveURL(/\/book\/request\//);
      const reference = page.url().split("/").pop();
      await page.emulateMedia({ media: "print" });
      const request = page.locator(".request");
      const e = FIXTURE_EVENT;
      for (const text of [e.name[lang], e.venue[lang], e.organiser.name[lang], e.request_email, reference]) {
        await expect(request, text).toContainText(text);
      }
      await expect(page.locator(".request__event")).toBeVisible();
      await expect(page.locator(".request__how")).toBeHidden();
      await expect(page.locator(".request__actions")).toBeHidden();
      await expect(page.locator(".quote__schedule")).toBeVisible();
      // A Latin value in Arabic sits beside its label, at the start of its cell.
      const company = page.locator(".request__details .request__row").first();
      const [cell, value] = await Promise.all([company.locator("dd").boundingBox(), company.locator("dd bdi").boundingBox()]);
      if (lang === "ar") expect(cell.x + cell.width - (value.x + value.width)).toBeLessThan(2);
      else expect(value.x - cell.x).toBeLessThan(2);
      // An A4 document comes out of it.
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.length).toBeGreaterThan(1000);
    });
  }
});

for (const lang of ["en", "ar"]) {
  test(`Tab visits the header in the order it is drawn (${lang})`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/${lang}/`);
    const seen = [];
    for (let i = 0; i < 12 && seen.length < 6; i++) {
      await page.keyboard.press("Tab");
      const box = await page.evaluate(() => {
        const e = document.activeElement;
        if (!e?.closest(".site-header")) return null;
        const r = e.getBoundingClientRect();
        return { text: e.textContent.trim(), left: r.left, right: r.right };
      });
      if (box) seen.push(box);
    }
    expect(seen.map((s) => s.text)).toContain(lang === "en" ? "العربية" : "English");
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      if (lang === "en") expect(b.left, `${a.text} then ${b.text}`).toBeGreaterThanOrEqual(a.right - 1);
      else expect(b.right, `${a.text} then ${b.text}`).toBeLessThanOrEqual(a.left + 1);
    }
  });
}

test.describe("the plan is one Tab stop", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  for (const [lang, reset] of [
    ["en", "Show the whole hall"],
    ["ar", "عرض القاعة كاملة"],
  ]) {
    test(`Tab goes from the plan's tools straight to a stand, and on out of the plan (${lang})`, async ({ page }) => {
      const b = new Booking(page);
      await b.open(lang);
      await page.getByRole("button", { name: reset }).focus();
      await page.keyboard.press("Tab");
      await expect(page.locator(":focus")).toHaveClass(/floor-plan__stand/);
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => !!document.activeElement.closest(".floor-plan__svg"))).toBe(false);
    });
  }
});

test.describe("the fascia preview", () => {
  test.beforeEach(async ({ page }) => useFixtures(page));

  for (const [lang, width] of [
    ["en", 1280],
    ["ar", 375],
    ["en", 375],
    ["ar", 1280],
  ]) {
    test(`shows a 30-letter name whole, scaled to the board (${lang}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await withDraft(page, ["T1"], `/${lang}/book/details`);
      const names = { "fascia-en": "WORLDWIDE STEEL MANUFACTURERS", "fascia-ar": "الشركة العالمية لصناعة الحديد" };
      for (const [id, name] of Object.entries(names)) {
        await page.locator(`#${id}`).fill(name.padEnd(30, "W").slice(0, 30));
        const shown = page.locator(`.fascia__name--${id.slice(-2)}`);
        await expect(shown).toHaveText(name.padEnd(30, "W").slice(0, 30));
        await expect.poll(() => shown.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
        const size = await shown.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
        expect(size).toBeGreaterThan(9);
      }
      // A short name keeps the full size.
      await page.locator("#fascia-en").fill("ACME");
      await expect.poll(() => page.locator(".fascia__name--en").evaluate((e) => e.style.getPropertyValue("--fit"))).toBe("");
    });
  }
});
