/**
 * The option of an indicator's series chart: observed values, the forecast with its 80 % and
 * 95 % bands to the target year, and the target as a line. Pure, so it is tested without a DOM.
 */
import { formatNumber, type Lang } from "../../lib/format.js";
import type { EChartsOption } from "./echarts.js";

export interface SeriesInput {
  points: { period: string; value: number | null }[];
  targets: { year: number; comparator: string; value: number | null; valueMax: number | null }[];
  forecastBand: { year: number; value: number; low: number; high: number; low80: number; high80: number }[];
  unit: string | null;
}

export interface SeriesLabels {
  observed: string;
  forecast: string;
  band80: string;
  band95: string;
  target: (year: number) => string;
}

/** An axis bound that takes in the target as well as the data, on a round number. */
function axisBound(target: number, side: "min" | "max") {
  return (extent: { min: number; max: number }) => {
    const lo = Math.min(extent.min, target);
    const hi = Math.max(extent.max, target);
    const span = hi - lo || Math.abs(hi) || 1;
    const step = 10 ** Math.floor(Math.log10(span));
    const pad = span * 0.05;
    return side === "min" ? Math.floor((lo - pad) / step) * step : Math.ceil((hi + pad) / step) * step;
  };
}

export function seriesOption(s: SeriesInput, lang: Lang, labels: SeriesLabels): EChartsOption {
  const observed = s.points.filter((p) => p.value !== null);
  const lastPeriod = observed.at(-1)?.period;
  const lastYear = lastPeriod ? Number(lastPeriod.slice(0, 4)) : undefined;
  const bandYears = s.forecastBand.filter((b) => lastYear === undefined || b.year > lastYear);
  // A yearly series may end with empty periods (the current year, not reported yet) that the
  // forecast also names: one category per period, the observed one first.
  const periods = s.points.map((p) => p.period);
  const categories = [
    ...periods,
    ...bandYears.map((b) => String(b.year)).filter((y) => !periods.includes(y)),
  ];
  const indexOf = (year: number) => {
    const k = categories.indexOf(String(year));
    return k >= 0 ? k : -1;
  };
  const at = (_: null): (number | null)[] => categories.map(() => null);
  const values = categories.map((_, k) => (k < s.points.length ? (s.points[k]?.value ?? null) : null));
  const forecast = at(null);
  const low95 = at(null);
  const width95 = at(null);
  const low80 = at(null);
  const width80 = at(null);
  const lastIndex = lastPeriod ? s.points.findIndex((p) => p.period === lastPeriod) : -1;
  if (lastIndex >= 0 && bandYears.length > 0) {
    const v = s.points[lastIndex]?.value ?? null;
    forecast[lastIndex] = v;
  }
  bandYears.forEach((b) => {
    const k = indexOf(b.year);
    if (k < 0) return;
    forecast[k] = b.value;
    low95[k] = b.low;
    width95[k] = b.high - b.low;
    low80[k] = b.low80;
    width80[k] = b.high80 - b.low80;
  });
  const fmt = (v: unknown) => (typeof v === "number" ? formatNumber(v, lang) : "—");
  const target = s.targets.find((t) => t.value !== null);
  const markLine = target
    ? {
        symbol: "none",
        silent: true,
        lineStyle: { color: "#b3261e", type: "dashed", width: 2 },
        label: { formatter: `${labels.target(target.year)}: ${fmt(target.value)}`, position: "insideEndTop" },
        data: [{ yAxis: target.value }, ...(target.valueMax !== null ? [{ yAxis: target.valueMax }] : [])],
      }
    : undefined;
  const bandStyle = (opacity: number) => ({
    lineStyle: { opacity: 0 },
    areaStyle: { color: "#1565c0", opacity },
  });
  return {
    animation: false,
    grid: {
      left: 8,
      right: 16,
      top: 28,
      bottom: 8,
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel",
    },
    tooltip: { trigger: "axis", valueFormatter: fmt },
    legend: { top: 0, data: [labels.observed, labels.forecast] },
    xAxis: { type: "category", data: categories, boundaryGap: false },
    yAxis: {
      type: "value",
      scale: true,
      axisLabel: { formatter: fmt },
      name: s.unit ?? "",
      // Starting at the axis, not centred on it: a long unit ("per 10,000 people") is not cut off.
      nameTextStyle: { align: "left" },
      // The target line must stay on the chart even when it is far from the values.
      ...(target?.value != null
        ? { min: axisBound(target.value, "min"), max: axisBound(target.value, "max") }
        : {}),
    },
    series: [
      {
        name: "low95",
        type: "line",
        data: low95,
        stack: "b95",
        symbol: "none",
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name: labels.band95,
        type: "line",
        data: width95,
        stack: "b95",
        symbol: "none",
        ...bandStyle(0.12),
        tooltip: { show: false },
      },
      {
        name: "low80",
        type: "line",
        data: low80,
        stack: "b80",
        symbol: "none",
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name: labels.band80,
        type: "line",
        data: width80,
        stack: "b80",
        symbol: "none",
        ...bandStyle(0.22),
        tooltip: { show: false },
      },
      {
        name: labels.forecast,
        type: "line",
        data: forecast,
        symbol: "circle",
        symbolSize: 5,
        lineStyle: { type: "dashed", color: "#1565c0" },
        itemStyle: { color: "#1565c0" },
        connectNulls: true,
      },
      {
        name: labels.observed,
        type: "line",
        data: values,
        symbol: "circle",
        symbolSize: 6,
        lineStyle: { width: 2.5, color: "#202124" },
        itemStyle: { color: "#202124" },
        connectNulls: false,
        ...(markLine ? { markLine } : {}),
      },
    ],
  };
}
