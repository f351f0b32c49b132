/**
 * Event-stream viewers for bench/engine.ts, in their own process: opens BENCH_CLIENTS connections
 * to BENCH_URL with BENCH_COOKIE, prints READY once all are open, records when each value (indicator|unit|period)
 * arrives on each connection, and on DONE (stdin) writes `{id: [epoch ms, …]}` to BENCH_OUT and exits.
 */
import { writeFileSync } from "node:fs";
import http from "node:http";

const url = new URL(process.env.BENCH_URL ?? "");
const cookie = process.env.BENCH_COOKIE ?? "";
const n = Number(process.env.BENCH_CLIENTS ?? 1000);
const received = new Map<string, number[]>();
const agent = new http.Agent({ keepAlive: false, maxSockets: n + 10 });
const requests: http.ClientRequest[] = [];

function open(): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        agent,
        headers: { cookie, accept: "text/event-stream" },
      },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`SSE ${res.statusCode}`));
        res.setEncoding("utf8");
        let buf = "";
        res.on("data", (chunk: string) => {
          const now = Date.now();
          buf += chunk;
          let end = buf.indexOf("\n\n");
          while (end >= 0) {
            const block = buf.slice(0, end);
            buf = buf.slice(end + 2);
            const data = block
              .split("\n")
              .filter((l) => l.startsWith("data: "))
              .map((l) => l.slice(6))
              .join("\n");
            if (data) {
              const event = JSON.parse(data) as {
                values?: { indicator: string; unit: string; period: string }[];
              };
              for (const v of event.values ?? []) {
                const key = `${v.indicator}|${v.unit}|${v.period}`;
                const list = received.get(key) ?? [];
                list.push(now);
                received.set(key, list);
              }
            }
            end = buf.indexOf("\n\n");
          }
        });
        resolve();
      },
    );
    req.on("error", reject);
    requests.push(req);
  });
}

for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, open));
process.stdout.write("READY\n");
process.stdin.on("data", (d) => {
  if (!d.toString().includes("DONE")) return;
  for (const r of requests) r.destroy();
  writeFileSync(process.env.BENCH_OUT ?? "sse-result.json", JSON.stringify(Object.fromEntries(received)));
  process.exit(0);
});
