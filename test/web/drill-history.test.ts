import { describe, expect, it } from "vitest";
import { type HistoryItem, historyRows, showValue } from "../../src/web/pages/indicator/history-diff.js";

const base = { changedBy: "standing", changedAt: "2026-12-01T03:00:00Z", reason: "r", snapshot: {} };

describe("indicator history as a diff", () => {
  it("lists each changed field with before and after, in the page's language", () => {
    const items: HistoryItem[] = [
      {
        ...base,
        entity: "indicator",
        version: 3,
        action: "update",
        target: null,
        changes: {
          published: { from: false, to: true },
          name: { from: { vi: "Cũ", en: "Old" }, to: { vi: "Mới", en: null } },
          boundMax: { from: null, to: 100.5 },
        },
      },
    ];
    const [row] = historyRows(items, "en");
    expect(row?.lines).toEqual([
      { field: "published", before: "no", after: "yes" },
      { field: "name", before: "Old", after: "Mới" },
      { field: "boundMax", before: "—", after: "100.5" },
    ]);
    expect(historyRows(items, "vi")[0]?.lines[2]?.after).toBe("100,5");
  });
  it("shows a created target by its snapshot and a created indicator without lines", () => {
    const rows = historyRows(
      [
        {
          ...base,
          entity: "target",
          version: 1,
          action: "create",
          target: { plan: "NQ57", year: 2030, orgUnit: null },
          changes: null,
          snapshot: { comparator: ">=", value: 80, valueMax: null, year: 2030 },
        },
        { ...base, entity: "indicator", version: 1, action: "create", target: null, changes: null },
      ],
      "vi",
    );
    expect(rows[0]?.lines).toEqual([
      { field: "comparator", before: "—", after: ">=" },
      { field: "value", before: "—", after: "80" },
    ]);
    expect(rows[1]?.lines).toEqual([]);
    expect(rows[0]?.key).not.toBe(rows[1]?.key);
  });
  it("writes lists and nested objects readably", () => {
    expect(showValue(["S1", "S2"], "vi")).toBe("S1, S2");
    expect(showValue({ min: 0, max: 100 }, "vi")).toBe("min: 0; max: 100");
  });
});
