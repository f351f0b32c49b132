/**
 * Times the data-quality answer (`GET /plans/NQ57/data-quality?period=`) in-process on the dataset
 * `npm run bench` left, as the benchmark's Standing Office viewer: three runs for one period.
 *
 *   npx tsx bench/quality-timing.ts [--quick] [period, default 2026-07]
 */
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "../src/db/client.js";
import { parsePeriod } from "../src/domain/periods.js";
import { loadUserPrincipal } from "../src/server/auth/principal.js";
import { getPlanByCode } from "../src/server/plans/queries.js";
import { dataQuality } from "../src/server/quality/service.js";

const args = process.argv.slice(2);
const period = args.find((a) => !a.startsWith("--")) ?? "2026-07";
const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
url.pathname = `/chinam_bench_${args.includes("--quick") ? "quick" : "full"}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
const db = database.db;
const [viewer] = await queryRows<{ id: string }>(
  db,
  sql`select id from users where username = 'bench-viewer'`,
);
const principal = viewer ? await loadUserPrincipal(db, viewer.id, null) : undefined;
if (!principal) throw new Error("no bench-viewer: run npm run bench first");
const plan = await getPlanByCode(db, "NQ57");
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const answer = await dataQuality(db, plan, parsePeriod(period), principal);
  console.log(
    `data quality ${period}: ${(performance.now() - t).toFixed(0)} ms, ${answer.flagged.total} values flagged`,
  );
}
await database.close();
