/**
 * The sentence beside a forecast status: the method and the numbers a reader needs to check it,
 * in Vietnamese and English — the forecast and its 80 % band, the chance of meeting the target,
 * and the yearly change needed against the one observed.
 */

import type { YearlyChange } from "./change.js";
import type { Forecast, Method } from "./forecast.js";
import { describeTarget, formatNumber, higherIsBetter, type TargetSpec } from "./target.js";

type Lang = "vi" | "en";

export const METHOD_NAMES: Record<Method, { vi: string; en: string }> = {
  naive: { vi: "giữ nguyên giá trị gần nhất", en: "latest value carried forward" },
  drift: { vi: "bước ngẫu nhiên có xu hướng", en: "random walk with drift" },
  ses: { vi: "san bằng mũ đơn", en: "simple exponential smoothing" },
  holt: { vi: "xu thế tuyến tính Holt", en: "Holt's linear trend" },
  damped: { vi: "xu thế giảm dần", en: "damped trend" },
  theta: { vi: "Theta", en: "Theta" },
  comb: {
    vi: "trung bình của san bằng mũ, xu thế Holt và xu thế giảm dần (Comb)",
    en: "Comb: mean of exponential smoothing, Holt's and damped trends",
  },
};

/** The word for one step of change in the target's unit: percentage points, places, or the unit. */
function changeUnit(t: TargetSpec, lang: Lang): string {
  if (t.kind === "rank" || t.comparator === "top") return lang === "vi" ? " bậc" : " places";
  const u = t.unit ?? "";
  if (u.includes("%")) return lang === "vi" ? " điểm %" : " pp";
  return u ? ` ${u}` : "";
}

function signed(v: number, lang: Lang, unit: string): string {
  const n = formatNumber(Math.abs(v), lang);
  if (lang === "vi") return `${v < 0 ? "giảm" : "tăng"} ${n}${unit}/năm`;
  return `${v < 0 ? "−" : "+"}${n}${unit}/year`;
}

export function changeClause(t: TargetSpec, c: YearlyChange | null, lang: Lang): string {
  if (!c || c.needed === null) return "";
  const unit = changeUnit(t, lang);
  const needed = signed(c.needed, lang, unit);
  if (c.observed === null || c.observedYears === null)
    return lang === "vi" ? `; cần ${needed}` : `; needs ${needed}`;
  const years = formatNumber(c.observedYears, lang);
  const observed = signed(c.observed, lang, unit);
  return lang === "vi"
    ? `; cần ${needed}, ${years} năm qua ${observed}`
    : `; needs ${needed}, the last ${years} years gave ${observed}`;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

export function forecastSentence(
  lang: Lang,
  t: TargetSpec,
  f: Forecast,
  probability: number,
  change: YearlyChange | null,
  meetsAtForecast: boolean,
): string {
  const u = t.unit ? ` ${t.unit}` : "";
  const n = (x: number) => formatNumber(x, lang);
  const band = `${n(f.low80)}–${n(f.high80)}${u}`;
  const method = METHOD_NAMES[f.method][lang];
  if (lang === "vi") {
    const where = meetsAtForecast ? "đạt" : higherIsBetter(t) ? "thấp hơn" : "kém hơn";
    return (
      `dự báo đạt ${n(f.value)}${u} năm ${t.year}, ${where} mục tiêu ${describeTarget(t, "vi")}` +
      `; khả năng đạt ${pct(probability)} (khoảng 80%: ${band})` +
      changeClause(t, change, "vi") +
      ` — phương pháp: ${method}, ${f.pointCount} kỳ số liệu`
    );
  }
  const where = meetsAtForecast ? "meeting" : higherIsBetter(t) ? "below" : "short of";
  return (
    `forecast ${n(f.value)}${u} in ${t.year}, ${where} the target ${describeTarget(t, "en")}` +
    `; a ${pct(probability)} chance of meeting it (80% band ${band})` +
    changeClause(t, change, "en") +
    ` — method: ${method}, ${f.pointCount} values`
  );
}
