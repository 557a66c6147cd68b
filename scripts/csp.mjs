// Locks down the built pages, after Trunk and the build-time renderer have
// written them (scripts/build.sh; hashed file names change with every build).
// For every .html file under the given folder:
//
// 1. Subresource integrity: every <script src>, <link rel=stylesheet>,
//    <link rel=modulepreload> and <link rel=preload> must point at a file of the
//    build. Trunk already writes sha384 `integrity` attributes; this checks each
//    one against the file and adds any that is missing.
// 2. The Wasm fetch: Trunk's loader calls wasm-bindgen's `init` with a URL,
//    which fetches the module with no integrity check (the preload's integrity
//    only covers the preload). The loader is rewritten to pass
//    `fetch(url, { integrity })`, with the same digest as the preload, so the
//    browser refuses a tampered module and reuses the preloaded one.
// 3. A Content-Security-Policy <meta>, first in <head>, with the sha256 of
//    every inline script (Trunk's loader, the lang/dir script in index.html)
//    and of the page's one <style> (the stylesheets, scripts/inline-css.mjs).
//
// Usage: node scripts/csp.mjs [folder]   (default: dist)
// It is idempotent: a second run gives the same files.
import { readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { attrsOf, digest, htmlFiles, matchesIntegrity } from "./built-pages.mjs";

const dir = process.argv[2] ?? "dist";

/** The organiser's request endpoint (event.json), as an origin for connect-src when it is on another host. */
async function endpointOrigin() {
  const file = join(dir, "data", "event.json");
  const event = JSON.parse(await readFile(file, "utf8"));
  const endpoint = event.endpoint;
  if (typeof endpoint !== "string" || !endpoint.startsWith("https://")) return null; // null, or a path on this site
  return new URL(endpoint).origin;
}

function policy({ scriptHashes, styleHashes, connect }) {
  return [
    "default-src 'self'",
    // The app's own JS; the Wasm module needs 'wasm-unsafe-eval' to compile
    // (not 'unsafe-eval'); inline scripts only by hash.
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'${h}'`).join(" ")}`,
    // Only the built stylesheets, which each page carries (by hash): the app
    // sets no style attribute and adds no <style> element (checked below for
    // the static HTML, and by the e2e test for what the app renders), so no
    // 'unsafe-inline'.
    `style-src 'self' ${styleHashes.map((h) => `'${h}'`).join(" ")}`.trim(),
    // The favicon and the sponsors' logos are files of the site; nothing uses
    // data: URLs (the floor plan's patterns are inline SVG).
    "img-src 'self'",
    "font-src 'self'",
    // Data files; and the organiser's endpoint when it is on another host.
    `connect-src 'self'${connect ? ` ${connect}` : ""}`,
    // The service worker (sw.js) and the web app manifests are files of the site.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // No form posts anywhere: the request page hands over by mailto: link and download.
    "form-action 'self'",
  ].join("; ");
}


async function processPage(file, connect) {
  const name = relative(dir, file);
  let html = await readFile(file, "utf8");
  const fail = (why) => {
    throw new Error(`${name}: ${why}`);
  };

  // The policy forbids what the static page must not contain: fail the build rather than ship a broken page.
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/gi)) {
    if (/\sstyle\s*=/i.test(tag)) fail(`a style attribute would be blocked by style-src 'self': ${tag}`);
    if (/\son[a-z]+\s*=/i.test(tag)) fail(`an inline event handler would be blocked by script-src: ${tag}`);
    if (/=\s*["']?\s*javascript:/i.test(tag)) fail(`a javascript: URL would be blocked by script-src: ${tag}`);
  }

  // Where URLs of the page point: Trunk writes the public URL into <base href>.
  const baseHref = html.match(/<base\b[^>]*\bhref\s*=\s*"([^"]*)"/i)?.[1] ?? process.env.TRUNK_PUBLIC_URL ?? "/";
  const pageUrl = new URL(baseHref, "https://site.invalid/");
  const fileOf = (href) => {
    const url = new URL(href, pageUrl);
    if (url.origin !== pageUrl.origin) fail(`${href} is not on this site: the policy would block it`);
    if (!url.pathname.startsWith(pageUrl.pathname)) fail(`${href} is outside the public URL ${pageUrl.pathname}`);
    return join(dir, decodeURIComponent(url.pathname.slice(pageUrl.pathname.length)));
  };
  const digests = new Map(); // path -> bytes
  const bytesOf = async (href) => {
    const path = fileOf(href);
    if (!digests.has(path)) {
      try {
        digests.set(path, await readFile(path));
      } catch {
        fail(`${href} is not a file of the build (${path})`);
      }
    }
    return digests.get(path);
  };

  // 1. Integrity on every script and stylesheet/preload link with a URL.
  let checked = 0;
  let added = 0;
  const sri = new Map(); // href -> integrity
  let out = "";
  let last = 0;
  for (const m of html.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const [tag, element, attrText] = m;
    const attrs = attrsOf(attrText);
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const href = element.toLowerCase() === "script" ? attrs.get("src") : rel.some((r) => ["stylesheet", "modulepreload", "preload"].includes(r)) ? attrs.get("href") : undefined;
    // A font preload carries no integrity: the stylesheet's @font-face fetch
    // has none, and a preload whose integrity differs from the real request
    // is not reused (the font would download twice).
    if (href === undefined || (attrs.get("as") ?? "").toLowerCase() === "font") continue;
    const bytes = await bytesOf(href);
    let integrity = attrs.get("integrity");
    let newTag = tag;
    if (integrity) {
      if (!matchesIntegrity(bytes, integrity)) fail(`integrity of ${href} does not match the file`);
      checked++;
    } else {
      integrity = digest("sha384", bytes);
      newTag = tag.replace(/\s*\/?>$/, (end) => ` integrity="${integrity}"${end}`);
      added++;
    }
    sri.set(new URL(href, pageUrl).pathname, integrity);
    out += html.slice(last, m.index) + newTag;
    last = m.index + tag.length;
  }
  html = out + html.slice(last);

  // 2. The Wasm fetch in Trunk's loader, integrity-checked like the preload.
  let wasmChecked = 0;
  html = html.replace(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi, (whole, attrText, body) => {
    if (attrsOf(attrText).has("src")) return whole;
    const rewritten = body.replace(/(\binit\(\s*(?:\{\s*module_or_path:\s*)?)(['"])([^'"]+_bg\.wasm)\2/g, (_, head, q, url) => {
      const integrity = sri.get(new URL(url, pageUrl).pathname);
      if (!integrity) fail(`the Wasm module ${url} has no preload with integrity to match`);
      wasmChecked++;
      return `${head}fetch(${q}${url}${q}, { integrity: ${q}${integrity}${q} })`;
    });
    wasmChecked += (body.match(/\bfetch\((['"])[^'"]+_bg\.wasm\1, \{ integrity: /g) ?? []).length; // already rewritten
    return whole.replace(body, () => rewritten);
  });
  if (/_bg\.wasm/.test(html) && wasmChecked === 0) fail("Trunk's Wasm loader was not recognised: its fetch would have no integrity check");

  // 3. The policy, with the hash of every inline script and style as it is now
  // (the parser normalises line ends before the browser hashes them).
  const hashOf = (body) => digest("sha256", Buffer.from(body.replace(/\r\n?/g, "\n"), "utf8"));
  const scriptHashes = [];
  for (const [, attrText, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!attrsOf(attrText).has("src")) scriptHashes.push(hashOf(body));
  }
  const styleHashes = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)].map(([, body]) => hashOf(body));
  if (styleHashes.length > 1) fail("more than one <style>: the page's styles come in one (scripts/inline-css.mjs)");
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy({ scriptHashes, styleHashes, connect })}">`;
  html = html.replace(/[ \t]*<meta\s+http-equiv="Content-Security-Policy"[^>]*>\r?\n?/gi, "");
  // First in <head> after the charset (which must stay in the first 1024 bytes), before any script or <base>.
  const charset = html.match(/<meta\s+charset[^>]*>/i);
  const head = html.match(/<head\b[^>]*>/i);
  const anchor = charset ?? head ?? fail("no <head>");
  const at = anchor.index + anchor[0].length;
  const indent = html.slice(0, anchor.index).match(/[ \t]*$/)[0];
  html = `${html.slice(0, at)}\n${indent}${meta}${html.slice(at)}`;

  await writeFile(file, html);
  console.log(
    `csp.mjs: ${name}: ${scriptHashes.length} inline script(s) hashed; integrity checked on ${checked}, added on ${added}; ` +
      `Wasm fetch integrity-checked: ${wasmChecked > 0 ? "yes" : "no Wasm"}; connect-src 'self'${connect ? ` ${connect}` : ""}`,
  );
}

try {
  const connect = await endpointOrigin();
  const pages = await htmlFiles(dir);
  if (pages.length === 0) throw new Error(`no .html file in ${dir}`);
  for (const page of pages) await processPage(page, connect);
} catch (error) {
  console.error(`csp.mjs: ${error.message}`);
  process.exit(1);
}
