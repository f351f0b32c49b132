/**
 * First-start benchmark: wall time from spawning the server to /readyz answering, and the
 * server's RSS then, for a fresh DATA_DIR / database (migrations + NQ57 seed) against a restart on
 * existing data (the baseline, in the same run). Medians of N runs per case.
 *
 *   npx tsx bench/first-start.ts [runs=3] [--demo]
 *
 * `--demo` starts `npm run demo` instead (its first start also writes the demo values).
 *
 * PostgreSQL cases run when BENCH_DATABASE_URL (an admin URL, e.g. postgres://postgres@127.0.0.1/postgres) is set.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const demo = args.includes("--demo");
/** Servers start one after the other on PORT … PORT + 3. */
const PORT = Number(process.env.PORT ?? 3900);
const entry = demo ? "src/cli/demo.ts" : "src/server/main.ts";
const root = path.resolve(import.meta.dirname, "..");

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function startOnce(env: Record<string, string>, port: number): Promise<{ ms: number; rss: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...(demo ? { DEMO_PASSWORD: "Bench-demo-password-2026" } : {}),
    },
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  let gone: number | null | undefined;
  void exited.then((code) => {
    gone = code;
  });
  try {
    // A busy machine (shared cores) may take minutes: wait up to 10 minutes.
    for (let i = 0; i < 12_000 && gone === undefined; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.ok) {
          const ms = performance.now() - t0;
          return { ms, rss: rssMb(child.pid as number) };
        }
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(gone === undefined ? "server did not become ready in 600 s" : `server exited (${gone})`);
  } finally {
    if (gone === undefined) child.kill("SIGTERM");
    await exited;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

interface Row {
  backend: string;
  fresh: { ms: number; rss: number }[];
  restart: { ms: number; rss: number }[];
}

async function pglite(): Promise<Row> {
  const row: Row = { backend: "PGlite", fresh: [], restart: [] };
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), "chinam-bench-"));
    try {
      row.fresh.push(await startOnce({ DATA_DIR: dir }, PORT));
      row.restart.push(await startOnce({ DATA_DIR: dir }, PORT + 1));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return row;
}

async function postgres(adminUrl: string): Promise<Row> {
  const row: Row = { backend: "PostgreSQL", fresh: [], restart: [] };
  for (let i = 0; i < runs; i++) {
    const name = `chinam_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const dir = mkdtempSync(path.join(tmpdir(), "chinam-bench-"));
    try {
      const db = { DATA_DIR: dir, [demo ? "DEMO_DATABASE_URL" : "DATABASE_URL"]: url.toString() };
      row.fresh.push(await startOnce(db, PORT + 2));
      row.restart.push(await startOnce(db, PORT + 3));
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return row;
}

const rows = [await pglite()];
if (process.env.BENCH_DATABASE_URL) rows.push(await postgres(process.env.BENCH_DATABASE_URL));

console.log(
  `${demo ? "demo " : ""}first start vs restart (baseline), median of ${runs} runs, spawn → /readyz 200`,
);
console.log("| database | first start | restart (baseline) | ratio | RSS first start | RSS restart |");
console.log("|---|---|---|---|---|---|");
for (const r of rows) {
  const f = median(r.fresh.map((x) => x.ms));
  const b = median(r.restart.map((x) => x.ms));
  console.log(
    `| ${r.backend} | ${(f / 1000).toFixed(2)} s | ${(b / 1000).toFixed(2)} s | ${(f / b).toFixed(2)}× | ${median(r.fresh.map((x) => x.rss)).toFixed(0)} MB | ${median(r.restart.map((x) => x.rss)).toFixed(0)} MB |`,
  );
}
