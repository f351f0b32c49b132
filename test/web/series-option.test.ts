/** The series chart's option: one category per period, the band where its year is, the target kept in view. */
import { describe, expect, it } from "vitest";
import { seriesOption } from "../../src/web/components/charts/series-option.js";

const labels = {
  observed: "obs",
  forecast: "fc",
  band80: "b80",
  band95: "b95",
  target: (y: number) => `target ${y}`,
};
type Line = { name: string; data: (number | null)[] };
const band = (year: number, value: number) => ({
  year,
  value,
  low: value - 2,
  high: value + 2,
  low80: value - 1,
  high80: value + 1,
});

describe("series chart option", () => {
  const input = {
    points: [
      { period: "2023", value: 0.4 },
      { period: "2024", value: 0.5 },
      { period: "2025", value: 0.6 },
      { period: "2026", value: null },
    ],
    targets: [{ year: 2030, comparator: ">=", value: 2, valueMax: null }],
    forecastBand: [band(2026, 0.7), band(2027, 0.8), band(2030, 1.1)],
    unit: "% GDP",
  };
  const option = seriesOption(input, "vi", labels) as {
    xAxis: { data: string[] };
    yAxis: {
      min: (e: { min: number; max: number }) => number;
      max: (e: { min: number; max: number }) => number;
    };
    series: Line[];
  };

  it("names each period once, even when the forecast starts in an empty current year", () => {
    expect(option.xAxis.data).toEqual(["2023", "2024", "2025", "2026", "2027", "2030"]);
  });

  it("puts each forecast year's value and bands at that year, joined to the last observed value", () => {
    const forecast = option.series.find((l) => l.name === "fc")?.data;
    expect(forecast).toEqual([null, null, 0.6, 0.7, 0.8, 1.1]);
    const width80 = option.series.find((l) => l.name === "b80")?.data;
    expect(width80).toEqual([null, null, null, 2, 2, 2]);
    const observed = option.series.find((l) => l.name === "obs")?.data;
    expect(observed).toEqual([0.4, 0.5, 0.6, null, null, null]);
  });

  it("keeps a target far above the data inside the value axis", () => {
    expect(option.yAxis.max({ min: 0.4, max: 1.1 })).toBeGreaterThan(2);
    expect(option.yAxis.min({ min: 0.4, max: 1.1 })).toBeLessThan(0.4);
  });
});
