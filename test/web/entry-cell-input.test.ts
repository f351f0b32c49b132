import { describe, expect, it } from "vitest";
import { inputText, readCellInput } from "../../src/web/pages/entry/cell-input.js";

const open = { min: null, max: null };

describe("entry grid: reading a typed or pasted cell", () => {
  it.each([
    ["12,5", 12.5],
    ["12.5", 12.5],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
    ["1.234.567", 1234567],
    ["1 234 567", 1234567],
    ["1\u00a0234", 1234],
    ["  42  ", 42],
    ["0,125", 0.125],
    ["-3,5", -3.5],
    ["(7)", -7],
    ["85%", 85],
    ["1234", 1234],
    [",5", 0.5],
  ])("reads %s as %s, as the import does", (text, value) => {
    expect(readCellInput(text, "number", open)).toEqual({ kind: "value", value });
  });

  it.each(["1.234", "1,234", "12,345"])("refuses %s as ambiguous (thousands or decimals)", (text) => {
    const r = readCellInput(text, "number", open);
    expect(r.kind).toBe("invalid");
    if (r.kind === "invalid") {
      expect(r.message.vi).toMatch(/hai cách/);
      expect(r.message.en).toMatch(/two ways/);
    }
  });

  it.each(["abc", "12a", "1,2,3.4", "--", "1.23.4"])("refuses %s as not a number", (text) => {
    expect(readCellInput(text, "number", open).kind).toBe("invalid");
  });

  it("treats an empty or blank text as nothing typed", () => {
    expect(readCellInput("", "number", open)).toEqual({ kind: "empty" });
    expect(readCellInput("   ", "boolean", open)).toEqual({ kind: "empty" });
  });

  it("checks the bounds in the server's words, both languages", () => {
    const pct = { min: 0, max: 100 };
    expect(readCellInput("100", "number", pct)).toEqual({ kind: "value", value: 100 });
    expect(readCellInput("0", "number", pct)).toEqual({ kind: "value", value: 0 });
    expect(readCellInput("100,5", "number", pct)).toEqual({
      kind: "invalid",
      message: { vi: "Phải từ 0 đến 100", en: "Must be between 0 and 100" },
    });
    expect(readCellInput("-1", "number", { min: 0, max: null })).toEqual({
      kind: "invalid",
      message: { vi: "Không được nhỏ hơn 0", en: "Must be at least 0" },
    });
    expect(readCellInput("11", "number", { min: null, max: 10 })).toEqual({
      kind: "invalid",
      message: { vi: "Không được lớn hơn 10", en: "Must be at most 10" },
    });
  });

  it("reads yes/no for a milestone in either language", () => {
    expect(readCellInput("có", "boolean", open)).toEqual({ kind: "value", value: true });
    expect(readCellInput("Không", "boolean", open)).toEqual({ kind: "value", value: false });
    expect(readCellInput("yes", "boolean", open)).toEqual({ kind: "value", value: true });
    expect(readCellInput("maybe", "boolean", open).kind).toBe("invalid");
  });

  it("shows a value for editing without thousands separators, with the language's decimal mark", () => {
    expect(inputText(27009, "vi")).toBe("27009");
    expect(inputText(27009, "en")).toBe("27009");
    expect(inputText(12.5, "vi")).toBe("12,5");
    expect(inputText(12.5, "en")).toBe("12.5");
    expect(inputText(1234567.25, "vi")).toBe("1234567,25");
    expect(inputText(true, "vi")).toBe("có");
    expect(inputText(false, "en")).toBe("no");
    expect(inputText(null, "vi")).toBe("");
    expect(inputText(Number.NaN, "vi")).toBe("");
  });

  it("reads back what it shows (except the three-decimals case the import calls ambiguous)", () => {
    for (const v of [0, 1, 12.5, 1234, 1234567.25, 0.125, -3.75, 99.99])
      for (const lang of ["vi", "en"] as const)
        expect(readCellInput(inputText(v, lang), "number", open)).toEqual({ kind: "value", value: v });
    expect(readCellInput(inputText(1.125, "vi"), "number", open).kind).toBe("invalid");
  });
});
