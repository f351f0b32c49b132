/**
 * The script budget (issue 13): all script bytes on the wire during the first load of a page,
 * from the browser's resource timing (transferSize: compressed bytes as sent), signed in as the
 * Standing Office, cold cache. Budget 300 KB for `/`; other pages are listed beside it.
 *
 *   npx tsx bench/web/script-bytes.ts            (starts its own demo server)
 *   BENCH_URL=http://127.0.0.1:3413 BENCH_PASSWORD=… npx tsx bench/web/script-bytes.ts
 */
import { chromium } from "playwright-core";
import { CHROMIUM, chromiumArgs, demoServer, signIn } from "./server.js";

const BUDGET_KB = 300;
const pages = (
  process.argv.slice(2).filter((a) => a.startsWith("/")).length
    ? process.argv.slice(2).filter((a) => a.startsWith("/"))
    : ["/", "/indicators/KPI-S1-01?plan=NQ57", "/plans/NQ57/systems/S1", "/plans/NQ57/roadmap", "/meeting"]
) as string[];

const server = await demoServer();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: chromiumArgs });
try {
  const { cookie } = await signIn(server.url, "demo-standing", server.password);
  const [name, value] = cookie.split("=");
  console.log(`page                                   scripts   script KB (wire)   all KB (wire)   budget`);
  for (const p of pages) {
    // A new context per page: a cold cache, as a first visit.
    const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.addCookies([{ name: name ?? "", value: value ?? "", url: server.url }]);
    const page = await ctx.newPage();
    await page.goto(server.url + p, { waitUntil: "networkidle" });
    await page.waitForTimeout(500);
    const entries = await page.evaluate(() =>
      [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")].map(
        (e) => {
          const r = e as PerformanceResourceTiming;
          return { name: r.name, type: r.initiatorType, bytes: r.transferSize };
        },
      ),
    );
    const scripts = entries.filter((e) => /\.m?js(\?|$)/.test(new URL(e.name).pathname));
    const kb = (n: number) => n / 1024;
    const scriptKb = kb(scripts.reduce((a, e) => a + e.bytes, 0));
    const allKb = kb(entries.reduce((a, e) => a + e.bytes, 0));
    const verdict =
      p === "/" ? (scriptKb <= BUDGET_KB ? `≤ ${BUDGET_KB} met` : `> ${BUDGET_KB} NOT met`) : "";
    console.log(
      `${p.padEnd(38)} ${String(scripts.length).padStart(7)} ${scriptKb.toFixed(1).padStart(18)} ${allKb.toFixed(1).padStart(15)}   ${verdict}`,
    );
    if (process.env.VERBOSE)
      for (const s of scripts) console.log(`    ${(s.bytes / 1024).toFixed(1).padStart(7)} KB  ${s.name}`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
