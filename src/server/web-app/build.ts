/**
 * Builds the web app when its build is missing or older than its sources, so `npm install && npm
 * start` serves it with no other step. The build records a hash of everything it is made from
 * (src/web, src/contracts, src/domain, package-lock.json); a start with an equal hash skips the
 * build. After building, each asset is also written compressed (.br, .gz) for the server to send.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const webDist = path.join(root, "dist", "web");
const HASH_FILE = ".source-hash";
const SOURCES = ["src/web", "src/contracts", "src/domain", "package-lock.json"];

function files(p: string, out: string[]): string[] {
  if (!existsSync(p)) return out;
  const st = statSync(p);
  if (st.isFile()) {
    if (!p.endsWith(".test.ts")) out.push(p);
    return out;
  }
  for (const name of readdirSync(p).sort()) if (name !== "node_modules") files(path.join(p, name), out);
  return out;
}

export function sourceHash(): string {
  const h = createHash("sha256");
  for (const rel of SOURCES)
    for (const f of files(path.join(root, rel), [])) {
      h.update(path.relative(root, f));
      h.update(readFileSync(f));
    }
  return h.digest("hex");
}

export function webBuildIsCurrent(): boolean {
  const stamp = path.join(webDist, HASH_FILE);
  return existsSync(stamp) && readFileSync(stamp, "utf8").trim() === sourceHash();
}

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|map)$/;

function compressAssets(dir: string): void {
  for (const f of files(dir, [])) {
    if (!COMPRESSIBLE.test(f)) continue;
    const raw = readFileSync(f);
    if (raw.length < 512) continue;
    writeFileSync(`${f}.gz`, gzipSync(raw, { level: 9 }));
    writeFileSync(`${f}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  }
}

function swapIn(tmp: string): void {
  const old = `${webDist}.old-${process.pid}-${Date.now()}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if (existsSync(webDist)) renameSync(webDist, old);
      renameSync(tmp, webDist);
      break;
    } catch (err) {
      // Another build swapped its own in between our two renames: try again.
      if (attempt >= 5) throw err;
    }
  }
  rmSync(old, { recursive: true, force: true });
}

export interface WebBuildOutcome {
  built: boolean;
  ms: number;
}

/** Builds when stale (or when forced); returns whether it built and how long it took. */
export async function ensureWebBuild(opts: { force?: boolean; log?: (line: string) => void } = {}) {
  const t0 = performance.now();
  const hash = sourceHash();
  const stamp = path.join(webDist, HASH_FILE);
  if (!opts.force && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash)
    return { built: false, ms: performance.now() - t0 } satisfies WebBuildOutcome;
  opts.log?.("Building the web app (its sources changed since the last build)…");
  // Vite is loaded only to build: a start with a current build never pays for it.
  const { build } = await import("vite");
  // Built beside dist/web and swapped in whole: a server starting meanwhile (or a second build
  // running at the same time) never reads a half-written directory.
  const tmp = `${webDist}.building-${process.pid}-${Date.now()}`;
  try {
    await build({
      configFile: path.join(root, "src", "web", "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: tmp, emptyOutDir: true },
    });
    compressAssets(tmp);
    writeFileSync(path.join(tmp, HASH_FILE), `${hash}\n`);
    swapIn(tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return { built: true, ms: performance.now() - t0 } satisfies WebBuildOutcome;
}
