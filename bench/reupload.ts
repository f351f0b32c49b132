/**
 * Re-upload benchmark (`npm run bench:reupload`, issue 10 item 6): how long a CSV upload of values
 * that already exist takes against one of new values, and whether /healthz keeps answering
 * meanwhile — side by side on PGlite and PostgreSQL 15 in the same run, medians of N runs.
 *
 *   npm run bench:reupload [-- runs=3]        both databases (BENCH_DATABASE_URL, default local)
 *   npm run bench:reupload -- 3 --embedded    PGlite only
 *
 * Per database: a fresh data directory / database with the NQ57 seed, 1,000 communes under Hà Nội
 * and an approver of Hà Nội. Each run takes its own monthly indicator, so its "new" rows are new:
 *
 *   new 10k        1,000 communes × 10 months, new values
 *   existing 10k   the same cells, every value changed
 *   (10k more new cells, not timed, so 20,000 exist)
 *   existing 20k   all 20,000 cells, every value changed
 *   unchanged 20k  the same upload again (nothing to write)
 *
 * /healthz is probed every 100 ms during the uploads of existing rows: the longest time without an
 * answer and the p99 latency of the probes. Targets: existing 20k ≤ 2.5× existing 10k and ≤ 3× new
 * 10k. The server runs in its own process, as `npm start` does (uploads are drafts).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Database, openDatabase } from "../src/db/client.js";
import type { OrgUnitDef } from "../src/domain/org-units/schema.js";
import { internalAdministrator } from "../src/server/access/roles.js";
import { importOrgUnits } from "../src/server/org-units/service.js";
import { seed } from "../src/server/seed/seed.js";
import { createUser, grantRole } from "../src/server/users/index.js";
import { PASSWORD, type Session, signIn } from "./session.js";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const embeddedOnly = args.includes("--embedded");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const root = path.resolve(import.meta.dirname, "..");
const PORT = Number(process.env.PORT ?? 3302);
const UNITS = 1000;
const MONTHS = Array.from(
  { length: 20 },
  (_, m) => `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`,
);
/** Monthly indicators each unit reports for itself: one per run. */
const INDICATORS = [
  "OI_DOSSIERS_ONLINE",
  "OI_DOSSIERS_TOTAL",
  "OI_EDOCS_EXCHANGED",
  "OI_DOCS_ISSUED_TOTAL",
  "OI_WORK_RECORDS_ONLINE",
  "OI_WORK_RECORDS_TOTAL",
];
const unitCode = (k: number) => `RB-HN-${k}`;
const log = (...a: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

async function prepare(database: Database): Promise<void> {
  const ctx = { actor: "bench", reason: "re-upload benchmark" };
  await database.migrate();
  await seed(database.db);
  await importOrgUnits(
    database.db,
    Array.from({ length: UNITS }, (_, k) => ({
      code: unitCode(k),
      kind: "commune",
      name: { vi: `Xã thử ${k} (benchmark)` },
      parent: "HA-NOI",
      lineage: [],
    })) as unknown as OrgUnitDef[],
    ctx,
  );
  const userId = await createUser(
    database.db,
    { username: "bench-approver", displayName: "Benchmark approver", password: PASSWORD },
    ctx,
  );
  await grantRole(
    database.db,
    internalAdministrator("bench"),
    userId,
    { role: "unit_approver", unit: "HA-NOI" },
    ctx,
  );
}

function startServer(env: Record<string, string>): ChildProcess {
  const childEnv: Record<string, string | undefined> = {
    ...process.env,
    ...env,
    PORT: String(PORT),
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    WRITE_RATE_LIMIT_PER_MINUTE: "100000",
  };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  return spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: childEnv,
    stdio: ["ignore", "inherit", "inherit"],
  });
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
}

function csv(indicator: string, months: readonly string[], bump: number): string {
  const lines = ["indicator,unit,period,value"];
  for (const [m, period] of months.entries())
    for (let k = 0; k < UNITS; k++)
      lines.push(`${indicator},${unitCode(k)},${period},${1000 + k + m + bump}`);
  return `${lines.join("\n")}\n`;
}

/** Probes /healthz every 100 ms until stopped: latencies and the longest time without an answer. */
function probeHealth() {
  const latencies: number[] = [];
  let lastAnswer = performance.now();
  let longestGap = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      try {
        await fetch(`http://127.0.0.1:${PORT}/healthz`, { signal: AbortSignal.timeout(120_000) });
        const now = performance.now();
        latencies.push(now - t0);
        longestGap = Math.max(longestGap, now - lastAnswer);
        lastAnswer = now;
      } catch {
        latencies.push(120_000);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return async () => {
    stopped = true;
    await loop;
    longestGap = Math.max(longestGap, performance.now() - lastAnswer);
    return { p99: quantile(latencies, 0.99), longestGap };
  };
}

interface Timed {
  ms: number;
  health?: { p99: number; longestGap: number };
}

async function upload(
  s: Session,
  body: string,
  expect: { imported?: number; updated?: number; unchanged?: number },
  probe: boolean,
): Promise<Timed> {
  const stop = probe ? probeHealth() : undefined;
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/observations/import`, {
    method: "POST",
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, "content-type": "text/csv" },
    body,
    signal: AbortSignal.timeout(1_800_000),
  });
  const out = (await res.json()) as Record<string, unknown>;
  const ms = performance.now() - t0;
  const health = await stop?.();
  if (!res.ok) throw new Error(`upload failed: ${res.status} ${JSON.stringify(out).slice(0, 500)}`);
  for (const [k, v] of Object.entries(expect))
    if (out[k] !== v) throw new Error(`expected ${k} = ${v}, got ${JSON.stringify(out).slice(0, 300)}`);
  return { ms, ...(health ? { health } : {}) };
}

interface Run {
  new10: Timed;
  existing10: Timed;
  existing20: Timed;
  unchanged20: Timed;
}

async function measure(label: string, env: Record<string, string>): Promise<Run[]> {
  const server = startServer(env);
  const out: Run[] = [];
  try {
    await waitReady();
    const s = await signIn(PORT, "bench-approver");
    const first = MONTHS.slice(0, 10);
    for (let r = 0; r < runs; r++) {
      const ind = INDICATORS[r % INDICATORS.length] as string;
      const n = UNITS * first.length;
      const new10 = await upload(s, csv(ind, first, 0), { imported: n }, false);
      const existing10 = await upload(s, csv(ind, first, 1), { imported: 0, updated: n }, true);
      await upload(s, csv(ind, MONTHS.slice(10), 0), { imported: n }, false);
      const existing20 = await upload(s, csv(ind, MONTHS, 2), { imported: 0, updated: 2 * n }, true);
      const unchanged20 = await upload(s, csv(ind, MONTHS, 2), { imported: 0, unchanged: 2 * n }, true);
      out.push({ new10, existing10, existing20, unchanged20 });
      log(
        `${label} run ${r + 1}: new 10k ${s1(new10.ms)}, existing 10k ${s1(existing10.ms)}, existing 20k ${s1(existing20.ms)}, unchanged 20k ${s1(unchanged20.ms)}; /healthz longest gap ${s1(existing20.health?.longestGap ?? Number.NaN)}`,
      );
    }
  } finally {
    await stopServer(server);
  }
  return out;
}

async function pglite(): Promise<Run[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-reupload-"));
  try {
    const database = await openDatabase({ dataDir: dir });
    await prepare(database);
    await database.close();
    return await measure("PGlite", { DATA_DIR: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(): Promise<Run[]> {
  const name = `chinam_reupload_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-reupload-"));
  try {
    const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    await prepare(database);
    await database.close();
    return await measure("PostgreSQL", { DATA_DIR: dir, DATABASE_URL: url.toString() });
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor(q * s.length))] as number) : Number.NaN;
}
const median = (xs: number[]) => quantile(xs, 0.5);
const s1 = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const results: [string, Run[]][] = [["PGlite", await pglite()]];
if (!embeddedOnly) results.push(["PostgreSQL", await postgres()]);

console.log(`\nre-upload of existing rows vs new rows, CSV over HTTP, median of ${runs} runs`);
console.log(
  "| database | new 10k | existing 10k | existing 20k | unchanged 20k | 20k / 10k existing | 20k existing / 10k new | /healthz longest gap (p99) |",
);
console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
for (const [name, rs] of results) {
  const m = (f: (r: Run) => number) => median(rs.map(f));
  const new10 = m((r) => r.new10.ms);
  const ex10 = m((r) => r.existing10.ms);
  const ex20 = m((r) => r.existing20.ms);
  const un20 = m((r) => r.unchanged20.ms);
  const probes = rs.flatMap((r) => [r.existing10, r.existing20, r.unchanged20]).map((t) => t.health);
  const gap = Math.max(...probes.map((h) => h?.longestGap ?? 0));
  const p99 = Math.max(...probes.map((h) => h?.p99 ?? 0));
  console.log(
    `| ${name} | ${s1(new10)} | ${s1(ex10)} | ${s1(ex20)} | ${s1(un20)} | ${(ex20 / ex10).toFixed(2)}× | ${(ex20 / new10).toFixed(2)}× | ${s1(gap)} (${s1(p99)}) |`,
  );
}
