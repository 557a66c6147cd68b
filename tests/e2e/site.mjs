// Page object for the expo site: stable selectors and the few waits a
// Wasm app needs, so the journeys read like what a visitor does.
import { expect } from "@playwright/test";
import { ready } from "./test.mjs";

const port = Number(process.env.E2E_PORT ?? 4173);
/** The root build's origin, and the sub-path build's address (see playwright.config.mjs). */
export const ORIGIN = `http://127.0.0.1:${port}`;
export const SUBPATH = `http://127.0.0.1:${port + 1}/expo/`;

export const BILINGUAL = "libyan-professionals-abroad";
export const ENGLISH_ONLY = "international-collaboration-e-government";
export const NO_BODY = "ai-in-the-cloud";

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
