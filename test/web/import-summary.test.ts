/** What the import wizard shows of an answer: counts, outcome, errors by row and column; periods; units. */
import { describe, expect, it } from "vitest";
import {
  importView,
  isFileRefusal,
  pageOf,
  refusedRowsAnswer,
  stripRowPrefix,
  valueText,
} from "../../src/web/pages/import/dry-run-view.js";
import { lastMonth, periodGroups, periodLabel } from "../../src/web/pages/import/periods.js";
import { grantedUnits } from "../../src/web/pages/import/writer-units.js";

const base = { rows: 0, imported: 0, updated: 0, unchanged: 0, locked: 0, rejected: 0, errors: [] };

describe("import view", () => {
  it("is ready when rows would be written and nothing is refused", () => {
    const v = importView({ ...base, rows: 5, imported: 3, updated: 1, unchanged: 1 }, "vi");
    expect(v.outcome).toBe("ready");
    expect(v.writes).toBe(4);
    expect(v.counts).toEqual({ rows: 5, created: 3, changed: 1, unchanged: 1, locked: 0, rejected: 0 });
  });

  it("has nothing to do when every row equals the current value", () => {
    expect(importView({ ...base, rows: 2, unchanged: 2 }, "en").outcome).toBe("nothing");
  });

  it("is rejected by a locked row even when other rows would be written", () => {
    const v = importView(
      {
        ...base,
        rows: 3,
        imported: 2,
        locked: 1,
        rejected: 1,
        errors: [
          {
            row: 4,
            column: "value",
            message: "Dòng 4, cột value: số liệu đã được phê duyệt, không sửa qua tệp được: …",
            messageEn: "Row 4, column value: the value is approved and cannot be changed by upload: …",
            value: { status: "approved" },
          },
        ],
      },
      "en",
    );
    expect(v.outcome).toBe("rejected");
    expect(v.counts.locked).toBe(1);
    expect(v.errors).toEqual([
      {
        id: "4-value-0",
        row: 4,
        column: "value",
        value: "",
        message: "the value is approved and cannot be changed by upload: …",
      },
    ]);
  });

  it("shows each error in the page's language, falling back to Vietnamese", () => {
    const errors = [
      {
        row: 2,
        column: "value",
        message: "Dòng 2, cột value: không phải số",
        messageEn: "Row 2, column value: not a number",
        value: "abc",
      },
      { row: 3, column: "indicator", message: "Dòng 3, cột indicator: không có chỉ tiêu X", value: "X" },
    ];
    const vi = importView({ ...base, rows: 2, rejected: 2, errors }, "vi");
    const en = importView({ ...base, rows: 2, rejected: 2, errors }, "en");
    expect(vi.errors.map((e) => e.message)).toEqual(["không phải số", "không có chỉ tiêu X"]);
    expect(en.errors.map((e) => e.message)).toEqual(["not a number", "không có chỉ tiêu X"]);
    expect(en.errors.map((e) => e.value)).toEqual(["abc", "X"]);
    expect(vi.moreErrors).toBe(0);
  });

  it("counts refused rows beyond the listed errors", () => {
    const errors = Array.from({ length: 1000 }, (_, i) => ({ row: i + 2, column: "value", message: "x" }));
    expect(importView({ ...base, rows: 1500, rejected: 1500, errors }, "vi").moreErrors).toBe(500);
  });

  it("keeps messages without the prefix as they are", () => {
    expect(stripRowPrefix("Dòng 12: trùng ô số liệu với dòng 3")).toBe("trùng ô số liệu với dòng 3");
    expect(stripRowPrefix("Tệp gửi lên là một tài liệu PDF")).toBe("Tệp gửi lên là một tài liệu PDF");
    expect(valueText(12.5)).toBe("12.5");
    expect(valueText(null)).toBe("");
    expect(isFileRefusal("WRONG_FILE_KIND")).toBe(true);
    expect(isFileRefusal("IMPORT_REJECTED")).toBe(false);
  });

  it("turns a 403 naming rows of other units' cells into rows of the table, counts unknown", () => {
    const err = {
      status: 403,
      code: "FORBIDDEN",
      message: "Bạn không có quyền thực hiện thao tác này.",
      details: [
        {
          path: "items.1.unit",
          value: "HA-NOI",
          message: "Dòng 2, cột unit: ô số liệu “OI_GDP” của “HA-NOI” do Cục Thống kê (CTK) báo cáo",
          messageEn:
            "Row 2, column unit: the “OI_GDP” value of “HA-NOI” is reported by National Statistics Office (CTK)",
        },
        { path: "items.4.unit", message: "Dòng 5, cột unit: …" },
        { path: "plan", message: "not a row" },
      ],
    };
    const a = refusedRowsAnswer(err, true);
    expect(a?.counted).toBe(false);
    expect(a?.refused).toEqual({ code: "FORBIDDEN", message: err.message });
    expect(a?.summary.rejected).toBe(2);
    const v = importView(a?.summary ?? base, "en");
    expect(v.outcome).toBe("rejected");
    expect(v.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, "unit", "HA-NOI"],
      [5, "unit", ""],
    ]);
    expect(v.errors[0]?.message).toBe(
      "the “OI_GDP” value of “HA-NOI” is reported by National Statistics Office (CTK)",
    );
    // Any other error stays an error.
    expect(refusedRowsAnswer({ ...err, status: 409 }, true)).toBeUndefined();
    expect(refusedRowsAnswer({ ...err, details: [] }, true)).toBeUndefined();
  });

  it("pages the errors, clamping the page", () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 1, 50)).toEqual({ items: items.slice(0, 50), pages: 3 });
    expect(pageOf(items, 3, 50).items).toEqual(items.slice(100));
    expect(pageOf(items, 9, 50).items).toEqual(items.slice(100));
    expect(pageOf([], 1, 50)).toEqual({ items: [], pages: 1 });
  });
});

describe("import periods", () => {
  it("defaults to the month just ended, across a new year", () => {
    expect(lastMonth(new Date(2026, 11, 7))).toBe("2026-11");
    expect(lastMonth(new Date(2027, 0, 3))).toBe("2026-12");
  });

  it("offers recent months, quarters and years, newest first", () => {
    const [months, quarters, years] = periodGroups(new Date(2026, 1, 10));
    expect(months?.periods.slice(0, 3)).toEqual(["2026-02", "2026-01", "2025-12"]);
    expect(months?.periods).toHaveLength(15);
    expect(quarters?.periods).toEqual(["2026-Q1", "2025-Q4", "2025-Q3", "2025-Q2", "2025-Q1"]);
    expect(years?.periods).toEqual(["2026", "2025", "2024"]);
  });

  it("names periods in each language", () => {
    expect(periodLabel("2026-11", "vi")).toBe("Tháng 11/2026");
    expect(periodLabel("2026-11", "en")).toBe("November 2026");
    expect(periodLabel("2026-Q3", "vi")).toBe("Quý 3/2026");
    expect(periodLabel("2026-Q3", "en")).toBe("Q3 2026");
    expect(periodLabel("2026-H1", "vi")).toBe("6 tháng đầu năm 2026");
    expect(periodLabel("2026", "vi")).toBe("Năm 2026");
    expect(periodLabel("2026", "en")).toBe("2026");
  });
});

describe("units a user writes for", () => {
  it("keeps reporter and approver grants, the user's own unit first, once each", () => {
    const roles = [
      { role: "unit_reporter", unit: "HA-NOI-X" },
      { role: "unit_approver", unit: "HA-NOI" },
      { role: "unit_reporter", unit: "HA-NOI" },
      { role: "standing_office", unit: null },
      { role: "provincial_committee", unit: "HUE" },
    ];
    expect(grantedUnits({ unit: "HA-NOI", roles })).toEqual(["HA-NOI", "HA-NOI-X"]);
    expect(grantedUnits({ unit: "HUE", roles: [] })).toEqual([]);
  });
});
