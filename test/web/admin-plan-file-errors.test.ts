/** The dry run's refusal as rows of line, field and message; the marked lines; the numbered text. */
import { describe, expect, it } from "vitest";
import {
  errorRows,
  excerpts,
  numberedLines,
  problemsByLine,
} from "../../src/web/pages/admin-plan-file/error-rows.js";

describe("plan file error rows", () => {
  it("splits the server's details into line, field and the message without them (both languages)", () => {
    expect(
      errorRows([
        {
          path: "systems.0.number",
          line: 6,
          message: "Line 6: systems.0.number: Invalid input: expected number",
        },
        { path: "systems.0.number", line: 6, message: "Dòng 6: systems.0.number: Dữ liệu không hợp lệ" },
      ]),
    ).toEqual([
      { line: 6, field: "systems.0.number", message: "Invalid input: expected number" },
      { line: 6, field: "systems.0.number", message: "Dữ liệu không hợp lệ" },
    ]);
  });

  it("keeps a syntax error's line and message, with no field", () => {
    expect(
      errorRows([{ line: 3, column: 7, message: "Line 3: syntax error — Nested mappings are not allowed" }]),
    ).toEqual([{ line: 3, message: "syntax error — Nested mappings are not allowed" }]);
  });

  it("keeps a message without a line or whose field is the root, and one that does not repeat its field", () => {
    expect(
      errorRows([
        { message: "The file uses too many YAML aliases" },
        { path: "(root)", message: "(root): expected object" },
        { path: "code", line: 1, message: "Line 1: something else" },
      ]),
    ).toEqual([
      { line: 1, field: "code", message: "something else" },
      { message: "The file uses too many YAML aliases" },
      { message: "expected object" },
    ]);
  });

  it("orders by line, those without one last, keeping the server's order within a line", () => {
    const rows = errorRows([
      { line: 9, path: "b", message: "b: second" },
      { path: "x", message: "x: none" },
      { line: 2, path: "a", message: "a: first" },
      { line: 9, path: "c", message: "c: third" },
    ]);
    expect(rows.map((r) => r.message)).toEqual(["first", "second", "third", "none"]);
  });

  it("skips details that are not problems (no message) and a line that is not a positive integer", () => {
    expect(errorRows([null, 3, { line: 2 }, { line: 0, message: "m" }, { line: 1.5, message: "n" }])).toEqual(
      [{ message: "m" }, { message: "n" }],
    );
  });

  it("gathers each marked line's problems", () => {
    const map = problemsByLine([
      { line: 4, field: "a", message: "one" },
      { line: 4, message: "two" },
      { line: 7, field: "b", message: "three" },
      { message: "no line" },
    ]);
    expect([...map.entries()]).toEqual([
      [4, ["a: one", "two"]],
      [7, ["b: three"]],
    ]);
  });

  it("numbers the text's lines whatever its line ends, a final newline adding none", () => {
    expect(numberedLines("a\nb\n")).toEqual(["a", "b"]);
    expect(numberedLines("a\r\nb\rc")).toEqual(["a", "b", "c"]);
    expect(numberedLines("a\n\n")).toEqual(["a", ""]);
    expect(numberedLines("")).toEqual([""]);
  });
});

describe("plan file excerpts", () => {
  it("shows each bad line with its context, merging stretches that touch or overlap", () => {
    expect(excerpts([10], 100)).toEqual([{ from: 7, to: 13 }]);
    expect(excerpts([10, 14], 100)).toEqual([{ from: 7, to: 17 }]);
    // 13 and 17: 10..16 and 14..20 overlap; 20 and 27: 17..23 and 24..30 touch.
    expect(excerpts([20, 27], 100)).toEqual([{ from: 17, to: 30 }]);
    expect(excerpts([20, 28], 100)).toEqual([
      { from: 17, to: 23 },
      { from: 25, to: 31 },
    ]);
  });

  it("stays inside the file, ignores lines outside it and repeats, and takes any order", () => {
    expect(excerpts([1, 1, 99, 0, 120], 100, 2)).toEqual([
      { from: 1, to: 3 },
      { from: 97, to: 100 },
    ]);
    expect(excerpts([50, 5], 100, 0)).toEqual([
      { from: 5, to: 5 },
      { from: 50, to: 50 },
    ]);
    expect(excerpts([], 100)).toEqual([]);
  });
});
