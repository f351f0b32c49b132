import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, meets, progress, type TargetSpec } from "./assess.js";
import { forecast, type Point } from "./forecast.js";

const years = (vs: number[], from = 2020): Point[] => vs.map((v, i) => ({ t: from + i + 0.5, v }));
const rd: TargetSpec = { kind: "value", comparator: ">=", year: 2030, value: 2, unit: "% GDP" };

describe("progress", () => {
  it("runs from baseline to target for higher-is-better values", () => {
    expect(progress(rd, 0.4, 0.4)).toBe(0);
    expect(progress(rd, 0.4, 1.2)).toBeCloseTo(0.5);
    expect(progress(rd, 0.4, 2.5)).toBe(1);
    expect(progress(rd, 0.4, 0.1)).toBe(0);
  });

  it("handles ranks (top N, lower is better), ranges, milestones and qualitative targets", () => {
    const rank: TargetSpec = { kind: "rank", comparator: "top", year: 2030, value: 50 };
    expect(progress(rank, 86, 68)).toBeCloseTo(0.5);
    expect(progress(rank, 86, 50)).toBe(1);
    expect(progress(rank, 86, 90)).toBe(0);
    const range: TargetSpec = { kind: "range", comparator: "between", year: 2030, value: 40, valueMax: 50 };
    expect(progress(range, 10, 25)).toBeCloseTo(0.5);
    expect(progress(range, 10, 55)).toBe(1);
    const milestone: TargetSpec = {
      kind: "milestone",
      comparator: "=",
      year: 2030,
      value: null,
      achieved: true,
    };
    expect(progress(milestone, null, 1)).toBe(1);
    expect(progress(milestone, null, 0)).toBe(0);
    expect(progress({ ...rd, kind: "qualitative" }, null, 5)).toBeNull();
    expect(progress(rd, null, null)).toBeNull();
  });

  it("is clamped to 0..1 and never decreases as the value improves", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (base, goal, v, d) => {
          const t: TargetSpec = { kind: "value", comparator: ">=", year: 2030, value: goal };
          const a = progress(t, base, v) as number;
          const b = progress(t, base, v + d) as number;
          expect(a).toBeGreaterThanOrEqual(0);
          expect(a).toBeLessThanOrEqual(1);
          expect(b).toBeGreaterThanOrEqual(a - 1e-12);
          const r: TargetSpec = { kind: "rank", comparator: "top", year: 2030, value: Math.abs(goal) + 1 };
          const ra = progress(r, Math.abs(base) + 1, Math.abs(v) + 1) as number;
          const rb = progress(r, Math.abs(base) + 1, Math.max(1, Math.abs(v) + 1 - d)) as number;
          expect(rb).toBeGreaterThanOrEqual(ra - 1e-12);
        },
      ),
    );
  });
});

describe("forecast", () => {
  it("needs 3 points and says so", () => {
    const r = forecast(years([1, 2]), 2030);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.vi).toBe("chưa đủ 3 kỳ số liệu để dự báo (hiện có 2)");
  });

  it("recovers an exact linear trend and an exact compound growth, choosing the right model", () => {
    const lin = forecast(years([1, 3, 5, 7, 9, 11]), 2030);
    expect(lin.ok && lin.forecast.method).toBe("linear");
    if (lin.ok) expect(lin.forecast.value).toBeCloseTo(1 + 2 * 10, 6);
    const comp = forecast(years([100, 110, 121, 133.1, 146.41, 161.051]), 2030);
    expect(comp.ok && comp.forecast.method).toBe("compound");
    if (comp.ok) {
      expect(comp.forecast.value).toBeCloseTo(100 * 1.1 ** 10, 4);
      expect(comp.forecast.trend).toBeCloseTo(10, 6);
    }
  });

  it("has a band that contains the forecast, widening with noise", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 3, maxLength: 15 }),
        (vs) => {
          const r = forecast(years(vs), 2030);
          if (!r.ok) return;
          expect(r.forecast.low).toBeLessThanOrEqual(r.forecast.value + 1e-9);
          expect(r.forecast.high).toBeGreaterThanOrEqual(r.forecast.value - 1e-9);
        },
      ),
    );
  });
});

describe("status", () => {
  it("is achieved when the latest value meets the target", () => {
    const a = assess(
      { kind: "value", comparator: ">", year: 2030, value: 40, unit: "%" },
      30,
      years([35, 38, 41]),
    );
    expect(a.status).toBe("achieved");
    expect(a.reason.vi).toBe("đã đạt: 41 % (mục tiêu > 40 %)");
  });

  it("is off track when the whole forecast band falls short, with the reason in words", () => {
    const a = assess(rd, 0.4, years([0.4, 0.45, 0.5, 0.55, 0.6, 0.65]), new Date("2026-06-01"));
    expect(a.status).toBe("off_track");
    expect(a.reason.vi).toMatch(/^dự báo đạt 0,9 % GDP năm 2030, thấp hơn mục tiêu >= 2 % GDP/);
    expect(a.reason.en).toMatch(/^forecast 0.9 % GDP in 2030, below the target >= 2 % GDP/);
  });

  it("is on track when the whole band meets the target, at risk when the target is inside the band", () => {
    const onTrack = assess(rd, 0.4, years([0.5, 0.7, 0.9, 1.1, 1.3, 1.5]));
    expect(onTrack.status).toBe("on_track");
    expect(onTrack.reachedYear).toBeLessThanOrEqual(2030);
    const noisy = assess(rd, 0.4, years([0.9, 1.5, 1.0, 1.7, 1.2, 1.6]));
    expect(noisy.status).toBe("at_risk");
    expect(noisy.reason.en).toContain("inside the forecast band");
  });

  it("treats ranks as lower-is-better and names the top-N target", () => {
    const egdi: TargetSpec = { kind: "rank", comparator: "top", year: 2030, value: 50 };
    const falling = assess(egdi, 86, years([86, 81, 79, 75, 71, 68]));
    expect(["on_track", "at_risk"]).toContain(falling.status);
    expect(falling.reason.vi).toContain("nhóm 50 dẫn đầu");
    const rising = assess(egdi, 86, years([70, 72, 75, 79, 83, 86]));
    expect(rising.status).toBe("off_track");
  });

  it("has no data without values or with too few, and handles milestones and qualitative targets", () => {
    expect(assess(rd, 0.4, []).status).toBe("no_data");
    const few = assess(rd, 0.4, years([0.5, 0.6]));
    expect(few.status).toBe("no_data");
    expect(few.reason.vi).toContain("chưa đủ 3 kỳ");
    const ms: TargetSpec = { kind: "milestone", comparator: "=", year: 2030, value: null, achieved: true };
    expect(assess(ms, null, years([0, 0, 1])).status).toBe("achieved");
    expect(assess(ms, null, years([0]), new Date("2031-02-01")).status).toBe("off_track");
    expect(assess({ ...rd, kind: "qualitative" }, null, years([1, 2, 3])).status).toBe("no_data");
  });

  it("never contradicts itself: on track implies the forecast meets the target; achieved implies the latest does", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 0, maxLength: 12 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (vs, goal) => {
          const t: TargetSpec = { kind: "value", comparator: ">=", year: 2030, value: goal };
          const a = assess(t, null, years(vs));
          if (a.status === "achieved") expect(meets(t, a.latest?.v ?? Number.NaN)).toBe(true);
          if (a.status === "on_track") expect(a.forecast && meets(t, a.forecast.low)).toBe(true);
          if (a.status === "off_track") expect(a.forecast && meets(t, a.forecast.high)).toBe(false);
          expect(a.reason.vi.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
