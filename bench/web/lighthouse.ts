/**
 * Lighthouse 12 (mobile profile, simulated throttling: its default) on Debian's Chromium, signed in
 * as the Standing Office (the session cookie put in the browser's cookie jar, as a browser that
 * signed in would hold it: a Cookie extra header is replaced by the page's own cookies, such as
 * the language one, and the session is lost mid-run), median of 3 runs per page. Issue 13's bar:
 * performance ≥ 90 and accessibility 100 on the dashboard.
 *
 *   npx tsx bench/web/lighthouse.ts [runs=3] [/path …]
 *   BENCH_URL=http://127.0.0.1:3413 BENCH_PASSWORD=… npx tsx bench/web/lighthouse.ts
 *   LH_JSON_DIR=.tmp/lighthouse …   also keeps each run's full report (to read its diagnostics)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright-core";
import { CHROMIUM, demoServer, median, signIn } from "./server.js";

const args = process.argv.slice(2);
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
const paths = args.filter((a) => a.startsWith("/"));
const pages = paths.length
  ? paths
  : ["/", "/indicators/KPI-S1-01?plan=NQ57", "/plans/NQ57/roadmap", "/sign-in"];

const server = await demoServer(Number(process.env.PORT ?? 3961));
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const { cookie } = await signIn(server.url, "demo-standing", server.password);
  const [cookieName = "", cookieValue = ""] = cookie.split(/=(.*)/s);
  const cdp = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
  const jar = cdp.contexts()[0];
  if (!jar) throw new Error("no default browser context to hold the session cookie");
  /** Lighthouse resets storage between runs but not cookies: the session stays for every run. */
  const signedIn = async (yes: boolean) => {
    await jar.clearCookies();
    if (yes) await jar.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
  };
  console.log(
    `page                                  performance (runs → median)        accessibility   LCP ms  TBT ms  CLS`,
  );
  for (const p of pages) {
    const perf: number[] = [];
    const a11y: number[] = [];
    const lcp: number[] = [];
    const tbt: number[] = [];
    const cls: number[] = [];
    for (let i = 0; i < runs; i++) {
      await signedIn(p !== "/sign-in");
      const result = await lighthouse(server.url + p, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      if (!result) throw new Error("lighthouse returned nothing");
      // A run that ended on another page (sent to sign in, say) measured that page, not this one.
      const ended = new URL(result.lhr.finalDisplayedUrl);
      if (ended.pathname !== new URL(server.url + p).pathname)
        throw new Error(`${p}: the run ended on ${ended.pathname}${ended.search}, not on the page asked for`);
      const { categories, audits } = result.lhr;
      if (process.env.LH_JSON_DIR) {
        mkdirSync(process.env.LH_JSON_DIR, { recursive: true });
        const name = `${p.replace(/[^a-z0-9]+/gi, "_")}-${i}.json`;
        writeFileSync(`${process.env.LH_JSON_DIR}/${name}`, JSON.stringify(result.lhr));
      }
      perf.push(Math.round((categories.performance?.score ?? 0) * 100));
      a11y.push(Math.round((categories.accessibility?.score ?? 0) * 100));
      lcp.push(audits["largest-contentful-paint"]?.numericValue ?? 0);
      tbt.push(audits["total-blocking-time"]?.numericValue ?? 0);
      cls.push(audits["cumulative-layout-shift"]?.numericValue ?? 0);
      if (process.env.VERBOSE)
        for (const [id, audit] of Object.entries(audits))
          if (
            audit.score !== null &&
            audit.score < 1 &&
            result.lhr.categories.accessibility?.auditRefs.some((r) => r.id === id)
          )
            console.log(`    a11y: ${id}: ${audit.title}`);
    }
    console.log(
      `${p.padEnd(38)} ${perf.join(", ").padEnd(14)} → ${String(median(perf)).padEnd(16)} ${a11y.join(", ").padEnd(10)} → ${median(a11y)}  ${median(lcp).toFixed(0).padStart(6)}  ${median(tbt).toFixed(0).padStart(6)}  ${median(cls).toFixed(3)}`,
    );
  }
} finally {
  chrome.kill();
  await server.stop();
}
