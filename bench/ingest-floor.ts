/**
 * What adding a month of values costs PostgreSQL before any of Chỉ Nam's work: the floor under the
 * HTTP ingest the engine benchmark measures. On the dataset `npm run bench` left (database
 * `chinam_bench_full`, or `--quick` for `chinam_bench_quick`), each step COPYs the same rows (every
 * synthetic unit × monthly indicator for one new month) inside a transaction that is rolled back,
 * so the dataset is left as it was. Steps alternate over several rounds; medians are printed.
 *
 *   npx tsx bench/ingest-floor.ts [--quick] [--rounds N]
 */
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const rounds = Number(args[args.indexOf("--rounds") + 1]) || 3;
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const url = new URL(adminUrl);
url.pathname = `/chinam_bench_${quick ? "quick" : "full"}`;
const PERIOD = "2031-01";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

async function main() {
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const cells = (
    await client.query<{ indicator_id: string; org_unit_id: string; value: string }>(
      `select indicator_id, org_unit_id, value::text from observations
       where period = (select max(period) from observations where created_by = 'bench' and period < '2026-08')
         and created_by = 'bench'`,
    )
  ).rows;
  console.log(`${cells.length} rows per step, database ${url.pathname.slice(1)}`);

  const narrow = cells.map((c) => `${c.indicator_id},${c.org_unit_id},${PERIOD},"",${c.value}\n`).join("");
  const full = cells
    .map(
      (c) =>
        `${c.indicator_id},${c.org_unit_id},${c.org_unit_id},${PERIOD},month,{},"",${c.value},submitted,1,bench,bench,2026-01-01T00:00:00Z\n`,
    )
    .join("");
  const copy = async (statement: string, body: string) =>
    pipeline(Readable.from([body]), client.query(copyFrom(statement)));

  // A table like the benchmark's baseline but holding the dataset's values already.
  const hasRaw = (await client.query("select to_regclass('bench_raw') as t")).rows[0]?.t;
  if (!hasRaw) {
    const t = performance.now();
    await client.query(`create table bench_raw (indicator_id uuid not null, org_unit_id uuid not null,
      period text not null, disagg_key text not null default '', value numeric,
      primary key (indicator_id, org_unit_id, period, disagg_key))`);
    await client.query(`insert into bench_raw select indicator_id, org_unit_id, period, disagg_key, value
      from observations where deleted_at is null`);
    await client.query("vacuum analyze bench_raw");
    console.log(`bench_raw built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }

  if (process.env.FLOOR_RAW2 && !(await client.query("select to_regclass('bench_raw2') as t")).rows[0]?.t) {
    // The same cells under a key led by the period (decision 0008).
    await client.query(`create table bench_raw2 (indicator_id uuid not null, org_unit_id uuid not null,
      period text not null, disagg_key text not null default '', value numeric,
      primary key (period, indicator_id, org_unit_id, disagg_key))`);
    await client.query(
      "insert into bench_raw2 select * from bench_raw order by period, indicator_id, org_unit_id",
    );
    await client.query("vacuum analyze bench_raw2");
  }

  const OBS = `observations (indicator_id, org_unit_id, reporter_unit_id, period, period_kind, disaggregation,
    disagg_key, value, status, version, created_by, updated_by, first_submitted_at)`;
  const steps: Record<string, () => Promise<void>> = {
    "COPY into an empty table with the cell key (engine baseline)": async () => {
      await client.query(`create temp table bc (indicator_id uuid not null, org_unit_id uuid not null,
        period text not null, disagg_key text not null default '', value numeric,
        primary key (indicator_id, org_unit_id, period, disagg_key))`);
      await copy("COPY bc FROM STDIN WITH (FORMAT csv)", narrow);
    },
    "COPY into bench_raw (the dataset's cells, same key)": () =>
      copy("COPY bench_raw FROM STDIN WITH (FORMAT csv)", narrow),
    ...(process.env.FLOOR_RAW2
      ? {
          "COPY into bench_raw2 (the same, key led by period)": () =>
            copy("COPY bench_raw2 FROM STDIN WITH (FORMAT csv)", narrow),
        }
      : {}),
    "COPY into observations (4 indexes, 3 foreign keys)": () =>
      copy(`COPY ${OBS} FROM STDIN WITH (FORMAT csv)`, full),
    "COPY into observations, foreign-key triggers off": async () => {
      await client.query("set local session_replication_role = replica");
      await copy(`COPY ${OBS} FROM STDIN WITH (FORMAT csv)`, full);
    },
    "COPY into a temp table, no index (staging)": async () => {
      await client.query(`create temp table st (indicator_id uuid, org_unit_id uuid, reporter_unit_id uuid,
        period text, period_kind text, disaggregation jsonb, disagg_key text, value numeric, status text,
        version int, created_by text, updated_by text, first_submitted_at timestamptz)`);
      await copy("COPY st FROM STDIN WITH (FORMAT csv)", full);
    },
  };
  const times: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++)
    for (const [name, step] of Object.entries(steps)) {
      await client.query("begin");
      const t = performance.now();
      await step();
      const list = times[name] ?? [];
      list.push(performance.now() - t);
      times[name] = list;
      await client.query("rollback");
    }
  const base = median(times["COPY into an empty table with the cell key (engine baseline)"] ?? []);
  for (const [name, ts] of Object.entries(times)) {
    const m = median(ts);
    console.log(
      `${name.padEnd(62)} ${m.toFixed(0).padStart(6)} ms  ${((cells.length / m) * 1000).toFixed(0).padStart(7)} rows/s  ${(base / m).toFixed(2)}× baseline`,
    );
  }
  await client.end();
}

await main();
