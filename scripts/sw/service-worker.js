// The site's service worker. scripts/sw.mjs builds it after every release
// build: Workbox's injectManifest writes the list of the build's files (with a
// revision for each) into the precache list below, and the Workbox runtime is
// served with the site (no CDN). Strategies, in the order they are tried:
//
// - pages (navigations), data files and article bodies: network first with a
//   3 s timeout, so an editor's change shows on the next online visit; on no
//   network (or a link too slow to answer in 3 s), the copy last seen, else
//   the copy installed with this release, else a page of the right entry
//   (see shellOf): it shows a request kept in the browser, or says in the
//   visitor's language that the page is not saved.
// - code, styles, fonts, icons, manifests: from the install (precache), never
//   downloaded again until a release changes them.
// - code of a newer release met online before this worker updates: cache
//   first (its names carry its hash), so that page still opens offline.
// - images: shown from the cache at once and refreshed behind.
//
// A new release waits until the visitor accepts to reload (the app asks;
// SKIP_WAITING below), so a page is never swapped under someone typing.
importScripts("__WORKBOX__/workbox-sw.js");
workbox.setConfig({ modulePathPrefix: "__WORKBOX__/", debug: false });

const { core, precaching, routing, strategies, expiration, cacheableResponse, navigationPreload } = workbox;

const scope = self.registration.scope; // the public URL, e.g. https://host/expo/
const scopePath = new URL(scope).pathname;
const TIMEOUT_S = 3;

precaching.cleanupOutdatedCaches();
precaching.precache(self.__WB_MANIFEST);
// The first install takes the open page at once (there is no older worker to
// disagree with); updates wait for the visitor (see SKIP_WAITING).
core.clientsClaim();
// The page's request starts while the worker boots, not after (network first
// uses it): on a slow link the worker's start-up does not delay the page.
navigationPreload.enable();

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

const okOnly = () => new cacheableResponse.CacheableResponsePlugin({ statuses: [200] });
const keep = (maxEntries) => new expiration.ExpirationPlugin({ maxEntries, purgeOnQuotaError: true });

/** The built file of a page's path, as a static host maps it (/en/ -> en/index.html, /en/news -> en/news.html). */
const fileOf = (url) => url.origin + (url.pathname.endsWith("/") ? `${url.pathname}index.html` : `${url.pathname}.html`);

/**
 * A page of the right entry for a page this device never saved: the booking
 * entry's 404.html for the booking's addresses (it shows a request kept in
 * the browser), else the language's news list, whose app draws the page
 * asked for and says, in that language, that it is not saved yet.
 */
const shellOf = (url) => {
  const [lang, section] = url.pathname.slice(scopePath.length).split("/");
  if (section === "book") return new URL("404.html", scope).href;
  return new URL(`${lang === "ar" ? "ar" : "en"}/news.html`, scope).href;
};

/** When neither the network nor the cache has it: the release's own copy. */
const fromInstall = (alternative) => ({
  handlerDidError: async ({ request }) => {
    const url = new URL(request.url);
    return (await precaching.matchPrecache(alternative ? alternative(url) : url.href)) ??
      (alternative ? await precaching.matchPrecache(shellOf(url)) : undefined) ??
      Response.error();
  },
});

routing.registerRoute(
  ({ request, url }) => request.mode === "navigate" && url.href.startsWith(scope),
  new strategies.NetworkFirst({ cacheName: "pages", networkTimeoutSeconds: TIMEOUT_S, plugins: [okOnly(), keep(200), fromInstall(fileOf)] }),
);
routing.registerRoute(
  ({ url }) => url.href.startsWith(scope) && url.pathname.startsWith(`${scopePath}data/`),
  new strategies.NetworkFirst({ cacheName: "data", networkTimeoutSeconds: TIMEOUT_S, plugins: [okOnly(), keep(200), fromInstall()] }),
);
precaching.addRoute();
routing.registerRoute(
  ({ request, url }) => url.href.startsWith(scope) && (["script", "style", "font"].includes(request.destination) || url.pathname.endsWith(".wasm")),
  new strategies.CacheFirst({ cacheName: "code", plugins: [okOnly(), keep(16)] }),
);
routing.registerRoute(
  ({ url }) => url.href.startsWith(scope) && url.pathname.startsWith(`${scopePath}images/`),
  new strategies.StaleWhileRevalidate({ cacheName: "images", plugins: [okOnly(), keep(100)] }),
);
