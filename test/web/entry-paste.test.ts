import { describe, expect, it } from "vitest";
import { parseClipboard, planPaste } from "../../src/web/pages/entry/paste.js";

describe("entry grid: a block pasted from a spreadsheet", () => {
  it("splits rows on newlines and cells on tabs, without an empty row for the trailing newline", () => {
    expect(parseClipboard("1\t2\n3\t4\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parseClipboard("12,5\r\n13,5\r\n")).toEqual([["12,5"], ["13,5"]]);
    expect(parseClipboard("7")).toEqual([["7"]]);
    expect(parseClipboard("7\n")).toEqual([["7"]]);
  });

  it("keeps empty cells and empty rows inside the block", () => {
    expect(parseClipboard("1\t\t3\n\n5\n")).toEqual([["1", "", "3"], [""], ["5"]]);
    expect(parseClipboard("\t2\n")).toEqual([["", "2"]]);
  });

  it("reads quoted cells as Excel writes them (tabs, newlines and doubled quotes inside)", () => {
    expect(parseClipboard('"a\tb"\t2\n"line1\nline2"\t3\n"say ""hi"""\t4')).toEqual([
      ["a\tb", "2"],
      ["line1\nline2", "3"],
      ['say "hi"', "4"],
    ]);
  });

  it("treats a stray quote as text", () => {
    expect(parseClipboard('5"\t6\n"7\n')).toEqual([['5"', "6"], ['"7']]);
    expect(parseClipboard('"12" x\t1')).toEqual([['"12" x', "1"]]);
  });

  it("returns no rows for an empty clipboard", () => {
    expect(parseClipboard("")).toEqual([]);
  });

  it("lays the block from the cell pasted into, skipping locked cells and what falls outside", () => {
    const editable = (r: number) => r !== 2;
    const plan = planPaste(
      [["1"], ["2"], ["3"], ["4"], ["5"]],
      { row: 1, col: 0 },
      { rows: 5, cols: 1 },
      editable,
    );
    expect(plan.targets).toEqual([
      { row: 1, col: 0, text: "1" },
      { row: 3, col: 0, text: "3" },
      { row: 4, col: 0, text: "4" },
    ]);
    // Row 2 is locked (the block's "2" is not moved to another row), "5" falls below the grid.
    expect(plan.skipped).toBe(2);
  });

  it("drops columns beyond the grid's", () => {
    const plan = planPaste([["1", "x", "y"]], { row: 0, col: 0 }, { rows: 3, cols: 2 }, () => true);
    expect(plan.targets).toEqual([
      { row: 0, col: 0, text: "1" },
      { row: 0, col: 1, text: "x" },
    ]);
    expect(plan.skipped).toBe(1);
  });
});
