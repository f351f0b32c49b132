/**
 * The built web app held in memory: each file with its compressed forms, its type and an ETag.
 * Hashed files under /assets/ never change, so browsers may keep them a year; index.html is
 * revalidated on every load so a new build reaches users at once.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

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

/** Every servable file of a build, keyed by URL path ("/index.html", "/assets/index-abc.js"). */
export function loadWebBuild(dir: string): Map<string, WebFile> | null {
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
      const read = (suffix: string) => (existsSync(full + suffix) ? readFileSync(full + suffix) : undefined);
      const compressible = /^(text|application\/json|image\/svg)/.test(type) && body.length >= 512;
      out.set(url, {
        body,
        gzip: compressible ? (read(".gz") ?? gzipSync(body)) : undefined,
        br: compressible ? read(".br") : undefined,
        type,
        etag: `"${createHash("sha1").update(body).digest("base64url").slice(0, 20)}"`,
        immutable: url.startsWith("/assets/"),
      });
    }
  };
  walk(dir);
  return out;
}
