/**
 * Data quality and alerts as the dashboard calls them (issue 13), measured by `npm run bench` side
 * by side with the overview in the same run: the first call of each (which computes the period's
 * quality groups when they are missing or stale), then CALLS rounds of the three in turn, one
 * at a time, by the Standing Office viewer.
 */
const CALLS = 60;

export interface CallTimes {
  first: Record<string, number>;
  times: Record<string, number[]>;
}

export async function qualityCalls(
  get: (url: string) => Promise<Response>,
  period: string,
): Promise<CallTimes> {
  const urls: Record<string, string> = {
    overview: "/api/v1/plans/NQ57/overview?basis=reported",
    "data quality": `/api/v1/plans/NQ57/data-quality?period=${period}`,
    alerts: `/api/v1/plans/NQ57/alerts?period=${period}`,
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
  for (let k = 0; k < CALLS; k++)
    for (const [name, url] of Object.entries(urls)) times[name]?.push(await call(url));
  return { first, times };
}
