// The offline step of the release build (scripts/build.sh, after csp.mjs):
//
// 1. a web app manifest per language (manifest-en.json, manifest-ar.json),
//    from site.json's name and description; every URL in it is relative to
//    the manifest, so start URL, scope and icons follow the public URL
//    (/ or /expo/) with nothing to configure;
// 2. the service worker (sw.js), from scripts/sw/service-worker.js with
//    Workbox's injectManifest: the list of files installed ahead of time is
//    globbed from the built folder (every entry's Wasm and JS, fonts,
//    icons, manifests, data files and pages with their styles), never named here, except that
//    of the articles only the latest ARTICLES_AHEAD with a text (pages and bodies) are
//    installed: the others are kept as they are read;
// 3. the manifests' icons (public/icons, see scripts/icons.mjs) copied in;
// 4. the Workbox runtime copied next to it, so no script comes from a CDN.
//
// Usage: node scripts/sw.mjs [folder]   (default: dist)
import { copyWorkboxLibraries, injectManifest } from "workbox-build";
import { cp, readFile, writeFile, rm, readdir } from "node:fs/promises";
import { join } from "node:path";

const dir = process.argv[2] ?? "dist";
const ARTICLES_AHEAD = 3;
const LANGS = [
  { code: "en", dir: "ltr" },
  { code: "ar", dir: "rtl" },
];

const readJson = async (path) => JSON.parse(await readFile(join(dir, path), "utf8"));

async function manifests(site) {
  for (const { code, dir: direction } of LANGS) {
    const name = site.name[code] ?? site.name.en;
    const manifest = {
      // One app per language: its id is its start URL.
      id: `${code}/`,
      name,
      short_name: name,
      description: site.tagline?.[code] ?? site.description?.[code] ?? "",
      lang: code,
      dir: direction,
      start_url: `${code}/`,
      // The whole site, so the language switch stays inside the app.
      scope: "./",
      display: "standalone",
      // --color-brand and --color-page in style/tokens.css.
      theme_color: "#0b3d5c",
      background_color: "#f4f6f8",
      icons: [
        { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
        { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
        { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
      ],
    };
    await writeFile(join(dir, `manifest-${code}.json`), `${JSON.stringify(manifest, null, 2)}\n`);
  }
}

/** The articles to install ahead of time: the latest by date that have a text to read (one with none yet has nothing to read offline). */
function latestSlugs(index) {
  return new Set(
    [...(index.articles ?? [])]
      .filter((a) => (a.body ?? []).length > 0)
      .sort((a, b) => String(b.date ?? "").localeCompare(String(a.date ?? "")))
      .slice(0, ARTICLES_AHEAD)
      .map((a) => a.slug),
  );
}

try {
  const site = await readJson("data/site.json");
  await manifests(site);
  // The icons are drawn once from the mark (scripts/icons.mjs) and only needed here.
  await cp("public/icons", join(dir, "icons"), { recursive: true });
  const latest = latestSlugs(await readJson("data/articles.json"));

  for (const old of await readdir(dir)) if (/^workbox-v[\d.]+$/.test(old)) await rm(join(dir, old), { recursive: true });
  const workboxDir = await copyWorkboxLibraries(dir);

  const { count, size, warnings } = await injectManifest({
    swSrc: new URL("sw/service-worker.js", import.meta.url).pathname,
    swDest: join(dir, "sw.js"),
    globDirectory: dir,
    globPatterns: ["**/*.{wasm,js,css,html,json,woff2,svg,png,md}"],
    globIgnores: ["sw.js", "workbox-v*/**", "sitemap.xml", "robots.txt"],
    // Trunk's names carry a content hash: no revision needed, the name is one.
    dontCacheBustURLsMatching: /-[0-9a-f]{12,}(_bg)?\.(js|wasm|css)$/,
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    manifestTransforms: [
      async (entries) => ({
        manifest: entries.filter((e) => {
          const page = e.url.match(/^(?:en|ar)\/news\/([^/]+)\.html$/);
          const body = e.url.match(/^data\/articles\/([^/]+)\.[a-z]{2}\.md$/);
          const slug = page?.[1] ?? body?.[1];
          return slug === undefined || latest.has(slug);
        }),
        warnings: [],
      }),
    ],
  });
  for (const w of warnings) console.warn(`sw.mjs: ${w}`);
  const sw = join(dir, "sw.js");
  await writeFile(sw, (await readFile(sw, "utf8")).replaceAll("__WORKBOX__", workboxDir));
  console.log(`sw.mjs: ${dir}/sw.js installs ${count} files (${(size / 1024).toFixed(1)} KB) ahead of time; manifests for ${LANGS.map((l) => l.code).join(", ")}`);
} catch (error) {
  console.error(`sw.mjs: ${error.message}`);
  process.exit(1);
}
