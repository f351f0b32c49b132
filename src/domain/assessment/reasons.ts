/**
 * The sentence beside a forecast status: the method and the numbers a reader needs to check it,
 * in Vietnamese and English — the forecast and its 80 % band, the chance of meeting the target,
 * and the yearly change needed against the one observed.
 */

import type { YearlyChange } from "./change.js";
import type { Forecast, Method } from "./forecast.js";
import { describeTarget, formatNumber, higherIsBetter, type TargetSpec, unitIn } from "./target.js";

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

const isRank = (t: TargetSpec) => t.kind === "rank" || t.comparator === "top";

/** The word for one step of change in the target's unit: percentage points, places, or the unit. */
function changeUnit(t: TargetSpec, lang: Lang): string {
  if (isRank(t)) return lang === "vi" ? " bậc" : " places";
  const u = unitIn(t.unit, lang);
  if (u.includes("%")) return lang === "vi" ? " điểm %" : " pp";
  return u ? ` ${u}` : "";
}

/**
 * A yearly change in words, as needed (`needed`) or as observed. A rank's number falling is a
 * climb: "lên 3 bậc" / "climb 3 places", never "tăng", which a Vietnamese reader takes as an
 * improvement whichever way the number moves.
 */
function signed(t: TargetSpec, v: number, lang: Lang, needed: boolean): string {
  const n = `${formatNumber(Math.abs(v), lang)}${changeUnit(t, lang)}`;
  const up = v <= 0;
  if (isRank(t)) {
    if (lang === "vi") return `${up ? "lên" : "xuống"} ${n}/năm`;
    return needed ? `${up ? "to climb" : "may fall"} ${n}/year` : `${up ? "climbed" : "fell"} ${n}/year`;
  }
  if (lang === "vi") return `${v < 0 ? "giảm" : "tăng"} ${n}/năm`;
  return `${needed ? "" : "gave "}${v < 0 ? "−" : "+"}${n}/year`;
}

/** A value as the sentence gives it: "hạng 44" / "rank 44" for ranks, else the number and unit. */
function valueText(t: TargetSpec, x: number, lang: Lang): string {
  // A rank is a whole place: "hạng 44", not "hạng 43,6".
  if (isRank(t)) return `${lang === "vi" ? "hạng" : "rank"} ${formatNumber(Math.round(x), lang)}`;
  const u = unitIn(t.unit, lang);
  return `${formatNumber(x, lang)}${u ? ` ${u}` : ""}`;
}

export function changeClause(t: TargetSpec, c: YearlyChange | null, lang: Lang): string {
  if (!c || c.needed === null) return "";
  const needed = signed(t, c.needed, lang, true);
  if (c.observed === null || c.observedYears === null)
    return lang === "vi" ? `; cần ${needed}` : `; needs ${needed}`;
  const years = formatNumber(c.observedYears, lang);
  const observed = signed(t, c.observed, lang, false);
  return lang === "vi"
    ? `; cần ${needed}, ${years} năm qua ${observed}`
    : `; needs ${needed}, the last ${years} years ${observed}`;
}

// Rounded down, so that a printed 80 % is always on track and 20 % never off track.
const pct = (p: number) => `${Math.floor(p * 100 + 1e-9)}%`;

export function forecastSentence(
  lang: Lang,
  t: TargetSpec,
  f: Forecast,
  probability: number,
  change: YearlyChange | null,
  meetsAtForecast: boolean,
): string {
  const n = (x: number) => formatNumber(x, lang);
  const u = unitIn(t.unit, lang);
  const band = isRank(t)
    ? `${lang === "vi" ? "hạng" : "ranks"} ${n(Math.round(f.low80))}–${n(Math.round(f.high80))}`
    : `${n(f.low80)}–${n(f.high80)}${u ? ` ${u}` : ""}`;
  const method = METHOD_NAMES[f.method][lang];
  if (lang === "vi") {
    const where = meetsAtForecast ? "đạt" : higherIsBetter(t) ? "thấp hơn" : "kém hơn";
    return (
      `dự báo đạt ${valueText(t, f.value, "vi")} năm ${t.year}, ${where} mục tiêu ${describeTarget(t, "vi")}` +
      `; khả năng đạt ${pct(probability)} (khoảng 80%: ${band})` +
      changeClause(t, change, "vi") +
      ` — phương pháp: ${method}, ${f.pointCount} kỳ số liệu`
    );
  }
  const where = meetsAtForecast ? "meeting" : higherIsBetter(t) ? "below" : "short of";
  return (
    `forecast ${valueText(t, f.value, "en")} in ${t.year}, ${where} the target ${describeTarget(t, "en")}` +
    `; a ${pct(probability)} chance of meeting it (80% band ${band})` +
    changeClause(t, change, "en") +
    ` — method: ${method}, ${f.pointCount} values`
  );
}
