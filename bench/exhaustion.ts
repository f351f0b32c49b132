/**
 * `npm run bench:exhaustion`: does one maximal upload freeze the server or exhaust its memory?
 * For each database (PGlite; PostgreSQL when BENCH_DATABASE_URL's server is reachable — default
 * postgres://postgres@127.0.0.1:5432, in a bench database it creates), a real server process is
 * started with the default caps and `/healthz` is probed every 100 ms: first idle (the baseline),
 * then during each of the largest uploads the caps allow, generated here —
 *
 *   - an .xlsx of 1,048,575 data rows (1,048,576 with the header: XLSX_MAX_ROWS) written as Excel
 *     writes it (row and cell references, shared strings), under XLSX_MAX_MB and XLSX_MAX_INFLATED_MB;
 *   - a CSV of 2,000,000 data rows (CSV_MAX_ROWS);
 *   - a zip bomb (a ~5 MB .xlsx inflating to 1 GB, sizes lying), refused at XLSX_MAX_INFLATED_MB.
 *
 * Each upload is sent by `curl` from its own process, so this process's event loop only probes.
 * Every row names a unit that does not exist, so each file is read, parsed and checked to its
 * end (or its cap) and nothing is written: this measures the reading path of an upload. Printed
 * per phase: probe p99, longest gap between answers, peak RSS of the server against the idle
 * baseline. Targets: p99 ≤ 1 s, RSS ≤ idle + 512 MB.
 *
 * Options: --embedded-only, --postgres-only.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase } from "../src/db/client.js";
import { seed } from "../src/server/seed/seed.js";
import { ensureDemoAccounts } from "../src/server/users/demo-accounts.js";
import {
  largeCsv,
  largeXlsx,
  memoryOf,
  percentile,
  probeHealth,
  signInAt,
  startServer,
  stopServer,
  waitReady,
} from "../test/helpers/liveness.js";
import { SHEET_HEAD, SHEET_TAIL, workbookEntries, zipStream } from "../test/helpers/xlsx-files.js";
import { PASSWORD } from "./session.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const BASE_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const args = new Set(process.argv.slice(2));
const work = mkdtempSync(path.join(tmpdir(), "chinam-exhaustion-"));

async function writeFile(file: string, chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>) {
  const fh = await open(file, "w");
  try {
    for await (const c of chunks) await fh.write(typeof c === "string" ? Buffer.from(c) : c);
  } finally {
    await fh.close();
  }
  return statSync(file).size;
}

async function* bombChunks(): AsyncGenerator<Buffer> {
  const filler = Buffer.alloc(1 << 20, " ");
  yield* zipStream(
    workbookEntries({
      sheetDeclaredSize: 4096,
      sheet: function* () {
        yield SHEET_HEAD;
        for (let i = 0; i < 1024; i++) yield filler;
        yield SHEET_TAIL;
      },
    }),
  );
}

function curlUpload(port: number, s: { cookie: string; csrf: string }, file: string, type: string) {
  return new Promise<{ status: string; body: string }>((resolve) => {
    const curl = spawn("curl", [
      "-sS",
      "-X",
      "POST",
      "-H",
      `cookie: ${s.cookie}`,
      "-H",
      `x-csrf-token: ${s.csrf}`,
      "-H",
      `content-type: ${type}`,
      "-H",
      "Expect:",
      "--data-binary",
      `@${file}`,
      "-w",
      "\n%{http_code}",
      `http://127.0.0.1:${port}/api/v1/observations/import?dryRun=true`,
    ]);
    let out = "";
    curl.stdout.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    curl.stderr.on("data", (c: Buffer) => {
      out += c.toString("utf8");
    });
    curl.on("close", () => {
      const i = out.lastIndexOf("\n");
      resolve({ status: out.slice(i + 1).trim(), body: out.slice(0, i) });
    });
  });
}

interface Phase {
  name: string;
  status: number | string;
  seconds: number;
  p99: number;
  gap: number;
  peakMb: number;
  probes: number;
}

async function prepare(databaseUrl: string | undefined, dataDir: string) {
  const db = await (databaseUrl ? openDatabase({ databaseUrl, poolSize: 2 }) : openDatabase({ dataDir }));
  await db.migrate();
  await seed(db.db);
  await ensureDemoAccounts(db.db, PASSWORD);
  await db.close();
}

async function run(
  label: string,
  databaseUrl: string | undefined,
  files: { name: string; file: string; type: string }[],
) {
  const dataDir = path.join(work, `data-${label}`);
  await prepare(databaseUrl, dataDir);
  const port = 3101 + Math.floor(Math.random() * 9);
  const server = startServer({ DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: databaseUrl });
  const phases: Phase[] = [];
  try {
    await waitReady(port);
    const pid = server.pid as number;
    const s = await signInAt(port, "demo-reporter-hanoi", PASSWORD);
    // Idle baseline: 10 s of probes with nothing else going on.
    const idle = probeHealth(port, pid);
    await new Promise((r) => setTimeout(r, 10_000));
    const base = await idle.stop();
    const idleMb = memoryOf(pid).rssMb;
    phases.push({
      name: "idle",
      status: "-",
      seconds: 10,
      p99: percentile(base.latencies, 99),
      gap: base.longestGap,
      peakMb: base.peakRssMb,
      probes: base.latencies.length,
    });
    for (const f of files) {
      const probe = probeHealth(port, pid);
      const t0 = performance.now();
      // curl sends the file from another process, so this one's event loop only probes.
      const out = await curlUpload(port, s, f.file, f.type);
      let status: string;
      try {
        const body = JSON.parse(out.body) as { rows?: number; error?: { code: string } };
        status = `${out.status} ${body.error?.code ?? ""}${body.rows !== undefined ? ` rows=${body.rows}` : ""}`;
      } catch {
        status = `${out.status} ${out.body.slice(0, 80)}`;
      }
      const seconds = (performance.now() - t0) / 1000;
      const p = await probe.stop();
      phases.push({
        name: f.name,
        status,
        seconds,
        p99: percentile(p.latencies, 99),
        gap: p.longestGap,
        peakMb: Math.max(p.peakRssMb, memoryOf(pid).rssMb),
        probes: p.latencies.length,
      });
    }
    console.log(`\n${label}: idle RSS ${idleMb.toFixed(0)} MB`);
    console.log("| phase | answer | time | probes | /healthz p99 | longest gap | peak RSS | over idle |");
    console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
    for (const ph of phases)
      console.log(
        `| ${ph.name} | ${ph.status} | ${ph.seconds.toFixed(1)} s | ${ph.probes} | ${ph.p99.toFixed(0)} ms | ${ph.gap.toFixed(0)} ms | ${ph.peakMb.toFixed(0)} MB | ${(ph.peakMb - idleMb).toFixed(0)} MB |`,
      );
    const worst = phases.slice(1);
    const p99 = Math.max(...worst.map((p) => p.p99));
    const over = Math.max(...worst.map((p) => p.peakMb - idleMb));
    console.log(
      `BENCH db=${label} p99_ms=${p99.toFixed(0)} longest_gap_ms=${Math.max(...worst.map((p) => p.gap)).toFixed(0)} rss_over_idle_mb=${over.toFixed(0)} targets_met=${p99 <= 1000 && over <= 512}`,
    );
  } finally {
    await stopServer(server);
  }
}

async function main() {
  console.log("Generating the largest uploads the default caps allow…");
  const xlsx = path.join(work, "max.xlsx");
  const csv = path.join(work, "max.csv");
  const bomb = path.join(work, "bomb.xlsx");
  const sizes = {
    xlsx: await writeFile(xlsx, largeXlsx(1_048_575, "KHONG-CO")),
    csv: await writeFile(csv, largeCsv(2_000_000, "KHONG-CO")),
    bomb: await writeFile(bomb, bombChunks()),
  };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  console.log(
    `xlsx 1,048,575 rows ${mb(sizes.xlsx)}; csv 2,000,000 rows ${mb(sizes.csv)}; zip bomb ${mb(sizes.bomb)} → 1 GB`,
  );
  const files = [
    { name: `xlsx, 1,048,575 rows (${mb(sizes.xlsx)})`, file: xlsx, type: XLSX },
    { name: `csv, 2,000,000 rows (${mb(sizes.csv)})`, file: csv, type: "text/csv" },
    { name: `zip bomb (${mb(sizes.bomb)} → 1 GB)`, file: bomb, type: XLSX },
  ];
  if (!args.has("--postgres-only")) await run("PGlite", undefined, files);
  if (!args.has("--embedded-only")) {
    const name = `chinam_bench_exhaustion_${process.pid}`;
    const admin = new pg.Client({ connectionString: BASE_URL });
    let reachable = true;
    try {
      await admin.connect();
    } catch {
      reachable = false;
      console.log(`\nPostgreSQL at ${BASE_URL} not reachable: skipped.`);
    }
    if (reachable) {
      await admin.query(`create database ${name}`);
      const u = new URL(BASE_URL);
      u.pathname = `/${name}`;
      try {
        await run("PostgreSQL", u.toString(), files);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
