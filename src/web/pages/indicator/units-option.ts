/**
 * The units of one level from a breakdown, ranked, and the ranked-bars chart of their values.
 * Pure, so it is tested without a DOM.
 */
import type { EChartsOption } from "../../components/charts/echarts.js";
import { formatNumber, type Lang } from "../../lib/format.js";

/** Province-level units, or ministries and the bodies at ministry level. */
const LEVEL_KINDS = {
  province: ["province"],
  ministry: ["ministry", "ministry_level_agency", "government_agency"],
} as const;

export interface UnitRowLike {
  unit: { code: string; kind: string };
  value: number | null;
  rank: number | null;
}

/** The level's units, best rank first; units without a value last, by code. */
export function unitsOfLevel<T extends UnitRowLike>(
  items: readonly T[],
  level: "province" | "ministry",
): T[] {
  const kinds: readonly string[] = LEVEL_KINDS[level];
  return items
    .filter((i) => kinds.includes(i.unit.kind))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1;
        return a.unit.code.localeCompare(b.unit.code);
      }
      return (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
    });
}

/** Horizontal bars, first item on top; only items with a value are drawn. */
export function rankedBarsOption(
  items: readonly { label: string; value: number | null }[],
  lang: Lang,
  unit: string | null,
): EChartsOption {
  const drawn = items.filter((i): i is { label: string; value: number } => i.value !== null);
  const fmt = (v: unknown) => (typeof v === "number" ? formatNumber(v, lang) : "—");
  return {
    animation: false,
    // Room below the bars for the value labels and, under them, the unit.
    grid: { left: 8, right: 56, top: 8, bottom: unit ? 44 : 24 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: fmt },
    xAxis: {
      type: "value",
      // At 375 px five thousands-separated labels run together: fewer, and none overlapping.
      splitNumber: 4,
      axisLabel: { formatter: fmt, hideOverlap: true },
      name: unit ?? "",
      nameLocation: "middle",
      nameGap: 26,
      scale: false,
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: drawn.map((d) => d.label),
      axisLabel: { width: 140, overflow: "truncate" },
    },
    series: [
      {
        type: "bar",
        data: drawn.map((d) => d.value),
        itemStyle: { color: "#1565c0" },
        barMaxWidth: 16,
        label: { show: true, position: "right", formatter: (p: { value: unknown }) => fmt(p.value) },
      },
    ],
  };
}
