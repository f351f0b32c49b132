import { describe, expect, it } from "vitest";
import { diffRows, sameJson, showValue } from "../../src/web/lib/diff.js";

describe("diffRows", () => {
  it("lists changed, added and removed fields in the order they first appear", () => {
    expect(diffRows({ a: 1, b: 2, c: 3 }, { a: 1, b: 5, d: 4 })).toEqual([
      { path: "b", kind: "changed", before: 2, after: 5 },
      { path: "c", kind: "removed", before: 3, after: undefined },
      { path: "d", kind: "added", before: undefined, after: 4 },
    ]);
  });

  it("flattens nested objects to dotted paths", () => {
    expect(diffRows({ bounds: { min: 0, max: 100 } }, { bounds: { min: 0, max: 80 } })).toEqual([
      { path: "bounds.max", kind: "changed", before: 100, after: 80 },
    ]);
  });

  it("compares arrays whole, not index by index", () => {
    expect(diffRows({ units: ["A", "B"] }, { units: ["B", "A"] })).toEqual([
      { path: "units", kind: "changed", before: ["A", "B"], after: ["B", "A"] },
    ]);
    expect(diffRows({ units: ["A"] }, { units: ["A"] })).toEqual([]);
  });

  it("treats a missing side as empty: a creation adds every field, a deletion removes every field", () => {
    expect(diffRows(null, { a: 1 })).toEqual([{ path: "a", kind: "added", before: undefined, after: 1 }]);
    expect(diffRows({ a: 1 }, undefined)).toEqual([
      { path: "a", kind: "removed", before: 1, after: undefined },
    ]);
    expect(diffRows(null, null)).toEqual([]);
  });

  it("keeps null as a value but treats undefined as absent", () => {
    expect(diffRows({ a: null }, { a: 1 })).toEqual([{ path: "a", kind: "changed", before: null, after: 1 }]);
    expect(diffRows({ a: undefined }, {})).toEqual([]);
  });

  it("ignores key order and reports an empty object becoming filled at its own path", () => {
    expect(diffRows({ x: { a: 1, b: 2 } }, { x: { b: 2, a: 1 } })).toEqual([]);
    expect(diffRows({ x: {} }, { x: { a: 1 } })).toEqual([
      { path: "x", kind: "removed", before: {}, after: undefined },
      { path: "x.a", kind: "added", before: undefined, after: 1 },
    ]);
  });

  it("diffs two scalars at the root under an empty path", () => {
    expect(diffRows(1, 2)).toEqual([{ path: "", kind: "changed", before: 1, after: 2 }]);
  });
});

describe("sameJson and showValue", () => {
  it("compares deeply", () => {
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(sameJson({ a: [1, { b: 2 }] }, { a: [1, { b: 3 }] })).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
  it("shows strings bare and the rest as JSON", () => {
    expect(showValue("Hà Nội")).toBe("Hà Nội");
    expect(showValue(12.5)).toBe("12.5");
    expect(showValue(["A"])).toBe('["A"]');
    expect(showValue(undefined)).toBe("");
    expect(showValue(null)).toBe("null");
  });
});
