/** The national dashboard's pure parts: grouping as the plan does, and how targets are written. */
import { describe, expect, it } from "vitest";
import {
  compareSourceRef,
  countEntries,
  countStatuses,
  describeForecast,
  describeTarget,
  formatPeriod,
  groupTargets,
  pick,
  progressPercent,
  reasonText,
  sinceOf,
  withUnit,
} from "../../src/web/pages/home/home-model.js";

const obj = (code: string, sourceRef: string | null, children: string[]) => ({
  code,
  name: { vi: code, en: null },
  sourceRef,
  children,
});

describe("groupTargets", () => {
  const objectives = [
    obj("OBJ-2045", "I.3", ["T45-01"]),
    obj("OBJ-GENERAL", "I.1", ["OBJ-2030-A", "OBJ-2045"]),
    obj("OBJ-2030-B", "I.2.b", ["T30-B01"]),
    obj("OBJ-2030-A", "I.2.a", ["T30-A02", "T30-A01"]),
  ];
  const targets = [
    { code: "T30-A01" },
    { code: "T30-A02" },
    { code: "T30-B01" },
    { code: "T45-01" },
    { code: "X" },
  ];

  it("follows the plan's sections, keeps the overview's order, drops objectives without targets", () => {
    const groups = groupTargets(objectives, targets);
    expect(groups.map((g) => g.objective?.code ?? null)).toEqual([
      "OBJ-2030-A",
      "OBJ-2030-B",
      "OBJ-2045",
      null,
    ]);
    expect(groups[0]?.targets.map((t) => t.code)).toEqual(["T30-A01", "T30-A02"]);
    expect(groups[3]?.targets.map((t) => t.code)).toEqual(["X"]);
  });

  it("places a target named by two objectives once, under the first", () => {
    const groups = groupTargets([obj("B", "I.2.b", ["T"]), obj("A", "I.2.a", ["T"])], [{ code: "T" }]);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.objective?.code).toBe("A");
  });

  it("without objectives, keeps every target in one group", () => {
    expect(groupTargets([], targets)).toEqual([{ objective: null, targets }]);
  });
});

describe("section order", () => {
  it("sorts I.2.a before I.2.e before I.3 before II.10 after II.2, unnumbered last", () => {
    const refs = ["II.10", null, "I.3", "I.2.e", "II.2", "I.2.a"];
    expect([...refs].sort(compareSourceRef)).toEqual(["I.2.a", "I.2.e", "I.3", "II.2", "II.10", null]);
  });
});

describe("writing targets and values", () => {
  const line = { year: 2030, valueMax: null, kind: "value" };
  it("writes comparators as symbols with the unit, in each language", () => {
    expect(describeTarget({ ...line, comparator: ">=", value: 2 }, "% GDP", "vi")).toBe("≥ 2 % GDP");
    expect(describeTarget({ ...line, comparator: "<=", value: 1.5 }, "%", "en")).toBe("≤ 1.5%");
    expect(describeTarget({ ...line, comparator: "between", value: 45, valueMax: 50 }, "%", "vi")).toBe(
      "45–50 %",
    );
    expect(describeTarget({ ...line, comparator: "top", value: 30 }, null, "vi")).toBe("nhóm 30 dẫn đầu");
    expect(describeTarget({ ...line, comparator: "top", value: 30 }, null, "en")).toBe("top 30");
    expect(describeTarget({ ...line, kind: "milestone", comparator: "=", value: 1 }, null, "en")).toBe(
      "achieved",
    );
  });

  it("uses the decimal comma in Vietnamese", () => {
    expect(withUnit(1234.5, "tỷ đồng", "vi")).toBe("1.235 tỷ đồng");
    expect(withUnit(0.6763, "% GDP", "vi")).toBe("0,68 % GDP");
    expect(withUnit(null, "%", "vi")).toBe("—");
    expect(describeForecast({ year: 2030, value: 0.68, low80: 0.47, high80: 0.97 }, "%", "en")).toBe(
      "0.68% (80%: 0.47–0.97)",
    );
    expect(describeForecast({ year: 2030, value: 0.68, low80: 0.47, high80: 0.97 }, "%", "vi")).toBe(
      "0,68 % (80 %: 0,47–0,97)",
    );
  });

  it("writes the unit in the page's language, Vietnamese when English is missing", () => {
    const money = { vi: "tỷ đồng", en: "billion VND" };
    expect(withUnit(1234.5, money, "vi")).toBe("1.235 tỷ đồng");
    expect(withUnit(1234.5, money, "en")).toBe("1,235 billion VND");
    expect(withUnit(12, { vi: "doanh nghiệp", en: null }, "en")).toBe("12 doanh nghiệp");
    expect(withUnit(54, { vi: "hạng", en: "rank" }, "en")).toBe("rank 54");
    expect(withUnit(54, { vi: "hạng", en: "rank" }, "vi")).toBe("hạng 54");
    const share = { vi: "% cơ quan, tổ chức", en: "% of agencies and organisations" };
    expect(describeTarget({ ...line, comparator: ">=", value: 100 }, share, "en")).toBe(
      "≥ 100 % of agencies and organisations",
    );
    expect(describeTarget({ ...line, comparator: ">=", value: 100 }, share, "vi")).toBe(
      "≥ 100 % cơ quan, tổ chức",
    );
    expect(describeForecast({ year: 2030, value: 12.5, low80: 11, high80: 14 }, money, "en")).toBe(
      "12.5 billion VND (80%: 11–14)",
    );
  });

  it("writes periods as people do", () => {
    expect(formatPeriod("2026-07")).toBe("07/2026");
    expect(formatPeriod("2025-Q3")).toBe("Q3/2025");
    expect(formatPeriod("2025")).toBe("2025");
  });

  it("drops the indicator code the reason starts with", () => {
    expect(reasonText("K_RD_GDP: forecast 0.68", "K_RD_GDP")).toBe("forecast 0.68");
    expect(reasonText("no values yet", "K_RD_GDP")).toBe("no values yet");
    expect(reasonText("K_X: a", null)).toBe("K_X: a");
  });

  it("falls back to Vietnamese when English is missing", () => {
    expect(pick({ vi: "Hệ thống", en: null }, "en")).toBe("Hệ thống");
    expect(pick({ vi: "Hệ thống", en: "System" }, "en")).toBe("System");
  });
});

describe("statuses", () => {
  it("counts and lists the non-zero ones worst first", () => {
    const c = countStatuses([{ status: "on_track" }, { status: "off_track" }, { status: "off_track" }]);
    expect(countEntries(c)).toEqual([
      ["off_track", 2],
      ["on_track", 1],
    ]);
  });

  it("says since when a status holds, if the change is known", () => {
    expect(sinceOf({ status: "off_track", previousStatus: "at_risk", changedAt: "2025" })).toEqual({
      period: "2025",
      from: "at_risk",
      to: "off_track",
    });
    expect(sinceOf({ status: "no_data", previousStatus: null, changedAt: null })).toBeNull();
  });

  it("clamps progress to a bar's 0–100", () => {
    expect(progressPercent(0.6203)).toBe(62);
    expect(progressPercent(1.4)).toBe(100);
    expect(progressPercent(-0.2)).toBe(0);
    expect(progressPercent(null)).toBe(0);
  });
});
