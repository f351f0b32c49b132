import { describe, expect, it } from "vitest";
import { assess, type TargetSpec } from "./assess.js";
import { changeNeeded } from "./change.js";
import type { Point } from "./forecast.js";
import { classOfRatio, progressClass } from "./progress-class.js";
import { HISTORY_WINDOW, statusChange } from "./status-history.js";

const years = (vs: number[], from = 2018): Point[] => vs.map((v, i) => ({ t: from + i + 0.5, v }));
const hdi: TargetSpec = { kind: "value", comparator: ">=", year: 2030, value: 0.78 };
const opts = { bounds: { min: 0, max: 1 } };
const june2026 = new Date("2026-06-01");

describe("since when a status holds", () => {
  it("names the point whose arrival changed the status, and the status before it", () => {
    const rising = years([0.7, 0.71, 0.72, 0.73, 0.74, 0.75, 0.76, 0.77]);
    expect(assess(hdi, 0.7, rising, june2026, opts).status).toBe("on_track");
    const fell = [...rising, { t: 2026.5, v: 0.72 }];
    const now = assess(hdi, 0.7, fell, june2026, opts).status;
    expect(now).not.toBe("on_track");
    expect(statusChange(hdi, 0.7, fell, now, june2026, opts)).toEqual({
      previousStatus: "on_track",
      changedAt: 2026.5,
    });
  });

  it("goes back to the first forecast when the status never changed (before it: too few points)", () => {
    const s = years([0.7, 0.71, 0.72]);
    const now = assess(hdi, 0.7, s, june2026, opts).status;
    expect(now).not.toBe("no_data");
    expect(statusChange(hdi, 0.7, s, now, june2026, opts)).toEqual({
      previousStatus: "no_data",
      changedAt: 2020.5,
    });
  });

  it("looks back at most HISTORY_WINDOW points", () => {
    // Monthly values far above the target: achieved all along, so nothing changes in the window.
    const monthly = Array.from({ length: HISTORY_WINDOW + 10 }, (_, i) => ({
      t: 2020 + (i + 0.5) / 12,
      v: 0.9,
    }));
    expect(statusChange(hdi, 0.7, monthly, "achieved", june2026, opts)).toEqual({
      previousStatus: null,
      changedAt: null,
    });
  });
});

describe("progress class (Open SDG / Statistics Canada)", () => {
  const rd: TargetSpec = { kind: "value", comparator: ">=", year: 2030, value: 2 };

  it("compares observed with required compound growth since the first value", () => {
    // 0.4 → 0.65 over 2020–2025: (0.65/0.4)^(1/5) − 1 = 10.19 %/year; needed (2/0.4)^(1/10) − 1 = 17.46 %.
    const c = progressClass(rd, years([0.4, 0.45, 0.5, 0.55, 0.6, 0.65], 2020));
    expect(c.ratio).toBeCloseTo(0.58397, 4);
    expect(c.class).toBe("limited_progress");
  });

  it("measures from the indicator's baseline when it is dated before the series, else from the first value", () => {
    const series = years([0.4, 0.45, 0.5, 0.55, 0.6, 0.65], 2020);
    const c = progressClass(rd, series, { t: 2015.5, v: 0.3 });
    expect(c.ratio).toBeCloseTo(((0.65 / 0.3) ** (1 / 10) - 1) / ((2 / 0.3) ** (1 / 15) - 1), 10);
    expect(progressClass(rd, series, { t: 2022.5, v: 0.1 }).ratio).toBeCloseTo(0.58397, 4);
    // Through assess: the baseline and its year from the indicator.
    const a = assess(rd, 0.3, series, new Date("2026-06-01"), { baselineYear: 2015 });
    expect(a.progressClass.ratio).toBeCloseTo(c.ratio as number, 12);
  });

  it("uses sdg-build's thresholds 0.95, 0.6 and 0", () => {
    expect(classOfRatio(0.95)).toBe("substantial_progress");
    expect(classOfRatio(0.9499)).toBe("moderate_progress");
    expect(classOfRatio(0.6)).toBe("moderate_progress");
    expect(classOfRatio(0.5999)).toBe("limited_progress");
    expect(classOfRatio(0)).toBe("limited_progress");
    expect(classOfRatio(-0.0001)).toBe("deterioration");
  });

  it("reverses the direction for ranks, and says when the target is met or nothing can be said", () => {
    const top50: TargetSpec = { kind: "rank", comparator: "top", year: 2030, value: 50 };
    // 86 → 68 over 5 years: −4.58 %/year against −5.75 %/year needed over 10 years.
    const c = progressClass(top50, years([86, 81, 79, 75, 71, 68], 2020));
    expect(c.ratio).toBeCloseTo(-((68 / 86) ** (1 / 5) - 1) / Math.abs((50 / 86) ** (1 / 10) - 1), 10);
    expect(c.class).toBe("moderate_progress");
    expect(progressClass(top50, years([86, 60, 49])).class).toBe("target_achieved");
    expect(progressClass(rd, years([0.5])).class).toBe("not_available");
    expect(progressClass(rd, years([-0.5, 0.5])).class).toBe("not_available");
    expect(progressClass({ ...rd, kind: "milestone" }, years([0, 1])).class).toBe("not_available");
  });
});

describe("yearly change needed and observed", () => {
  it("needs the gap over the years left, observed over the last five years", () => {
    const c = changeNeeded(years([1, 1.2, 1.4, 1.6, 1.8, 2.0, 2.2], 2019), 11.2, 2030);
    expect(c.needed).toBeCloseTo((11.2 - 2.2) / 5, 12);
    expect(c.observed).toBeCloseTo((2.2 - 1.2) / 5, 12);
    expect(c.observedYears).toBe(5);
  });

  it("has nothing observed from one point and nothing needed once the target year has passed", () => {
    expect(changeNeeded(years([3], 2025), 5, 2030)).toEqual({
      needed: 0.4,
      observed: null,
      observedYears: null,
    });
    expect(changeNeeded(years([3, 4], 2030), 5, 2030).needed).toBeNull();
  });
});
