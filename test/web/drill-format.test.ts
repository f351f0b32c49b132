import { describe, expect, it } from "vitest";
import { formatTarget, formatValue } from "../../src/web/pages/system/drill-format.js";

describe("drill-down formatting", () => {
  it("writes comparators, ranges and ranks in each language", () => {
    expect(formatTarget({ comparator: ">=", value: 80, valueMax: null, year: 2030 }, "%", "vi")).toBe(
      "≥ 80 % (2030)",
    );
    expect(formatTarget({ comparator: "between", value: 2.5, valueMax: 3, year: 2030 }, "%", "vi")).toBe(
      "2,5–3 % (2030)",
    );
    expect(formatTarget({ comparator: "top", value: 20, valueMax: null, year: 2045 }, "hạng", "en")).toBe(
      "top 20 (2045)",
    );
    expect(formatTarget({ comparator: "=", value: null, valueMax: null, year: 2030 }, null, "vi")).toBe(
      "định tính (2030)",
    );
  });
  it("writes ranks as places and other values with their unit", () => {
    expect(formatValue(39, "hạng", "vi")).toBe("hạng 39");
    expect(formatValue(61.311528, "%", "vi")).toBe("61,3 %");
    expect(formatValue(null, "%", "en")).toBe("—");
  });
  it("writes the unit in the page's language and ranks as places in both", () => {
    const people = { vi: "người/vạn dân", en: "per 10,000 people" };
    expect(formatValue(12.5, people, "en")).toBe("12.5 per 10,000 people");
    expect(formatValue(12.5, people, "vi")).toBe("12,5 người/vạn dân");
    expect(formatTarget({ comparator: ">=", value: 12, valueMax: null, year: 2030 }, people, "en")).toBe(
      "≥ 12 per 10,000 people (2030)",
    );
    const rank = { vi: "hạng", en: "rank" };
    expect(formatValue(39, rank, "en")).toBe("rank 39");
    expect(formatValue(39, rank, "vi")).toBe("hạng 39");
    expect(formatTarget({ comparator: "<=", value: 30, valueMax: null, year: 2030 }, rank, "en")).toBe(
      "≤ 30 (2030)",
    );
  });
});

describe("roadmap phases", () => {
  it("marks the phase holding the year as current (December 2026: 2025–2027)", async () => {
    const { phaseState } = await import("../../src/web/pages/roadmap/phase-state.js");
    expect(phaseState(2025, 2027, 2026)).toBe("current");
    expect(phaseState(2028, 2030, 2026)).toBe("future");
    expect(phaseState(2025, 2027, 2028)).toBe("past");
    expect(phaseState(2031, 2045, 2045)).toBe("current");
  });
});
