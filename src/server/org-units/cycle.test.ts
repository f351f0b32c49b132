import { describe, expect, it } from "vitest";
import { findParentCycle } from "./service.js";

describe("findParentCycle", () => {
  it("finds none in a tree", () => {
    expect(
      findParentCycle(
        new Map([
          ["A", undefined],
          ["B", "A"],
          ["C", "B"],
        ]),
      ),
    ).toBeUndefined();
  });
  it("finds a self-parent and a longer loop", () => {
    expect(findParentCycle(new Map([["A", "A"]]))).toEqual(["A", "A"]);
    expect(
      findParentCycle(
        new Map([
          ["A", "C"],
          ["B", "A"],
          ["C", "B"],
        ]),
      ),
    ).toEqual(["A", "C", "B", "A"]);
  });
  it("treats a parent outside the map as a root", () => {
    expect(findParentCycle(new Map([["A", "Z"]]))).toBeUndefined();
  });
});
