import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./versioning.js";

describe("diffSnapshots", () => {
  it("reports only what changed, null and undefined being the same", () => {
    expect(diffSnapshots({ a: 1, b: "x", c: null }, { a: 1, b: "y", c: undefined })).toEqual({
      b: { from: "x", to: "y" },
    });
  });
  it("compares numbers numerically and objects structurally", () => {
    expect(diffSnapshots({ v: 0.1 + 0.2, o: { n: 1 } }, { v: 0.3, o: { n: 1 } })).toEqual({});
    expect(diffSnapshots({ o: { n: 1 } }, { o: { n: 2 } })).toEqual({ o: { from: { n: 1 }, to: { n: 2 } } });
  });
  it("reports added and removed fields", () => {
    expect(diffSnapshots({ a: 1 }, { b: 2 })).toEqual({ a: { from: 1, to: null }, b: { from: null, to: 2 } });
  });
});
