import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assess, meets, progress, reachableGoal, type TargetSpec } from "./assess.js";
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

describe("forecast (the contract other code relies on)", () => {
  it("needs 3 points and says so", () => {
    const r = forecast(years([1, 2]), 2030);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.reason.vi).toBe("chưa đủ 3 kỳ số liệu để dự báo (hiện có 2)");
      expect(r.reason.code).toBe("too_few_points");
    }
  });

  it("uses the damped trend by default, continuing an exact line less steeply than the line itself", () => {
    const lin = forecast(years([1, 3, 5, 7, 9, 11]), 2030);
    expect(lin.ok && lin.forecast.method).toBe("damped");
    if (lin.ok) {
      // The straight line reaches 21 in 2030; a damped trend stays between the last value and it.
      expect(lin.forecast.value).toBeGreaterThan(11);
      expect(lin.forecast.value).toBeLessThan(21);
      expect(lin.forecast.horizon).toBe(5);
    }
  });

  it("has bands that contain the forecast, the 80 % band inside the 95 % band", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 3, maxLength: 15 }),
        (vs) => {
          const r = forecast(years(vs), 2030);
          if (!r.ok) return;
          const f = r.forecast;
          expect(f.low).toBeLessThanOrEqual(f.low80 + 1e-9);
          expect(f.low80).toBeLessThanOrEqual(f.value + 1e-9);
          expect(f.high80).toBeGreaterThanOrEqual(f.value - 1e-9);
          expect(f.high).toBeGreaterThanOrEqual(f.high80 - 1e-9);
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
    expect(a.reason.code).toBe("achieved");
    expect(a.reason.vi).toBe("đã đạt: 41 % (mục tiêu > 40 %)");
  });

  it("is off track when the chance is below 0.2, the reason giving method, numbers and yearly change", () => {
    const a = assess(rd, 0.4, years([0.4, 0.45, 0.5, 0.55, 0.6, 0.65]), new Date("2026-06-01"), {
      bounds: { min: 0, max: 100 },
    });
    expect(a.status).toBe("off_track");
    expect(a.probability).toBeLessThan(0.2);
    expect(a.reason.code).toBe("forecast");
    expect(a.reason.vi).toMatch(
      /^dự báo đạt 0,\d+ % GDP năm 2030, thấp hơn mục tiêu >= 2 % GDP; khả năng đạt \d+%/,
    );
    // 2 − 0.65 over the 5 years 2025 → 2030, against +0.05 a year over 2020–2025.
    expect(a.reason.vi).toContain("cần tăng 0,27 điểm %/năm, 5 năm qua tăng 0,05 điểm %/năm");
    expect(a.reason.vi).toContain("phương pháp: xu thế giảm dần, 6 kỳ số liệu");
    expect(a.reason.en).toContain("needs +0.27 pp/year, the last 5 years gave +0.05 pp/year");
    expect(a.change?.needed).toBeCloseTo(0.27, 10);
    expect(a.change?.observed).toBeCloseTo(0.05, 10);
    expect(a.progressClass.class).toBe("limited_progress");
  });

  it("writes the unit in each sentence's language, Vietnamese where no English is given", () => {
    const share = { vi: "% cơ quan, tổ chức", en: "% of agencies and organisations" };
    const a = assess(
      { kind: "value", comparator: ">=", year: 2030, value: 100, unit: share },
      0,
      years([20, 26, 31, 37, 42, 47]),
      new Date("2026-06-01"),
      { bounds: { min: 0, max: 100 } },
    );
    expect(a.reason.code).toBe("forecast");
    expect(a.reason.en).toMatch(
      /^forecast [\d.]+ % of agencies and organisations in 2030, below the target >= 100 % of agencies and organisations; .*\(80% band [\d.]+–[\d.]+ % of agencies and organisations\)/,
    );
    expect(a.reason.en).not.toContain("cơ quan");
    expect(a.reason.vi).toMatch(
      /^dự báo đạt [\d,]+ % cơ quan, tổ chức năm 2030, thấp hơn mục tiêu >= 100 % cơ quan, tổ chức/,
    );
    expect(a.reason.vi).not.toContain("agencies");
    // A "%" unit changes by percentage points in either language.
    expect(a.reason.en).toContain(" pp/year");

    const money = { kind: "value" as const, comparator: ">=" as const, year: 2030, value: 50 };
    const done = assess({ ...money, unit: { vi: "tỷ đồng", en: "billion VND" } }, 10, years([30, 45, 52]));
    expect(done.reason.vi).toBe("đã đạt: 52 tỷ đồng (mục tiêu >= 50 tỷ đồng)");
    expect(done.reason.en).toBe("achieved: 52 billion VND (target >= 50 billion VND)");
    // No English form: the English sentence names the Vietnamese unit rather than none.
    const viOnly = assess({ ...money, unit: { vi: "tỷ đồng", en: null } }, 10, years([30, 45, 52]));
    expect(viOnly.reason.en).toBe("achieved: 52 tỷ đồng (target >= 50 tỷ đồng)");
  });

  it("is on track at a chance of 0.8 or more, at risk between 0.2 and 0.8", () => {
    // An index rising 0.01 a year, 0.01 short of its target with five years to go.
    const steady = years([0.7, 0.71, 0.72, 0.73, 0.74, 0.75, 0.76, 0.77], 2018);
    const hdi: TargetSpec = { kind: "value", comparator: ">=", year: 2030, value: 0.78 };
    const onTrack = assess(hdi, 0.7, steady, new Date("2026-06-01"), { bounds: { min: 0, max: 1 } });
    expect(onTrack.status).toBe("on_track");
    expect(onTrack.probability).toBeGreaterThanOrEqual(0.8);
    expect(onTrack.forecast?.bandSource).toBe("own");
    expect(onTrack.reachedYear).toBeLessThanOrEqual(2030);
    const noisy = assess(rd, 0.4, years([0.9, 1.5, 1.0, 1.7, 1.2, 1.6]), new Date("2026-06-01"), {
      bounds: { min: 0, max: 100 },
    });
    expect(noisy.status).toBe("at_risk");
    expect(noisy.probability).toBeGreaterThanOrEqual(0.2);
    expect(noisy.probability).toBeLessThan(0.8);
  });

  it("follows a plan's own thresholds", () => {
    const series = years([0.9, 1.5, 1.0, 1.7, 1.2, 1.6]);
    const p = assess(rd, 0.4, series).probability as number;
    expect(assess(rd, 0.4, series, new Date(), { thresholds: { onTrack: p, offTrack: p / 2 } }).status).toBe(
      "on_track",
    );
    expect(
      assess(rd, 0.4, series, new Date(), {
        thresholds: { onTrack: 0.99, offTrack: Math.min(0.98, p + 0.01) },
      }).status,
    ).toBe("off_track");
  });

  it("treats ranks as lower-is-better and names the top-N target", () => {
    const egdi: TargetSpec = { kind: "rank", comparator: "top", year: 2030, value: 50 };
    const bounds = { min: 1, max: 193 };
    const falling = assess(egdi, 86, years([86, 81, 79, 75, 71, 68]), new Date("2026-06-01"), { bounds });
    expect(["on_track", "at_risk"]).toContain(falling.status);
    expect(falling.reason.vi).toContain("nhóm 50 dẫn đầu");
    expect(falling.reason.vi).toContain("cần lên 3,6 bậc/năm, 5 năm qua lên 3,6 bậc/năm");
    expect(falling.reason.vi).toMatch(
      /^dự báo đạt hạng \d+(,\d)? năm 2030, kém hơn mục tiêu nhóm 50 dẫn đầu/,
    );
    expect(falling.reason.en).toContain(
      "needs to climb 3.6 places/year, the last 5 years climbed 3.6 places/year",
    );
    const rising = assess(egdi, 86, years([70, 72, 75, 79, 83, 86]), new Date("2026-06-01"), { bounds });
    expect(rising.status).toBe("off_track");
    expect(rising.progressClass.class).toBe("deterioration");
    expect(rising.reason.vi).toContain("5 năm qua xuống 3,2 bậc/năm");
  });

  it("gives the chance of landing inside a range target beside the chance of reaching its lower end", () => {
    const range: TargetSpec = { kind: "range", comparator: "between", year: 2030, value: 40, valueMax: 50 };
    const a = assess(range, 10, years([20, 24, 27, 31, 34, 37]), new Date("2026-06-01"), {
      bounds: { min: 0, max: null },
    });
    expect(a.probabilityInRange).not.toBeNull();
    expect(a.probabilityInRange as number).toBeLessThanOrEqual((a.probability as number) + 1e-12);
    expect(a.probabilityInRange as number).toBeGreaterThan(0);
  });

  it("forecasts a growth-rate target on the rate itself, negative values included", () => {
    const growth: TargetSpec = {
      kind: "growth_rate",
      comparator: ">=",
      year: 2030,
      value: 10,
      unit: "%/năm",
    };
    const a = assess(growth, null, years([-2, 4, 1, 6, 3, 5]), new Date("2026-06-01"));
    expect(a.forecast).not.toBeNull();
    expect(a.status).not.toBe("no_data");
    expect(a.forecast?.value).toBeLessThan(10);
  });

  it("has no data without values or with too few (its own minimum included), with a reason code", () => {
    expect(assess(rd, 0.4, []).reason.code).toBe("no_values");
    const few = assess(rd, 0.4, years([0.5, 0.6]));
    expect(few.status).toBe("no_data");
    expect(few.reason.code).toBe("too_few_points");
    expect(few.reason.vi).toContain("chưa đủ 3 kỳ");
    const own = assess(rd, 0.4, years([0.5, 0.6, 0.7, 0.8]), new Date(), { minPoints: 5 });
    expect(own.status).toBe("no_data");
    expect(own.reason.code).toBe("too_few_points");
    expect(own.reason.vi).toBe("chưa đủ 5 kỳ số liệu để dự báo (hiện có 4)");
    expect(own.probability).toBeNull();
  });

  it("judges milestones by completion and deadline, and leaves qualitative targets unassessed", () => {
    const ms: TargetSpec = { kind: "milestone", comparator: "=", year: 2030, value: null, achieved: true };
    expect(assess(ms, null, years([0, 0, 1])).status).toBe("achieved");
    expect(assess(ms, null, years([0]), new Date("2031-02-01")).status).toBe("off_track");
    expect(assess(ms, null, years([0]), new Date("2030-02-01")).reason.code).toBe("milestone_due");
    expect(assess(ms, null, years([0]), new Date("2030-02-01")).status).toBe("at_risk");
    expect(assess(ms, null, years([0]), new Date("2027-02-01")).reason.code).toBe("milestone_pending");
    const q = assess({ ...rd, kind: "qualitative" }, null, years([1, 2, 3]));
    expect(q.status).toBe("no_data");
    expect(q.reason.code).toBe("qualitative");
  });

  it("never contradicts itself: the status follows the chance, and the chance the forecast", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 0, maxLength: 12 }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.boolean(),
        (vs, goal, higher) => {
          const t: TargetSpec = { kind: "value", comparator: higher ? ">=" : "<=", year: 2030, value: goal };
          const a = assess(t, null, years(vs), new Date("2026-06-01"), { bounds: { min: 0, max: 100 } });
          if (a.status === "achieved") expect(meets(t, a.latest?.v ?? Number.NaN)).toBe(true);
          if (a.status === "on_track" || a.status === "off_track" || a.status === "at_risk") {
            const p = a.probability as number;
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
            if (a.status === "on_track") expect(p).toBeGreaterThanOrEqual(0.8);
            if (a.status === "off_track") expect(p).toBeLessThan(0.2);
            // More likely than not exactly when the central forecast meets the target (away from
            // the 1e-9 tolerance `meets` allows).
            const v = a.forecast?.value ?? Number.NaN;
            const reachable = reachableGoal(t, { min: 0, max: 100 });
            if (Math.abs(v - reachable) > 1e-6 * Math.max(1, goal)) {
              if (p > 0.5 + 1e-9) expect(meets({ ...t, value: reachable }, v)).toBe(true);
              if (p < 0.5 - 1e-9) expect(meets({ ...t, value: reachable }, v)).toBe(false);
            }
          } else expect(a.probability).toBeNull();
          expect(a.reason.vi.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a numeric '=' target as reaching it, in the status, the chance and the sentence alike", () => {
    const t: TargetSpec = { kind: "value", comparator: "=", year: 2030, value: 100 };
    const a = assess(t, 90, years([90, 100, 110, 120, 130]), new Date("2026-06-01"));
    expect(a.status).toBe("achieved");
    const b = assess(t, 60, years([60, 65, 70, 75, 80]), new Date("2026-06-01"));
    expect(b.reason.vi).not.toContain("thấp hơn mục tiêu 100");
    expect(meets(t, b.forecast?.value ?? 0)).toBe((b.probability ?? 0) > 0.5);
  });

  it("never prints a chance that reads as the other status (80% is on track, 20% is not off track)", () => {
    const noisy = years([0.9, 1.5, 1.0, 1.7, 1.2, 1.6]);
    for (const goal of [1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.6]) {
      const a = assess({ ...rd, value: goal }, 0.4, noisy, new Date("2026-06-01"));
      const printed = Number(/khả năng đạt (\d+)%/.exec(a.reason.vi)?.[1]);
      if (printed >= 80) expect(a.status).toBe("on_track");
      if (printed < 20) expect(a.status).toBe("off_track");
    }
  });
});
