// A small static server for dist/, behaving like a CDN with an SPA rule:
// .wasm as application/wasm, gzip, long cache for hashed files, and
// index.html for paths that are not files (so deep links work). Options:
//   node scripts/serve.mjs [--dir dist] [--port 8080] [--base /expo/]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = args.dir ?? "dist";
const port = Number(args.port ?? 8080);
const base = (args.base ?? "/").replace(/\/?$/, "/");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".txt": "text/plain; charset=utf-8",
};
const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;
const compressible = /\.(html|js|wasm|css|json|md|svg|txt)$/;

async function fileAt(path) {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let path = decodeURIComponent(url.pathname);
  if (!path.startsWith(base) && path + "/" !== base) {
    res.writeHead(404, { "content-type": "text/plain" }).end("outside the site's base path");
    return;
  }
  path = path.slice(base.length - 1) || "/";
  const safe = normalize(path).replace(/^(\.\.[/\\])+/, "");
  const file = (await fileAt(join(root, safe))) ?? null;
  // Missing data files must stay 404s; anything else that is not a file is a page.
  const isAsset = /\.[a-z0-9]+$/i.test(safe);
  const target = file ?? (isAsset ? null : join(root, "index.html"));
  if (!target) {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    return;
  }
  const cache = hashed.test(target) ? "public, max-age=31536000, immutable" : "no-cache";
  const headers = { "content-type": types[extname(target)] ?? "application/octet-stream", "cache-control": cache, vary: "accept-encoding" };
  let body = await readFile(target);
  // Compressed as a CDN would, so timings on a slow connection are realistic.
  if (compressible.test(target) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  res.writeHead(200, headers);
  res.end(body);
}).listen(port, "127.0.0.1", () => console.log(`Serving ${root} at http://127.0.0.1:${port}${base}`));
