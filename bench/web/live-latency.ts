/**
 * Live latency (issue 13): from a value sent through the API to the changed tile in a dashboard
 * open in a browser, without a reload. The Standing Office revises Hà Nội's latest approved value
 * of the mapped indicator (an official figure changes only through a reviewer: the revise call
 * is that path); the clock runs from just before the request until the tile's accessible name
 * (which carries the value) changes. Median and p95 over N submissions (20 by default).
 *
 *   npx tsx bench/web/live-latency.ts [N=20] [--indicator=OI_DOSSIERS_ONLINE] [--unit=HA-NOI]
 *   BENCH_URL=http://127.0.0.1:3413 BENCH_PASSWORD=… npx tsx bench/web/live-latency.ts
 */
import { chromium } from "playwright-core";
import { CHROMIUM, chromiumArgs, demoServer, median, percentile, signIn } from "./server.js";

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
const opt = (name: string, fallback: string) =>
  args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const indicator = opt("indicator", "OI_DOSSIERS_ONLINE");
const unit = opt("unit", "HA-NOI");

interface Value {
  id: string;
  period: string;
  value: number;
  version: number;
}

const server = await demoServer(Number(process.env.PORT ?? 3962));
const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
try {
  const standing = await signIn(server.url, "demo-standing", server.password);
  const headers = {
    cookie: standing.cookie,
    "x-csrf-token": standing.csrf,
    "content-type": "application/json",
  };
  const list = (await (
    await fetch(
      `${server.url}/api/v1/observations?indicator=${indicator}&unit=${unit}&status=approved&limit=500`,
      { headers },
    )
  ).json()) as { items: Value[] };
  const latest = list.items.sort((a, b) => a.period.localeCompare(b.period)).at(-1);
  if (!latest) throw new Error(`no approved value of ${indicator} for ${unit}`);

  const [name, value] = standing.cookie.split("=");
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await ctx.addCookies([{ name: name ?? "", value: value ?? "", url: server.url }]);
  const page = await ctx.newPage();
  await page.goto(`${server.url}/?map=${indicator}`, { waitUntil: "networkidle" });
  const tile = page.locator(`[data-code="${unit}"]`).first();
  // The dashboard draws the map when it comes near the viewport: scroll down to it.
  for (let y = 0; y < 30 && (await tile.count()) === 0; y++) {
    await page.mouse.wheel(0, 900);
    await page.waitForTimeout(300);
  }
  await tile.waitFor({ timeout: 60_000 });
  await tile.scrollIntoViewIfNeeded();

  const times: number[] = [];
  let current = latest;
  for (let i = 0; i < n; i++) {
    const before = await tile.getAttribute("aria-label");
    const next = Math.round(current.value * (i % 2 ? 1.07 : 0.93));
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/v1/observations/${current.id}/revise`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        value: next,
        reason: `Benchmark revision ${i + 1}`,
        expectedVersion: current.version,
      }),
    });
    if (!res.ok) throw new Error(`revise: ${res.status} ${await res.text()}`);
    const answer = (await res.json()) as Value;
    await page.waitForFunction(
      ([code, old]) => document.querySelector(`[data-code="${code}"]`)?.getAttribute("aria-label") !== old,
      [unit, before] as const,
      { polling: "raf", timeout: 30_000 },
    );
    times.push(performance.now() - t0);
    current = { ...current, value: next, version: answer.version, id: answer.id ?? current.id };
    await page.waitForTimeout(300);
  }
  const cue = await page
    .getByText(/cập nhật lúc|updated at/i)
    .first()
    .textContent()
    .catch(() => null);
  console.log(`live: ${n} revisions of ${indicator} for ${unit} (period ${latest.period}) → changed tile`);
  console.log(
    `  median ${median(times).toFixed(0)} ms, p95 ${percentile(times, 95).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (bar: ≤ 1000 ms)`,
  );
  console.log(`  all: ${times.map((t) => t.toFixed(0)).join(", ")}`);
  console.log(`  cue on the page: ${cue ?? "(not found)"}`);
  await ctx.close();
} finally {
  await browser.close();
  await server.stop();
}
