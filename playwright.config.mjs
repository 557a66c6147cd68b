// End-to-end tests against the release build, served like a CDN with an SPA
// rule. Chromium comes from Debian (never downloaded by Playwright).
import { defineConfig } from "@playwright/test";

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

// E2E_PORT moves the test servers (the sub-path build listens on the next
// port, the fixture build on the one after), so a second run can go on beside
// a server already running.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: "tests/e2e",
  // Generous: CI machines have 2 cores, and axe over several pages takes a while.
  timeout: 60_000,
  expect: { timeout: 8_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  use: {
    // The journeys run on the fixture build: the site built from
    // tests/fixtures/site/data (scripts/build.sh --data), so an editor's change
    // to public/data never breaks them. The shipped builds are reached by
    // their full address (ORIGIN, SUBPATH in tests/e2e/site.mjs).
    baseURL: `http://127.0.0.1:${port + 2}`,
    browserName: "chromium",
    launchOptions: { executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: chromiumArgs },
    locale: "en-GB",
    // page.route never sees what a service worker fetches: the other specs
    // route data files per page, so they run without it. offline.spec.mjs
    // turns it back on.
    serviceWorkers: "block",
  },
  webServer: [
    // The root build as a plain static host serves it (no rewrite rules);
    // the sub-path build behind an SPA fallback rule, as many CDNs do.
    { command: `node scripts/serve.mjs --dir dist --port ${port} --no-fallback`, url: `http://127.0.0.1:${port}/en/`, reuseExistingServer: false },
    { command: `node scripts/serve.mjs --dir dist-fixture --port ${port + 2} --no-fallback --endpoint /api/requests`, url: `http://127.0.0.1:${port + 2}/en/`, reuseExistingServer: false },
    { command: `node scripts/serve.mjs --dir dist-subpath --port ${port + 1} --base /expo/`, url: `http://127.0.0.1:${port + 1}/expo/en/`, reuseExistingServer: false },
  ],
});
