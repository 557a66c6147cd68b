// Data the tests own: the site under tests/fixtures/site/data. Every test runs
// on the fixture build made from it (playwright.config.mjs), and the fault
// cases also serve these files in place of what a page carries, so an
// editor's change to public/data never breaks a test. The fixture hall "T"
// (60 × 32 m, shell EUR 340/m², minimum 12 m²; space EUR 300/m², minimum 18 m²):
//   T1 shell 4 × 3 m (12 m², the shell minimum), available
//   T2 shell 3 × 3 m (9 m²), available, next to T1 on its right
//   T3 shell, sold · T4 shell 4 × 3 m, 2 open sides (+5 %), available
//   T5 space only 6 × 3 m (18 m²), available · T6 shell, on hold
//   T7 shell 4 × 3 m, available, far to the right of the row T1..T4
// Hall "U", the outdoor yard: U1 outdoor 10 × 5 m, available.
// The fixture event opens on 2027-04-19, takes requests until the day before,
// has no tax, LYD 5.45 to the euro, pays 50 % 30 days after the request and
// 50 % 7 days before opening, and posts requests to /api/requests.
import { expect } from "@playwright/test";
import { dataFromNetwork } from "./test.mjs";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const dir = fileURLToPath(new URL("../fixtures/site/data/", import.meta.url));

const read = (file) => JSON.parse(readFileSync(`${dir}${file}`, "utf8"));
export const FIXTURE_EVENT = read("event.json");
export const FIXTURE_SITE = read("site.json");
export const FIXTURE_ARTICLES = read("articles.json").articles;
export const FIXTURE_SPONSORS = read("sponsors.json").groups;
export const FIXTURE_PLAN = read("floorplan.json");

/** Serves the fixture event and plan instead of the shipped ones (fetched,
 * not the shipped copies a prerendered page carries). */
export async function useFixtures(page, { event = {} } = {}) {
  await dataFromNetwork(page);
  await page.route("**/data/event.json", (route) => route.fulfill({ json: { ...FIXTURE_EVENT, ...event } }));
  await page.route("**/data/floorplan.json", (route) => route.fulfill({ path: `${dir}floorplan.json` }));
}

/** A draft as the site stores it, holding `stands`, with a complete form. */
export function storedDraft(stands, form = {}) {
  return JSON.stringify({
    version: 1,
    choice: { stands, extras: {} },
    form: {
      company: "Tripoli Steel Co.",
      fascia_en: "Tripoli Steel",
      fascia_ar: "طرابلس للصلب",
      contact: "Amal Ben Ali",
      email: "amal@example.ly",
      phone_code: "+218",
      phone: "91 234 5678",
      country: "Libya",
      sector: "",
      notes: "",
      accept_terms: true,
      ...form,
    },
  });
}

/** Counts and answers POSTs to the fixture endpoint with `answer(n)` (n from 1). */
export async function endpoint(page, answer) {
  const posts = [];
  await page.route("**/api/requests", async (route) => {
    posts.push({ body: route.request().postDataJSON(), key: route.request().headers()["idempotency-key"] });
    const reply = answer(posts.length, route);
    if (reply) await route.fulfill(reply);
  });
  return posts;
}

/** Makes a request from the fixture plan (stand T1) and lands on its page. */
export async function makeRequest(page, lang = "en") {
  await page.addInitScript((draft) => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("expo.booking.draft", draft);
      sessionStorage.setItem("seeded", "1");
    }
  }, storedDraft(["T1"]));
  await page.goto(`/${lang}/book/details`);
  await page.locator("button[type=submit]").click();
  await expect(page).toHaveURL(/\/book\/request\/FX-\d{4}-[2-9A-Z]{6}$/);
  return page.url().split("/").pop();
}
