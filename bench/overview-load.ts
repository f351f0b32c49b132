/**
 * The overview phase of the engine benchmark alone, on the dataset a `npm run bench` left: a
 * server on `chinam_bench_full` (or `--quick`), 10 Standing Office readers in a closed loop and an
 * approver writing one value every 100 ms (`--no-writer`: readers only), for `--seconds` (20).
 * Prints read p50/p95/max and the writes landed. With `--cpu-prof DIR` the server writes a V8 CPU
 * profile there. For finding what the tail is made of, not for the recorded figures.
 *
 *   npx tsx bench/overview-load.ts [--quick] [--no-writer] [--seconds N] [--cpu-prof DIR]
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { type Session, signIn as signInAt } from "./session.js";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const seconds = Number(option("--seconds") ?? 20);
const profileDir = option("--cpu-prof");
const PORT = 3900 + Math.floor(Math.random() * 90);
const adminUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const url = new URL(adminUrl);
url.pathname = `/chinam_bench_${flag("--quick") ? "quick" : "full"}`;

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
for (let i = 0; i < 600; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${PORT}/readyz`)).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 100));
}

const signIn = (username: string) => signInAt(PORT, username);
const api = (s: Session, p: string, init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${PORT}${p}`, {
    ...init,
    headers: { cookie: s.cookie, "x-csrf-token": s.csrf, ...(init.headers as Record<string, string>) },
  });

const writer = await signIn("bench-writer");
const viewer = await signIn("bench-viewer");
const OVERVIEW = "/api/v1/plans/NQ57/overview?basis=reported";
for (let i = 0; i < 3; i++) await (await api(viewer, OVERVIEW)).arrayBuffer();
const stopAt = Date.now() + seconds * 1000;
const latencies: number[] = [];
let writes = 0;
const writing = (async () => {
  const units = ["BX-HA-NOI-C0", "BX-HA-NOI-C1", "BX-HUE-C0"];
  const indicators = ["OI_CASHLESS_TRANSACTIONS", "OI_DATA_SHARING_TRANSACTIONS"];
  while (!flag("--no-writer") && Date.now() < stopAt) {
    const res = await api(writer, "/api/v1/observations/bulk?submit=true", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        items: [
          {
            indicator: indicators[writes % 2],
            unit: units[writes % 3],
            period: "2026-11",
            value: 1000 + writes,
          },
        ],
      }),
    });
    await res.arrayBuffer();
    if (res.ok) writes++;
    await new Promise((r) => setTimeout(r, 100));
  }
})();
const readers = Array.from({ length: 10 }, async () => {
  while (Date.now() < stopAt) {
    const t = performance.now();
    const res = await api(viewer, OVERVIEW);
    await res.arrayBuffer();
    latencies.push(performance.now() - t);
  }
});
await Promise.all([writing, ...readers]);
latencies.sort((a, b) => a - b);
const q = (x: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor(x * latencies.length))] ?? Number.NaN;
console.log(
  `reads ${latencies.length} writes ${writes} p50 ${q(0.5).toFixed(1)} ms p95 ${q(0.95).toFixed(1)} ms max ${q(1).toFixed(1)} ms`,
);
server.kill("SIGTERM");
await new Promise((r) => server.on("exit", r));
