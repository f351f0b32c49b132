/**
 * First-start benchmark: wall time from spawning the server to /readyz answering, and the
 * server's RSS then, for a fresh DATA_DIR / database (migrations + NQ57 seed) against a restart on
 * existing data (the baseline, in the same run). Medians of N runs per case.
 *
 *   npx tsx bench/first-start.ts [runs=3]
 *
 * PostgreSQL cases run when BENCH_DATABASE_URL (an admin URL, e.g. postgres://postgres@127.0.0.1/postgres) is set.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";

const runs = Number(process.argv[2] ?? 3);
const root = path.resolve(import.meta.dirname, "..");

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

async function startOnce(env: Record<string, string>, port: number): Promise<{ ms: number; rss: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: "ignore",
  });
  try {
    for (let i = 0; i < 1200; i++) {
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
    throw new Error("server did not become ready in 60 s");
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
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
      row.fresh.push(await startOnce({ DATA_DIR: dir }, 3900 + i));
      row.restart.push(await startOnce({ DATA_DIR: dir }, 3950 + i));
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
      row.fresh.push(await startOnce({ DATA_DIR: dir, DATABASE_URL: url.toString() }, 3800 + i));
      row.restart.push(await startOnce({ DATA_DIR: dir, DATABASE_URL: url.toString() }, 3850 + i));
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

console.log(`first start vs restart (baseline), median of ${runs} runs, spawn → /readyz 200`);
console.log("| database | first start | restart (baseline) | ratio | RSS first start | RSS restart |");
console.log("|---|---|---|---|---|---|");
for (const r of rows) {
  const f = median(r.fresh.map((x) => x.ms));
  const b = median(r.restart.map((x) => x.ms));
  console.log(
    `| ${r.backend} | ${(f / 1000).toFixed(2)} s | ${(b / 1000).toFixed(2)} s | ${(f / b).toFixed(2)}× | ${median(r.fresh.map((x) => x.rss)).toFixed(0)} MB | ${median(r.restart.map((x) => x.rss)).toFixed(0)} MB |`,
  );
}
