import { describe, expect, it } from "vitest";
import { AppError } from "../errors.js";
import { decodeCursor, encodeCursor, page } from "./pagination.js";

describe("cursors", () => {
  it("round-trip sort keys", () => {
    expect(decodeCursor(encodeCursor([3, "SK03"]), 2)).toEqual([3, "SK03"]);
    expect(decodeCursor(undefined, 1)).toBeUndefined();
  });
  it("reject tampered or mismatched cursors", () => {
    expect(() => decodeCursor("%%%", 1)).toThrow(AppError);
    expect(() => decodeCursor(encodeCursor(["a"]), 2)).toThrow(AppError);
    expect(() => decodeCursor(Buffer.from('[{"x":1}]').toString("base64url"), 1)).toThrow(AppError);
  });
  it("build a page from limit + 1 rows", () => {
    const rows = [1, 2, 3];
    const p = page(
      rows,
      2,
      3,
      (r) => [r],
      (r) => r * 10,
    );
    expect(p.items).toEqual([10, 20]);
    expect(decodeCursor(p.nextCursor ?? "", 1)).toEqual([2]);
    expect(
      page(
        [1],
        2,
        1,
        (r) => [r],
        (r) => r,
      ).nextCursor,
    ).toBeNull();
  });
});
