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
//
// It is also the courier of stand requests (the end of this file): a request
// the booking sends is kept here, in IndexedDB, until the organiser's system
// has it, and sent when the network returns even with no page of the site
// open (Background Sync), or when any page of the site opens.
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

/**
 * A page carries the data files it was built from (the app reads them
 * there instead of fetching them: <script id="expo-data">, src/prerender.rs).
 * An article's body arrives that way when its page is opened by its address
 * (a shared link), never as a file of its own; kept beside the page, it is
 * there when the article is opened offline from inside the site too.
 * (Put straight into the cache, they escape its expiry count: one small
 * text per article read, replaced when the article is read again.)
 */
const keepCarriedBodies = () => ({
  cacheDidUpdate: async ({ newResponse }) => {
    const html = await newResponse.clone().text();
    const carried = html.match(/<script type="application\/json" id="expo-data">([^<]*)<\/script>/);
    if (!carried) return;
    let files;
    try {
      files = JSON.parse(carried[1]);
    } catch {
      return;
    }
    const data = await caches.open("data");
    for (const [path, text] of Object.entries(files)) {
      if (!/^data\/articles\/[^/]+\.md$/.test(path)) continue;
      await data.put(new URL(path, scope).href, new Response(text, { headers: { "content-type": "text/markdown; charset=utf-8" } }));
    }
  },
});

routing.registerRoute(
  ({ request, url }) => request.mode === "navigate" && url.href.startsWith(scope),
  new strategies.NetworkFirst({ cacheName: "pages", networkTimeoutSeconds: TIMEOUT_S, plugins: [okOnly(), keep(200), keepCarriedBodies(), fromInstall(fileOf)] }),
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

// ---- The courier ----
//
// The booking hands each request it sends to this worker (SEND, from
// src/offline/courier.rs): the worker keeps it, posts it, and answers with the
// outcome. A request the network did not take waits here, and goes out once
// when the network returns: on Background Sync's `sync` event (Chromium's
// browsers: even with the site closed), and whenever a page of the site opens
// or comes back online (OUTBOX). Every page is told when an answer comes
// (ANSWERED), and asks: OUTBOX's answer holds where each request stands (the
// booking's pages record it) and what no page has shown yet, until a page
// says it has shown it (TOLD; so does the page where the visitor pressed
// Send, when it has the answer).
//
// Once only: a request is claimed in a single IndexedDB transaction before it
// is posted (so a second worker of a newer release cannot take it too), one
// post at a time per request within this worker (`inflight`), a request
// received is never posted again (a repeated SEND is answered from the
// record), and an outcome is written only by the worker that still holds the
// claim. The reference travels as the Idempotency-Key for the endpoint.
//
// What counts as received is the rule of `post_request` in src/api.rs, which
// sends when there is no worker: a 2xx answer in JSON, read in full, within
// the timeout the booking gives. The page sends every number that is a rule
// of the booking (timeoutMs, abandonedMs: src/domain/booking/delivery.rs).
// The e2e tests run the same answers through both (offline.spec.mjs).

const SYNC_TAG = "expo-outbox";
// OUTBOX answers this long before the page stops waiting (its waitMs), so
// the answer is on its way in time.
const ANSWER_EARLY_MS = 1_000;
// While the browser says it is online but requests still wait (a network
// comes back in steps: a link before its DNS, a portal before the internet),
// flushes are tried again after these pauses, as the booking's pages do
// (RETRY_MS in src/offline/mod.rs).
const PAUSES_MS = [2_000, 5_000, 15_000];

/** The outbox: one record per request, by reference; one connection per worker. */
let connection;
const outbox = () =>
  (connection ??= new Promise((resolve, reject) => {
    const open = indexedDB.open("expo-outbox", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("requests", { keyPath: "reference" });
    open.onsuccess = () => {
      const db = open.result;
      // A newer release changing the store's shape must not wait for this one.
      db.onversionchange = () => {
        db.close();
        connection = undefined;
      };
      resolve(db);
    };
    open.onerror = () => {
      connection = undefined;
      reject(open.error);
    };
  }));

/** Settles with a transaction: its result when it commits, its error when it fails or aborts. */
const settled = (tx, result) =>
  new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(result());
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error("the outbox's transaction was aborted"));
  });

/**
 * Changes one record in one transaction: `change` gets the stored record
 * (or undefined) and returns the record to store, or undefined to leave it.
 * Resolves with the record as it is after the transaction.
 */
async function change(reference, changeRecord) {
  const tx = (await outbox()).transaction("requests", "readwrite");
  const store = tx.objectStore("requests");
  let after;
  const read = store.get(reference);
  read.onsuccess = () => {
    try {
      const next = changeRecord(read.result);
      after = next ?? read.result;
      if (next) store.put(next);
    } catch (error) {
      tx.abort();
      throw error;
    }
  };
  return settled(tx, () => after);
}

async function records() {
  const tx = (await outbox()).transaction("requests");
  const read = tx.objectStore("requests").getAll();
  return settled(tx, () => read.result);
}

/** Tells every open page of the site that a request was answered: each asks OUTBOX. */
const answered = async () => {
  for (const page of await self.clients.matchAll({ type: "window" })) page.postMessage({ type: "ANSWERED" });
};

/** Asks the browser for a `sync` event when the network is back (where it has Background Sync). */
const syncLater = () => self.registration.sync?.register(SYNC_TAG).catch(() => {});

/** Posts a request once: "received", "refused", "timeout" or "network". */
async function post({ endpoint, reference, body, timeoutMs }) {
  const abort = new AbortController();
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    abort.abort();
  }, timeoutMs);
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": reference },
      body,
      signal: abort.signal,
      cache: "no-store",
    });
    const json = (response.headers.get("content-type") ?? "").includes("json");
    if (!response.ok || !json) return "refused";
    await response.text();
    return "received";
  } catch {
    return late ? "timeout" : "network";
  } finally {
    clearTimeout(timer);
  }
}

const inflight = new Map();

/**
 * Sends a waiting request, or joins the send under way, and records the
 * outcome. A request received (or refused, until the visitor asks again) is
 * answered from its record; "busy": another worker is sending it.
 */
function deliver(reference) {
  if (!inflight.has(reference)) {
    inflight.set(reference, attempt(reference).finally(() => inflight.delete(reference)));
  }
  return inflight.get(reference);
}

async function attempt(reference) {
  const now = Date.now();
  let claimed = false;
  const record = await change(reference, (r) => {
    const free = r && (r.state === "waiting" || (r.state === "sending" && now - r.since > r.abandonedMs));
    if (!free) return undefined;
    claimed = true;
    return { ...r, state: "sending", since: now };
  });
  if (!record) return "network";
  if (!claimed) return record.state === "sending" ? "busy" : record.state;
  const outcome = await post(record);
  const final = outcome === "received" || outcome === "refused";
  // The post happened: its outcome is the answer even if it cannot be
  // written down (the claim then runs out, and the Idempotency-Key lets the
  // endpoint drop the repeat). Only the claim's holder writes it, and a
  // received request is never set back.
  await change(reference, (r) =>
    r && r.state === "sending" && r.since === now ? { ...r, state: final ? outcome : "waiting", told: false } : undefined,
  ).catch(() => {});
  return outcome;
}

/**
 * SEND: keeps the request, sends it, and answers. A refused request is sent
 * again only when the visitor asked (`again`, the booking's Attempt::Asked);
 * a page sending what waited gets the refusal from the record. The address
 * and times are the page's latest (an organiser may have corrected them).
 */
async function send({ reference, endpoint, body, timeoutMs, abandonedMs, again }) {
  const latest = { endpoint, timeoutMs, abandonedMs };
  await change(reference, (r) => {
    if (!r) return { reference, body, ...latest, state: "waiting", told: false };
    if (r.state === "waiting" || (r.state === "refused" && again)) return { ...r, ...latest, state: "waiting" };
    return undefined;
  });
  // Kept: from now on it goes out when the network returns, page or not.
  await syncLater();
  return deliver(reference);
}

/** Sends every waiting request, one after another; resolves with how many still wait. */
async function flush() {
  let left = 0;
  let news = false;
  for (const r of await records()) {
    if (r.state !== "waiting" && r.state !== "sending") continue;
    const outcome = await deliver(r.reference);
    if (outcome === "received" || outcome === "refused") news = true;
    else left += 1;
  }
  if (news) await answered();
  return left;
}

/** Flushes, and again after each pause while the browser is online and requests still wait. */
async function flushPatiently() {
  let left = await flush();
  for (const pause of PAUSES_MS) {
    if (left === 0 || !self.navigator.onLine) break;
    await new Promise((resolve) => setTimeout(resolve, pause));
    left = await flush();
  }
  return left;
}

/**
 * OUTBOX's answer: where each request stands, [{ reference, state }], and
 * the outcomes no page has shown yet, [{ reference, outcome }].
 */
async function outboxNews() {
  const all = await records();
  return {
    states: all.map((r) => ({ reference: r.reference, state: r.state })),
    news: all
      .filter((r) => !r.told && (r.state === "received" || r.state === "refused"))
      .map((r) => ({ reference: r.reference, outcome: r.state })),
  };
}

/** TOLD: a page has shown these outcomes to the visitor. */
async function told(references) {
  for (const reference of references) await change(reference, (r) => (r && !r.told ? { ...r, told: true } : undefined));
}

self.addEventListener("message", (event) => {
  const { data } = event;
  const [port] = event.ports;
  const answer = (work, fallback, after = () => {}) =>
    event.waitUntil(
      work()
        .catch(() => fallback)
        .then(async (reply) => {
          port?.postMessage(reply);
          await after(reply);
        }),
    );
  if (data?.type === "SKIP_WAITING") self.skipWaiting();
  // src/offline/courier.rs asks before it hands a request over: a worker of an older
  // release, without the courier, would never answer a SEND.
  else if (data?.type === "HELLO") port?.postMessage({ courier: true });
  // No IndexedDB here (a private mode): nothing was posted, the page sends.
  // Every page hears of the answer after the page that sent it has it.
  else if (data?.type === "SEND")
    answer(
      async () => ({ outcome: await send(data) }),
      { outcome: "unavailable" },
      ({ outcome }) => (outcome === "received" || outcome === "refused") && answered(),
    );
  else if (data?.type === "TOLD") event.waitUntil(told(data.references ?? []).catch(() => {}));
  else if (data?.type === "OUTBOX") {
    // The news after this flush, or what is known when the page is about to
    // stop waiting; the rest is told on a later page.
    const sending = flushPatiently().then((left) => left > 0 && syncLater());
    event.waitUntil(sending.catch(() => {}));
    const early = new Promise((resolve) => setTimeout(resolve, data.waitMs - ANSWER_EARLY_MS));
    answer(async () => (await Promise.race([sending, early]), await outboxNews()), { states: [], news: [] });
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) return;
  event.waitUntil(
    flushPatiently().then((left) => {
      // Still offline: the browser fires it again later, with its own back-off.
      if (left > 0 && !event.lastChance) throw new Error(`${left} stand requests still wait for the network`);
    }),
  );
});
