// Page object for the expo site: stable selectors and the few waits a
// Wasm app needs, so the journeys read like what a visitor does.
import { expect } from "@playwright/test";
import { ready } from "./test.mjs";

const port = Number(process.env.E2E_PORT ?? 4173);
/** The shipped builds (public/data): the root build's origin and the sub-path
 * build's address. Tests of them assert only what holds of any valid data. */
export const ORIGIN = `http://127.0.0.1:${port}`;
export const SUBPATH = `http://127.0.0.1:${port + 1}/expo/`;
/** The fixture build's origin (tests/fixtures/site/data), every test's baseURL. */
export const FIXTURE_ORIGIN = `http://127.0.0.1:${port + 2}`;

// Articles of the fixture site, one of each kind.
export const BILINGUAL = "both-languages";
export const ENGLISH_ONLY = "english-only";
export const NO_BODY = "no-body-yet";

export class Site {
  constructor(page) {
    this.page = page;
    this.main = page.locator("main");
    this.switch = page.locator("a.lang-switch");
    this.heading = page.locator("main h1").first();
  }

  /** Opens a path and waits until the app has rendered into it. */
  async open(path) {
    await this.page.goto(path);
    await ready(this.page);
    await expect(this.switch).toBeVisible();
  }

  async expectLang(lang) {
    const html = this.page.locator("html");
    await expect(html).toHaveAttribute("lang", lang);
    await expect(html).toHaveAttribute("dir", lang === "ar" ? "rtl" : "ltr");
  }

  async switchLanguage() {
    await this.switch.click();
  }

  /** Asserts no element makes the page wider than the viewport. */
  async expectNoHorizontalOverflow() {
    const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }
}
