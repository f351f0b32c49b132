import { describe, expect, it } from "vitest";
import { indicatorDef, localizedText, planDefinition, statusThresholds, targetValueDef } from "./schema.js";

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

  it("reads an indicator's unit as a bare Vietnamese string or { vi, en }, each at most 64 characters", () => {
    const base = { code: "K_X", tier: "kpi", name: "X" };
    expect(indicatorDef.parse({ ...base, unit: "tỷ đồng" }).unit).toEqual({ vi: "tỷ đồng", en: undefined });
    expect(
      indicatorDef.parse({ ...base, unit: { vi: "người/vạn dân", en: "per 10,000 people" } }).unit,
    ).toEqual({
      vi: "người/vạn dân",
      en: "per 10,000 people",
    });
    expect(indicatorDef.parse({ ...base, unit: { vi: "hạng" } }).unit).toEqual({ vi: "hạng" });
    expect(indicatorDef.parse(base).unit).toBeUndefined();
    const long = "x".repeat(65);
    for (const unit of [
      long,
      { vi: long },
      { vi: "hạng", en: long },
      { en: "rank" },
      { vi: "hạng", fr: "rang" },
    ]) {
      const r = indicatorDef.safeParse({ ...base, unit });
      expect(r.success, JSON.stringify(unit)).toBe(false);
      expect(r.error?.issues[0]?.path[0], JSON.stringify(unit)).toBe("unit");
    }
    expect(indicatorDef.safeParse({ ...base, unit: "x".repeat(64) }).success).toBe(true);
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

  it("takes an indicator's forecastMinPoints as a whole number from 3 to 100, refusing others by name", () => {
    const base = { code: "K_X", tier: "kpi", name: "X" };
    expect(indicatorDef.parse(base).forecastMinPoints).toBeUndefined();
    expect(indicatorDef.parse({ ...base, forecastMinPoints: 3 }).forecastMinPoints).toBe(3);
    expect(indicatorDef.parse({ ...base, forecastMinPoints: 100 }).forecastMinPoints).toBe(100);
    for (const bad of [2, 101, 3.5, "5", null]) {
      const r = indicatorDef.safeParse({ ...base, forecastMinPoints: bad });
      expect(r.success, String(bad)).toBe(false);
      expect(r.error?.issues.map((i) => i.path)).toEqual([["forecastMinPoints"]]);
    }
  });

  it("takes a plan's statusThresholds with 0 < offTrack < onTrack <= 1, refusing others by name", () => {
    const base = { code: "P", name: "Kế hoạch", startYear: 2025, endYear: 2030 };
    expect(planDefinition.parse(base).statusThresholds).toBeUndefined();
    expect(
      planDefinition.parse({ ...base, statusThresholds: { onTrack: 0.9, offTrack: 0.1 } }),
    ).toMatchObject({
      statusThresholds: { onTrack: 0.9, offTrack: 0.1 },
    });
    expect(statusThresholds.parse({ onTrack: 1, offTrack: 0.5 })).toEqual({ onTrack: 1, offTrack: 0.5 });
    const refused = (value: unknown) => {
      const r = planDefinition.safeParse({ ...base, statusThresholds: value });
      expect(r.success, JSON.stringify(value)).toBe(false);
      return r.error?.issues ?? [];
    };
    const [order] = refused({ onTrack: 0.5, offTrack: 0.5 });
    expect(order?.path).toEqual(["statusThresholds", "offTrack"]);
    expect(order?.message).toBe("offTrack must be < onTrack (0 < offTrack < onTrack <= 1)");
    expect((order as { params?: { vi?: string } }).params?.vi).toMatch(/^offTrack phải nhỏ hơn onTrack/);
    expect(refused({ onTrack: 0.3, offTrack: 0.6 }).map((i) => i.path)).toEqual([
      ["statusThresholds", "offTrack"],
    ]);
    expect(refused({ onTrack: 1.2, offTrack: 0.2 }).map((i) => i.path)).toEqual([
      ["statusThresholds", "onTrack"],
    ]);
    expect(refused({ onTrack: 0.8, offTrack: 0 }).map((i) => i.path)).toEqual([
      ["statusThresholds", "offTrack"],
    ]);
    expect(refused({ onTrack: 0.8 }).map((i) => i.path)).toEqual([["statusThresholds", "offTrack"]]);
    expect(refused({ onTrack: 0.8, offTrack: 0.2, atRisk: 0.5 })[0]?.code).toBe("unrecognized_keys");
  });
});
