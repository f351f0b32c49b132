import { describe, expect, it } from "vitest";
import { cellKey } from "../../src/web/offline/types.js";
import { seenVersion, sheetRows, writeFor } from "../../src/web/pages/entry/sheet-rows.js";
import { stablePending } from "../../src/web/pages/entry/stable-pending.js";
import { cell, indicator, sheet, value } from "./entry-fixtures.js";

describe("entry grid: the sheet as rows", () => {
  const s = sheet([
    indicator(
      "A",
      [cell(), cell({ disaggregation: { sex: "male" } }), cell({ disaggregation: { sex: "female" } })],
      {
        disaggregations: [{ dimension: "sex", options: ["male", "female"] }],
      },
    ),
    indicator("B", [cell({ value: value() })]),
  ]);

  it("one row per cell in the server's order, the first of each indicator marked", () => {
    const rows = sheetRows(s);
    expect(rows.map((r) => [r.index, r.indicator.code, r.first, r.parts])).toEqual([
      [0, "A", true, []],
      [1, "A", false, [["sex", "male"]]],
      [2, "A", false, [["sex", "female"]]],
      [3, "B", true, []],
    ]);
  });

  it("keys each row as the outbox keys its cell", () => {
    const [, male] = sheetRows(s);
    expect(male?.key).toBe(
      cellKey({ unit: "HA-NOI", indicator: "A", period: "2026-12", disaggregation: { sex: "male" } }),
    );
  });

  it("keeps a row's object while its cell's object is the same (a refetch's unchanged cells)", () => {
    const first = sheetRows(s);
    const again = sheetRows(s);
    expect(again[3]).toBe(first[3]);
    const changedB = indicator("B", [cell({ value: value({ version: 4 }) })]);
    const next = sheetRows({ ...s, indicators: [s.indicators[0] as never, changedB] });
    expect(next[0]).toBe(first[0]);
    expect(next[3]).not.toBe(first[3]);
  });

  it("writes a new value with the version seen, 0 for an empty cell, keeping source, comment and link", () => {
    const rows = sheetRows(s);
    const [total, male, , b] = rows;
    if (!total || !male || !b) throw new Error("rows");
    expect(seenVersion(total)).toBe(0);
    expect(writeFor(total, 5)).toEqual({
      indicator: "A",
      unit: "HA-NOI",
      period: "2026-12",
      value: 5,
      expectedVersion: 0,
      source: null,
      comment: null,
      evidenceUrl: null,
    });
    expect(writeFor(male, 2).disaggregation).toEqual({ sex: "male" });
    expect(writeFor(b, 11)).toMatchObject({
      value: 11,
      expectedVersion: 3,
      source: "Sở KH&CN",
      evidenceUrl: "https://example.org/e",
    });
    expect(writeFor(b, 11, { comment: "ghi chú", source: null, expectedVersion: 7 })).toMatchObject({
      comment: "ghi chú",
      source: null,
      expectedVersion: 7,
    });
    expect(writeFor(b, 11)).not.toHaveProperty("reporterUnit");
  });

  it("names the reporter when another unit reports the cell (a national figure)", () => {
    const national = sheet([
      indicator("N", [cell({ unit: "VN", reporterUnit: "GSO" })], { reportedBy: "responsible" }),
    ]);
    const [row] = sheetRows(national);
    if (!row) throw new Error("row");
    expect(writeFor(row, 1)).toMatchObject({ unit: "VN", reporterUnit: "GSO" });
  });
});

describe("entry grid: pending values kept as the same objects while unchanged", () => {
  const w = { indicator: "A", unit: "HA-NOI", period: "2026-12", value: 1, expectedVersion: 0 };
  const p = (over = {}) => ({ key: "a", write: { ...w }, state: "queued" as const, typedAt: "t1", ...over });

  it("returns the previous map when nothing changed, even with new objects", () => {
    const prev = new Map([["a", p()]]);
    expect(stablePending(prev, new Map([["a", p()]]))).toBe(prev);
  });

  it("keeps unchanged entries' objects and takes changed ones", () => {
    const a = p();
    const prev = new Map([
      ["a", a],
      ["b", p({ key: "b" })],
    ]);
    const next = stablePending(
      prev,
      new Map([
        ["a", p()],
        ["b", p({ key: "b", state: "sending" as const })],
      ]),
    );
    expect(next).not.toBe(prev);
    expect(next.get("a")).toBe(a);
    expect(next.get("b")?.state).toBe("sending");
  });

  it("sees a changed value, error or server value, and a removed entry", () => {
    const prev = new Map([["a", p()]]);
    expect(stablePending(prev, new Map([["a", p({ write: { ...w, value: 2 } })]]))).not.toBe(prev);
    expect(stablePending(prev, new Map([["a", p({ error: { code: "X", message: "m" } })]]))).not.toBe(prev);
    expect(
      stablePending(prev, new Map([["a", p({ server: { value: 3, version: 2 } })]])).get("a")?.server
        ?.version,
    ).toBe(2);
    expect(stablePending(prev, new Map()).size).toBe(0);
  });
});
