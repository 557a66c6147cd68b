// Offline use, on the release build with its service worker (scripts/sw.mjs):
// installable in both languages; a second visit with the network cut; an
// unread page says so in the visitor's language; a stand request sent offline
// reaches the organiser exactly once when the network returns; a new release
// never reloads a half-filled form away; and all of it under /expo/ too.
//
// The other specs block service workers (playwright.config.mjs); these turn
// them on. Routes never see what a service worker fetches, so the offline
// journeys route nothing, and pick their articles from the built data instead
// of naming any; the sending tests use the fixture event and endpoint.
import { test, expect, ready, waitForApp } from "./test.mjs";
import { useFixtures, makeRequest, endpoint } from "./fixtures.mjs";
import { SUBPATH, FIXTURE_ORIGIN } from "./site.mjs";
import AxeBuilder from "@axe-core/playwright";
import { readFile, writeFile } from "node:fs/promises";

test.use({ serviceWorkers: "allow" });

/** Waits until the service worker has installed everything and controls the page. */
async function installed(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}

/** Removes every cached copy of an article (its pages and bodies), as if it was never read nor installed. */
async function forget(page, slug) {
  await page.evaluate(async (slug) => {
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (path.includes(`/news/${slug}`) || path.includes(`/articles/${slug}.`)) await cache.delete(request);
      }
    }
  }, slug);
}

/** The articles of the built site with a body in `lang`, read from its own data. */
async function articlesWithBody(page, lang) {
  const index = await page.evaluate(async () => (await fetch("data/articles.json")).json());
  const found = index.articles.filter((a) => (a.body ?? []).includes(lang) && a.title[lang]);
  expect(found.length, `the built site needs an article with a body in ${lang}`).toBeGreaterThanOrEqual(1);
  return found;
}

const offlineLine = (page) => page.locator(".offline__line").first();

for (const [name, origin] of [
  ["root", ""],
  ["sub-path /expo/", SUBPATH],
]) {
  test(`${name}: installable in each language, the service worker controls the site`, async ({ page }) => {
    for (const [lang, dir] of [
      ["en", "ltr"],
      ["ar", "rtl"],
    ]) {
      await page.goto(origin ? `${origin}${lang}/` : `/${lang}/`);
      await installed(page);
      const href = await page.locator("link[rel=manifest]").evaluate((l) => l.href);
      const response = await page.request.get(href);
      expect(response.ok()).toBe(true);
      const manifest = await response.json();
      const site = new URL(".", new URL(await page.evaluate(() => document.baseURI))).href;
      expect(manifest).toMatchObject({ lang, dir, display: "standalone" });
      expect(manifest.name.length).toBeGreaterThan(0);
      expect(manifest.short_name.length).toBeGreaterThan(0);
      expect(new URL(manifest.start_url, href).href).toBe(`${site}${lang}/`);
      expect(new URL(manifest.scope, href).href).toBe(site);
      expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
      expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
      for (const [sizes, purpose] of [
        ["192x192", "any"],
        ["512x512", "any"],
        ["512x512", "maskable"],
      ]) {
        const icon = manifest.icons.find((i) => i.sizes === sizes && i.purpose === purpose);
        expect(icon, `${sizes} ${purpose} icon`).toBeTruthy();
        const file = await page.request.get(new URL(icon.src, href).href);
        expect(file.headers()["content-type"]).toBe("image/png");
      }
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      expect(scope).toBe(site);
      // Chromium's own verdict on the install criteria (a test's browser
      // context is a private one, which Chromium never installs from).
      const cdp = await page.context().newCDPSession(page);
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      expect(installabilityErrors.filter((e) => e.errorId !== "in-incognito")).toEqual([]);
    }
  });
}

test("a second visit with no network: home, an article read before, the booking pages, in both languages", async ({ page, context }) => {
  await page.goto("/en/");
  await installed(page);
  const [read] = await articlesWithBody(page, "en");
  // Not installed ahead of time: only reading it online keeps it.
  await forget(page, read.slug);
  await page.goto(`/en/news/${read.slug}`);
  await expect(page.locator("main h1")).toHaveText(read.title.en);
  await expect(page.locator(".article__body")).toBeVisible();

  await context.setOffline(true);
  await page.goto("/en/");
  await expect(page.locator("main h1")).toBeVisible();
  await expect(offlineLine(page)).toContainText("You are offline");
  await page.goto(`/en/news/${read.slug}`);
  await expect(page.locator("main h1")).toHaveText(read.title.en);
  await expect(page.locator(".article__body")).toBeVisible();
  await page.goto("/en/news");
  await expect(page.locator("main h1")).toBeVisible();
  // Read by its address before (a shared link), it opens from the list too.
  await page.locator(`a[href$="/en/news/${read.slug}"]`).first().click();
  await expect(page.locator("main h1")).toHaveText(read.title.en);
  await expect(page.locator(".article__body")).toBeVisible();
  await page.goto("/en/sponsors");
  await expect(page.locator("main h1")).toBeVisible();

  await page.goto("/en/book");
  await expect(page.locator(".floor-plan svg, svg.floor-plan").first()).toBeVisible();
  await expect(offlineLine(page)).toContainText(/Stand availability as of \d{1,2} \w+ \d{4}/);
  await page.goto("/en/book/details");
  await page.locator("#company").fill("Typed on the train");
  // The language switch works offline: nothing is fetched again.
  await page.locator("a.lang-switch").click();
  await expect(page).toHaveURL(/\/ar\/book\/details$/);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("#company")).toHaveValue("Typed on the train");
  await expect(offlineLine(page)).toContainText("أنت غير متصل بالإنترنت");
  await expect(offlineLine(page)).toContainText("توفّر الأجنحة كما كان في");
  await page.goto("/ar/");
  await expect(page.locator("main h1")).toBeVisible();
  await page.goto("/ar/book");
  await expect(page.locator(".floor-plan svg, svg.floor-plan").first()).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  await context.setOffline(false);
  await expect(page.locator(".offline__line")).toHaveCount(0);
});

test("an article never read, offline: the message in the visitor's language, with a retry that works online", async ({ page, context }) => {
  await page.goto("/ar/");
  await installed(page);
  const unread = (await articlesWithBody(page, "ar")).at(-1);
  await forget(page, unread.slug);

  await context.setOffline(true);
  await page.goto(`/ar/news/${unread.slug}`);
  // The site's own page (header and all), never the browser's error page.
  await expect(page.locator("a.lang-switch")).toBeVisible();
  const alert = page.getByRole("alert");
  await expect(alert).toContainText("لم تُحفظ هذه الصفحة على هذا الجهاز بعد");
  await expect(page.locator("html")).toHaveAttribute("lang", "ar");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations).toEqual([]);

  // It said it would open when the network returns: it does, untouched.
  await context.setOffline(false);
  await expect(page.locator(".article__body")).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
});

/** The POSTs the fixture server's endpoint received for a request (scripts/serve.mjs --endpoint). */
const postsOf = async (page, reference) => (await page.request.get(`/api/requests/log?key=${reference}`)).json();
/** How the fixture server's endpoint answers a request from now on. */
const answer = (page, reference, reply) => page.request.put(`/api/requests/answer?key=${reference}`, { data: reply });
const REFUSED = { status: 500, type: "application/json", body: '{"error":"down"}' };
const RECEIVED = { status: 200, type: "application/json", body: '{"ok":true}' };
const sendButton = (page) => page.getByRole("button", { name: "Send to the organiser online" });

/** Makes a request on a page the service worker controls, and sends it with no network: it waits in the worker. */
async function queuedInWorker(page, context) {
  await useFixtures(page);
  const reference = await makeRequest(page);
  await installed(page);
  await context.setOffline(true);
  await sendButton(page).click();
  await expect(page.locator(".request__status")).toContainText("sent automatically, once, when the connection returns");
  await expect(page.getByRole("link", { name: "E-mail the organiser" })).toBeVisible();
  expect(await postsOf(page, reference)).toEqual([]);
  return reference;
}

test("a request sent with no network waits, and reaches the organiser exactly once when the network returns", async ({ page, context }) => {
  const reference = await queuedInWorker(page, context);
  const status = page.locator(".request__status");
  await context.setOffline(false);
  await expect(status).toHaveText("Received by the organiser's system.");
  await expect(page.locator(".offline__line--ok")).toHaveCount(1);
  await expect(page.locator(".offline__line--ok")).toContainText(reference);
  // Another online event, a reload and a second tab send nothing more.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.reload();
  const other = await context.newPage();
  await other.goto("/en/");
  await page.waitForTimeout(1_000);
  const posts = await postsOf(page, reference);
  expect(posts).toHaveLength(1);
  expect(posts[0].body.reference).toBe(reference);
  // Told once: the reload and the other tab do not say it again.
  await expect(other.locator(".offline__line")).toHaveCount(0);
  await expect(page.locator(".offline__line")).toHaveCount(0);
});

test("with no page of the site open, the service worker sends a waiting request once, and the next page tells", async ({ page, context }) => {
  const reference = await queuedInWorker(page, context);
  await page.close();
  await context.setOffline(false);
  // What the browser does when the network returns: Background Sync's event.
  // (Chromium fires it on a real change of network; the test's emulated one
  // does not reach it, so the test fires it the way DevTools does.)
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const registrations = new Promise((resolve) => cdp.on("ServiceWorker.workerRegistrationUpdated", (e) => e.registrations.length && resolve(e.registrations)));
  await cdp.send("ServiceWorker.enable");
  const registration = (await registrations).find((r) => r.scopeURL.startsWith(FIXTURE_ORIGIN) && !r.isDeleted);
  await cdp.send("ServiceWorker.dispatchSyncEvent", { origin: FIXTURE_ORIGIN, registrationId: registration.registrationId, tag: "expo-outbox", lastChance: false });
  await expect.poll(async () => (await postsOf(blank, reference)).length).toBe(1);

  // The next page of the site, a news reader's in Arabic, tells, once.
  await blank.goto("/ar/news");
  await ready(blank);
  const line = blank.locator(".offline__line--ok");
  await expect(line).toContainText("استلمه نظام الجهة المنظمة");
  await expect(line).toContainText(reference);
  await line.getByRole("button", { name: "إغلاق" }).click();
  await expect(line).toHaveCount(0);
  // The request's own page says it was received, sends nothing more, and
  // does not tell it again.
  await blank.goto(`/en/book/request/${reference}`);
  await ready(blank);
  await expect(blank.locator(".request__status")).toHaveText("Received by the organiser's system.");
  await blank.waitForTimeout(1_000);
  expect(await postsOf(blank, reference)).toHaveLength(1);
  await expect(blank.locator(".offline__line")).toHaveCount(0);
});

test("a send that ends after its page has closed is recorded by the next page at once, and told once", async ({ page, context }) => {
  await useFixtures(page);
  const reference = await makeRequest(page);
  await installed(page);
  await answer(page, reference, { ...RECEIVED, delayMs: 1_500 });
  await sendButton(page).click();
  await expect.poll(async () => (await postsOf(page, reference)).length).toBe(1);
  await page.close();

  const next = await context.newPage();
  await next.goto(`/en/book/request/${reference}`);
  await ready(next);
  // Not "being sent from another tab" for the send's whole time: the worker says.
  await expect(next.locator(".request__status")).toHaveText("Received by the organiser's system.", { timeout: 5_000 });
  const line = next.locator(".offline__line--ok");
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(reference);
  await next.reload();
  await ready(next);
  await next.waitForTimeout(1_000);
  await expect(next.locator(".offline__line")).toHaveCount(0);
  expect(await postsOf(next, reference)).toHaveLength(1);
});

test("a page of the site sends what waits when it opens; a refusal is told with the way to the request", async ({ page, context }) => {
  const reference = await queuedInWorker(page, context);
  await page.close();
  await answer(page, reference, REFUSED);
  await context.setOffline(false);

  const reader = await context.newPage();
  await reader.goto("/ar/");
  await ready(reader);
  const line = reader.locator(".offline__line").filter({ hasText: reference });
  await expect(line).toContainText("لم يؤكد استلامه");
  expect(await postsOf(reader, reference)).toHaveLength(1);
  expect((await new AxeBuilder({ page: reader }).analyze()).violations).toEqual([]);
  // The link opens the request, which says what happened and offers to try again.
  await line.getByRole("link", { name: reference }).click();
  await expect(reader).toHaveURL(new RegExp(`/ar/book/request/${reference}$`));
  await ready(reader);
  await expect(reader.locator(".request__status")).toContainText("لم يؤكد نظام الجهة المنظمة استلام طلبك");
  await answer(reader, reference, RECEIVED);
  await reader.locator(".request__actions button.button--primary").click();
  await expect(reader.locator(".request__status")).toHaveText("استلمه نظام الجهة المنظمة.");
  expect(await postsOf(reader, reference)).toHaveLength(2);
});

// What counts as received has two owners, the page's fetch (no service
// worker) and the worker's: the same answers, through both, say the same.
for (const worker of [true, false]) {
  test(`${worker ? "the service worker" : "the page, with no service worker,"} reads the organiser's answers alike`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL: FIXTURE_ORIGIN, serviceWorkers: worker ? "allow" : "block" });
    const page = waitForApp(await context.newPage());
    await useFixtures(page);
    const reference = await makeRequest(page);
    if (worker) await installed(page);
    expect(await page.evaluate(() => !!navigator.serviceWorker?.controller)).toBe(worker);
    const status = page.locator(".request__status");
    const button = page.locator(".request__actions button.button--primary");
    for (const [i, [reply, said]] of [
      [REFUSED, "did not confirm that it received your request"],
      [{ status: 200, type: "text/html", body: "<p>Welcome to the hotel Wi-Fi</p>" }, "did not confirm that it received your request"],
      [RECEIVED, "Received by the organiser's system."],
    ].entries()) {
      await answer(page, reference, reply);
      await button.click();
      await expect.poll(async () => (await postsOf(page, reference)).length).toBe(i + 1);
      await expect(status).toContainText(said);
      if (reply !== RECEIVED) await expect(button).toBeEnabled();
    }
    expect(await postsOf(page, reference)).toHaveLength(3);
    await context.close();
  });
}

test.describe("with no service worker", () => {
  test.use({ serviceWorkers: "block" });
  test("a request left waiting is sent the next time the booking opens, once, and the visitor is told", async ({ page, context, browser }) => {
    await useFixtures(page);
    await endpoint(page, (n, route) => void route.abort("internetdisconnected"));
    const reference = await makeRequest(page);
    await sendButton(page).click();
    await expect(page.locator(".request__status")).toContainText("could not be reached");

    // Later, with a network, the same browser opens the booking in two tabs
    // at once; with no worker, the booking's pages send it themselves.
    const later = await browser.newContext({ baseURL: FIXTURE_ORIGIN, storageState: await context.storageState(), serviceWorkers: "block" });
    await context.close();
    const received = [];
    const opened = [];
    for (let i = 0; i < 2; i++) {
      const tab = waitForApp(await later.newPage());
      await useFixtures(tab);
      // A slow answer: a tab that opens while the other is still sending must not send it too.
      await tab.route("**/api/requests", async (route) => {
        received.push(route.request().headers()["idempotency-key"]);
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        return route.fulfill({ status: 200, json: { ok: true } });
      });
      opened.push(tab);
    }
    await Promise.all(opened.map((tab) => tab.goto("/en/book")));
    await expect.poll(() => received.length).toBeGreaterThanOrEqual(1);
    // The tab that sent it says so.
    const told = async () => (await Promise.all(opened.map((tab) => tab.locator(".offline__line--ok").filter({ hasText: reference }).count()))).reduce((a, b) => a + b);
    await expect.poll(told).toBe(1);
    await opened[0].waitForTimeout(2_000);
    expect(received).toEqual([reference]);
    await later.close();
  });
});

test("a new release mid-form: offered, never forced, and reloading keeps what was typed", async ({ page }) => {
  await page.goto("/en/book/details");
  await installed(page);
  await page.reload();
  await page.locator("#company").fill("Half-filled Co.");
  await page.locator("#contact").fill("Amal");

  const sw = new URL("../../dist-fixture/sw.js", import.meta.url) // the build the page is on (baseURL);
  const original = await readFile(sw, "utf8");
  try {
    await writeFile(sw, `${original}\n// a new release ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    const offer = page.getByRole("region", { name: /A new version of the site is ready/ });
    await expect(offer).toBeVisible({ timeout: 20_000 });
    // Nothing reloaded on its own: the fields hold what was typed.
    await expect(page.locator("#company")).toHaveValue("Half-filled Co.");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    // Reachable by keyboard: next in the tab order after the header (its last link).
    await page.locator("a.site-header__cta").focus();
    await page.keyboard.press("Tab");
    await expect(offer.getByRole("button", { name: "Reload now" })).toBeFocused();
    await page.locator("#contact").fill("Amal Ben Ali");
    // Listening before the click: the reload may be done before the click returns.
    await Promise.all([page.waitForEvent("load"), offer.getByRole("button", { name: "Reload now" }).click()]);
    await ready(page);
    await expect(page.locator("#company")).toHaveValue("Half-filled Co.");
    await expect(page.locator("#contact")).toHaveValue("Amal Ben Ali");
    await expect(page.getByRole("region", { name: /A new version/ })).toHaveCount(0);
  } finally {
    await writeFile(sw, original);
  }
});

test("under /expo/: a second visit with no network opens both languages", async ({ page, context }) => {
  await page.goto(`${SUBPATH}en/`);
  await installed(page);
  await context.setOffline(true);
  for (const lang of ["en", "ar"]) {
    await page.goto(`${SUBPATH}${lang}/news`);
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await page.goto(`${SUBPATH}${lang}/book`);
    await expect(page.locator(".floor-plan svg, svg.floor-plan").first()).toBeVisible();
  }
});
