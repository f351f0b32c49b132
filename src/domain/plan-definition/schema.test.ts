import { describe, expect, it } from "vitest";
import { indicatorDef, localizedText, planDefinition, targetValueDef } from "./schema.js";

describe("plan-definition schema", () => {
  it("reads a bare string as Vietnamese text", () => {
    expect(localizedText.parse("Hệ thống 1")).toEqual({ vi: "Hệ thống 1", en: undefined });
    expect(localizedText.parse({ vi: "Hệ thống 1", en: "System 1" })).toEqual({
      vi: "Hệ thống 1",
      en: "System 1",
    });
    expect(localizedText.safeParse({ en: "only English" }).success).toBe(false);
    expect(localizedText.safeParse("").success).toBe(false);
  });

  it("requires both bounds of a range and orders them", () => {
    expect(targetValueDef.safeParse({ year: 2030, comparator: "between", value: 40 }).success).toBe(false);
    expect(
      targetValueDef.safeParse({ year: 2030, comparator: "between", value: 50, valueMax: 40 }).success,
    ).toBe(false);
    expect(
      targetValueDef.parse({ year: 2030, comparator: "between", value: 40, valueMax: 50 }),
    ).toMatchObject({ value: 40, valueMax: 50 });
    expect(targetValueDef.parse({ year: 2030, value: 2 }).comparator).toBe(">=");
  });

  it("fills indicator defaults and accepts parents as codes or weighted links", () => {
    const ind = indicatorDef.parse({
      code: "K_X",
      tier: "kpi",
      name: "X",
      parents: ["T1", { code: "T2", weight: 2 }],
    });
    expect(ind).toMatchObject({
      direction: "higher_better",
      kind: "value",
      frequency: "yearly",
      aggregation: "sum",
      published: false,
      proposed: false,
    });
    expect(ind.parents).toEqual([
      { code: "T1", weight: 1 },
      { code: "T2", weight: 2 },
    ]);
    expect(indicatorDef.safeParse({ code: "K X", tier: "kpi", name: "X" }).success).toBe(false);
    expect(indicatorDef.safeParse({ code: "K_X", tier: "level5", name: "X" }).success).toBe(false);
    expect(indicatorDef.safeParse({ code: "K_X", tier: "kpi", name: "X", colour: "red" }).success).toBe(
      false,
    );
  });

  it("accepts a minimal plan and rejects unknown top-level fields", () => {
    const p = planDefinition.parse({ code: "P", name: "Kế hoạch", startYear: 2025, endYear: 2030 });
    expect(p.systems).toEqual([]);
    expect(
      planDefinition.safeParse({ code: "P", name: "x", startYear: 2025, endYear: 2030, sytems: [] }).success,
    ).toBe(false);
  });
});
