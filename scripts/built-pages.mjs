// What the steps that rewrite the built pages after the build-time renderer
// share (scripts/inline-css.mjs, scripts/csp.mjs): the list of pages, their
// tags' attributes, and the check of a file against its integrity attribute.
import { createHash } from "node:crypto";
import { readdir } from "node:fs/promises";
import { join } from "node:path";

/** Every .html file under `folder`, at any depth. */
export async function htmlFiles(folder) {
  const files = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith(".html")) files.push(path);
  }
  return files;
}

const attrPattern = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

/** A tag's attributes (the text between its name and `>`), names in lower case. */
export function attrsOf(text) {
  const attrs = new Map();
  for (const m of text.matchAll(attrPattern)) attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  return attrs;
}

/** `algo-base64` of `bytes`, as an integrity attribute writes it. */
export const digest = (algo, bytes) => `${algo}-${createHash(algo).update(bytes).digest("base64")}`;

/** Whether one of the attribute's hashes (sha256/384/512, options after `?` ignored) is of `bytes`. */
export function matchesIntegrity(bytes, integrity) {
  return (integrity ?? "").split(/\s+/).some((v) => {
    const algo = v.split("-")[0];
    return ["sha256", "sha384", "sha512"].includes(algo) && digest(algo, bytes) === v.split("?")[0];
  });
}
