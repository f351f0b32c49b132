/**
 * Indicator-engine benchmark (`npm run bench`): a national-scale synthetic dataset, then side by
 * side in one run —
 *
 *   1. bulk ingest through Chỉ Nam's CSV upload (validation, revisions, roll-ups, change batches,
 *      audit) vs a raw COPY of the same rows into a table with the same primary key;
 *   2. GET /api/v1/plans/NQ57/overview p50/p95 over HTTP with 10 concurrent readers while writes
 *      land, vs the same overview computed from a naive GROUP BY over the indexed raw values
 *      (both answers are checked equal);
 *   3. every read the web dashboard makes (issue 13): data quality and alerts of the last base
 *      month and of the written one (also right after a write), series, breakdown, laggards, a
 *      unit's values and completeness, the plan and its indicators; one call at a time, with the
 *      overview in the same rounds as the baseline (bench/dashboard-calls.ts);
 *   4. submission → event received p50/p95 with 1,000 SSE clients in a separate process;
 *   5. the server's peak RSS.
 *
 *   npm run bench                 10 M values on PostgreSQL (BENCH_DATABASE_URL, default local)
 *   npm run bench -- --quick      1 M values on PostgreSQL
 *   npm run bench -- --embedded   1 M values on PGlite (the embedded database)
 *   add --reuse                   keep the PostgreSQL dataset of an earlier run of the same size
 *                                 (its ingested months are removed first), skipping the load
 *   add --load-only               stop after the load and the HTTP ingest: the dataset the
 *                                 dashboard reads (bench/dashboard-reads.ts) measure, no timings
 *
 * The base dataset (provinces, communes, agencies and enterprises; the monthly NQ57 operational
 * indicators; January 2021 onward) is loaded with COPY and its roll-ups rebuilt; the measured
 * ingest adds two new months through HTTP. The last line is the BENCH summary.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql } from "drizzle-orm";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { type Database, openDatabase, queryRows } from "../src/db/client.js";
import type { CellSummary } from "../src/domain/indicator-values.js";
import type { OrgUnitDef } from "../src/domain/org-units/schema.js";
import { internalAdministrator } from "../src/server/access/roles.js";
import { planOverview } from "../src/server/dashboards/service.js";
import { importOrgUnits } from "../src/server/org-units/service.js";
import { getPlanByCode } from "../src/server/plans/queries.js";
import { rebuildRollups } from "../src/server/rollups/rebuild.js";
import { seed } from "../src/server/seed/seed.js";
import { createUser, grantRole } from "../src/server/users/index.js";
import { callTable, dashboardCalls } from "./dashboard-calls.js";
import { PASSWORD, type Session, signIn as signInAt } from "./session.js";

const signIn = (username: string) => signInAt(PORT, username);

const args = new Set(process.argv.slice(2));
const embedded = args.has("--embedded");
const quick = args.has("--quick") || embedded;
const reuse = args.has("--reuse") && !embedded;
const loadOnly = args.has("--load-only");
const mode = embedded ? "embedded" : quick ? "quick" : "full";
const TARGET_ROWS = quick ? 1_000_000 : 10_000_000;
const FIRST_MONTH = { year: 2021, month: 1 };
const MONTHS = 67; // 2021-01 .. 2027-07 would be 79; 67 ends at 2026-07
const INGEST_MONTHS = ["2026-08", "2026-09"];
/** Where the event-latency submissions go (new values each run, so each makes an event). */
const EVENT_MONTH = "2026-10";
const READERS = 10;
const READ_SECONDS = quick ? 15 : 30;
const SSE_CLIENTS = 1000;
const SUBMISSIONS = 40;
const PORT = 3900 + Math.floor(Math.random() * 90);
const root = path.resolve(import.meta.dirname, "..");
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const log = (...a: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

const admin = internalAdministrator("bench");

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "NaN");

function monthCode(k: number): string {
  const m = FIRST_MONTH.month - 1 + k;
  return `${FIRST_MONTH.year + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
}

interface Dataset {
  units: { id: string; code: string }[];
  indicators: { id: string; code: string }[];
}

/** The synthetic units: under each province, communes, agencies and enterprises. */
function syntheticUnits(provinces: string[], perProvince: number): OrgUnitDef[] {
  const out: OrgUnitDef[] = [];
  for (const p of provinces)
    for (let k = 0; k < perProvince; k++) {
      const kind = k % 10 < 4 ? "commune" : k % 10 < 7 ? "agency" : "enterprise";
      const code = `BX-${p}-${kind[0]?.toUpperCase()}${k}`;
      out.push({
        code,
        kind,
        name: { vi: `${code} (benchmark)` },
        parent: p,
        lineage: [],
      } as unknown as OrgUnitDef);
    }
  return out;
}

/** Deterministic value of a cell: a unit level, an indicator scale, a trend and some noise. */
function cellValue(unit: number, ind: number, month: number): number {
  const h = Math.imul(unit * 2654435761 + ind * 40503 + month * 97, 2246822519) >>> 0;
  return Math.round((100 + (unit % 97) * 10 + ind * 50) * (1 + month * 0.01) * (0.9 + (h % 1000) / 5000));
}

function* csvRows(ds: Dataset, months: string[], monthOffset: number, withHeader: boolean) {
  if (withHeader) yield "indicator,unit,period,value\n";
  const lines: string[] = [];
  for (let m = 0; m < months.length; m++)
    for (let u = 0; u < ds.units.length; u++) {
      for (let i = 0; i < ds.indicators.length; i++)
        lines.push(
          `${ds.indicators[i]?.code},${ds.units[u]?.code},${months[m]},${cellValue(u, i, m + monthOffset)}\n`,
        );
      if (lines.length >= 20_000) yield lines.splice(0).join("");
    }
  if (lines.length) yield lines.join("");
}

/** Rows as COPY wants them for `observations` (base data) or the baseline table. */
function* copyRows(ds: Dataset, months: string[], monthOffset: number, full: boolean) {
  const lines: string[] = [];
  for (let m = 0; m < months.length; m++)
    for (let u = 0; u < ds.units.length; u++) {
      const unit = ds.units[u] as { id: string };
      for (let i = 0; i < ds.indicators.length; i++) {
        const ind = ds.indicators[i] as { id: string };
        const v = cellValue(u, i, m + monthOffset);
        lines.push(
          full
            ? `${ind.id},${unit.id},${unit.id},${months[m]},month,{},"",${v},approved,1,bench,bench,2026-01-01T00:00:00Z\n`
            : `${ind.id},${unit.id},${months[m]},"",${v}\n`,
        );
      }
      if (lines.length >= 50_000) yield lines.splice(0).join("");
    }
  if (lines.length) yield lines.join("");
}

const OBS_COLUMNS =
  "indicator_id, org_unit_id, reporter_unit_id, period, period_kind, disaggregation, disagg_key, value, status, version, created_by, updated_by, first_submitted_at";
const BASELINE_TABLE = `create table if not exists bench_copy (indicator_id uuid not null, org_unit_id uuid not null,
  period text not null, disagg_key text not null default '', value numeric,
  primary key (indicator_id, org_unit_id, period, disagg_key))`;

async function copyInto(
  database: Database,
  table: string,
  columns: string,
  chunks: Iterable<string>,
): Promise<void> {
  const statement = `COPY ${table} (${columns}) FROM STDIN WITH (FORMAT csv)`;
  if (database.kind === "pglite") {
    const pglite = database.pglite;
    if (!pglite) throw new Error("no PGlite");
    let batch: string[] = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      await pglite.query(statement.replace("STDIN", "'/dev/blob'"), [], { blob: new Blob(batch) });
      batch = [];
      size = 0;
    };
    for (const c of chunks) {
      batch.push(c);
      size += c.length;
      if (size > 64 * 1024 * 1024) await flush();
    }
    await flush();
    return;
  }
  const client = await (database.pool as pg.Pool).connect();
  try {
    await pipeline(Readable.from(chunks), client.query(copyFrom(statement)));
  } finally {
    client.release();
  }
}

async function prepare(database: Database) {
  const db = database.db;
  await database.migrate();
  const reusing =
    reuse &&
    ((
      await queryRows<{ n: number }>(db, sql`select count(*)::int as n from org_units where code like 'BX-%'`)
    )[0]?.n ?? 0) > 0;
  if (!reusing) await seed(db);
  const provinces = (
    await queryRows<{ code: string }>(
      db,
      sql`select code from org_units where kind = 'province' and valid_to is null order by code`,
    )
  ).map((r) => r.code);
  const indicators = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from indicators where tier = 'operational' and frequency = 'monthly' and retired_at is null
        and aggregation <> 'ratio_of_sums' order by code`,
  );
  // Since issue 10 some of these are reported by their responsible body, not by each unit. The
  // benchmark measures units reporting their own figures, so its copy of the plan says so.
  await db.execute(
    sql`update indicators set reported_by = 'unit' where reported_by <> 'unit'
        and id = any(${`{${indicators.map((i) => i.id).join(",")}}`}::uuid[])`,
  );
  const months = Array.from({ length: MONTHS }, (_, k) => monthCode(k));
  if (reusing) {
    // The months the run writes go, values and their cells (cells are per period, so this is
    // exactly what a rebuild would leave).
    const t = performance.now();
    const written = `{${[...INGEST_MONTHS, EVENT_MONTH].join(",")}}`;
    await db.execute(sql`delete from observations where period = any(${written}::text[])`);
    await db.execute(sql`delete from rollup_cells where period = any(${written}::text[])`);
    await db.execute(sql`delete from value_imports`);
    await db.execute(sql`delete from import_batches`);
    await db.execute(sql`vacuum analyze observations`);
    await db.execute(sql`vacuum analyze rollup_cells`);
    log(`reusing the dataset: ingested months removed in ${fmt((performance.now() - t) / 1000)} s`);
  } else {
    const perProvince = Math.ceil(TARGET_ROWS / (indicators.length * MONTHS) / provinces.length);
    log(
      `units: ${provinces.length} provinces × ${perProvince} (communes, agencies, enterprises); ${indicators.length} monthly indicators; ${MONTHS} months`,
    );
    const t0 = performance.now();
    await importOrgUnits(db, syntheticUnits(provinces, perProvince), {
      actor: "bench",
      reason: "benchmark units",
    });
    log(`units imported in ${fmt((performance.now() - t0) / 1000)} s`);
  }
  const units = await queryRows<{ id: string; code: string }>(
    db,
    sql`select id, code from org_units where code like 'BX-%' order by code`,
  );
  const ds: Dataset = { units, indicators };
  if (!reusing) {
    const t1 = performance.now();
    await copyInto(database, "observations", OBS_COLUMNS, copyRows(ds, months, 0, true));
    await db.execute(sql`insert into observation_revisions (observation_id, version, value, value_bool, status, changed_by, valid_from)
      select id, 1, value, value_bool, status, created_by, created_at from observations where created_by = 'bench'`);
    log(`base values loaded in ${fmt((performance.now() - t1) / 1000)} s (COPY + revisions)`);
  }
  // A load interrupted after its values were copied is completed here on --reuse: the roll-ups
  // are rebuilt when there are none (one transaction, so never half-built).
  const [cellRows] = await queryRows<{ any: boolean }>(
    db,
    sql`select exists (select 1 from rollup_cells) as any`,
  );
  if (!reusing || !cellRows?.any) {
    const t2 = performance.now();
    const cells = await db.transaction(async (tx) => {
      // The rebuild's GROUP BY sorts every value with each ancestor: in memory, not on disk.
      if (database.kind !== "pglite") await tx.execute(sql`set local work_mem = '1GB'`);
      return rebuildRollups(tx);
    });
    await db.execute(sql`analyze`);
    log(`roll-ups rebuilt: ${cells.cells} cells in ${fmt((performance.now() - t2) / 1000)} s`);
  }
  const [n] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from observations`);
  log(`base values: ${n?.n}`);

  // The baseline: a raw COPY of the rows the HTTP ingest will send, into a table with the same key.
  await db.execute(sql.raw(BASELINE_TABLE));
  await db.execute(sql`truncate bench_copy`);
  const t3 = performance.now();
  await copyInto(
    database,
    "bench_copy",
    "indicator_id, org_unit_id, period, disagg_key, value",
    copyRows(ds, INGEST_MONTHS, MONTHS, false),
  );
  const copySeconds = (performance.now() - t3) / 1000;
  const copyRowsN = INGEST_MONTHS.length * units.length * indicators.length;
  await db.execute(sql`drop table bench_copy`);

  const ctx = { actor: "bench", reason: "benchmark" };
  const [users] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from users where username in ('bench-writer', 'bench-viewer')`,
  );
  if (users?.n === 2) return { ds, baseRows: n?.n ?? 0, copyRate: copyRowsN / copySeconds, copyRowsN };
  // A writer for every synthetic unit: the approver of each province.
  const userId = await createUser(
    db,
    { username: "bench-writer", displayName: "Benchmark writer", password: PASSWORD },
    ctx,
  );
  for (const p of provinces) await grantRole(db, admin, userId, { role: "unit_approver", unit: p }, ctx);
  // Dashboard viewers: a Standing Office member (one plan-wide grant, like the Steering Committee's people).
  const viewerId = await createUser(
    db,
    { username: "bench-viewer", displayName: "Benchmark viewer", password: PASSWORD },
    ctx,
  );
  await grantRole(db, admin, viewerId, { role: "standing_office", plan: "NQ57" }, ctx);
  return { ds, baseRows: n?.n ?? 0, copyRate: copyRowsN / copySeconds, copyRowsN };
}

function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      WRITE_RATE_LIMIT_PER_MINUTE: "100000",
      MAX_UPLOAD_MB: "1024",
      DATABASE_POOL_SIZE: "12",
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
}

async function waitReady(): Promise<void> {
  for (let i = 0; i < 2400; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the server did not start");
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

const api = (s: Session, url: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${PORT}${url}`, {
    ...init,
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, ...(init.headers as Record<string, string>) },
  });

async function ingest(s: Session, ds: Dataset) {
  let rows = 0;
  const t0 = performance.now();
  for (let m = 0; m < INGEST_MONTHS.length; m++) {
    const body = [...csvRows(ds, [INGEST_MONTHS[m] as string], MONTHS + m, true)].join("");
    const res = await api(s, "/api/v1/observations/import?submit=true", {
      method: "POST",
      headers: { "content-type": "text/csv", "idempotency-key": `bench-${INGEST_MONTHS[m]}-${Date.now()}` },
      body,
    });
    const out = (await res.json()) as { imported?: number; error?: unknown };
    if (!res.ok) throw new Error(`upload failed: ${res.status} ${JSON.stringify(out).slice(0, 500)}`);
    rows += out.imported ?? 0;
  }
  return { rows, rate: rows / ((performance.now() - t0) / 1000) };
}

async function overviewUnderLoad(s: Session, viewer: Session, ds: Dataset) {
  const latencies: number[] = [];
  const stopAt = Date.now() + READ_SECONDS * 1000;
  let writes = 0;
  const writer = (async () => {
    let k = 0;
    while (Date.now() < stopAt) {
      const unit = ds.units[k % ds.units.length]?.code;
      const ind = ds.indicators[k % ds.indicators.length]?.code;
      const res = await api(s, "/api/v1/observations/bulk?submit=true", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ items: [{ indicator: ind, unit, period: "2026-09", value: 1000 + k }] }),
      });
      if (res.ok) writes++;
      await res.arrayBuffer();
      k++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const readers = Array.from({ length: READERS }, async () => {
    while (Date.now() < stopAt) {
      const t = performance.now();
      const res = await api(viewer, "/api/v1/plans/NQ57/overview?basis=reported");
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`overview: ${res.status}`);
      latencies.push(performance.now() - t);
    }
  });
  await Promise.all([writer, ...readers]);
  return { latencies, writes };
}

/** Submission → event received, with SSE_CLIENTS clients connected from another process. */
async function eventLatency(s: Session, viewer: Session, ds: Dataset): Promise<number[]> {
  const resultFile = path.join(tmpdir(), `chinam-sse-${process.pid}.json`);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "sse-clients.ts")],
    {
      cwd: root,
      env: {
        ...process.env,
        BENCH_URL: `http://127.0.0.1:${PORT}/api/v1/events`,
        BENCH_COOKIE: viewer.cookie,
        BENCH_CLIENTS: String(SSE_CLIENTS),
        BENCH_OUT: resultFile,
      },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  let out = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      out += d.toString();
      if (out.includes("READY")) resolve();
    });
    child.on("exit", (code) => reject(new Error(`SSE clients exited (${code})`)));
  });
  await ready;
  log(`${SSE_CLIENTS} SSE clients connected`);
  const sent = new Map<string, number>();
  for (let k = 0; k < SUBMISSIONS; k++) {
    const unit = ds.units[(k * 7) % ds.units.length]?.code as string;
    const ind = ds.indicators[k % ds.indicators.length]?.code as string;
    const t0 = Date.now();
    // A submission: the approver enters and submits the value in one step.
    const res = await api(s, "/api/v1/observations/bulk?submit=true", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ items: [{ indicator: ind, unit, period: EVENT_MONTH, value: 5000 + k }] }),
    });
    const out = await res.json();
    if (!res.ok) throw new Error(`submission failed ${res.status} ${JSON.stringify(out)}`);
    sent.set(`${ind}|${unit}|${EVENT_MONTH}`, t0);
    await new Promise((r) => setTimeout(r, 150));
  }
  await new Promise((r) => setTimeout(r, 1500));
  const done = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  child.stdin?.end("DONE\n");
  await done;
  const received = JSON.parse(readFileSync(resultFile, "utf8")) as Record<string, number[]>;
  rmSync(resultFile, { force: true });
  const latencies: number[] = [];
  let missing = 0;
  for (const [id, t0] of sent) {
    const times = received[id] ?? [];
    missing += SSE_CLIENTS - times.length;
    for (const t of times) latencies.push(t - t0);
  }
  if (missing > 0) log(`WARNING: ${missing} deliveries missing`);
  return latencies;
}

/** The overview's country cells by a naive GROUP BY over the raw values (no roll-up tables). */
function naiveCells(database: Database, layer: "approved" | "reported") {
  return async (cat: { byId: Map<string, { code: string }> }, unitId: string) => {
    const rows = await queryRows<{
      indicator_id: string;
      period: string;
      count: number;
      sum: number;
      weight_sum: number;
      weighted_sum: number;
      min: number;
      max: number;
      latest: number;
      latest_at: number;
      own_count: number;
      own_sum: number;
    }>(
      database.db,
      sql`select v.indicator_id, v.period, count(*)::int as count, sum(v.v) as sum, sum(v.w) as weight_sum,
            sum(v.v * v.w) as weighted_sum, min(v.v) as min, max(v.v) as max,
            (array_agg(v.v order by v.at desc, v.v desc))[1] as latest, max(v.at) as latest_at,
            count(*) filter (where v.org_unit_id = ${unitId})::int as own_count,
            coalesce(sum(v.v) filter (where v.org_unit_id = ${unitId}), 0) as own_sum
          from rollup_values v where v.layer = ${layer} and v.disagg_key = ''
          group by v.indicator_id, v.period`,
    );
    const map = new Map<string, Map<string, CellSummary>>();
    for (const r of rows) {
      const code = cat.byId.get(r.indicator_id)?.code;
      if (!code) continue;
      const m = map.get(code) ?? new Map<string, CellSummary>();
      m.set(r.period, {
        count: Number(r.count),
        sum: Number(r.sum),
        weightSum: Number(r.weight_sum),
        weightedSum: Number(r.weighted_sum),
        min: Number(r.min),
        max: Number(r.max),
        latest: Number(r.latest),
        latestAt: Number(r.latest_at),
        ownCount: Number(r.own_count),
        ownSum: Number(r.own_sum),
      });
      map.set(code, m);
    }
    return {
      cell: (code: string, period: string) => map.get(code)?.get(period),
      periods: (code: string) => [...(map.get(code)?.keys() ?? [])],
    };
  };
}

/** What both overviews must agree on. */
function essence(o: {
  targets: {
    code: string;
    status: string;
    latest: { period: string; value: number } | null;
    measuredBy: { code: string; status: string; latest: { value: number } | null }[];
  }[];
}) {
  return o.targets.map((t) => ({
    code: t.code,
    status: t.status,
    latest: t.latest ? `${t.latest.period}=${t.latest.value.toPrecision(9)}` : null,
    kpis: t.measuredBy.map((k) => `${k.code}:${k.status}:${k.latest ? k.latest.value.toPrecision(9) : "-"}`),
  }));
}

async function main() {
  log(`Chỉ Nam engine benchmark — mode ${mode}, target ${TARGET_ROWS.toLocaleString("en")} values`);
  let database: Database;
  let serverEnv: Record<string, string>;
  let dataDir: string | undefined;
  let benchDbName: string | undefined;
  if (embedded) {
    dataDir = mkdtempSync(path.join(tmpdir(), "chinam-bench-"));
    database = await openDatabase({ dataDir });
    serverEnv = { DATA_DIR: dataDir };
    delete process.env.DATABASE_URL;
  } else {
    benchDbName = `chinam_bench_${mode}`;
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    const exists = (await a.query("select 1 from pg_database where datname = $1", [benchDbName])).rowCount;
    if (!reuse || !exists) {
      await a.query(`drop database if exists ${benchDbName} with (force)`);
      await a.query(`create database ${benchDbName}`);
    }
    await a.end();
    const u = new URL(adminUrl);
    u.pathname = `/${benchDbName}`;
    database = await openDatabase({ databaseUrl: u.toString(), poolSize: 4 });
    serverEnv = { DATABASE_URL: u.toString() };
  }
  const prep = await prepare(database);
  log(`baseline COPY: ${prep.copyRowsN} rows at ${fmt(prep.copyRate, 0)} rows/s`);
  await database.close();

  const server = startServer(serverEnv);
  let rss = 0;
  try {
    await waitReady();
    const s = await signIn("bench-writer");
    const viewer = await signIn("bench-viewer");
    const ing = await ingest(s, prep.ds);
    log(
      `HTTP ingest: ${ing.rows} rows at ${fmt(ing.rate, 0)} rows/s (vs COPY ${fmt(prep.copyRate, 0)} rows/s)`,
    );
    if (loadOnly) {
      log("--load-only: dataset ready, stopping before the measurements");
      server.kill("SIGTERM");
      await new Promise((r) => server.on("exit", r));
      return;
    }
    // Warm up, then measure under load.
    for (let i = 0; i < 3; i++)
      await (await api(viewer, "/api/v1/plans/NQ57/overview?basis=reported")).arrayBuffer();
    const ov = await overviewUnderLoad(s, viewer, prep.ds);
    log(
      `overview under load: ${ov.latencies.length} reads by ${READERS} readers, ${ov.writes} writes landed`,
    );
    const calls = await dashboardCalls(
      (url) => api(viewer, url),
      async (k) => {
        // A new cell each time, in the month the event latency writes later (removed again by
        // --reuse), from the last unit back (the event latency writes from the first on).
        const res = await api(s, "/api/v1/observations/bulk?submit=true", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            items: [
              {
                indicator: prep.ds.indicators[k % prep.ds.indicators.length]?.code,
                unit: prep.ds.units[prep.ds.units.length - 1 - k]?.code,
                period: EVENT_MONTH,
                value: 7000 + k,
              },
            ],
          }),
        });
        if (!res.ok) throw new Error(`write: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      },
      { base: monthCode(MONTHS - 1), full: INGEST_MONTHS[1] as string, open: EVENT_MONTH },
      prep.ds.units[0]?.code as string,
    );
    const table = callTable(calls);
    log(`dashboard calls (one at a time, Standing Office viewer, ${calls.times.overview?.length} rounds):`);
    for (const line of table.lines) console.log(`    ${line}`);
    const q95 = (name: string) => quantile(calls.times[name] ?? [], 0.95);
    const events = await eventLatency(s, viewer, prep.ds);
    // The answer to compare with the naive one, once every write has landed.
    const httpOverview = await (await api(viewer, "/api/v1/plans/NQ57/overview?basis=reported")).json();
    rss = peakRssMb(server.pid as number);
    server.kill("SIGTERM");
    await new Promise((r) => server.on("exit", r));

    // The naive way: the same overview from a GROUP BY over raw values.
    const again = embedded
      ? await openDatabase({ dataDir: dataDir as string })
      : await openDatabase({ databaseUrl: serverEnv.DATABASE_URL, poolSize: 2 });
    const plan = await getPlanByCode(again.db, "NQ57");
    const naive: number[] = [];
    let naiveOverview: unknown;
    const runs = quick ? 10 : 5;
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      naiveOverview = await planOverview(
        again.db,
        plan.id,
        admin,
        "reported",
        new Date(),
        naiveCells(again, "reported"),
      );
      naive.push(performance.now() - t);
    }
    const sameAnswer =
      JSON.stringify(essence(naiveOverview as Parameters<typeof essence>[0])) ===
      JSON.stringify(essence(httpOverview as Parameters<typeof essence>[0]));
    await again.close();
    if (!sameAnswer) {
      console.error("MISMATCH between the roll-up overview and the naive GROUP BY");
      console.error(JSON.stringify(essence(httpOverview)).slice(0, 2000));
      console.error(JSON.stringify(essence(naiveOverview as Parameters<typeof essence>[0])).slice(0, 2000));
    }
    const o50 = quantile(ov.latencies, 0.5);
    const o95 = quantile(ov.latencies, 0.95);
    const n50 = quantile(naive, 0.5);
    const n95 = quantile(naive, 0.95);
    const e50 = quantile(events, 0.5);
    const e95 = quantile(events, 0.95);
    const ingestRatio = ing.rate / prep.copyRate;
    console.log("");
    console.log(
      `mode                ${mode} (${embedded ? "PGlite" : "PostgreSQL"}), ${prep.baseRows.toLocaleString("en")} base values + ${ing.rows.toLocaleString("en")} ingested`,
    );
    console.log(
      `ingest              Chỉ Nam HTTP ${fmt(ing.rate, 0)} rows/s | raw COPY ${fmt(prep.copyRate, 0)} rows/s | ratio ${fmt(ingestRatio, 3)}`,
    );
    console.log(
      `overview            roll-ups p50 ${fmt(o50)} ms p95 ${fmt(o95)} ms (HTTP, ${READERS} readers, writes landing) | naive GROUP BY p50 ${fmt(n50)} ms p95 ${fmt(n95)} ms | speedup ${fmt(n95 / o95)}x | same answer: ${sameAnswer ? "yes" : "NO"}`,
    );
    console.log(
      `events              submission → received p50 ${fmt(e50)} ms p95 ${fmt(e95)} ms (${SSE_CLIENTS} SSE clients, ${SUBMISSIONS} submissions)`,
    );
    console.log(
      `dashboard calls     slowest p95 ${fmt(table.worstP95)} ms | data quality ${monthCode(MONTHS - 1)} p95 ${fmt(q95(`data quality ${monthCode(MONTHS - 1)}`))} ms | alerts p95 ${fmt(q95("alerts"))} ms | overview in the same rounds p95 ${fmt(q95("overview"))} ms (one call at a time) | all ≤ 100 ms: ${table.allMet ? "yes" : "no"}`,
    );
    console.log(`server peak RSS     ${fmt(rss, 0)} MB`);
    console.log(
      `BENCH rows=${prep.baseRows + ing.rows} ingest_ratio=${fmt(ingestRatio, 3)} overview_p95_ms=${fmt(o95)} naive_p95_ms=${fmt(n95)} overview_speedup=${fmt(n95 / o95)} event_p95_ms=${fmt(e95)} quality_p95_ms=${fmt(q95(`data quality ${monthCode(MONTHS - 1)}`))} alerts_p95_ms=${fmt(q95("alerts"))} dashboard_worst_p95_ms=${fmt(table.worstP95)} rss_mb=${fmt(rss, 0)}`,
    );
    if (!sameAnswer) process.exitCode = 1;
  } finally {
    if (server.exitCode === null) server.kill("SIGKILL");
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
