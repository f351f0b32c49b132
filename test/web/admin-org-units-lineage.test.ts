/** A unit's timeline: its start and end, the links into and out of it, grouped by day and ordered. */
import { describe, expect, it } from "vitest";
import { eventKey, type LineageLink, timeline } from "../../src/web/pages/admin-org-units/lineage-model.js";

const link = (unit: string, effectiveOn: string, kind: LineageLink["kind"] = "merged_into"): LineageLink => ({
  kind,
  unit,
  name: { vi: unit, en: null },
  effectiveOn,
});

describe("timeline", () => {
  it("is empty for a unit with no dates and no lineage", () => {
    expect(timeline({ validFrom: null, validTo: null, predecessors: [], successors: [] })).toEqual([]);
  });

  it("tells a merged province's end and where it went, the last day before the merger", () => {
    const steps = timeline({
      validFrom: null,
      validTo: "2025-06-30",
      predecessors: [],
      successors: [link("TUYEN-QUANG", "2025-07-01")],
    });
    expect(steps.map((s) => [s.date, s.events.map(eventKey)])).toEqual([
      ["2025-06-30", ["end"]],
      ["2025-07-01", ["out.merged_into"]],
    ]);
  });

  it("groups the units merged into one on the same day, by code, after its start", () => {
    const steps = timeline({
      validFrom: "2025-07-01",
      validTo: null,
      predecessors: [link("OLD-TUYEN-QUANG", "2025-07-01"), link("OLD-HA-GIANG", "2025-07-01")],
      successors: [],
    });
    expect(steps).toHaveLength(1);
    const [start, merged] = steps[0]?.events ?? [];
    expect(start).toEqual({ type: "start", date: "2025-07-01" });
    expect(merged).toMatchObject({ type: "link", direction: "in", kind: "merged_into" });
    expect(merged?.type === "link" && merged.links.map((l) => l.unit)).toEqual([
      "OLD-HA-GIANG",
      "OLD-TUYEN-QUANG",
    ]);
  });

  it("keeps kinds and directions apart on one day and orders days by date", () => {
    const steps = timeline({
      validFrom: "2020-01-01",
      validTo: "2030-12-31",
      predecessors: [link("A", "2024-01-01", "split_from"), link("B", "2022-05-01", "renamed_to")],
      successors: [link("C", "2024-01-01"), link("D", "2024-01-01", "renamed_to")],
    });
    expect(steps.map((s) => s.date)).toEqual(["2020-01-01", "2022-05-01", "2024-01-01", "2030-12-31"]);
    expect(steps[2]?.events.map(eventKey)).toEqual(["in.split_from", "out.merged_into", "out.renamed_to"]);
    expect(steps[1]?.events.map(eventKey)).toEqual(["in.renamed_to"]);
  });
});
