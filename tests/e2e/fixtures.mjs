// Data the tests own: a small event and floor plan under tests/fixtures/site/data,
// served in place of the shipped files, so an editor's change to public/data
// never breaks a test. The fixture hall "T":
//   T1 shell 4 × 3 m (12 m², the shell minimum), available
//   T2 shell 3 × 3 m, available, next to T1
//   T3 shell, sold · T4 shell 4 × 3 m, 2 open sides, available
//   T5 space only 6 × 3 m (18 m²), available · T6 shell, on hold
// The fixture event opens on 2027-04-19, takes requests until the day before,
// and posts requests to /api/requests.
import { expect } from "@playwright/test";
import { dataFromNetwork } from "./test.mjs";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";

const dir = fileURLToPath(new URL("../fixtures/site/data/", import.meta.url));

export const FIXTURE_EVENT = JSON.parse(readFileSync(`${dir}event.json`, "utf8"));

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
