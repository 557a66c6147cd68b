// The pages of a built folder, for the steps that rewrite them after the
// build-time renderer (scripts/inline-css.mjs, scripts/csp.mjs).
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
