/**
 * How the map writes values and periods: a percentage with its sign as each language writes it
 * ("82,4 %" / "82.4%"), other values as plain numbers (the unit is named once above the map), and
 * a period code as words ("tháng 10/2026", "quý 3/2026").
 */
import { useTranslation } from "react-i18next";
import { formatNumber, type Lang } from "../../lib/format.js";

export function formatMapValue(value: number | null, unit: string | null, lang: Lang): string {
  if (value === null) return "—";
  if (unit === "%") {
    const n = formatNumber(value, lang, 1);
    return lang === "vi" ? `${n} %` : `${n}%`;
  }
  return formatNumber(value, lang);
}

/** A function writing a period code (2026, 2026-H1, 2026-Q3, 2026-10) in the page's language. */
export function usePeriodLabel(): (period: string) => string {
  const { t } = useTranslation("map");
  return (period) => {
    const m = /^(\d{4})(?:-(Q|H)?(\d{1,2}))?$/.exec(period);
    if (!m) return period;
    const [, year, kind, n] = m;
    if (!n) return t("period.year", { year });
    if (kind === "Q") return t("period.quarter", { year, n });
    if (kind === "H") return t("period.half", { year, n });
    return t("period.month", { year, n: String(Number(n)) });
  };
}
