// The fault table: what a visitor sees when a data file, the browser's
// storage, the organiser's endpoint, the address or the clock misbehaves.
// Every case ends with input intact and a clear, translated message; none
// hangs. The README lists this table with what the user sees in each case.
import { test, expect, dataFromNetwork, waitForApp } from "./test.mjs";
import { createServer } from "node:http";
import { Site, SUBPATH, FIXTURE_ORIGIN } from "./site.mjs";
import { FIXTURE_EVENT, useFixtures, storedDraft, endpoint, makeRequest } from "./fixtures.mjs";

const TODAY = new Date("2026-11-23T10:00:00Z");

// ---------------------------------------------------------------- data files

/** Each data file, the page that needs it, and what shows once it loads. */
const FILES = [
  { file: "articles.json", path: "/en/news", loaded: (page) => expect(page.locator(".article-card").first()).toBeVisible() },
  { file: "sponsors.json", path: "/en/sponsors", loaded: (page) => expect(page.locator(".sponsor-groups img").first()).toBeVisible() },
  { file: "site.json", path: "/en/", loaded: (page) => expect(page.locator(".hero__tagline")).not.toBeEmpty() },
  { file: "event.json", path: "/en/book", loaded: (page) => expect(page.locator(".floor-plan")).toBeVisible() },
  { file: "floorplan.json", path: "/en/book", loaded: (page) => expect(page.locator(".floor-plan")).toBeVisible() },
];

/** Ways a file can fail, and the message each must give. */
const FAULTS = [
  { name: "missing (404)", reply: { status: 404, body: "" }, says: "This content is missing from the site." },
  { name: "a server error", reply: { status: 500, body: "boom" }, says: "The site answered with an error", details: "HTTP 500" },
  { name: "malformed JSON", reply: { status: 200, contentType: "application/json", body: '{"oops": ' }, says: "could not be read", details: "line 1" },
  { name: "the wrong shape", reply: { status: 200, contentType: "application/json", body: '{"unexpected": [1, 2, 3]}' }, says: "could not be read" },
  { name: "an HTML page (an SPA fallback)", reply: { status: 200, contentType: "text/html", body: "<!DOCTYPE html><html><body>app</body></html>" }, says: "This content is missing from the site." },
  { name: "stalled before any answer", stall: true, says: "The site is taking too long to answer." },
];

for (const { file, path, loaded } of FILES) {
  for (const fault of FAULTS) {
    test(`data file ${file}: ${fault.name} is explained, and Try again recovers`, async ({ page }) => {
    await dataFromNetwork(page);
      if (fault.stall) test.setTimeout(45_000);
      let broken = true;
      await page.route(`**/data/${file}`, (route) => {
        if (!broken) return route.fallback();
        // A stalled answer is left unanswered: the app's own deadline ends it.
        if (fault.stall) return;
        return route.fulfill(fault.reply);
      });
      const site = new Site(page);
      await site.open(path);
      const alert = page.getByRole("alert").filter({ hasText: fault.says });
      await expect(alert).toBeVisible({ timeout: fault.stall ? 25_000 : 8_000 });
      if (fault.details) await expect(alert).toContainText(fault.details);
      if (fault.details === "line 1") await expect(alert).toContainText(`data/${file}`);
      // The rest of the page still works.
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      broken = false;
      await alert.getByRole("button", { name: "Try again" }).click();
      await loaded(page);
      await expect(page.getByRole("alert")).toHaveCount(0);
    });
  }
}

test("data file articles.json: a body that stalls after its headers is given up, with a retry", async ({ page }) => {
  test.setTimeout(45_000);
  // A server that sends the headers and a first byte, then nothing more.
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json", "access-control-allow-origin": "*" });
    res.write('{"articles": [');
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const stalled = `http://127.0.0.1:${server.address().port}/`;
  try {
    let broken = true;
    await page.route("**/data/articles.json", (route) => (broken ? route.continue({ url: stalled }) : route.fallback()));
    // Opened from a page that does not carry the index, so the news list
    // fetches it. (A page served by the test itself may not reach another
    // local port, so the document is the server's own.)
    const site = new Site(page);
    await site.open("/en/sponsors");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "News" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("The site is taking too long to answer.", { timeout: 25_000 });
    broken = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(page.locator(".article-card").first()).toBeVisible();
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

test("data file site.json: when it fails, the brand link and the heading still say where you are", async ({ page }) => {
    await dataFromNetwork(page);
  await page.route("**/data/site.json", (route) => route.fulfill({ status: 500, body: "" }));
  const site = new Site(page);
  await site.open("/ar/");
  await expect(page.getByRole("alert")).toContainText("ردّ الموقع بخطأ");
  await expect(page.locator(".site-header__brand")).toHaveText("الرئيسية");
  await expect(site.heading).toHaveText("الرئيسية");
});

test("data file floorplan.json: a bidi control in a stand id is refused with the file and the field", async ({ page }) => {
    await dataFromNetwork(page);
  await page.route("**/data/floorplan.json", async (route) => {
    const plan = await (await route.fetch()).json();
    plan.stands[0].id = "A\u202E01";
    await route.fulfill({ json: plan });
  });
  const site = new Site(page);
  await site.open("/en/book");
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("data/floorplan.json: stands[0]");
  await expect(page.locator(".floor-plan")).toHaveCount(0);
});

test("data file sponsors.json: a javascript: link is refused, never rendered", async ({ page }) => {
    await dataFromNetwork(page);
  await page.route("**/data/sponsors.json", async (route) => {
    const sponsors = await (await route.fetch()).json();
    const group = sponsors.groups.find((g) => g.entries.length > 0);
    group.entries[0].url = "javascript:alert(1)";
    await route.fulfill({ json: sponsors });
  });
  const site = new Site(page);
  await site.open("/en/sponsors");
  await expect(page.getByRole("alert")).toContainText("data/sponsors.json");
  await expect(page.locator("a[href^='javascript:']")).toHaveCount(0);
});

// ------------------------------------------------------------------- storage

test.describe("storage", () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(TODAY);
    await useFixtures(page);
  });

  test("an outdated draft is set aside, not deleted, with a notice", async ({ page }) => {
    const old = JSON.stringify({ version: 0, choice: { stands: ["T1"] }, form: {} });
    await page.addInitScript((v) => localStorage.getItem("expo.booking.draft.discarded") || localStorage.setItem("expo.booking.draft", v), old);
    await page.goto("/en/book");
    await expect(page.locator(".notice")).toContainText("could not be read, so we started afresh");
    expect(await page.evaluate(() => localStorage.getItem("expo.booking.draft.discarded"))).toBe(old);
  });

  test("a stand sold since the draft was saved is explained and removed in one click", async ({ page }) => {
    await page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), storedDraft(["T3", "T1"]));
    await page.goto("/en/book");
    const stale = page.locator(".notice--warning");
    await expect(stale).toContainText("can no longer be requested");
    await expect(stale).toContainText("T3");
    await expect(page.getByRole("link", { name: "Continue" })).toHaveCount(0);
    // On the plan, T3 looks sold (as T3 with nothing chosen does), not chosen like T1.
    const fill = (id) => page.locator(`#stand-${id}`).evaluate((el) => getComputedStyle(el).fill);
    expect(await fill("T3")).not.toBe(await fill("T1"));
    expect(await fill("T3")).toContain("fp-sold");
    await stale.getByRole("button", { name: "Remove them from my selection" }).click();
    await expect(page.locator(".notice[role=status]")).toContainText("T3");
    await expect(page.getByRole("link", { name: "Continue" })).toBeVisible();
    // T1 and everything typed stay.
    await page.reload();
    const draft = await page.evaluate(() => JSON.parse(localStorage.getItem("expo.booking.draft")));
    expect(draft.choice.stands).toEqual(["T1"]);
    expect(draft.form.company).toBe("Tripoli Steel Co.");
  });

  test("in the list, a stand sold since the draft was saved is marked, not shown as chosen, and can be unticked", async ({ page }) => {
    await page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), storedDraft(["T3", "T1"]));
    await page.goto("/en/book");
    await page.getByRole("button", { name: "List" }).click();
    await page.locator("#filter-status").selectOption("");
    const box = page.getByRole("checkbox", { name: /T3/ });
    await expect(box).toBeChecked();
    await expect(box).toBeEnabled();
    await expect(page.locator("tr.stand-table__row--stale")).toHaveCount(1);
    await expect(page.locator("tr.stand-table__row--chosen")).toHaveCount(1);
    await box.uncheck();
    await expect(page.locator(".notice--warning")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Continue" })).toBeVisible();
  });

  test("the details step names the stands no longer offered, not 'nothing chosen'", async ({ page }) => {
    await page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), storedDraft(["T3", "T1"]));
    await page.goto("/en/book/details");
    const notice = page.locator("#details-in-the-way");
    await expect(notice).toContainText("T3");
    await expect(notice).not.toContainText("No stand chosen yet");
    await expect(notice.getByRole("link", { name: "Choose stands" })).toBeVisible();
    await expect(page.locator("button[type=submit]")).toBeDisabled();
  });

  test("removing a chosen stand moves focus to the next one's button, then to the heading", async ({ page }) => {
    await page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), storedDraft(["T1", "T2"]));
    await page.goto("/en/book");
    await page.locator("#remove-T1").focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#remove-T2")).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("#selection-title")).toBeFocused();
  });

  test("removing stale stands moves focus to the line that says which went", async ({ page }) => {
    await page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), storedDraft(["T3", "T1"]));
    await page.goto("/en/book");
    await page.getByRole("button", { name: "Remove them from my selection" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("#stale-removed")).toBeFocused();
    await expect(page.locator("#stale-removed")).toContainText("T3");
  });

  test("a stand that left the plan can be removed with its own button", async ({ page }) => {
    await page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), storedDraft(["ZZ9", "T1"]));
    await page.goto("/ar/book");
    await expect(page.locator(".notice--warning")).toContainText("لم يعد موجوداً على مخطط المعرض");
    await page.locator(".selection__item").filter({ hasText: "ZZ9" }).getByRole("button").click();
    await expect(page.locator(".notice--warning")).toHaveCount(0);
    await expect(page.locator(".selection__item")).toHaveCount(1);
  });

  test("with storage full when the request is made, the draft is kept and the visitor is told", async ({ page }) => {
    await page.addInitScript((d) => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("expo.booking.draft", d);
        sessionStorage.setItem("seeded", "1");
      }
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key.startsWith("expo.booking.requests")) throw new DOMException("full", "QuotaExceededError");
        return setItem.call(this, key, value);
      };
    }, storedDraft(["T1"]));
    await page.goto("/en/book/details");
    await page.locator("button[type=submit]").click();
    await expect(page.getByRole("heading", { name: "Your stand request is ready" })).toBeVisible();
    await expect(page.locator(".notice")).toContainText("could not keep your request");
    await page.reload();
    await page.goto("/en/book/details");
    await expect(page.locator("#company")).toHaveValue("Tripoli Steel Co.");
    await expect(page.locator(".details__summary")).toContainText("T1");
  });

  test("an unreadable list of requests is set aside, not overwritten by the next request", async ({ page }) => {
    await page.addInitScript(() => localStorage.getItem("expo.booking.requests.v1.discarded") || localStorage.setItem("expo.booking.requests.v1", "{garbage"));
    await makeRequest(page);
    expect(await page.evaluate(() => localStorage.getItem("expo.booking.requests.v1.discarded"))).toBe("{garbage");
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("expo.booking.requests.v1")));
    expect(stored).toHaveLength(1);
  });

  test("two tabs: what is typed in one shows in the other, which says so", async ({ context, page }) => {
    await page.goto("/en/book");
    await page.locator("#stand-T1").click();
    const other = await context.newPage();
    await other.clock.setFixedTime(TODAY);
    await useFixtures(other);
    await other.goto("/en/book/details");
    await other.locator("#company").fill("Typed in tab two");
    await page.goto("/en/book/details");
    await expect(page.locator("#company")).toHaveValue("Typed in tab two");
    await page.locator("#contact").fill("Typed in tab one");
    await expect(other.locator("#contact")).toHaveValue("Typed in tab one");
    await expect(other.locator(".notice")).toContainText("changed in another tab");
    // The next keystroke in tab two keeps tab one's words.
    await other.locator("#country").fill("Libya");
    const draft = await page.evaluate(() => JSON.parse(localStorage.getItem("expo.booking.draft")));
    expect(draft.form.contact).toBe("Typed in tab one");
    expect(draft.form.company).toBe("Typed in tab two");
  });

  test("two tabs: a request made in one empties the other's draft, so it is not requested twice", async ({ context, page }) => {
    await page.addInitScript((d) => localStorage.getItem("seeded") || (localStorage.setItem("expo.booking.draft", d), localStorage.setItem("seeded", "1")), storedDraft(["T1"]));
    const other = await context.newPage();
    await other.clock.setFixedTime(TODAY);
    await useFixtures(other);
    await page.goto("/en/book/details");
    await other.goto("/en/book/details");
    await expect(other.locator(".details__summary")).toContainText("T1");
    await page.locator("button[type=submit]").click();
    await expect(page.getByRole("heading", { name: "Your stand request is ready" })).toBeVisible();
    await expect(other.locator("button[type=submit]")).toBeDisabled();
    // The other tab says what happened, with the way to the request.
    const reference = page.url().split("/").pop();
    const told = other.locator(".notice").first();
    await expect(told).toContainText("A stand request was made from this draft in another tab");
    await told.getByRole("link", { name: reference }).click();
    await expect(other).toHaveURL(new RegExp(`/en/book/request/${reference}$`));
    await expect(other.getByRole("heading", { name: "Your stand request is ready" })).toBeVisible();
    // Both requests lists agree, and the first tab's request is still there.
    await other.reload();
    const stored = await other.evaluate(() => JSON.parse(localStorage.getItem("expo.booking.requests.v1")));
    expect(stored).toHaveLength(1);
  });
});

test("two tabs typing at the same moment into different fields both keep every keystroke", async ({ context, page }) => {
  // The browser's own clock: each keystroke is stamped with it (no fixed time here).
  await useFixtures(page);
  await page.goto("/en/book/details");
  const other = waitForApp(await context.newPage());
  await useFixtures(other);
  await other.goto("/en/book/details");
  const company = "Tripoli Steel Company";
  const contact = "Amal Ben Ali Al-Misrati";
  await Promise.all([
    page.locator("#company").pressSequentially(company, { delay: 15 }),
    other.locator("#contact").pressSequentially(contact, { delay: 15 }),
  ]);
  for (const tab of [page, other]) {
    await expect(tab.locator("#company")).toHaveValue(company);
    await expect(tab.locator("#contact")).toHaveValue(contact);
  }
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem("expo.booking.draft")));
  expect([draft.form.company, draft.form.contact]).toEqual([company, contact]);
});

// ------------------------------------------------------ the organiser's endpoint

test.describe("sending to the endpoint", () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(TODAY);
    await useFixtures(page);
  });

  const send = (page) => page.getByRole("button", { name: "Send to the organiser online" });
  const status = (page) => page.locator(".request__status");

  test("an error status is a failure with retry, and the reference is an idempotency key", async ({ page }) => {
    const posts = await endpoint(page, (n) => (n === 1 ? { status: 503, body: "busy" } : { status: 201, json: { ok: true } }));
    const reference = await makeRequest(page);
    await send(page).click();
    await expect(status(page)).toHaveText(/did not confirm that it received your request/);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(status(page)).toHaveText("Received by the organiser's system.");
    // The button pressed keeps the keyboard's place (dimmed, not taken away).
    await expect(send(page)).toBeFocused();
    await expect(send(page)).toBeDisabled();
    expect(posts.map((p) => p.key)).toEqual([reference, reference]);
    expect(posts[1].body.reference).toBe(reference);
  });

  test("a 200 answer that is an HTML page is not taken as received", async ({ page }) => {
    await endpoint(page, () => ({ status: 200, contentType: "text/html", body: "<html>Welcome to the hotel Wi-Fi</html>" }));
    await makeRequest(page);
    await send(page).click();
    await expect(status(page)).toHaveText(/did not confirm/);
    await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
  });

  test("an endpoint that never answers times out with a clear message", async ({ page }) => {
    test.setTimeout(60_000);
    await endpoint(page, () => null);
    await makeRequest(page);
    await send(page).click();
    await expect(page.getByRole("button", { name: "Sending…" })).toBeDisabled();
    await expect(status(page)).toHaveText(/did not answer in time/, { timeout: 30_000 });
    await expect(page.getByRole("button", { name: "Try again" })).toBeEnabled();
  });

  test("offline, the send fails plainly and the e-mail stays available", async ({ page }) => {
    await endpoint(page, (n, route) => void route.abort("internetdisconnected"));
    await makeRequest(page, "ar");
    await page.getByRole("button", { name: "إرسال إلى الجهة المنظمة عبر الإنترنت" }).click();
    await expect(status(page)).toContainText("تعذّر الوصول إلى نظام الجهة المنظمة");
    // Kept and sent later by itself: told as news, not as an error.
    await expect(status(page).locator(".request__waiting")).toBeVisible();
    await expect(status(page).locator(".request__failed")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "مراسلة الجهة المنظمة" })).toBeVisible();
  });

  test("a double click sends once", async ({ page }) => {
    const posts = await endpoint(page, () => ({ status: 200, json: {} }));
    await makeRequest(page);
    await send(page).evaluate((b) => {
      b.click();
      b.click();
    });
    await expect(status(page)).toHaveText("Received by the organiser's system.");
    expect(posts).toHaveLength(1);
  });

  test("after it was received, a reload keeps it received and nothing is sent again", async ({ page }) => {
    const posts = await endpoint(page, () => ({ status: 200, json: {} }));
    await makeRequest(page);
    await send(page).click();
    await expect(status(page)).toHaveText("Received by the organiser's system.");
    await page.reload();
    await expect(status(page)).toHaveText("Received by the organiser's system.");
    await expect(send(page)).toBeDisabled();
    // Nothing is left to send: no invitation to e-mail it as well.
    await expect(page.locator(".request__how")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "E-mail the organiser" })).not.toHaveClass(/button--primary/);
    await send(page).click({ force: true });
    expect(posts).toHaveLength(1);
  });

  test("a failure in one tab reaches the other, which can retry", async ({ context, page }) => {
    await endpoint(page, () => ({ status: 503, body: "busy" }));
    await makeRequest(page);
    const other = await context.newPage();
    await useFixtures(other);
    await other.goto(page.url());
    await send(page).click();
    await expect(status(page)).toHaveText(/did not confirm/);
    await expect(status(other)).toHaveText(/did not confirm/);
    await expect(other.getByRole("button", { name: "Try again" })).toBeEnabled();
  });

  test("received in one tab is received in the other", async ({ context, page }) => {
    const posts = await endpoint(page, () => ({ status: 200, json: {} }));
    await makeRequest(page);
    const other = await context.newPage();
    await useFixtures(other);
    await other.goto(page.url());
    await expect(send(other)).toBeEnabled();
    await send(page).click();
    await expect(status(other)).toHaveText("Received by the organiser's system.");
    await expect(send(other)).toBeDisabled();
    expect(posts).toHaveLength(1);
  });
});

// ------------------------------------------------------------------ addresses

test.describe("addresses", () => {
  for (const [typed, canonical] of [
    ["/EN/", "/en/"],
    ["/en/NEWS", "/en/news"],
    ["/index.html", "/en/"],
    ["/en/news/", "/en/news"],
  ]) {
    test(`${typed} opens the page, at ${canonical}`, async ({ page }) => {
      const site = new Site(page);
      await site.open(typed);
      await expect(page).toHaveURL(canonical);
      await expect(site.heading).not.toHaveText("Page not found");
      await expect(page.getByText("Page not found")).toHaveCount(0);
    });
  }

  test("another spelling of a page goes there before any code runs, query and fragment kept", async ({ browser }) => {
    // No Wasm at all (a page that does not wait for the app): only the
    // not-found page's own head can correct it.
    const context = await browser.newContext({ baseURL: FIXTURE_ORIGIN });
    const page = await context.newPage();
    await page.route(/\.wasm$/, (route) => route.abort());
    await page.goto("/AR/News/?utm_source=whatsapp#top", { waitUntil: "domcontentloaded" });
    await expect(page).toHaveURL("/ar/news?utm_source=whatsapp#top");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.locator("main h1")).not.toHaveText("Page not found");
    // A request's address is the app's to open: it stays.
    await page.goto("/en/book/request/FX-1123-ABCDEF", { waitUntil: "domcontentloaded" });
    await expect(page).toHaveURL("/en/book/request/FX-1123-ABCDEF");
    await context.close();
  });

  test("a corrected address keeps its query and fragment", async ({ page }) => {
    const site = new Site(page);
    await site.open("/EN/News?utm_source=whatsapp#top");
    await expect(page).toHaveURL("/en/news?utm_source=whatsapp#top");
  });

  test("an article's address in capitals opens the article", async ({ page }) => {
    const index = await (await page.request.get("/data/articles.json")).json();
    const slug = index.articles[0].slug;
    const site = new Site(page);
    await site.open(`/en/news/${slug.toUpperCase()}`);
    await expect(page).toHaveURL(`/en/news/${slug}`);
    await expect(page.locator("article.article h1")).toBeVisible();
  });

  for (const path of ["/fr/", "/en/nope"]) {
    test(`the language switch on an unknown address (${path}) leads home, not to another dead end`, async ({ page }) => {
      const site = new Site(page);
      await site.open(path);
      await expect(site.heading).toHaveText("Page not found");
      await site.switchLanguage();
      await expect(page).toHaveURL(/\/(ar|en)\/$/);
      await expect(page.getByText(/Page not found|الصفحة غير موجودة/)).toHaveCount(0);
    });
  }

  test("a malformed percent-encoding is refused, and the server keeps serving", async ({ page }) => {
    const site = new Site(page);
    expect((await page.request.get("/en/news/%E0%A4%A")).status()).toBe(400);
    expect((await page.request.get("/en/")).status()).toBe(200);
    await site.open("/en/news");
    await expect(page.locator(".article-card").first()).toBeVisible();
  });

  test("the sub-path build's front door leads to the language's home page", async ({ page }) => {
    const site = new Site(page);
    await site.open(SUBPATH);
    await expect(page).toHaveURL(`${SUBPATH}en/`);
    await expect(page.locator(".hero__title")).not.toBeEmpty();
    await expect(page.getByText("Page not found")).toHaveCount(0);
  });
});

// ------------------------------------------------------------------ calendar

test.describe("the calendar", () => {
  const schedule = (page) => page.locator(".quote__schedule tbody tr");

  test("after the last day for requests, booking is closed with the organiser's address", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2027-04-25T10:00:00Z"));
    await useFixtures(page);
    await page.goto("/en/book");
    const closed = page.locator(".notice--warning");
    await expect(closed).toContainText("Booking for this edition is closed");
    await expect(closed.getByRole("link", { name: "Write to the organiser" })).toHaveAttribute("href", `mailto:${FIXTURE_EVENT.request_email}`);
    await page.locator("#stand-T1").click();
    await expect(page.getByRole("link", { name: "Continue" })).toHaveCount(0);
    await page.goto("/en/book/details");
    await expect(page.locator("button[type=submit]")).toBeDisabled();
  });

  /** A day of the fixture event's calendar, `days` from its opening, at 10:00 UTC (noon in Tripoli). */
  const fromOpening = (days) => {
    const d = new Date(`${FIXTURE_EVENT.opens}T10:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d;
  };
  const lastDay = -FIXTURE_EVENT.rules.requests_until_days_before_opening;
  const seed = (page, draft) => page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), draft);

  test("a tab left open past the last day for requests makes no request: Send says booking closed", async ({ page }) => {
    await page.clock.setFixedTime(fromOpening(lastDay));
    await useFixtures(page);
    await seed(page, storedDraft(["T1"]));
    await page.goto("/en/book/details");
    const send = page.locator("button[type=submit]");
    await expect(send).toBeEnabled();
    // The next morning, the tab still open.
    await page.clock.setFixedTime(fromOpening(lastDay + 1));
    await send.click();
    const notice = page.locator("#details-in-the-way");
    await expect(notice).toContainText("Booking for this edition is closed");
    await expect(notice).toBeFocused();
    await expect(page).toHaveURL(/\/en\/book\/details$/);
    expect(await page.evaluate(() => localStorage.getItem("expo.booking.requests.v1"))).toBeNull();
    // Nothing typed is lost.
    const draft = await page.evaluate(() => JSON.parse(localStorage.getItem("expo.booking.draft")));
    expect(draft.form.company).toBe("Tripoli Steel Co.");
  });

  test("the plan left open past the last day says booking is closed when the tab is shown again", async ({ page }) => {
    await page.clock.setFixedTime(fromOpening(lastDay));
    await useFixtures(page);
    await seed(page, storedDraft(["T1"]));
    await page.goto("/en/book");
    await expect(page.getByRole("link", { name: "Continue" })).toBeVisible();
    await page.clock.setFixedTime(fromOpening(lastDay + 1));
    // As the browser fires it when the tab is shown (it bubbles to the window).
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
    await expect(page.locator(".notice--warning")).toContainText("Booking for this edition is closed");
    // Nothing left that invites a request: no intro, no selection, no Continue.
    await expect(page.locator(".book__intro")).toHaveCount(0);
    await expect(page.locator(".book__side")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Continue" })).toHaveCount(0);
    // A stand pressed on the plan says why nothing happens.
    await page.locator("#stand-T2").click();
    await expect(page.locator(".book [aria-live=polite][role=status]")).toContainText("Booking for this edition is closed");
  });

  test("past the extras' deadline they cannot be typed, and those kept in a draft go in one click", async ({ page }) => {
    const deadline = -FIXTURE_EVENT.extras_until_days_before_opening;
    await page.clock.setFixedTime(fromOpening(deadline + 1));
    await useFixtures(page);
    const draft = JSON.parse(storedDraft(["T1"]));
    draft.choice.extras = { chair: 2 };
    await seed(page, JSON.stringify(draft));
    await page.goto("/en/book");
    // Open already: its button is the way on.
    await expect(page.locator("details.extras")).toHaveAttribute("open", "");
    await expect(page.locator(".extras__hint")).toContainText("Extras could be ordered until");
    await expect(page.locator("#extra-chair")).toBeDisabled();
    await expect(page.locator(".rules")).toContainText("Extras could be ordered until");
    await page.getByRole("button", { name: "Remove the extras" }).click();
    await expect(page.locator("#extras-title")).toBeFocused();
    await expect(page.getByRole("link", { name: "Continue" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Remove the extras" })).toHaveCount(0);
  });

  test("four days before opening, every instalment is due in order, by the opening day", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2027-04-15T10:00:00Z"));
    await useFixtures(page);
    await page.goto("/en/book");
    await page.locator("#stand-T1").click();
    await expect(schedule(page)).toHaveCount(FIXTURE_EVENT.payment_schedule.length);
    const dates = await schedule(page).locator("time").evaluateAll((ts) => ts.map((t) => t.getAttribute("datetime")));
    expect(dates.length).toBe(FIXTURE_EVENT.payment_schedule.length);
    expect([...dates].sort()).toEqual(dates);
    for (const d of dates) {
      expect(d >= "2027-04-15").toBe(true);
      expect(d <= FIXTURE_EVENT.opens).toBe(true);
    }
  });
});

// ----------------------------------------------------------- what people type

test.describe("what people type", () => {
  test.beforeEach(async ({ page }) => {
    await page.clock.setFixedTime(TODAY);
    await useFixtures(page);
    await page.addInitScript((d) => localStorage.getItem("expo.booking.draft") || localStorage.setItem("expo.booking.draft", d), storedDraft(["T1"], { phone: "" }));
  });

  test("a paste longer than its field is kept whole and refused with its count, never cut", async ({ page }) => {
    await page.goto("/ar/book/details");
    const max = 30;
    const long = "الشركة الليبية العامة للحديد والصلب";
    expect(long.length).toBeGreaterThan(max);
    const box = page.locator("#fascia-ar");
    await box.fill(long);
    await box.blur();
    await expect(box).toHaveValue(long);
    const error = page.locator("#fascia-ar-error");
    await expect(error).toContainText("حرفاً كحد أقصى");
    await expect(error).toContainText(`${long.length} / ${max}`);
    await page.getByRole("button", { name: "إنشاء طلب الجناح" }).click();
    await expect(box).toBeFocused();
    await page.reload();
    await expect(box).toHaveValue(long);
  });

  test("Arabic-Indic digits and a pasted country code are taken, not refused", async ({ page }) => {
    await page.goto("/ar/book/details");
    await page.locator("#phone").fill("٩١ ٢٣٤ ٥٦٧٨");
    await expect(page.locator("#phone")).toHaveValue("91 234 5678");
    await page.locator("#phone").fill("+218 91 234 5678");
    await expect(page.locator("#phone")).toHaveValue("91 234 5678");
    await page.locator("#phone").fill("+44 20 7946 0958");
    await expect(page.locator("#phone-code")).toHaveValue("+44");
    await expect(page.locator("#phone")).toHaveValue("20 7946 0958");
    await page.locator("#phone").blur();
    await expect(page.locator(".field--invalid")).toHaveCount(0);
  });

  test("a refused phone number says exactly what is wrong", async ({ page }) => {
    await page.goto("/en/book/details");
    await page.locator("#phone").fill("91 23");
    await page.locator("#phone").blur();
    await expect(page.locator("#phone-error")).toContainText("4");
    await page.locator("#phone").fill("91 234 5678 x");
    await expect(page.locator("#phone-error")).toContainText("x");
  });
});
