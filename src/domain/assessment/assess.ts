/**
 * Progress and status of a target, as pure functions shared by the server and the web app.
 *
 * - Progress runs from the baseline to the target (0..1, clamped), direction-aware: higher is
 *   better, lower is better (ranks: "top N"), ranges (met at the lower bound; the upper bound is
 *   the ambition), growth rates, yes/no milestones; qualitative targets have none.
 * - Status comes from the forecast at the target year, not the last value alone: on track when
 *   the whole forecast band meets the target, at risk when the target lies inside the band, off
 *   track when the band misses it, achieved when the latest value already meets it, no data when
 *   there is nothing (or too little) to judge. Every status carries a reason in Vietnamese and English.
 */
import { type Forecast, forecast, type Point, yearReached } from "./forecast.js";

export type TargetKind = "value" | "range" | "rank" | "growth_rate" | "milestone" | "qualitative";
export type Comparator = ">" | ">=" | "<" | "<=" | "=" | "between" | "top";

export interface TargetSpec {
  kind: TargetKind;
  comparator: Comparator;
  year: number;
  value: number | null;
  valueMax?: number | null;
  achieved?: boolean | null;
  unit?: string | null;
}

export type Status = "on_track" | "at_risk" | "off_track" | "achieved" | "no_data";

export interface Reason {
  vi: string;
  en: string;
}

export interface Assessment {
  status: Status;
  progress: number | null;
  latest: Point | null;
  forecast: Forecast | null;
  /** First year the trend reaches the target (null: not by 2100, or no trend). */
  reachedYear: number | null;
  reason: Reason;
}

const EPS = 1e-9;

// Building an Intl.NumberFormat costs far more than using one: keep the four this needs.
const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(v: number, lang: "vi" | "en"): string {
  const digits = Math.abs(v) < 10 ? 2 : 1;
  const key = `${lang}${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f.format(v);
}

/** True when a higher value is better for this target. */
export function higherIsBetter(t: TargetSpec): boolean {
  return !(t.comparator === "top" || t.comparator === "<" || t.comparator === "<=");
}

/** Whether a value meets the target. */
export function meets(t: TargetSpec, v: number): boolean {
  const goal = t.value ?? 0;
  switch (t.comparator) {
    case ">":
      return v > goal + EPS;
    case ">=":
    case "between":
      return v >= goal - EPS;
    case "<":
      return v < goal - EPS;
    case "<=":
    case "top":
      return v <= goal + EPS;
    case "=":
      return Math.abs(v - goal) <= EPS * Math.max(1, Math.abs(goal));
  }
}

export function progress(t: TargetSpec, baseline: number | null, v: number | null): number | null {
  if (t.kind === "qualitative" || v === null) return null;
  if (t.kind === "milestone") return v >= 1 - EPS ? 1 : 0;
  if (t.value === null) return null;
  if (meets(t, v)) return 1;
  const clamp = (x: number) => Math.min(1, Math.max(0, x));
  const goal = t.value;
  if (higherIsBetter(t)) {
    const start = baseline ?? 0;
    if (goal - start <= EPS) return v >= goal ? 1 : 0;
    return clamp((v - start) / (goal - start));
  }
  // Lower is better (ranks: "top N", or "< x"). Without a baseline, the share of the gap closed.
  if (baseline === null || baseline - goal <= EPS) return clamp(v <= 0 ? 1 : goal / v);
  return clamp((baseline - v) / (baseline - goal));
}

function describeTarget(t: TargetSpec, lang: "vi" | "en"): string {
  const u = t.unit ? ` ${t.unit}` : "";
  const n = (x: number | null | undefined) => formatNumber(x ?? 0, lang);
  if (t.comparator === "top") return lang === "vi" ? `nhóm ${n(t.value)} dẫn đầu` : `top ${n(t.value)}`;
  if (t.comparator === "between") return `${n(t.value)}–${n(t.valueMax)}${u}`;
  return `${t.comparator === "=" ? "" : `${t.comparator} `}${n(t.value)}${u}`;
}

export function assess(
  t: TargetSpec,
  baseline: number | null,
  series: Point[],
  now = new Date(),
): Assessment {
  const points = series.filter((p) => Number.isFinite(p.v)).sort((a, b) => a.t - b.t);
  const latest = points[points.length - 1] ?? null;
  const base = { latest, forecast: null, reachedYear: null };
  const u = t.unit ? ` ${t.unit}` : "";

  if (t.kind === "qualitative")
    return {
      ...base,
      status: "no_data",
      progress: null,
      reason: {
        vi: "chỉ tiêu định tính: đánh giá qua các KPI đo lường nó",
        en: "qualitative target: assessed through the KPIs that measure it",
      },
    };
  if (!latest)
    return {
      ...base,
      status: "no_data",
      progress: null,
      reason: { vi: "chưa có số liệu", en: "no values reported yet" },
    };

  if (t.kind === "milestone") {
    if (latest.v >= 1 - EPS)
      return {
        ...base,
        status: "achieved",
        progress: 1,
        reason: { vi: "đã hoàn thành mốc", en: "milestone reached" },
      };
    const late = now.getUTCFullYear() > t.year;
    return {
      ...base,
      status: late ? "off_track" : "no_data",
      progress: 0,
      reason: late
        ? { vi: `chưa hoàn thành, đã quá hạn năm ${t.year}`, en: `not reached, past its ${t.year} deadline` }
        : { vi: `chưa hoàn thành; hạn năm ${t.year}`, en: `not reached yet; due ${t.year}` },
    };
  }

  const p = progress(t, baseline, latest.v);
  if (meets(t, latest.v))
    return {
      ...base,
      status: "achieved",
      progress: 1,
      reason: {
        vi: `đã đạt: ${formatNumber(latest.v, "vi")}${u} (mục tiêu ${describeTarget(t, "vi")})`,
        en: `achieved: ${formatNumber(latest.v, "en")}${u} (target ${describeTarget(t, "en")})`,
      },
    };

  const f = forecast(points, t.year);
  if (!f.ok) return { ...base, status: "no_data", progress: p, reason: f.reason };
  const fc = f.forecast;
  const goal = t.value ?? 0;
  const reachedYear = yearReached(points, fc, t.comparator === "between" ? goal : goal, higherIsBetter(t));
  const hits = [meets(t, fc.low), meets(t, fc.value), meets(t, fc.high)];
  const status: Status = hits.every(Boolean) ? "on_track" : hits.some(Boolean) ? "at_risk" : "off_track";
  const better = meets(t, fc.value);
  const where = (lang: "vi" | "en") =>
    lang === "vi"
      ? better
        ? "đạt"
        : higherIsBetter(t)
          ? "thấp hơn"
          : "kém hơn"
      : better
        ? "meeting"
        : higherIsBetter(t)
          ? "below"
          : "short of";
  const band = (lang: "vi" | "en") => `${formatNumber(fc.low, lang)}–${formatNumber(fc.high, lang)}`;
  return {
    status,
    progress: p,
    latest,
    forecast: fc,
    reachedYear,
    reason: {
      vi:
        `dự báo đạt ${formatNumber(fc.value, "vi")}${u} năm ${t.year}, ${where("vi")} mục tiêu ${describeTarget(t, "vi")}` +
        ` (khoảng tin cậy ${band("vi")})` +
        (status === "at_risk" ? "; mục tiêu nằm trong khoảng dự báo" : ""),
      en:
        `forecast ${formatNumber(fc.value, "en")}${u} in ${t.year}, ${where("en")} the target ${describeTarget(t, "en")}` +
        ` (band ${band("en")})` +
        (status === "at_risk" ? "; the target lies inside the forecast band" : ""),
    },
  };
}
