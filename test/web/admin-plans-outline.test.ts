/** The plan outline, the live formula check and a version's before/after, as pure functions. */
import { describe, expect, it } from "vitest";
import { liveFormulaCheck } from "../../src/web/pages/admin-plans/formula-check.js";
import { fieldOf, type HistoryEntry, versionChange } from "../../src/web/pages/admin-plans/history-model.js";
import {
  type OutlineIndicator,
  planOutline,
  type Tier,
} from "../../src/web/pages/admin-plans/outline-model.js";

const sys = (code: string, number: number, retired = false) => ({ code, number, retired });
const ini = (code: string, number: number, system: string, retired = false) => ({
  code,
  number,
  system,
  retired,
});
const ind = (
  code: string,
  tier: Tier,
  systems: string[],
  initiatives: string[] = [],
  retired = false,
): OutlineIndicator => ({
  code,
  tier,
  systems,
  initiatives,
  retired,
});

describe("the plan outline", () => {
  const systems = [sys("S2", 2), sys("S1", 1), sys("S9", 9, true)];
  const initiatives = [ini("SK02", 2, "S1"), ini("SK01", 1, "S1"), ini("SK03", 3, "S2", true)];
  const indicators = [
    ind("K2", "kpi", ["S1"], ["SK01"]),
    ind("T1", "target", ["S1"]),
    ind("K1", "kpi", ["S1"], ["SK01"]),
    ind("O1", "operational", ["S1"], ["SK01"]),
    ind("K3", "kpi", ["S2"], ["SK03"]),
    ind("M1", "objective", []),
    ind("R1", "kpi", ["S1"], [], true),
  ];

  it("nests systems → initiatives → indicators by tier, in number and code order, retired left out", () => {
    const o = planOutline(systems, initiatives, indicators);
    expect(o.systems.map((s) => s.system.code)).toEqual(["S1", "S2"]);
    const s1 = o.systems[0];
    expect(s1?.initiatives.map((n) => n.initiative.code)).toEqual(["SK01", "SK02"]);
    expect(s1?.initiatives[0]?.indicators.map((g) => [g.tier, g.items.map((i) => i.code)])).toEqual([
      ["kpi", ["K1", "K2"]],
      ["operational", ["O1"]],
    ]);
    expect(s1?.initiatives[1]?.indicators).toEqual([]);
    expect(s1?.indicators.map((g) => [g.tier, g.items.map((i) => i.code)])).toEqual([["target", ["T1"]]]);
    // K3's only initiative is retired: it stays under its system.
    expect(o.systems[1]?.indicators.map((g) => g.items.map((i) => i.code))).toEqual([["K3"]]);
    expect(o.loose.map((g) => [g.tier, g.items.map((i) => i.code)])).toEqual([["objective", ["M1"]]]);
  });

  it("shows retired items when asked", () => {
    const o = planOutline(systems, initiatives, indicators, true);
    expect(o.systems.map((s) => s.system.code)).toEqual(["S1", "S2", "S9"]);
    expect(o.systems[1]?.initiatives[0]?.indicators[0]?.items.map((i) => i.code)).toEqual(["K3"]);
    expect(o.systems[0]?.indicators.flatMap((g) => g.items.map((i) => i.code))).toEqual(["T1", "R1"]);
  });
});

describe("the live formula check", () => {
  const known = [
    { code: "A", formula: null },
    { code: "B", formula: "A * 2" },
    { code: "C", formula: "K + 1" },
  ];
  it("accepts a formula over known codes and lists its references", () => {
    expect(liveFormulaCheck("K", "A + B / 2", known, "en")).toEqual({ state: "ok", refs: ["A", "B"] });
    expect(liveFormulaCheck("K", "  ", known, "en")).toEqual({ state: "empty" });
  });
  it("names an unknown code and a syntax error by column, in the page's language", () => {
    const unknown = liveFormulaCheck("K", "A + ZZZ", known, "en");
    expect(unknown).toEqual({
      state: "error",
      problems: [{ column: 5, message: 'unknown indicator "ZZZ"' }],
    });
    const vi = liveFormulaCheck("K", "A + ZZZ", known, "vi");
    expect(vi.state === "error" && vi.problems[0]?.message).toBe('không có chỉ tiêu "ZZZ"');
    const syntax = liveFormulaCheck("K", "A + (B", known, "en");
    expect(syntax.state).toBe("error");
    expect(syntax.state === "error" && syntax.problems[0]?.column).toBeGreaterThan(1);
  });
  it("finds itself and a cycle through another formula", () => {
    const self = liveFormulaCheck("K", "K + 1", known, "en");
    expect(self.state === "error" && self.problems[0]?.message).toContain("refers to itself");
    const cycle = liveFormulaCheck("K", "C * 2", known, "en");
    expect(cycle.state === "error" && cycle.problems[0]?.message).toContain("cycle: K → C → K");
  });
});

describe("a version's before and after", () => {
  const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
    entity: "target",
    version: 2,
    action: "update",
    target: { plan: "NQ57", year: 2030, orgUnit: null },
    changedBy: "demo-standing",
    changedAt: "2026-12-07T10:00:00Z",
    reason: "Điều chỉnh",
    changes: null,
    snapshot: {},
    ...over,
  });
  it("gives a change's fields from and to", () => {
    expect(
      versionChange(entry({ changes: { value: { from: 10, to: 12 }, noteVi: { from: null, to: "x" } } })),
    ).toEqual({
      before: { value: 10, noteVi: null },
      after: { value: 12, noteVi: "x" },
    });
  });
  it("gives a creation's filled fields as added, a target's year and unit left to its heading", () => {
    expect(
      versionChange(
        entry({
          action: "create",
          version: 1,
          snapshot: { year: 2030, orgUnitId: null, comparator: ">=", value: 10, valueMax: null },
        }),
      ),
    ).toEqual({ before: null, after: { comparator: ">=", value: 10 } });
    expect(
      versionChange(entry({ entity: "indicator", action: "create", snapshot: { year: 1, formula: "A" } }))
        .after,
    ).toEqual({ year: 1, formula: "A" });
  });
  it("splits a diff path into its field and the rest", () => {
    expect(fieldOf("aggregationComponents.weight")).toEqual({
      field: "aggregationComponents",
      rest: "weight",
    });
    expect(fieldOf("value")).toEqual({ field: "value", rest: "" });
  });
});
