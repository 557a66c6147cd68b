// Puts the site's stylesheets into every page, after the build-time renderer
// has written the pages (scripts/build.sh), before scripts/csp.mjs hashes them.
//
// Why: a page cannot paint before its stylesheets arrive, and on a mobile
// link each file Trunk links costs a round trip after the HTML (measured in
// Lighthouse's mobile audit: the first paint waited 0.6 s for six small
// files). All of the CSS is about 9 KB gzipped, less than one round trip's
// worth of bytes, so every page carries it in one <style> in place of the
// <link>s, in the same order. A repeat visit reads the page from the service
// worker's cache anyway.
//
// Each stylesheet is checked against the integrity Trunk wrote for it, and
// the files are removed once no page links them, so nothing stale is cached
// or served. Relative url()s (the fonts) resolve against the page's
// <base href>, as they did against the stylesheet at the site's root.
//
// Usage: node scripts/inline-css.mjs [folder]   (default: dist)
// Idempotent: a page already carrying its styles has no link to replace.
import { readFile, rm, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { attrsOf, htmlFiles, matchesIntegrity } from "./built-pages.mjs";

const dir = process.argv[2] ?? "dist";

/** The stylesheet's text, if its bytes match the integrity Trunk wrote. */
async function stylesheet(page, href, integrity, cache) {
  // Trunk writes root-relative names under the public URL: the file is the name's last segment.
  const path = join(dir, decodeURIComponent(href.split("/").pop()));
  if (!cache.has(path)) cache.set(path, await readFile(path).catch(() => null));
  const bytes = cache.get(path);
  if (!bytes) throw new Error(`${page}: ${href} is not a file of the build`);
  if (!matchesIntegrity(bytes, integrity)) throw new Error(`${page}: ${href} does not match its integrity attribute`);
  return { path, text: bytes.toString("utf8") };
}

try {
  const cache = new Map();
  const inlined = new Set();
  let pages = 0;
  for (const file of await htmlFiles(dir)) {
    const name = relative(dir, file);
    const html = await readFile(file, "utf8");
    const links = [...html.matchAll(/[ \t]*<link\b([^>]*)\brel="stylesheet"([^>]*)>\r?\n?/gi)];
    if (links.length === 0) continue;
    const sheets = [];
    for (const [, before, after] of links) {
      const attrs = attrsOf(`${before} ${after}`);
      const sheet = await stylesheet(name, attrs.get("href") ?? "", attrs.get("integrity"), cache);
      sheets.push(sheet.text.trim());
      inlined.add(sheet.path);
    }
    const style = `  <style>\n${sheets.join("\n")}\n  </style>\n`;
    let out = html.slice(0, links[0].index) + style;
    let last = links[0].index + links[0][0].length;
    for (const link of links.slice(1)) {
      out += html.slice(last, link.index);
      last = link.index + link[0].length;
    }
    await writeFile(file, out + html.slice(last));
    pages++;
  }
  for (const path of inlined) await rm(path);
  console.log(`inline-css.mjs: ${inlined.size} stylesheet(s) put into ${pages} page(s)`);
} catch (error) {
  console.error(`inline-css.mjs: ${error.message}`);
  process.exit(1);
}
