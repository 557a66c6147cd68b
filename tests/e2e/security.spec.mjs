// The built pages run under a strict Content-Security-Policy with subresource
// integrity, at the root and under the sub-path /expo/; and the reference
// server survives a malformed URL.
import { request as httpRequest } from "node:http";
import { test, expect } from "./test.mjs";
import { Site } from "./site.mjs";
import { Booking, VALID } from "./booking.mjs";

// As playwright.config.mjs serves them (E2E_PORT moves both; the sub-path build is on the next port).
const port = Number(process.env.E2E_PORT ?? 4173);
const BUILDS = [
  { name: "root build", origin: `http://127.0.0.1:${port}`, base: "/" },
  { name: "sub-path build", origin: `http://127.0.0.1:${port + 1}`, base: "/expo/" },
];

// Each page, and what shows it has finished loading its data. These are the
// shipped builds, so what to open is read from the build's own data files.
const PAGES = [
  { name: "en/", path: () => "en/", ready: () => "main h1" },
  { name: "en/news/<an article>", path: (d) => `en/news/${d.article}`, ready: () => ".article__body p" },
  { name: "en/book", path: () => "en/book", ready: (d) => `#stand-${d.stand}` },
  { name: "ar/", path: () => "ar/", ready: () => "main h1" },
];

/**
 * What a build's data offer, whatever they hold: an article with an English
 * body; an available stand of the first hall that meets its type's minimum
 * alone; the reference prefix; and a day on which requests are open.
 */
async function shipped(request, origin, base) {
  const get = async (file) => (await request.get(`${origin}${base}data/${file}`)).json();
  const [{ articles }, plan, event] = await Promise.all([get("articles.json"), get("floorplan.json"), get("event.json")]);
  const minimum = Object.fromEntries(event.stand_types.map((t) => [t.id, t.min_area_m2]));
  const stand = plan.stands.find((s) => s.hall === plan.halls[0].id && s.status === "available" && s.w * s.d >= minimum[s.type]);
  const open = new Date(`${event.opens}T10:00:00Z`);
  open.setUTCDate(open.getUTCDate() - 60 - (event.rules.requests_until_days_before_opening ?? 0));
  return { article: articles.find((a) => a.body?.includes("en")).slug, stand: stand.id, prefix: event.reference_prefix, open };
}

/** A GET with the path exactly as written (no dot-segment resolution). */
function rawGet(origin, path) {
  const { hostname, port } = new URL(origin);
  return new Promise((done, fail) => {
    httpRequest({ hostname, port, path }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (c) => (body += c)).on("end", () => done({ status: res.statusCode, body }));
    })
      .on("error", fail)
      .end();
  });
}

/** Records CSP violations (window.__cspViolations) and console errors from the first script on. */
async function watch(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`),
    );
  });
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** The violations so far, once the browser has delivered the pending ones. */
async function violations(page) {
  await page.waitForLoadState("networkidle");
  return page.evaluate(() => new Promise((done) => setTimeout(() => done(window.__cspViolations), 100)));
}

for (const { name, origin, base } of BUILDS) {
  const url = (path) => `${origin}${base}${path}`;

  test.describe(name, () => {
    for (const { name, path, ready } of PAGES) {
      test(`${base}${name} runs under the policy, with integrity on every script and stylesheet`, async ({ page }) => {
        const data = await shipped(page.request, origin, base);
        const errors = await watch(page);
        const site = new Site(page);
        await site.open(url(path(data)));
        await expect(page.locator(ready(data)).first()).toBeVisible();

        const csp = page.locator('meta[http-equiv="Content-Security-Policy"]');
        await expect(csp).toHaveCount(1);
        const policy = await csp.getAttribute("content");
        expect(policy).toContain("object-src 'none'");
        expect(policy).toContain("base-uri 'self'");
        expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/]+=*')+;/);
        // The page's styles are its own, in one <style> the policy names by hash.
        expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
        await expect(page.locator("head > style")).toHaveCount(1);
        expect(policy).not.toContain("unsafe-inline");
        expect(policy).not.toContain("'unsafe-eval'");
        // A <meta> policy covers only what comes after it: it must come before every script and link.
        const before = await page.evaluate(() => {
          const meta = document.querySelector('meta[http-equiv="Content-Security-Policy"]');
          return [...document.querySelectorAll("script, link, base, style")]
            .filter((e) => !(meta.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING))
            .map((e) => e.outerHTML);
        });
        expect(before).toEqual([]);

        const unchecked = await page.evaluate(() =>
          [...document.querySelectorAll("script[src], link[href]")]
            // A font preload has none on purpose: the @font-face fetch it
            // stands for has none, and a mismatch would download it twice.
            .filter((e) => e.localName === "script" || /\b(stylesheet|modulepreload|preload)\b/.test(e.rel))
            .filter((e) => e.getAttribute("as") !== "font")
            .filter((e) => !/^sha(256|384|512)-/.test(e.getAttribute("integrity") ?? ""))
            .map((e) => e.outerHTML),
        );
        expect(unchecked).toEqual([]);
        const links = await page.locator('link[rel="modulepreload"], link[rel="preload"]').count();
        expect(links).toBeGreaterThan(2);

        expect(await violations(page)).toEqual([]);
        expect(errors).toEqual([]);
      });
    }

    test("the Wasm module is fetched with an integrity check", async ({ page }) => {
      await watch(page);
      const site = new Site(page);
      await site.open(url("en/"));
      const loader = await page.evaluate(() => [...document.querySelectorAll("script:not([src])")].map((s) => s.textContent).find((t) => t.includes("_bg.wasm")));
      const preload = await page.locator('link[rel="preload"][href$="_bg.wasm"]').getAttribute("integrity");
      expect(preload).toMatch(/^sha384-/);
      expect(loader).toContain(`integrity: '${preload}'`);
    });

    test("the policy is enforced: an injected inline script does not run", async ({ page }) => {
      await watch(page);
      const site = new Site(page);
      await site.open(url("en/"));
      await page.evaluate(() => {
        const s = document.createElement("script");
        s.textContent = "window.__injected = true";
        document.head.append(s);
      });
      expect(await page.evaluate(() => window.__injected)).toBeUndefined();
      await expect.poll(() => page.evaluate(() => window.__cspViolations.length)).toBe(1);
      expect((await page.evaluate(() => window.__cspViolations))[0]).toMatch(/^script-src-elem blocked inline/);
    });

    test("a whole stand request, with its download, runs under the policy", async ({ page }) => {
      const data = await shipped(page.request, origin, base);
      const errors = await watch(page);
      const b = new Booking(page);
      await page.clock.setFixedTime(data.open);
      await new Site(page).open(url("en/book"));
      await b.stand(data.stand).click();
      await page.getByRole("link", { name: "Continue" }).click();
      await b.fill(VALID);
      await page.getByLabel("I have read the terms").check();
      await page.getByRole("button", { name: "Create stand request" }).click();
      await expect(page.getByRole("heading", { name: "Your stand request is ready" })).toBeVisible();
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download (JSON)" }).click()]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^stand-request-${data.prefix}-`));
      await new Site(page).switchLanguage();
      await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
    });

    test("a malformed URL is a 400 and the server keeps serving", async ({ request }) => {
      const bad = await request.get(url("en/news/%E0%A4%A"));
      expect(bad.status()).toBe(400);
      expect(bad.headers()["content-type"]).toMatch(/^text\/plain/);
      // Sent as they are (an HTTP client would resolve the dots first): nothing outside the build is served.
      for (const path of ["../../../../etc/passwd", "%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "..%2f..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%5c%2e%2e%5cpackage.json"]) {
        const { status, body } = await rawGet(origin, base + path);
        expect(body).not.toMatch(/root:[^:]*:0:0:/); // a line of /etc/passwd
        expect(body).not.toContain("expo-site-tests");
        expect([200, 400, 403, 404]).toContain(status);
      }
      const next = await request.get(url("en/"));
      expect(next.status()).toBe(200);
      expect(await next.text()).toContain('http-equiv="Content-Security-Policy"');
    });
  });
}
