/**
 * The review queue's pure parts: the list query from the URL's filters, the change from the period
 * before, the selection (one, the page, kept across refreshes), the batch a move sends, the rows a
 * stale-batch refusal names, reasons, and the period filter's choices.
 */
import { describe, expect, it } from "vitest";
import {
  batchItems,
  changeFrom,
  detailLines,
  keepShown,
  listQuery,
  namedItems,
  PAGE_SIZE,
  pageSelection,
  reasonProblem,
  type Selectable,
  toggle,
  togglePage,
} from "../../src/web/pages/review/review-model.js";
import { periodChoices } from "../../src/web/pages/review/review-periods.js";

const row = (id: string, version = 1, approve = true, ret = true): Selectable => ({
  id,
  version,
  can: { approve, return: ret },
});

describe("the list query", () => {
  it("asks for the reviewable values of the tab's state, with the period before, a page at a time", () => {
    expect(listQuery("submitted", {})).toEqual({
      status: "submitted",
      reviewable: "true",
      previous: "true",
      limit: PAGE_SIZE,
    });
  });

  it("puts the unit as `under` (its subtree), one period as from and to, and the cursor", () => {
    expect(listQuery("approved", { unit: "HA-NOI", indicator: "K1", period: "2026-03" }, "abc")).toEqual({
      status: "approved",
      reviewable: "true",
      previous: "true",
      limit: PAGE_SIZE,
      under: "HA-NOI",
      indicator: "K1",
      from: "2026-03",
      to: "2026-03",
      cursor: "abc",
    });
  });
});

describe("the change from the period before", () => {
  it("is the difference and its share of the earlier figure", () => {
    expect(changeFrom(110, 100)).toEqual({ delta: 10, ratio: 0.1, large: false });
    expect(changeFrom(90, -100)).toEqual({ delta: 190, ratio: 1.9, large: true });
  });

  it("marks a jump of half again or half less, the typo's signature", () => {
    expect(changeFrom(150, 100)?.large).toBe(true);
    expect(changeFrom(149, 100)?.large).toBe(false);
    expect(changeFrom(50, 100)?.large).toBe(true);
    expect(changeFrom(1000, 100)?.large).toBe(true);
  });

  it("from zero has no share, and is large unless still zero", () => {
    expect(changeFrom(5, 0)).toEqual({ delta: 5, ratio: null, large: true });
    expect(changeFrom(0, 0)).toEqual({ delta: 0, ratio: null, large: false });
  });

  it("is nothing without an earlier figure, or for yes/no values", () => {
    expect(changeFrom(5, null)).toBeNull();
    expect(changeFrom(5, undefined)).toBeNull();
    expect(changeFrom(true, false)).toBeNull();
  });
});

describe("the selection", () => {
  const rows = [row("a"), row("b"), row("c", 1, false, false)];

  it("toggles one row", () => {
    const one = toggle(new Set(), "a");
    expect([...one]).toEqual(["a"]);
    expect([...toggle(one, "a")]).toEqual([]);
  });

  it("selects the page's movable rows from the header, and clears them when all were", () => {
    const all = togglePage(rows, new Set());
    expect([...all].sort()).toEqual(["a", "b"]);
    expect(pageSelection(rows, all)).toBe("all");
    expect(pageSelection(rows, new Set(["a"]))).toBe("some");
    expect(pageSelection(rows, new Set())).toBe("none");
    expect([...togglePage(rows, all)]).toEqual([]);
    // Some selected: the header selects the rest.
    expect([...togglePage(rows, new Set(["a"]))].sort()).toEqual(["a", "b"]);
  });

  it("keeps only rows still shown after a refresh, and the same set when nothing left", () => {
    const before = new Set(["a", "b", "gone"]);
    expect([...keepShown(rows, before)].sort()).toEqual(["a", "b"]);
    const same = new Set(["a"]);
    expect(keepShown(rows, same)).toBe(same);
  });
});

describe("a batch", () => {
  it("sends each selected row the move applies to, with the version seen", () => {
    const rows = [row("a", 3), row("b", 5, false, true), row("c", 2)];
    expect(batchItems(rows, new Set(["a", "b"]), "approve")).toEqual({
      items: [{ id: "a", expectedVersion: 3 }],
      skipped: 1,
    });
    expect(batchItems(rows, new Set(["a", "b"]), "return").items).toEqual([
      { id: "a", expectedVersion: 3 },
      { id: "b", expectedVersion: 5 },
    ]);
  });

  it("names the items a refusal's details point at, once each, in order", () => {
    const items = [{ id: "x" }, { id: "y" }, { id: "z" }];
    const details = [
      { path: "body.items.2.expectedVersion", message: "…" },
      { path: "body.items.0", message: "…" },
      { path: "body.items.2.expectedVersion", message: "…" },
      { path: "body.reason", message: "…" },
      { path: "body.items.9", message: "out of range" },
      "not a detail",
    ];
    expect(namedItems(details, items)).toEqual(["z", "x"]);
  });

  it("shows the details in the page's language, Vietnamese when no English", () => {
    const d = [{ message: "đã thay đổi", messageEn: "changed" }, { message: "chỉ tiếng Việt" }, { nope: 1 }];
    expect(detailLines(d, "en")).toEqual(["changed", "chỉ tiếng Việt"]);
    expect(detailLines(d, "vi")).toEqual(["đã thay đổi", "chỉ tiếng Việt"]);
  });
});

describe("a reason", () => {
  it("is required, trimmed, within the server's limits", () => {
    expect(reasonProblem("   ", 1, 10)).toBe("required");
    expect(reasonProblem(" ab ", 3, 10)).toBe("short");
    expect(reasonProblem("abc", 3, 10)).toBeNull();
    expect(reasonProblem("x".repeat(11), 1, 10)).toBe("long");
  });
});

describe("the period filter's choices", () => {
  // 2026-01-01 02:00 in Viet Nam is still 2025-12-31 in UTC: the choices follow Viet Nam.
  const now = new Date("2025-12-31T19:00:00Z");

  it("starts each kind at the current period in Viet Nam, newest first", () => {
    const groups = periodChoices(now);
    expect(groups.map((g) => g.kind)).toEqual(["month", "quarter", "half_year", "year"]);
    const [months, quarters, halves, years] = groups;
    expect(months?.codes.slice(0, 3)).toEqual(["2026-01", "2025-12", "2025-11"]);
    expect(months?.codes).toHaveLength(24);
    expect(quarters?.codes.slice(0, 2)).toEqual(["2026-Q1", "2025-Q4"]);
    expect(halves?.codes.slice(0, 2)).toEqual(["2026-H1", "2025-H2"]);
    expect(years?.codes).toEqual(["2026", "2025", "2024"]);
  });

  it("keeps an older period from the URL in its kind's group", () => {
    const groups = periodChoices(now, "2019-Q2");
    expect(groups.find((g) => g.kind === "quarter")?.codes.at(-1)).toBe("2019-Q2");
    expect(
      periodChoices(now, "2025-11")
        .find((g) => g.kind === "month")
        ?.codes.filter((c) => c === "2025-11"),
    ).toHaveLength(1);
  });
});
