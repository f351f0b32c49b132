/**
 * Every read the web dashboard makes (issue 13, item 5), as it makes them, measured by
 * `npm run bench` (and by bench/dashboard-reads.ts alone) side by side with the overview in the
 * same run: one call at a time by the Standing Office viewer, the first call of each, then CALLS
 * rounds of all of them in turn. Then data quality and alerts once more, each read once (its
 * "first") and then right after a new value is written in the month being reported (`open`: the
 * first read after a write recomputes the written unit's facts, decision 0012): AFTER_WRITE
 * pairs of a write and the read. A submitted value cannot be changed by upload, so the writes
 * are new cells.
 *
 * The indicators: a monthly operational indicator every synthetic unit reports (series, breakdown
 * by province at its latest period) and the quarterly KPI computed from two of them with a target
 * (the target drawer's series, the laggards).
 */
const CALLS = 40;
const AFTER_WRITE = 10;

export interface CallTimes {
  /** Name → URL, in the order measured. */
  urls: Record<string, string>;
  first: Record<string, number>;
  times: Record<string, number[]>;
  /** Data quality and alerts, each right after a write in their period. */
  afterWrite: Record<string, number[]>;
}

export interface DashboardPeriods {
  /** The last month of the base dataset (the issue's "before" figures are for it). */
  base: string;
  /** The last month every unit reported (ingested over HTTP). */
  full: string;
  /** A month being reported: the writes before the after-write reads land there. */
  open: string;
}

const OI = "OI_DOSSIERS_TOTAL";
const KPI = "K_HIGHTECH_EXPORT_SHARE";

export async function dashboardCalls(
  get: (url: string) => Promise<Response>,
  /** Writes one new value in `periods.open` (a new cell each call). */
  write: (k: number) => Promise<void>,
  periods: DashboardPeriods,
  completenessUnit: string,
  calls = CALLS,
): Promise<CallTimes> {
  const json = async (url: string) => {
    const res = await get(url);
    if (!res.ok) throw new Error(`${url}: ${res.status} ${(await res.text()).slice(0, 300)}`);
    return res.json();
  };
  // The breakdown's period is the series' latest, as the map asks it.
  const series = (await json(`/api/v1/indicators/${OI}/series?plan=NQ57`)) as {
    points: { period: string; value: number | null }[];
  };
  const latest = [...series.points].reverse().find((p) => p.value !== null)?.period ?? periods.full;
  const urls: Record<string, string> = {
    overview: "/api/v1/plans/NQ57/overview",
    "overview (reported)": "/api/v1/plans/NQ57/overview?basis=reported",
    alerts: "/api/v1/plans/NQ57/alerts",
    [`alerts ${periods.base}`]: `/api/v1/plans/NQ57/alerts?period=${periods.base}`,
    [`data quality ${periods.base}`]: `/api/v1/plans/NQ57/data-quality?period=${periods.base}`,
    [`data quality ${periods.full}`]: `/api/v1/plans/NQ57/data-quality?period=${periods.full}`,
    "series (KPI)": `/api/v1/indicators/${KPI}/series?plan=NQ57`,
    "series (operational)": `/api/v1/indicators/${OI}/series?plan=NQ57`,
    [`breakdown VN ${latest}`]: `/api/v1/indicators/${OI}/breakdown?plan=NQ57&period=${latest}&parent=VN`,
    laggards: `/api/v1/indicators/${KPI}/laggards?plan=NQ57&level=province&limit=5`,
    "org unit VN values": "/api/v1/org-units/VN/values?plan=NQ57",
    "org unit completeness": `/api/v1/org-units/${completenessUnit}/completeness?plan=NQ57`,
    "plan indicators": "/api/v1/plans/NQ57/indicators?limit=1000",
    "plan indicators (objectives)": "/api/v1/plans/NQ57/indicators?tier=objective",
    plan: "/api/v1/plans/NQ57",
  };
  const call = async (url: string) => {
    const t = performance.now();
    const res = await get(url);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return performance.now() - t;
  };
  const first: Record<string, number> = {};
  const times: Record<string, number[]> = {};
  for (const [name, url] of Object.entries(urls)) {
    first[name] = await call(url);
    times[name] = [];
  }
  for (let k = 0; k < calls; k++)
    for (const [name, url] of Object.entries(urls)) times[name]?.push(await call(url));

  const afterWrite: Record<string, number[]> = {
    [`data quality ${periods.open}`]: [],
    [`alerts ${periods.open}`]: [],
  };
  let k = 0;
  for (const [name, xs] of Object.entries(afterWrite)) {
    const url = name.startsWith("alerts")
      ? `/api/v1/plans/NQ57/alerts?period=${periods.open}`
      : `/api/v1/plans/NQ57/data-quality?period=${periods.open}`;
    // Read once first: the first read of a period computes its groups from nothing (a "first"
    // call, reported apart as the others are), which is not what a read after a write costs.
    first[`${name}, after a write`] = await call(url);
    for (let i = 0; i < AFTER_WRITE; i++) {
      await write(k++);
      xs.push(await call(url));
    }
  }
  return { urls, first, times, afterWrite };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] as number;
}
const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "NaN");

/** The table of the calls: p50 and p95, their ratio to the overview's p95, met against 100 ms. */
export function callTable(t: CallTimes): { lines: string[]; worstP95: number; allMet: boolean } {
  const o95 = quantile(t.times.overview ?? [], 0.95);
  const lines = ["call                                  first ms   p50 ms   p95 ms   p95/overview  ≤100 ms"];
  let worst = 0;
  const row = (name: string, first: number | undefined, xs: number[]) => {
    const p50 = quantile(xs, 0.5);
    const p95 = quantile(xs, 0.95);
    worst = Math.max(worst, p95);
    lines.push(
      `${name.padEnd(36)} ${(first === undefined ? "-" : fmt(first)).padStart(9)} ${fmt(p50).padStart(8)} ${fmt(p95).padStart(8)} ${`${(p95 / o95).toFixed(2)}x`.padStart(13)}  ${p95 <= 100 ? "met" : "NOT met"}`,
    );
  };
  for (const name of Object.keys(t.urls)) row(name, t.first[name], t.times[name] ?? []);
  for (const [name, xs] of Object.entries(t.afterWrite))
    row(`${name}, after a write`, t.first[`${name}, after a write`], xs);
  return { lines, worstP95: worst, allMet: worst <= 100 };
}
