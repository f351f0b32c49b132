/**
 * Which cached queries a change event makes stale. Pure, so it is tested without a browser. The
 * event (src/server/events/hub.ts, ChangeEvent) names the changed indicators and what they feed
 * (KPIs, targets, objectives): queries about one indicator are refreshed only when it is named;
 * plan-wide roll-ups (overview, alerts, quality, unit pages, the map) whenever anything changed.
 */

export interface ChangeEvent {
  at: string;
  indicators: string[];
  targets: string[];
  systems: string[];
  units: string[];
  periods: string[];
}

/** Query-key prefixes whose second element is an indicator code (api/dashboards.ts, laggards). */
export const indicatorScoped: readonly string[] = [
  "series",
  "breakdown",
  "disaggregations",
  "compare",
  "laggards",
];

/**
 * Query-key prefixes refreshed on any change: plan roll-ups, unit reads, and the province map's
 * queries (its hooks key on "map…"; a prefix listed here is matched as the key's first element
 * or, for "map", any first element starting with it).
 */
export const planWide: readonly string[] = [
  "overview",
  "alerts",
  "data-quality",
  "org-unit-values",
  "org-unit-completeness",
  "map",
];

/** Parses the data of a `change` event; undefined when it is not one. */
export function parseChangeEvent(data: string): ChangeEvent | undefined {
  try {
    const v: unknown = JSON.parse(data);
    if (typeof v !== "object" || v === null) return undefined;
    const o = v as Record<string, unknown>;
    const list = (x: unknown) =>
      Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : [];
    return {
      at: typeof o.at === "string" ? o.at : new Date().toISOString(),
      indicators: list(o.indicators),
      targets: list(o.targets),
      systems: list(o.systems),
      units: list(o.units),
      periods: list(o.periods),
    };
  } catch {
    return undefined;
  }
}

/** The indicator codes a batch of events touches: the changed ones and everything they feed. */
export function affectedIndicators(events: readonly ChangeEvent[]): Set<string> {
  const codes = new Set<string>();
  for (const e of events) for (const c of [...e.indicators, ...e.targets]) codes.add(c);
  return codes;
}

/** Whether a query (by its key) shows data the events changed. */
export function isAffected(queryKey: readonly unknown[], affected: ReadonlySet<string>): boolean {
  const [head, second] = queryKey;
  if (typeof head !== "string") return false;
  if (indicatorScoped.includes(head)) return typeof second === "string" && affected.has(second);
  return planWide.includes(head) || head.startsWith("map");
}

/**
 * Reads that recompute a plan's data gaps (alerts, quality, completeness): refreshed after the
 * others, so the numbers and tiles people watch are not queued behind them on the server.
 */
export const slowPrefixes: readonly string[] = ["alerts", "data-quality", "org-unit-completeness"];

export function isSlow(queryKey: readonly unknown[]): boolean {
  return typeof queryKey[0] === "string" && slowPrefixes.includes(queryKey[0]);
}
