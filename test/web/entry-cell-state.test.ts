import { describe, expect, it } from "vitest";
import type { PendingValue } from "../../src/web/offline/types.js";
import { cellView } from "../../src/web/pages/entry/cell-state.js";
import { farFromHistory, historyFigures, sparkPoints } from "../../src/web/pages/entry/history.js";
import { cell, value } from "./entry-fixtures.js";

const write = { indicator: "X", unit: "HA-NOI", period: "2026-12", value: 12.5, expectedVersion: 3 };
const pending = (over: Partial<PendingValue> = {}): PendingValue => ({
  key: "k",
  write,
  state: "queued",
  typedAt: "2026-12-07T10:00:00.000Z",
  ...over,
});
const lock = {
  reason: "submitted" as const,
  message: "Đã nộp: chỉ người phê duyệt của đơn vị rút lại được",
  messageEn: "Submitted: only the unit's approver can recall it",
  mayChange: ["recall" as const],
};

describe("entry grid: what a cell shows", () => {
  it("an empty cell: no badge, no sync state, editable", () => {
    const v = cellView(cell(), undefined, undefined, "vi");
    expect(v).toMatchObject({
      text: "",
      value: null,
      badge: "empty",
      sync: null,
      readOnly: false,
      error: null,
    });
  });

  it("a saved draft shows its value in the page's language", () => {
    const v = cellView(cell({ value: value({ value: 1234.5 }) }), undefined, undefined, "vi");
    expect(v).toMatchObject({ text: "1234,5", badge: "draft", readOnly: false });
    expect(cellView(cell({ value: value({ value: 1234.5 }) }), undefined, undefined, "en").text).toBe(
      "1234.5",
    );
  });

  it("a pending value wins over the saved one and says it is not synced", () => {
    const v = cellView(cell({ value: value() }), pending(), undefined, "vi");
    expect(v).toMatchObject({ text: "12,5", value: 12.5, badge: "draft", sync: "queued", error: null });
    expect(cellView(cell(), pending({ state: "sending" }), undefined, "vi").sync).toBe("sending");
  });

  it("the server's message for an invalid or refused value, in red", () => {
    const invalid = pending({
      state: "invalid",
      error: { code: "VALIDATION_FAILED", message: "phải từ 0 đến 100" },
    });
    expect(cellView(cell(), invalid, undefined, "vi")).toMatchObject({
      sync: "invalid",
      error: "phải từ 0 đến 100",
    });
    const refused = pending({ state: "refused", error: { code: "VALUE_LOCKED", message: "Đã nộp" } });
    expect(cellView(cell(), refused, undefined, "vi")).toMatchObject({ sync: "refused", error: "Đã nộp" });
  });

  it("a conflict keeps the typed value and leaves the message to the conflict panel", () => {
    const c = pending({
      state: "conflict",
      error: { code: "STALE_VERSION", message: "stale" },
      server: { value: 99, version: 4, updatedBy: "x", updatedAt: null },
    });
    expect(cellView(cell({ value: value() }), c, undefined, "vi")).toMatchObject({
      text: "12,5",
      sync: "conflict",
      error: null,
    });
  });

  it("the grid's own refusal keeps the text typed and its message in the page's language", () => {
    const local = { text: "12a", message: { vi: "“12a” không phải là số", en: "“12a” is not a number" } };
    expect(cellView(cell({ value: value() }), pending(), local, "vi")).toMatchObject({
      text: "12a",
      error: "“12a” không phải là số",
      sync: "invalid",
      suspicious: false,
    });
    expect(cellView(cell(), undefined, local, "en").error).toBe("“12a” is not a number");
  });

  it("a locked cell is read-only with who may change it; no write right is read-only too", () => {
    const locked = cell({ value: value({ status: "submitted" }), lock });
    expect(cellView(locked, undefined, undefined, "vi")).toMatchObject({
      readOnly: true,
      badge: "submitted",
      lockMessage: lock.message,
    });
    expect(cellView(locked, undefined, undefined, "en").lockMessage).toBe(lock.messageEn);
    // Shown for reading, grouped and exact (an editable cell shows "1234,5": no separators to mistype).
    const official = cell({ value: value({ status: "approved", value: 27050.25 }), lock });
    expect(cellView(official, undefined, undefined, "vi").text).toBe("27.050,25");
    expect(cellView(official, undefined, undefined, "en").text).toBe("27,050.25");
    const noRight = cell({ can: { ...cell().can, write: false } });
    expect(cellView(noRight, undefined, undefined, "vi")).toMatchObject({
      readOnly: true,
      lockMessage: null,
    });
  });

  it("a returned draft says so with the reviewer's reason; once submitted again it is not 'returned'", () => {
    const returned = {
      reason: "Số liệu lệch so với báo cáo quý",
      by: "demo-standing",
      at: "2026-12-05T00:00:00Z",
    };
    const v = cellView(cell({ value: value(), returned }), undefined, undefined, "vi");
    expect(v).toMatchObject({ badge: "returned", returned });
    const resubmitted = cellView(
      cell({ value: value({ status: "submitted" }), returned }),
      undefined,
      undefined,
      "vi",
    );
    expect(resubmitted).toMatchObject({ badge: "submitted", returned: null });
  });

  it("flags a value far from the cell's history, the pending one first", () => {
    const history = [26273, 22370, 26320, 27287, 27701, 28909, 28514, 25887, 27050, 30170, 29499, 27009].map(
      (v) => ({
        value: v,
        status: "approved" as const,
      }),
    );
    const c = cell({ history, value: value({ value: 28000 }) });
    expect(cellView(c, undefined, undefined, "vi").suspicious).toBe(false);
    expect(cellView(c, pending({ write: { ...write, value: 270090 } }), undefined, "vi").suspicious).toBe(
      true,
    );
    expect(cellView(c, pending({ write: { ...write, value: 2700 } }), undefined, "vi").suspicious).toBe(true);
  });
});

describe("entry grid: history beside the cell", () => {
  it("keeps the numeric figures only", () => {
    expect(
      historyFigures([
        null,
        { value: 3, status: "approved" },
        { value: true, status: "draft" },
        { value: 5, status: "submitted" },
      ]),
    ).toEqual([3, 5]);
  });

  it("needs three earlier figures before calling anything far", () => {
    expect(farFromHistory(1_000_000, [1, 2])).toBe(false);
    expect(farFromHistory(1_000_000, [1, 2, 3])).toBe(true);
  });

  it("lets a count grow and a share move, but not by an order of magnitude", () => {
    const growing = [100, 110, 120, 130, 140, 150];
    expect(farFromHistory(165, growing)).toBe(false);
    expect(farFromHistory(1650, growing)).toBe(true);
    expect(farFromHistory(16.5, growing)).toBe(true);
    const shares = [40, 45, 50, 55, 60];
    expect(farFromHistory(70, shares)).toBe(false);
    expect(farFromHistory(100, shares)).toBe(true);
    expect(farFromHistory(5, shares)).toBe(true);
  });

  it("gives a flat history a margin of half its level, at least 1", () => {
    expect(farFromHistory(140, [100, 100, 100])).toBe(false);
    expect(farFromHistory(151, [100, 100, 100])).toBe(true);
    expect(farFromHistory(1, [0, 0, 0])).toBe(false);
    expect(farFromHistory(2, [0, 0, 0])).toBe(true);
  });

  it("never calls a milestone or nothing far", () => {
    expect(farFromHistory(true, [1, 2, 3])).toBe(false);
    expect(farFromHistory(null, [1, 2, 3])).toBe(false);
  });

  it("draws the sparkline over the slots, leaving gaps, a flat line across the middle", () => {
    expect(sparkPoints([0, null, 10], 100, 20)).toEqual([
      { x: 0, y: 20 },
      { x: 100, y: 0 },
    ]);
    expect(sparkPoints([5, 5], 10, 20)).toEqual([
      { x: 0, y: 10 },
      { x: 10, y: 10 },
    ]);
    expect(sparkPoints([null, null], 10, 20)).toEqual([]);
  });
});
