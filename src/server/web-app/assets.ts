/**
 * The built web app held in memory: each file with its compressed forms, its type and an ETag.
 * Hashed files under /assets/ never change, so browsers may keep them a year; index.html is
 * revalidated on every load so a new build reaches users at once. Each route gets its own copy of
 * index.html naming the chunks and style sheets of its page (route-hints.json, written by the
 * build), so the browser fetches them with the entry rather than after it.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { z } from "zod";
import { type FirstScreenStrings, firstScreenStrings } from "./first-screen.js";

export interface WebFile {
  body: Buffer;
  gzip?: Buffer;
  br?: Buffer;
  type: string;
  etag: string;
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
  ".json": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

export interface WebPage {
  /** The route's path as the app declares it ("/plans/$plan/roadmap"). */
  route: string;
  pattern: RegExp;
  file: WebFile;
}

export interface WebBuild {
  /** Every servable file, keyed by URL path ("/index.html", "/assets/index-abc.js"). */
  files: Map<string, WebFile>;
  /** index.html for each route, with its page's chunks named; /index.html serves the rest. */
  pages: WebPage[];
  /** The strings of the first screen the server draws in `/` (absent in an older build). */
  firstScreen?: FirstScreenStrings;
}

const routeHints = z.array(
  z.object({
    path: z.string().startsWith("/"),
    js: z.array(z.string().regex(/^\/assets\/[\w.-]+\.js$/)),
    css: z.array(z.string().regex(/^\/assets\/[\w.-]+\.css$/)),
  }),
);

/** "/plans/$plan/roadmap" → a pattern matching "/plans/NQ57/roadmap" (and a trailing slash). */
export function routePattern(route: string): RegExp {
  const parts = route
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith("$") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  return new RegExp(`^/${parts.join("/")}${parts.length ? "/?" : ""}$`);
}

function webFile(body: Buffer, type: string, immutable: boolean, gzip?: Buffer, br?: Buffer): WebFile {
  const compressible = /^(text|application\/json|image\/svg)/.test(type) && body.length >= 512;
  return {
    body,
    gzip: compressible ? (gzip ?? gzipSync(body)) : undefined,
    br: compressible ? br : undefined,
    type,
    etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`,
    immutable,
  };
}

/**
 * A route's index.html: its style sheets linked in the head and its chunks preloaded with them —
 * or, on a page whose first screen the server draws (`/`, decision 0017), named in a meta tag for
 * the entry to preload once that has painted (src/web/main.tsx).
 */
export function pageHtml(
  index: string,
  js: string[],
  css: string[],
  afterPaint = false,
  fonts: string[] = [],
): string {
  const links = [
    ...css.map((href) => `<link rel="stylesheet" crossorigin href="${href}">`),
    ...fonts.map((href) => `<link rel="preload" as="font" type="font/woff2" href="${href}" crossorigin="">`),
    ...(afterPaint
      ? js.length
        ? [`<meta name="chinam-page-chunks" content="${js.join(" ")}">`]
        : []
      : js.map((href) => `<link rel="modulepreload" crossorigin href="${href}">`)),
  ];
  if (!links.length) return index;
  if (index.includes("</head>")) return index.replace("</head>", `${links.join("\n    ")}\n  </head>`);
  // No head written out: the links still belong before the app's markup.
  const doctype = index.match(/^<!doctype html>/i)?.[0] ?? "";
  return doctype + links.join("") + index.slice(doctype.length);
}

/** The build in a directory (null when there is none). */
export function loadWebBuild(dir: string): WebBuild | null {
  if (!existsSync(path.join(dir, "index.html"))) return null;
  const out = new Map<string, WebFile>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) {
        walk(full);
        continue;
      }
      const ext = path.extname(name);
      const type = TYPES[ext];
      if (!type) continue; // .gz, .br, the hash stamp
      const body = readFileSync(full);
      const url = `/${path.relative(dir, full).split(path.sep).join("/")}`;
      if (url === "/route-hints.json" || url === "/first-screen.json") continue; // read below, not served
      const read = (suffix: string) => (existsSync(full + suffix) ? readFileSync(full + suffix) : undefined);
      out.set(url, webFile(body, type, url.startsWith("/assets/"), read(".gz"), read(".br")));
    }
  };
  walk(dir);
  const stringsFile = path.join(dir, "first-screen.json");
  const firstScreen = existsSync(stringsFile)
    ? firstScreenStrings.parse(JSON.parse(readFileSync(stringsFile, "utf8")))
    : undefined;
  const hintsFile = path.join(dir, "route-hints.json");
  const index = out.get("/index.html")?.body.toString("utf8") ?? "";
  const hints = existsSync(hintsFile) ? routeHints.parse(JSON.parse(readFileSync(hintsFile, "utf8"))) : [];
  const pages = hints.map((h) => {
    const home = h.path === "/";
    const html = Buffer.from(pageHtml(index, h.js, h.css, home, home ? firstScreen?.fonts : []));
    const file = webFile(html, TYPES[".html"] ?? "text/html", false, undefined, brotliCompressSync(html));
    return { route: h.path, pattern: routePattern(h.path), file };
  });
  return { files: out, pages, ...(firstScreen ? { firstScreen } : {}) };
}

/** A page built for one request (the first screen of `/`): compressed now, never cached unrevalidated. */
export function requestPage(html: string): WebFile {
  return webFile(Buffer.from(html), TYPES[".html"] ?? "text/html", false);
}
