/**
 * The demo's values, made from its trends (pure, deterministic: every demo looks the same). See
 * values.ts for how they are written.
 */
import {
  dueAt,
  formatPeriod,
  frequencyPeriodKind,
  monthRange,
  type Period,
  subdivide,
} from "../../domain/periods.js";
import { currentMonth } from "../dashboards/index.js";
import type { ObservationInput } from "../observations/index.js";
import { LONG_HISTORY, PART_OF, PROVINCIAL, TRENDS, type Trend } from "./trends.js";

export const DEMO_SOURCE = "Số liệu minh họa (demo) — không phải số liệu chính thức";

/** A value to write, with when it came in: after the due date, and whether it awaits approval. */
export type DemoInput = ObservationInput & { late: boolean; pending: boolean };

export interface DemoUnit {
  code: string;
  validFrom: string | null;
  validTo: string | null;
}

/** Whether a unit existed in (part of) a period, as the write path checks it. */
function existedIn(u: DemoUnit, p: Period): boolean {
  const [first, last] = monthRange(p);
  const start = `${p.year}-${String(first).padStart(2, "0")}-01`;
  const end = `${p.year}-${String(last).padStart(2, "0")}-28`;
  return !(u.validTo && u.validTo < start) && !(u.validFrom && u.validFrom > end);
}

/**
 * Who reports a province's figure for a period, with their shares: the province itself, or —
 * before it existed — the former provinces merged into it, in fixed unequal shares.
 */
function reportersOf(
  prov: DemoUnit,
  p: Period,
  predecessors: ReadonlyMap<string, readonly DemoUnit[]>,
): [string, number][] {
  const former = (predecessors.get(prov.code) ?? []).filter((f) => existedIn(f, p));
  if (existedIn(prov, p) || former.length === 0) return [[prov.code, 1]];
  const weights = former.map((f) => 1 + (hash(f.code) % 100) / 50);
  const total = weights.reduce((a, b) => a + b, 0);
  return former.map((f, i) => [f.code, (weights[i] as number) / total]);
}

/** Deterministic pseudo-random numbers (mulberry32), so every demo looks the same. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h >>> 0;
}

const perYear = { month: 12, quarter: 4, half_year: 2, year: 1 } as const;

/** The periods of a kind from a start year to the last one already due (by the 25th rule). */
export function demoPeriods(kind: Period["kind"], fromYear: number, now: Date): Period[] {
  const out: Period[] = [];
  for (let y = fromYear; y <= now.getUTCFullYear(); y++)
    for (const p of subdivide({ kind: "year", year: y, index: 1 }, kind))
      if (dueAt(p).getTime() <= now.getTime() + 5 * 86400_000 && kind !== "year") out.push(p);
      else if (kind === "year" && y < now.getUTCFullYear()) out.push(p);
  return out;
}

/** The level of an indicator's trend in the middle of a period, before noise. */
function trendLevel(t: Trend, p: Period): number {
  const years = p.year + ((p.index - 0.5) / perYear[p.kind] - 0.5) - (p.kind === "year" ? 2021 : 2025);
  return t.v0 + t.slope * years;
}

/** The national demo value of an indicator for a period (flows per period). */
export function demoValue(code: string, p: Period, random: () => number): number | boolean | null {
  const t = TRENDS[code];
  if (!t) return null;
  if (t.reachedIn) return formatPeriod(p) >= t.reachedIn;
  const base = trendLevel(t, p);
  const noisy = base * (1 + (t.noise ?? 0) * (random() * 2 - 1));
  const d = t.decimals ?? 0;
  return Math.max(0, Math.round(noisy * 10 ** d) / 10 ** d);
}

/** The least a yearly indicator's value can be in a year (its trend less its noise). */
function leastInYear(code: string, year: number): number | undefined {
  const t = TRENDS[code];
  if (!t || t.reachedIn) return undefined;
  return Math.floor(trendLevel(t, { kind: "year", year, index: 1 }) * (1 - (t.noise ?? 0)));
}

/** An operational indicator the demo may give values to, with its responsible body. */
export interface DemoIndicator {
  code: string;
  frequency: string;
  responsible: string | null;
}

/**
 * The demo's values (pure, deterministic): for each indicator with a trend, every period of its
 * frequency already due at `now`, by each current province (or, before a merge, its former
 * provinces) for the provincial indicators, else by the responsible body for the country.
 */
export function demoInputs(
  inds: readonly DemoIndicator[],
  provinces: readonly DemoUnit[],
  predecessors: ReadonlyMap<string, readonly DemoUnit[]>,
  now: Date,
): DemoInput[] {
  const shares = new Map<string, number>();
  {
    const r = rng(57);
    const raw = provinces.map(
      (p) => [p.code, 0.3 + r() * (p.code === "HA-NOI" || p.code === "HO-CHI-MINH" ? 4 : 1)] as const,
    );
    const total = raw.reduce((s, [, w]) => s + w, 0);
    for (const [c, w] of raw) shares.set(c, w / total);
  }
  const latestMonth = formatPeriod(currentMonth(now));
  const inputs: DemoInput[] = [];
  /** National values by indicator and period, and each province's report by indicator, province and period. */
  const national = new Map<string, number>();
  const reports = new Map<string, { value: number; late: boolean }>();
  // Wholes before their parts: a part is made from its whole.
  const yearly = new Set(inds.filter((i) => frequencyPeriodKind[i.frequency] === "year").map((i) => i.code));
  const ordered = [...inds].sort((a, b) => Number(PART_OF.has(a.code)) - Number(PART_OF.has(b.code)));
  for (const ind of ordered) {
    const kind = frequencyPeriodKind[ind.frequency];
    if (!kind || !TRENDS[ind.code]) continue;
    const random = rng(hash(ind.code));
    const periods = demoPeriods(kind, kind === "year" || LONG_HISTORY.has(ind.code) ? 2021 : 2025, now);
    const lastPeriod = periods[periods.length - 1];
    const whole = PART_OF.get(ind.code);
    for (const p of periods) {
      const v = demoValue(ind.code, p, random);
      if (v === null) continue;
      const period = formatPeriod(p);
      const pending = p === lastPeriod && kind !== "year";
      if (typeof v === "number") national.set(`${ind.code}|${period}`, v);
      const wholeNational = whole === undefined ? undefined : national.get(`${whole}|${period}`);
      if (PROVINCIAL.has(ind.code) && typeof v === "number") {
        for (const prov of provinces) {
          let value: number;
          let late: boolean;
          if (whole !== undefined && wholeNational !== undefined) {
            // Reported with its whole, in the same report: no whole yet, no part either.
            const report = reports.get(`${whole}|${prov.code}|${period}`);
            if (!report) continue;
            const lead = 0.94 + ((hash(`${ind.code}|${prov.code}`) % 1000) / 1000) * 0.12;
            const share = wholeNational > 0 ? (v / wholeNational) * lead * (0.98 + random() * 0.04) : 0;
            value = Math.round(report.value * Math.min(1, share));
            late = report.late;
          } else {
            // A few provinces have not reported the latest periods yet (data gaps).
            const r = random();
            if (pending && r < 0.12) continue;
            const share = shares.get(prov.code) ?? 0;
            value = Math.round(v * share * (0.94 + random() * 0.12));
            // A few outliers: a report keyed in ten times too large (its parts follow it).
            if (random() < 0.004) value *= 10;
            late = random() < 0.08;
          }
          reports.set(`${ind.code}|${prov.code}|${period}`, { value, late });
          // Before a merged province existed (1 July 2025) its former provinces reported: the
          // figure is theirs, split between them, and counts for the province through lineage.
          for (const [unit, part] of reportersOf(prov, p, predecessors))
            inputs.push({
              indicator: ind.code,
              unit,
              period,
              value: Math.round(value * part),
              source: DEMO_SOURCE,
              late,
              pending,
            });
        }
      } else {
        // A part is capped by its whole of the period or, for a yearly whole (the population),
        // by the least that whole is in the year.
        const cap =
          whole === undefined
            ? undefined
            : (wholeNational ?? (yearly.has(whole) ? leastInYear(whole, p.year) : undefined));
        inputs.push({
          indicator: ind.code,
          unit: "VN",
          reporterUnit: ind.responsible ?? "VN",
          period,
          value: typeof v === "number" && cap !== undefined ? Math.min(v, cap) : v,
          source: DEMO_SOURCE,
          late: random() < 0.1,
          pending: pending && period <= latestMonth,
        });
      }
    }
  }
  return inputs;
}
