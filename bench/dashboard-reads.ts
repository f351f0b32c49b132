/**
 * The dashboard calls of the engine benchmark alone (bench/dashboard-calls.ts), on the dataset a
 * `npm run bench` left: a server on `chinam_bench_full` (or `--quick`), the Standing Office viewer
 * reading one call at a time, the approver writing the values that precede the after-write reads.
 * With `--cpu-prof DIR` the server writes a V8 CPU profile there. For finding and checking fixes
 * between full runs; the recorded figures come from `npm run bench -- --reuse`.
 *
 *   npx tsx bench/dashboard-reads.ts [--quick] [--calls N] [--cpu-prof DIR] [--database NAME]
 *
 * `--database` reads another copy of the dataset (for instance one kept at the schema of the
 * code before a change, to measure both on the same data: `create database … template …`).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { callTable, dashboardCalls } from "./dashboard-calls.js";
import { type Session, signIn as signInAt } from "./session.js";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const profileDir = option("--cpu-prof");
const PORT = 3900 + Math.floor(Math.random() * 90);
const url = new URL(process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres");
url.pathname = `/${option("--database") ?? `chinam_bench_${args.includes("--quick") ? "quick" : "full"}`}`;

const server = spawn(
  process.execPath,
  [
    ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []),
    "--import",
    "tsx",
    "src/server/main.ts",
  ],
  {
    cwd: path.resolve(import.meta.dirname, ".."),
    env: {
      ...process.env,
      DATABASE_URL: url.toString(),
      PORT: String(PORT),
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      WRITE_RATE_LIMIT_PER_MINUTE: "100000",
      DATABASE_POOL_SIZE: "12",
    },
    stdio: ["ignore", "ignore", "inherit"],
  },
);
try {
  let ready = false;
  for (let i = 0; i < 1200 && !ready; i++) {
    try {
      ready = (await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok;
    } catch {}
    if (!ready) await new Promise((r) => setTimeout(r, 100));
  }
  if (!ready) throw new Error("the server did not start");
  // A server start re-imports the plan when its seed changed, which makes some of the benchmark's
  // indicators reported by their responsible body again; the benchmark has units report them
  // (as bench/engine.ts sets up), so the writes below are the units' own.
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const which = `reported_by <> 'unit' and tier = 'operational' and frequency = 'monthly' and retired_at is null
    and aggregation <> 'ratio_of_sums'`;
  // Only when needed: the statement would bump the definitions version (a statement trigger),
  // making every first read compute its groups again.
  if ((await client.query(`select 1 from indicators where ${which}`)).rowCount)
    await client.query(`update indicators set reported_by = 'unit' where ${which}`);
  await client.end();
  const api = (s: Session, p: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${PORT}${p}`, {
      ...init,
      headers: { cookie: s.cookie, "x-csrf-token": s.csrf, ...(init.headers as Record<string, string>) },
    });
  const writer = await signInAt(PORT, "bench-writer");
  const viewer = await signInAt(PORT, "bench-viewer");
  // New cells of an open month (2026-10: the month --reuse empties), random units: a submitted
  // value cannot be changed by upload, so a cell taken by an earlier run is skipped.
  const provinces = ["HA-NOI", "HUE", "DA-NANG", "CAN-THO", "NGHE-AN", "HO-CHI-MINH"];
  const indicators = ["OI_CASHLESS_TRANSACTIONS", "OI_DOSSIERS_TOTAL", "OI_HIGHTECH_EXPORTS"];
  const t = await dashboardCalls(
    (p) => api(viewer, p),
    async (k) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        // Communes are the units numbered 0–3 of each ten (bench/engine.ts).
        const unit = `BX-${provinces[Math.floor(Math.random() * provinces.length)]}-C${10 * Math.floor(Math.random() * 34) + Math.floor(Math.random() * 4)}`;
        const res = await api(writer, "/api/v1/observations/bulk?submit=true", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            items: [
              { indicator: indicators[k % indicators.length], unit, period: "2026-10", value: 9000 + k },
            ],
          }),
        });
        const out = (await res.json()) as { imported?: number };
        if (res.ok && out.imported === 1) return;
        // Taken by an earlier run: refused (submitted) or the same value (unchanged); try another.
        if (res.ok && out.imported === 0) continue;
        if (res.status !== 422) throw new Error(`write: ${res.status} ${JSON.stringify(out).slice(0, 300)}`);
      }
      throw new Error("write: no free cell found");
    },
    { base: "2026-07", full: "2026-09", open: "2026-10" },
    "BX-HA-NOI-C0",
    Number(option("--calls") ?? 40),
  );
  for (const line of callTable(t).lines) console.log(line);
} finally {
  server.kill("SIGTERM");
  await new Promise((r) => server.on("exit", r));
}
