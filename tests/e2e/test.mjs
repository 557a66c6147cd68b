// The test runner's `test`, with one difference: a page opened or reloaded
// is handed back once the app has taken over the prerendered HTML, so a
// test never clicks the static page the server sent before the Wasm runs.
import { test as base, expect } from "@playwright/test";

/** Waits until the app has replaced the prerendered page (main.rs marks it). */
export async function ready(page) {
  await page.locator("html[data-app=ready]").waitFor({ state: "attached" });
}

/** Makes `page.goto` and `page.reload` wait for the app. */
export function waitForApp(page) {
  for (const name of ["goto", "reload"]) {
    const original = page[name].bind(page);
    page[name] = async (...args) => {
      const response = await original(...args);
      await ready(page);
      return response;
    };
  }
  return page;
}

/**
 * Serves every page without the data it carries, so the app fetches each
 * data file as a client-side navigation would: the way to test what a
 * visitor sees when a file is missing, broken or slow.
 */
export async function dataFromNetwork(page) {
  await page.route(
    (url) => !/\.[a-z0-9]+$/i.test(url.pathname) || url.pathname.endsWith(".html"),
    async (route) => {
      if (route.request().resourceType() !== "document") return route.fallback();
      const response = await route.fetch();
      const body = (await response.text()).replace(/<script type="application\/json" id="expo-data">.*?<\/script>/s, "");
      await route.fulfill({ response, body });
    },
  );
}

export const test = base.extend({
  // Without JavaScript there is no app to wait for: the page is what it is.
  page: async ({ page, javaScriptEnabled }, use) => use(javaScriptEnabled === false ? page : waitForApp(page)),
  context: async ({ context, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const newPage = context.newPage.bind(context);
      context.newPage = async () => waitForApp(await newPage());
    }
    await use(context);
  },
});

export { expect };
