/**
 * Input latency of the entry grid at the size issue 14 names: 200 indicators × 12 history columns.
 * A synthetic plan (E200, test/helpers/entry-fixture.ts: 200 monthly indicators every unit reports
 * for itself) gets Hà Nội's values for the 12 months before the current one through the bulk
 * write, so the current month's sheet has 200 empty cells, each with twelve periods beside it.
 * In Chromium, as the Hà Nội reporter: type a three-digit number in each of N cells and press
 * Enter (commit: the outbox stores and sends the value, the grid moves down). Each keystroke is
 * timed from the key event's own timestamp to the first task after the next frame (rAF, then a
 * macrotask: the paint has happened), in the page. Baseline, in the same run and browser: the
 * same typing in one plain <input> on an empty page.
 *
 *   npx tsx bench/web/entry-input-latency.ts [--cells 100] [--cpu 4]
 *
 * --cpu N slows the CPU N× (Chrome's throttling, as Lighthouse's mobile profile uses 4×).
 * PGlite in memory, one process: the server shares the machine with the browser.
 */
import type { AddressInfo } from "node:net";
import { type CDPSession, chromium, type Page } from "playwright-core";
import { openDatabase } from "../../src/db/client.js";
import { buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/core/config.js";
import { seed } from "../../src/server/seed/seed.js";
import { ensureDemoAccounts } from "../../src/server/users/demo-accounts.js";
import { ensureWebBuild, loadWebBuild, webDist } from "../../src/server/web-app/index.js";
import { createEntryPlan, entryItems, entryMonths } from "../../test/helpers/entry-fixture.js";
import { PASSWORD, signIn } from "../session.js";
import { CHROMIUM, chromiumArgs, median, percentile } from "./server.js";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
};
const cells = arg("cells", 100);
const cpu = arg("cpu", 1);

/** Installed in the page: every keydown's latency to the frame after it, by key kind. */
function installProbe() {
  const w = window as unknown as { __lat: { key: string; ms: number }[]; __probe?: boolean };
  w.__lat = [];
  if (w.__probe) return;
  w.__probe = true;
  document.addEventListener(
    "keydown",
    (e) => {
      const t0 = e.timeStamp;
      const key = e.key === "Enter" ? "Enter" : /^\d$/.test(e.key) ? "digit" : "";
      if (!key) return;
      requestAnimationFrame(() => setTimeout(() => w.__lat.push({ key, ms: performance.now() - t0 })));
    },
    { capture: true },
  );
}

/** Chrome's main-thread totals (seconds): script, style, layout — where a phase's time went. */
type Metrics = Record<"ScriptDuration" | "RecalcStyleDuration" | "LayoutDuration" | "TaskDuration", number>;
async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: m } = (await cdp.send("Performance.getMetrics")) as {
    metrics: { name: string; value: number }[];
  };
  const get = (n: string) => m.find((x) => x.name === n)?.value ?? 0;
  return {
    ScriptDuration: get("ScriptDuration"),
    RecalcStyleDuration: get("RecalcStyleDuration"),
    LayoutDuration: get("LayoutDuration"),
    TaskDuration: get("TaskDuration"),
  };
}
const perKey = (a: Metrics, b: Metrics, k: keyof Metrics, keys: number) =>
  (((b[k] - a[k]) * 1000) / keys).toFixed(1);
const spent = (a: Metrics, b: Metrics, keys: number) =>
  `script ${perKey(a, b, "ScriptDuration", keys)} ms, style ${perKey(a, b, "RecalcStyleDuration", keys)} ms, layout ${perKey(a, b, "LayoutDuration", keys)} ms, all tasks ${perKey(a, b, "TaskDuration", keys)} ms per key`;

/**
 * Types a number in each of `n` cells from the focused one. `commit`: Enter (saved, moves down);
 * otherwise Escape then ArrowDown (nothing saved: the keystrokes alone, no outbox or refetch).
 */
async function typeCells(
  page: Page,
  n: number,
  commit = true,
): Promise<{ digit: number[]; enter: number[] }> {
  await page.evaluate(installProbe);
  for (let i = 0; i < n; i++) {
    for (const d of String(100 + ((i * 37) % 900))) {
      await page.keyboard.press(d);
    }
    if (commit) await page.keyboard.press("Enter");
    else {
      await page.keyboard.press("Escape");
      await page.keyboard.press("ArrowDown");
    }
  }
  await page.waitForTimeout(300);
  const lat = await page.evaluate(
    () => (window as unknown as { __lat: { key: string; ms: number }[] }).__lat,
  );
  return {
    digit: lat.filter((l) => l.key === "digit").map((l) => l.ms),
    enter: lat.filter((l) => l.key === "Enter").map((l) => l.ms),
  };
}

await ensureWebBuild();
const database = await openDatabase({ inMemory: true });
await database.migrate();
await seed(database.db);
await ensureDemoAccounts(database.db, PASSWORD);
const { indicators } = await createEntryPlan(database.db, "E200", 200);
const config = loadConfig({
  SESSION_SECRET: "x".repeat(40),
  LOG_LEVEL: "warn",
  DATA_DIR: "/tmp/chinam-bench-entry-latency",
  WRITE_RATE_LIMIT_PER_MINUTE: "100000",
});
const app = await buildApp({ config, database, logger: false, web: loadWebBuild(webDist) });
await app.listen({ port: 0, host: "127.0.0.1" });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
try {
  const port = Number(new URL(url).port);
  const reporter = await signIn(port, "demo-reporter-hanoi");
  const months = entryMonths(12);
  const current = months.at(-1) as string;
  const bulk = await fetch(`${url}/api/v1/observations/bulk`, {
    method: "POST",
    headers: { cookie: reporter.cookie, "x-csrf-token": reporter.csrf, "content-type": "application/json" },
    body: JSON.stringify({ items: entryItems(indicators, "HA-NOI", months.slice(0, -1)) }),
  });
  if (!bulk.ok) throw new Error(`bulk: ${bulk.status} ${await bulk.text()}`);

  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const [name, value] = reporter.cookie.split("=");
  await ctx.addCookies([{ name: name ?? "", value: value ?? "", url }]);
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Performance.enable");
  if (cpu > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });

  // Baseline: one plain input on an empty page of the same origin.
  await page.setContent('<input id="plain" aria-label="plain">');
  await page.focus("#plain");
  const m0 = await metrics(cdp);
  const base = await typeCells(page, cells);
  const m1 = await metrics(cdp);

  await page.goto(`${url}/entry?plan=E200&period=${current}`);
  const inputs = page.locator(".entry-input");
  await inputs.nth(199).waitFor({ timeout: 120_000 });
  const rowCount = await inputs.count();
  const historyCells = await page.locator("tbody td.entry-h").count();
  await inputs.first().click();
  const m2 = await metrics(cdp);
  const quiet = await typeCells(page, Math.min(cells, rowCount), false);
  const m3 = await metrics(cdp);
  await inputs.first().click();
  const m4 = await metrics(cdp);
  const grid = await typeCells(page, Math.min(cells, rowCount));
  const m5 = await metrics(cdp);
  // Every value reached the server (the outbox sends while typing goes on).
  await page.waitForFunction(
    () =>
      document.querySelectorAll(".entry-input-pending").length === 0 &&
      /Mọi giá trị đã được lưu|Every value is saved/.test(
        document.querySelector(".entry-savebar")?.textContent ?? "",
      ),
    null,
    { timeout: 120_000 },
  );
  const saved = await page.evaluate(() => document.querySelectorAll(".entry-input-pending").length);

  const fmt = (xs: number[]) =>
    `${median(xs).toFixed(1).padStart(7)} ${percentile(xs, 95).toFixed(1).padStart(8)} ${String(xs.length).padStart(6)}`;
  console.log(
    `entry grid: ${rowCount} rows, ${historyCells} history cells, period ${current}; ${cells} cells typed (3 digits + Enter each); CPU ${cpu}×; every value saved, ${saved} still pending`,
  );
  console.log("keystroke → next frame          median ms   p95 ms  events");
  console.log(`plain <input>, digit           ${fmt(base.digit)}`);
  console.log(`entry grid, digit, nothing saved ${fmt(quiet.digit)}`);
  console.log(`entry grid, digit, while saving${fmt(grid.digit)}`);
  console.log(`plain <input>, Enter           ${fmt(base.enter)}`);
  console.log(`entry grid, Enter (commit+move)${fmt(grid.enter)}`);
  const keys = (r: { digit: number[]; enter: number[] }, extra: number) =>
    r.digit.length + r.enter.length + extra;
  console.log(`plain <input>: ${spent(m0, m1, keys(base, 0))}`);
  console.log(
    `grid, nothing saved (with Escape and ArrowDown): ${spent(m2, m3, keys(quiet, (2 * quiet.digit.length) / 3))}`,
  );
  console.log(`grid, saving: ${spent(m4, m5, keys(grid, 0))}`);
} finally {
  await browser.close();
  await app.close();
  await database.close();
}
