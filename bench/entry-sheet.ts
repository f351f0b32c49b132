/**
 * The entry sheet at the size issue 14 names (200 indicators × the month and the 12 before it):
 * GET /org-units/HA-NOI/entry side by side with GET /observations for the same unit and month (the
 * values alone: no definitions, history, flags or locks), over HTTP, one call at a time, as the
 * Hà Nội reporter. A fresh database each run: PostgreSQL (`chinam_bench_entry` at
 * BENCH_DATABASE_URL, default the local server) or, with `--embedded`, PGlite in memory.
 *
 *   npx tsx bench/entry-sheet.ts [--embedded] [--calls N]
 */
import type { AddressInfo } from "node:net";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { buildApp } from "../src/server/app.js";
import { loadConfig } from "../src/server/core/config.js";
import { seed } from "../src/server/seed/seed.js";
import { ensureDemoAccounts } from "../src/server/users/demo-accounts.js";
import { createEntryPlan, entryItems, entryMonths } from "../test/helpers/entry-fixture.js";
import { PASSWORD, signIn } from "./session.js";

const args = process.argv.slice(2);
const embedded = args.includes("--embedded");
const calls = Number(args[args.indexOf("--calls") + 1] ?? 0) || 60;

async function freshDatabase() {
  if (embedded) return openDatabase({ inMemory: true });
  const admin = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query("drop database if exists chinam_bench_entry with (force)");
  await client.query("create database chinam_bench_entry");
  await client.end();
  admin.pathname = "/chinam_bench_entry";
  return openDatabase({ databaseUrl: admin.toString(), poolSize: 4 });
}

const database = await freshDatabase();
await database.migrate();
await seed(database.db);
await ensureDemoAccounts(database.db, PASSWORD);
const { indicators } = await createEntryPlan(database.db, "E200", 200);
const config = loadConfig({
  SESSION_SECRET: "x".repeat(40),
  LOG_LEVEL: "warn",
  DATA_DIR: "/tmp/chinam-bench-entry",
  WRITE_RATE_LIMIT_PER_MINUTE: "100000",
});
const app = await buildApp({ config, database, logger: false, web: null });
await app.listen({ port: 0, host: "127.0.0.1" });
const port = (app.server.address() as AddressInfo).port;
try {
  const reporter = await signIn(port, "demo-reporter-hanoi");
  const months = entryMonths(12);
  const month = months.at(-1) as string;
  const headers = { cookie: reporter.cookie, "x-csrf-token": reporter.csrf };
  const bulk = await fetch(`http://127.0.0.1:${port}/api/v1/observations/bulk`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ items: entryItems(indicators, "HA-NOI", months) }),
  });
  if (!bulk.ok) throw new Error(`bulk: ${bulk.status} ${await bulk.text()}`);

  const urls = {
    "entry sheet": `/api/v1/org-units/HA-NOI/entry?plan=E200&period=${month}`,
    "GET /observations (baseline)": `/api/v1/observations?unit=HA-NOI&from=${month}&to=${month}&limit=1000`,
  };
  const time = async (url: string) => {
    const t = performance.now();
    const res = await fetch(`http://127.0.0.1:${port}${url}`, {
      headers: { cookie: reporter.cookie, "accept-encoding": "gzip" },
    });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return { ms: performance.now() - t, bytes: body.byteLength };
  };
  const times: Record<string, number[]> = {};
  const bytes: Record<string, number> = {};
  for (const [name, url] of Object.entries(urls)) {
    for (let k = 0; k < 5; k++) await time(url); // warm-up
    times[name] = [];
  }
  for (let k = 0; k < calls; k++)
    for (const [name, url] of Object.entries(urls)) {
      const r = await time(url);
      times[name]?.push(r.ms);
      bytes[name] = r.bytes;
    }
  const q = (xs: number[], p: number) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
  };
  const base = times["GET /observations (baseline)"] ?? [];
  console.log(
    `${embedded ? "PGlite" : "PostgreSQL"}, 200 indicators × ${months.length} months of HA-NOI, ${calls} calls each, period ${month}`,
  );
  console.log("call                             p50 ms   p95 ms   p50/baseline   JSON bytes");
  for (const [name, xs] of Object.entries(times))
    console.log(
      `${name.padEnd(32)} ${q(xs, 0.5).toFixed(1).padStart(6)} ${q(xs, 0.95).toFixed(1).padStart(8)} ${`${(q(xs, 0.5) / q(base, 0.5)).toFixed(2)}x`.padStart(14)}   ${bytes[name]}`,
    );
} finally {
  await app.close();
  await database.close();
  if (!embedded) {
    const admin = new pg.Client({
      connectionString: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    });
    await admin.connect();
    await admin.query("drop database if exists chinam_bench_entry with (force)");
    await admin.end();
  }
}
