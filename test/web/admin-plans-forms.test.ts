/**
 * Plan administration's pure parts: the reason rule, numbers as typed, the definition form's PATCH
 * body (only what changed) and its problems, disaggregations as lines, and the target form.
 */
import { describe, expect, it } from "vitest";
import type { Indicator } from "../../src/web/api/indicator-types.js";
import {
  type DefinitionForm,
  definitionPatch,
  formatDisaggregations,
  formFromIndicator,
  parseDisaggregations,
} from "../../src/web/pages/admin-plans/definition-form.js";
import { readNumber, writeNumber } from "../../src/web/pages/admin-plans/numbers.js";
import { reasonProblem } from "../../src/web/pages/admin-plans/reason.js";
import {
  formFromTarget,
  planTargets,
  type Target,
  targetFromForm,
  targetText,
} from "../../src/web/pages/admin-plans/targets-model.js";

const indicator = (over: Partial<Indicator> = {}): Indicator =>
  ({
    code: "K1",
    tier: "kpi",
    name: { vi: "Chỉ số", en: "Indicator" },
    unit: { vi: "%", en: null },
    frequency: "yearly",
    aggregation: "sum",
    formula: null,
    bounds: { min: 0, max: 100 },
    reportedBy: "unit",
    disaggregations: { sex: ["male", "female"] },
    kind: "value",
    targets: [],
    ...over,
  }) as Indicator;

describe("a reason", () => {
  it("is required, at least 3 characters once trimmed, at most 2000", () => {
    expect(reasonProblem("")).toBe("required");
    expect(reasonProblem("   ")).toBe("required");
    expect(reasonProblem(" ab ")).toBe("short");
    expect(reasonProblem("abc")).toBeNull();
    expect(reasonProblem("x".repeat(2000))).toBeNull();
    expect(reasonProblem("x".repeat(2001))).toBe("long");
  });
});

describe("numbers in forms", () => {
  it("reads empty as none, both languages' decimals, and refuses what reads two ways", () => {
    expect(readNumber("", "vi")).toEqual({ ok: true, value: null });
    expect(readNumber("1,5", "vi")).toEqual({ ok: true, value: 1.5 });
    expect(readNumber("-2.25", "en")).toEqual({ ok: true, value: -2.25 });
    expect(readNumber("1.234", "vi").ok).toBe(false);
    const bad = readNumber("abc", "en");
    expect(bad.ok === false && bad.message).toContain("not a number");
    expect(writeNumber(null)).toBe("");
    expect(writeNumber(0)).toBe("0");
  });
});

describe("disaggregations as lines", () => {
  it("round-trips dimension: options", () => {
    const d = { sex: ["male", "female"], area: ["urban", "rural"] };
    const text = formatDisaggregations(d);
    expect(text).toBe("sex: male, female\narea: urban, rural");
    expect(parseDisaggregations(text)).toEqual({ ok: true, value: d });
    expect(parseDisaggregations(" \n")).toEqual({ ok: true, value: null });
    expect(formatDisaggregations(null)).toBe("");
  });

  it("names the line of a malformed, empty, repeated or badly coded dimension", () => {
    const lines = (text: string) => {
      const r = parseDisaggregations(text);
      return r.ok ? [] : r.problems.map((p) => [p.line, p.key.split(".").pop()]);
    };
    expect(lines("sex male")).toEqual([[1, "disaggLine"]]);
    expect(lines("sex: male\nsex: female")).toEqual([[2, "disaggTwice"]]);
    expect(lines("sex: male, male")).toEqual([[1, "disaggTwice"]]);
    expect(lines("sex:")).toEqual([[1, "disaggEmpty"]]);
    expect(lines("\ngiới tính: nam")).toEqual([[2, "disaggCode"]]);
    const many = Array.from({ length: 11 }, (_, i) => `d${i}: a`).join("\n");
    expect(lines(many)).toEqual([[undefined, "disaggMany"]]);
  });
});

describe("the definition form", () => {
  const start = formFromIndicator(indicator());
  const edit = (over: Partial<DefinitionForm>) => definitionPatch(start, { ...start, ...over }, "en");

  it("starts from the indicator and sends nothing when nothing changed", () => {
    expect(start).toMatchObject({
      unitVi: "%",
      boundMin: "0",
      boundMax: "100",
      disaggregations: "sex: male, female",
    });
    expect(edit({})).toEqual({ patch: {}, problems: [] });
    expect(edit({ nameVi: " Chỉ số " })).toEqual({ patch: {}, problems: [] });
  });

  it("sends only the fields that changed", () => {
    expect(edit({ frequency: "quarterly", formula: "A + B" }).patch).toEqual({
      frequency: "quarterly",
      formula: "A + B",
    });
    expect(edit({ unitVi: "tỷ đồng", unitEn: "billion VND" }).patch).toEqual({
      unit: { vi: "tỷ đồng", en: "billion VND" },
    });
    expect(edit({ unitVi: "" }).patch).toEqual({ unit: null });
    expect(edit({ boundMax: "" }).patch).toEqual({ bounds: { min: 0 } });
    expect(edit({ boundMin: "", boundMax: "" }).patch).toEqual({ bounds: null });
    expect(edit({ disaggregations: "" }).patch).toEqual({ disaggregations: null });
    expect(edit({ disaggregations: "sex: female, male" }).patch).toEqual({
      disaggregations: { sex: ["female", "male"] },
    });
    expect(edit({ reportedBy: "responsible", aggregation: "mean" }).patch).toEqual({
      reportedBy: "responsible",
      aggregation: "mean",
    });
  });

  it("names each problem's field and sends nothing of it", () => {
    const keys = (over: Partial<DefinitionForm>) =>
      edit(over).problems.map((p) => [p.field, p.key.split(".").pop()]);
    expect(keys({ nameVi: "" })).toEqual([["nameVi", "nameRequired"]]);
    expect(keys({ unitVi: "", unitEn: "x" })).toEqual([["unitVi", "unitViFirst"]]);
    expect(keys({ boundMin: "5", boundMax: "1" })).toEqual([["boundMax", "boundsOrder"]]);
    expect(edit({ boundMin: "x" }).problems[0]).toMatchObject({ field: "boundMin", raw: true });
    expect(edit({ boundMin: "x" }).patch.bounds).toBeUndefined();
    const withFormula = formFromIndicator(indicator({ formula: "A" }));
    expect(definitionPatch(withFormula, { ...withFormula, formula: " " }, "vi").problems).toEqual([
      { field: "formula", key: "definition.problems.formulaClear" },
    ]);
  });
});

describe("targets", () => {
  const t = (over: Partial<Target>): Target => ({
    plan: "NQ57",
    year: 2030,
    orgUnit: null,
    comparator: ">=",
    value: 10,
    valueMax: null,
    achieved: null,
    note: null,
    version: 1,
    ...over,
  });

  it("lists one plan's targets by year, national before units'", () => {
    const rows = planTargets(
      [t({ year: 2045 }), t({ orgUnit: "HA-NOI" }), t({ plan: "OTHER" }), t({}), t({ orgUnit: "DA-NANG" })],
      "NQ57",
    );
    expect(rows.map((r) => [r.year, r.orgUnit])).toEqual([
      [2030, null],
      [2030, "DA-NANG"],
      [2030, "HA-NOI"],
      [2045, null],
    ]);
  });

  const span = { start: 2025, end: 2045 };
  it("turns the form started from a target back into the same target", () => {
    const form = formFromTarget(t({ note: { vi: "Ghi chú", en: null } }), 2026);
    expect(targetFromForm(form, "value", span, "vi")).toEqual({
      target: { year: 2030, comparator: ">=", value: 10, note: { vi: "Ghi chú" } },
      problems: [],
    });
    const between = formFromTarget(
      t({ comparator: "between", value: 1, valueMax: 2, orgUnit: "HA-NOI" }),
      2026,
    );
    expect(targetFromForm(between, "range", span, "vi").target).toEqual({
      year: 2030,
      orgUnit: "HA-NOI",
      comparator: "between",
      value: 1,
      valueMax: 2,
    });
    const milestone = { ...formFromTarget(null, 2027), value: "", achieved: "yes" as const };
    expect(targetFromForm(milestone, "milestone", span, "vi").target).toEqual({
      year: 2027,
      comparator: ">=",
      achieved: true,
    });
  });

  it("refuses a year outside the plan, a missing value or upper bound, and a reversed range", () => {
    const keys = (over: Partial<ReturnType<typeof formFromTarget>>, kind: Indicator["kind"] = "value") =>
      targetFromForm({ ...formFromTarget(t({}), 2026), ...over }, kind, span, "en").problems.map((p) => [
        p.field,
        p.raw ? "raw" : p.key.split(".").pop(),
      ]);
    expect(keys({ year: "2050" })).toEqual([["year", "year"]]);
    expect(keys({ year: "20x0" })).toEqual([["year", "year"]]);
    expect(keys({ value: "" })).toEqual([["value", "value"]]);
    expect(keys({ value: "" }, "qualitative")).toEqual([]);
    expect(keys({ comparator: "between" })).toEqual([["valueMax", "valueMax"]]);
    expect(keys({ comparator: "between", valueMax: "5" })).toEqual([["valueMax", "order"]]);
    expect(keys({ value: "ten" })).toEqual([["value", "raw"]]);
    expect(keys({ orgUnit: "Hà Nội" })).toEqual([["orgUnit", "unit"]]);
  });
});

describe("a target in one cell", () => {
  const words = { top: (n: string) => `top ${n}`, reached: "reached", notReached: "not reached" };
  const n = (v: number | null) => (v === null ? "—" : String(v).replace(".", ","));
  const cell = (over: Partial<Target>) =>
    targetText({ comparator: ">=", value: 40.5, valueMax: null, achieved: null, ...over }, n, words);
  it("says the comparator as a symbol, a range, a rank or a milestone", () => {
    expect(cell({})).toBe("≥ 40,5");
    expect(cell({ comparator: "<" })).toBe("< 40,5");
    expect(cell({ comparator: "between", value: 1, valueMax: 2.5 })).toBe("1–2,5");
    expect(cell({ comparator: "top", value: 3 })).toBe("top 3");
    expect(cell({ achieved: true })).toBe("reached");
    expect(cell({ achieved: false })).toBe("not reached");
  });
});
