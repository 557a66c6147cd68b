// Page object for the stand booking steps.
import { expect } from "@playwright/test";
import { ready } from "./test.mjs";

/** The day the tests pretend it is (Tripoli), so payment dates are fixed. */
export const TODAY = new Date("2026-11-23T10:00:00Z");

export const VALID = {
  company: "Tripoli Steel Co.",
  "fascia-en": "Tripoli Steel",
  "fascia-ar": "طرابلس للصلب",
  contact: "Amal Ben Ali",
  email: "amal@example.ly",
  phone: "91 234 5678",
  country: "Libya",
};

export class Booking {
  constructor(page) {
    this.page = page;
    this.side = page.locator(".book__side");
    this.quoteTotal = page.locator(".quote__total .quote__amount");
    this.rules = page.locator(".rules");
  }

  async freezeClock() {
    await this.page.clock.setFixedTime(TODAY);
  }

  async open(lang, step = "") {
    await this.page.goto(`/${lang}/book${step}`);
    await ready(this.page);
    await expect(this.page.locator("main h1")).toBeVisible();
  }

  stand(id) {
    return this.page.locator(`#stand-${id}`);
  }

  async fill(values) {
    for (const [id, value] of Object.entries(values)) await this.page.locator(`#${id}`).fill(value);
  }

  /** Presses Tab until `selector` has focus, as a keyboard user would. */
  async tabTo(selector, max = 80) {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press("Tab");
      if (await this.page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
    }
    throw new Error(`${selector} not reached by Tab`);
  }

  /** Chooses fixture stand T1 (12 m², valid alone) and fills the details step correctly. */
  async fillValidRequest() {
    await this.open("en");
    await this.stand("T1").click();
    await this.page.getByRole("link", { name: "Continue" }).click();
    await this.fill(VALID);
    await this.page.getByLabel("I have read the terms").check();
  }

  async storedRequests() {
    return this.page.evaluate(() => JSON.parse(localStorage.getItem("expo.booking.requests.v1") ?? "[]"));
  }
}
