/**
 * Liveness under load, for the liveness test and `npm run bench:exhaustion`: a real server
 * process, `/healthz` probed every 100 ms (latency of each probe, longest gap between answers),
 * the server's memory read from /proc, and the largest uploads the caps allow, generated as
 * streams (a sheet of a million rows is never held as one string).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { type Cell, rowXml, SHEET_HEAD, SHEET_TAIL, workbookEntries, zipStream } from "./xlsx-files.js";

const root = path.resolve(import.meta.dirname, "../..");

export function startServer(env: Record<string, string | undefined>): ChildProcess {
  const full: Record<string, string | undefined> = {
    ...process.env,
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    ...env,
  };
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  return spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: root,
    env: full,
    stdio: "ignore",
  });
}

export async function waitReady(port: number, tries = 900): Promise<void> {
  for (let i = 0; i < tries; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("server did not start");
}

export async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function signInAt(port: number, username: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

/** The resident memory of a process now and its peak so far (VmRSS, VmHWM), in MB. */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export interface Probe {
  /** Latency of each answered probe, ms. */
  latencies: number[];
  /** Longest time between two answers (or from the start to the first), ms. */
  longestGap: number;
  failures: number;
  /** Highest RSS seen while probing, MB. */
  peakRssMb: number;
}

/** Probes /healthz every `everyMs` until stopped; a probe that takes longer is waited for (it is the gap). */
export function probeHealth(port: number, pid: number | undefined, everyMs = 100) {
  const latencies: number[] = [];
  let failures = 0;
  let longestGap = 0;
  let peakRssMb = 0;
  let stopped = false;
  let last = performance.now();
  const loop = (async () => {
    while (!stopped) {
      const t0 = performance.now();
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        const now = performance.now();
        if (res.ok) {
          latencies.push(now - t0);
          longestGap = Math.max(longestGap, now - last);
          last = now;
        } else failures++;
      } catch {
        failures++;
      }
      if (pid) peakRssMb = Math.max(peakRssMb, memoryOf(pid).rssMb);
      const wait = everyMs - (performance.now() - t0);
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  return {
    async stop(): Promise<Probe> {
      stopped = true;
      await loop;
      longestGap = Math.max(longestGap, performance.now() - last);
      return { latencies, longestGap, failures, peakRssMb };
    },
  };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** The period of the i-th row: months from 2026-01 on (distinct cells, as a real upload has). */
const periodOf = (i: number) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;

export interface LargeXlsxOptions {
  indicator?: string;
  /** Row and cell references, as Excel writes them (larger once compressed). Default true. */
  refs?: boolean;
  /** A comment of this many random characters on each row (hardly compressible). Default 0. */
  commentChars?: number;
}

/**
 * An .xlsx of `rows` data rows (plus the header), as bytes streamed out. Codes are shared
 * strings, as Excel writes them; the unit is `unit` (a unit that does not exist keeps the import
 * from writing anything, so every row is read and checked and the upload is refused at the end).
 */
export function largeXlsx(rows: number, unit: string, o: LargeXlsxOptions = {}): AsyncGenerator<Buffer> {
  const { indicator = "OI_DOSSIERS_ONLINE", refs = true, commentChars = 0 } = o;
  const header: Cell[] = [{ shared: 0 }, { shared: 1 }, { shared: 2 }, { shared: 3 }];
  if (commentChars) header.push({ shared: 6 });
  return zipStream(
    workbookEntries({
      sharedStrings: ["Mã chỉ tiêu", "Mã đơn vị", "Kỳ", "Giá trị", indicator, unit, "Ghi chú"],
      sheet: function* () {
        yield SHEET_HEAD;
        yield rowXml(1, header, refs);
        let batch: string[] = [];
        for (let i = 0; i < rows; i++) {
          const cells: Cell[] = [{ shared: 4 }, { shared: 5 }, periodOf(i % 1200), (i % 1000) + 1];
          if (commentChars)
            cells.push(
              randomBytes(Math.ceil((commentChars * 3) / 4))
                .toString("base64")
                .slice(0, commentChars),
            );
          batch.push(rowXml(i + 2, cells, refs));
          if (batch.length === 2000) {
            yield batch.join("");
            batch = [];
          }
        }
        yield batch.join("");
        yield SHEET_TAIL;
      },
    }),
    6,
  );
}

/** A CSV of `rows` data rows, as text chunks. */
export function* largeCsv(rows: number, unit: string, indicator = "OI_DOSSIERS_ONLINE"): Generator<string> {
  yield "mã chỉ tiêu;mã đơn vị;kỳ;giá trị;ghi chú\n";
  let batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(`${indicator};${unit};${periodOf(i % 1200)};${i + 1};dòng ${i + 2}`);
    if (batch.length === 5000) {
      yield `${batch.join("\n")}\n`;
      batch = [];
    }
  }
  if (batch.length) yield `${batch.join("\n")}\n`;
}

export async function collect(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of chunks) parts.push(typeof c === "string" ? Buffer.from(c) : c);
  return Buffer.concat(parts);
}
