/** The province map's pure logic: candidates, default, latest period, colour classes, ranking. */
import { describe, expect, it } from "vitest";
import {
  classOf,
  colourMode,
  defaultIndicator,
  type IndicatorInfo,
  latestPeriod,
  mapIndicators,
  rankUnits,
  type UnitValue,
  valueClasses,
} from "../../src/web/components/map/map-model.js";

const ind = (
  code: string,
  tier: string,
  reportedBy: string,
  formula: string | null = null,
): IndicatorInfo => ({
  code,
  tier,
  name: { vi: code, en: code },
  unit: { vi: "%", en: null },
  direction: "higher_better",
  reportedBy,
  formula,
});

const unit = (code: string, value: number | null, extra: Partial<UnitValue> = {}): UnitValue => ({
  code,
  name: { vi: code, en: code },
  value,
  partial: false,
  status: "no_data",
  hasTarget: false,
  ...extra,
});

describe("map indicators", () => {
  const all = [
    ind("OI_A", "operational", "unit"),
    ind("OI_B", "operational", "unit"),
    ind("OI_GDP", "operational", "responsible"),
    ind("K_RATE", "kpi", "responsible", "OI_A / OI_B * 100"),
    ind("K_MIX", "kpi", "responsible", "OI_A / OI_GDP"),
    ind("OBJ", "objective", "unit"),
  ];

  it("keeps unit-reported indicators and KPIs computed only from them, KPIs first", () => {
    expect(mapIndicators(all).map((i) => i.code)).toEqual(["K_RATE", "OI_A", "OI_B"]);
  });

  it("defaults to the first candidate measuring a target, in the plan's order", () => {
    const candidates = mapIndicators(all);
    expect(
      defaultIndicator(candidates, [{ measuredBy: [{ code: "K_MIX" }] }, { measuredBy: [{ code: "OI_B" }] }]),
    ).toBe("OI_B");
    expect(defaultIndicator(candidates, [])).toBe("K_RATE");
  });
});

describe("map values", () => {
  it("takes the latest period with a value", () => {
    expect(
      latestPeriod([
        { period: "2026-09", value: 1 },
        { period: "2026-10", value: 2 },
        { period: "2026-11", value: null },
      ]),
    ).toBe("2026-10");
    expect(latestPeriod([{ period: "2026", value: null }])).toBeNull();
  });

  it("makes five classes of equal count, darkest for the highest, and places every value", () => {
    const values = Array.from({ length: 34 }, (_, i) => 50 + i);
    const classes = valueClasses(values);
    expect(classes).toHaveLength(5);
    expect(classes[0]?.low).toBe(50);
    expect(classes.at(-1)?.high).toBe(83);
    for (const v of values) expect(classOf(v, classes)).not.toBeNull();
    expect(classOf(83, classes)?.fill).toBe(classes.at(-1)?.fill);
    expect(new Set(classes.map((c) => c.fill)).size).toBe(5);
  });

  it("has fewer classes when values repeat, and none without values", () => {
    expect(valueClasses([3, 3, 3, 7])).toHaveLength(2);
    expect(valueClasses([])).toEqual([]);
    expect(classOf(null, valueClasses([1, 2]))).toBeNull();
  });

  it("colours by status only when units have targets of their own", () => {
    expect(colourMode([unit("A", 1), unit("B", 2)])).toBe("value");
    expect(colourMode([unit("A", 1, { hasTarget: true, status: "on_track" })])).toBe("status");
  });

  it("ranks by direction, ties sharing a rank, units without value left out", () => {
    const units = [unit("A", 5), unit("B", 9), unit("C", null), unit("D", 9)];
    expect(rankUnits(units, "higher_better").map((r) => [r.code, r.rank])).toEqual([
      ["B", 1],
      ["D", 1],
      ["A", 3],
    ]);
    expect(rankUnits(units, "lower_better")[0]?.code).toBe("A");
  });
});
