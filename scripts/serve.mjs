// A small static server for dist/, behaving like a CDN with an SPA rule:
// .wasm as application/wasm, gzip, long cache for hashed files, a page's
// prerendered file for its path (/en/news is en/news.html), and index.html
// for paths that are neither (so any other deep link works). Options:
//   node scripts/serve.mjs [--dir dist] [--port 8080] [--base /expo/] [--no-fallback] [--endpoint /api/requests]
// --no-fallback: a plain static host with no rewrite rule: the file, else a
// folder's index.html, else 404.html with status 404.
// --endpoint PATH: a stand for the organiser's endpoint, for the tests (see
// `endpoint` below): a test sees what the service worker posts, which
// Playwright's routes never see.
//
// One bad request never stops the server: a malformed URL is a 400, an
// unexpected error a 500 (logged), and no path leaves the served folder.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, posix, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith("--")) continue;
    const next = argv[i + 1];
    // A flag without a value (--no-fallback) is `true`.
    if (next === undefined || next.startsWith("--")) out[argv[i].slice(2)] = true;
    else out[argv[i].slice(2)] = argv[++i];
  }
  return out;
}

const args = parseArgs(process.argv.slice(2));
const root = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 8080);
const base = (args.base ?? "/").replace(/\/?$/, "/");
const fallback = !args["no-fallback"];

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

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function fileAt(path) {
  try {
    return (await stat(path)).isFile() ? path : null;
  } catch {
    return null;
  }
}

async function isDir(path) {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** The decoded, normalised path of a request ("/en/news/x"), or an HttpError 400. */
function requestPath(rawUrl) {
  let pathname;
  try {
    // Origin-form ("/a/b?q") is the usual case; absolute-form ("http://h/a") is allowed by HTTP.
    pathname = rawUrl.startsWith("/") ? rawUrl.replace(/[?#].*$/s, "") : new URL(rawUrl).pathname;
  } catch {
    throw new HttpError(400, "bad request: malformed URL");
  }
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, "bad request: malformed percent-encoding in the URL");
  }
  if (decoded.includes("\0")) throw new HttpError(400, "bad request: NUL in the URL");
  // Rooted, so ".." can never climb above "/"; backslashes are separators on some hosts.
  const normal = posix.normalize("/" + decoded.replaceAll("\\", "/"));
  // normalize keeps a trailing slash, which tells a folder from a file.
  return normal;
}

/** The absolute file for a site path, guaranteed to be inside `root`. */
function inRoot(sitePath) {
  const abs = resolve(join(root, sitePath));
  if (abs !== root && !abs.startsWith(root + sep)) throw new HttpError(403, "forbidden");
  return abs;
}

async function send(req, res, status, target) {
  const cache = hashed.test(target) ? "public, max-age=31536000, immutable" : "no-cache";
  const headers = { "content-type": types[extname(target)] ?? "application/octet-stream", "cache-control": cache, vary: "accept-encoding" };
  let body = await readFile(target);
  // Compressed as a CDN would, so timings on a slow connection are realistic.
  if (compressible.test(target) && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  res.writeHead(status, headers);
  res.end(body);
}

function sendText(res, status, text, extra = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-cache", ...extra }).end(text + "\n");
}

/**
 * The organiser's endpoint, as the end-to-end tests need it: every POST is
 * kept with its Idempotency-Key and answered `{"ok":true}`, unless a test
 * asked for another answer for that key. A test reads and steers it by key,
 * so tests running side by side never see each other's requests:
 *   GET  PATH/log?key=K     the POSTs with key K, as [{ key, body }]
 *   PUT  PATH/answer?key=K  the answer to K from now on: { status, type, body, delayMs }
 */
const endpointPath = typeof args.endpoint === "string" ? args.endpoint : null;
const posts = [];
const answers = new Map();

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

async function endpoint(req, res, path) {
  const key = new URL(req.url ?? "/", "http://host").searchParams.get("key");
  if (req.method === "POST" && path === endpointPath) {
    const idempotencyKey = req.headers["idempotency-key"] ?? null;
    const text = await readBody(req);
    let body = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    posts.push({ key: idempotencyKey, body });
    const answer = answers.get(idempotencyKey) ?? { status: 200, type: "application/json", body: '{"ok":true}' };
    if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
    res.writeHead(answer.status, { "content-type": answer.type, "cache-control": "no-store" }).end(answer.body);
  } else if (req.method === "GET" && path === `${endpointPath}/log`) {
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify(posts.filter((p) => p.key === key)));
  } else if (req.method === "PUT" && path === `${endpointPath}/answer` && key) {
    answers.set(key, JSON.parse(await readBody(req)));
    res.writeHead(204).end();
  } else {
    return false;
  }
  return true;
}

async function handle(req, res) {
  const path = requestPath(req.url ?? "/");
  if (endpointPath && (path === endpointPath || path.startsWith(`${endpointPath}/`)) && (await endpoint(req, res, path))) return;
  if (!path.startsWith(base) && path + "/" !== base) {
    sendText(res, 404, "outside the site's base path");
    return;
  }
  const sitePath = path.slice(base.length - 1) || "/";
  const abs = inRoot(sitePath);
  const file = await fileAt(abs);
  if (file) return send(req, res, 200, file);
  // A prerendered page: /en/news is en/news.html, as GitHub Pages, Netlify
  // and Cloudflare Pages serve it.
  const page = sitePath.endsWith("/") ? null : await fileAt(inRoot(sitePath + ".html"));
  if (page) return send(req, res, 200, page);

  const folderIndex = (await isDir(abs)) ? await fileAt(inRoot(posix.join(sitePath, "index.html"))) : null;
  if (!fallback) {
    if (folderIndex && !sitePath.endsWith("/")) {
      // As plain static hosts do: a folder's URL ends with a slash.
      const query = (req.url ?? "").match(/\?.*$/s)?.[0] ?? "";
      sendText(res, 301, "moved", { location: encodeURI(path + "/") + query });
      return;
    }
    if (folderIndex) return send(req, res, 200, folderIndex);
    const notFound = await fileAt(inRoot("/404.html"));
    if (notFound) return send(req, res, 404, notFound);
    sendText(res, 404, "not found");
    return;
  }
  if (folderIndex && sitePath.endsWith("/")) return send(req, res, 200, folderIndex);
  // Missing data files must stay 404s; anything else that is not a file is a page.
  const isAsset = /\.[a-z0-9]+$/i.test(sitePath);
  if (isAsset) {
    sendText(res, 404, "not found");
    return;
  }
  return send(req, res, 200, join(root, "index.html"));
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    const status = error instanceof HttpError ? error.status : 500;
    if (status >= 500) console.error(`serve.mjs: ${req.method} ${req.url} failed:`, error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    sendText(res, status, status >= 500 ? "internal server error" : error.message);
  });
});
// Malformed HTTP (not just a bad URL) gets a 400 and the connection closes; never a crash.
server.on("clientError", (error, socket) => {
  if (socket.writable && !socket.writableEnded) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
  else socket.destroy();
});
server.listen(port, "127.0.0.1", () =>
  console.log(`Serving ${root} at http://127.0.0.1:${port}${base}${fallback ? "" : " (no fallback: plain static host)"}`),
);
