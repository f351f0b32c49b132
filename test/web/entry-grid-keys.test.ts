import { describe, expect, it } from "vitest";
import { caretOf, type KeyLike, keyAction } from "../../src/web/pages/entry/grid-keys.js";

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});
const size = { rows: 4, cols: 3 };
const edges = { atStart: true, atEnd: true };
const middle = { atStart: false, atEnd: false };
const move = (row: number, col: number) => ({ kind: "move", to: { row, col } });

describe("entry grid: the keyboard", () => {
  it("moves up and down with the arrows, stopping at the edges", () => {
    expect(keyAction(key("ArrowDown"), { row: 1, col: 1 }, size, middle)).toEqual(move(2, 1));
    expect(keyAction(key("ArrowUp"), { row: 1, col: 1 }, size, middle)).toEqual(move(0, 1));
    expect(keyAction(key("ArrowUp"), { row: 0, col: 1 }, size, middle)).toEqual(move(0, 1));
    expect(keyAction(key("ArrowDown"), { row: 3, col: 1 }, size, middle)).toEqual(move(3, 1));
  });

  it("moves left and right only when the caret is at the edge of the text", () => {
    expect(keyAction(key("ArrowLeft"), { row: 1, col: 1 }, size, middle)).toEqual({ kind: "none" });
    expect(keyAction(key("ArrowRight"), { row: 1, col: 1 }, size, middle)).toEqual({ kind: "none" });
    expect(keyAction(key("ArrowLeft"), { row: 1, col: 1 }, size, edges)).toEqual(move(1, 0));
    expect(keyAction(key("ArrowRight"), { row: 1, col: 1 }, size, edges)).toEqual(move(1, 2));
    // At the first or last column the caret keeps the key.
    expect(keyAction(key("ArrowLeft"), { row: 1, col: 0 }, size, edges)).toEqual({ kind: "none" });
    expect(keyAction(key("ArrowRight"), { row: 1, col: 2 }, size, edges)).toEqual({ kind: "none" });
  });

  it("Enter moves down, Shift+Enter up", () => {
    expect(keyAction(key("Enter"), { row: 1, col: 2 }, size, middle)).toEqual(move(2, 2));
    expect(keyAction(key("Enter", { shiftKey: true }), { row: 1, col: 2 }, size, middle)).toEqual(move(0, 2));
    expect(keyAction(key("Enter"), { row: 3, col: 0 }, size, middle)).toEqual(move(3, 0));
  });

  it("Tab moves along the row and wraps; it leaves the grid past its first and last cells", () => {
    expect(keyAction(key("Tab"), { row: 0, col: 0 }, size, middle)).toEqual(move(0, 1));
    expect(keyAction(key("Tab"), { row: 0, col: 2 }, size, middle)).toEqual(move(1, 0));
    expect(keyAction(key("Tab", { shiftKey: true }), { row: 1, col: 0 }, size, middle)).toEqual(move(0, 2));
    expect(keyAction(key("Tab"), { row: 3, col: 2 }, size, middle)).toEqual({ kind: "none" });
    expect(keyAction(key("Tab", { shiftKey: true }), { row: 0, col: 0 }, size, middle)).toEqual({
      kind: "none",
    });
  });

  it("Tab in a one-column grid goes to the next row", () => {
    expect(keyAction(key("Tab"), { row: 0, col: 0 }, { rows: 3, cols: 1 }, middle)).toEqual(move(1, 0));
  });

  it("Escape cancels; other keys and chords belong to the input", () => {
    expect(keyAction(key("Escape"), { row: 1, col: 1 }, size, middle)).toEqual({ kind: "cancel" });
    expect(keyAction(key("5"), { row: 1, col: 1 }, size, middle)).toEqual({ kind: "none" });
    expect(keyAction(key("ArrowDown", { ctrlKey: true }), { row: 1, col: 1 }, size, middle)).toEqual({
      kind: "none",
    });
    expect(keyAction(key("Enter", { altKey: true }), { row: 1, col: 1 }, size, middle)).toEqual({
      kind: "none",
    });
    expect(keyAction(key("ArrowDown", { metaKey: true }), { row: 1, col: 1 }, size, middle)).toEqual({
      kind: "none",
    });
  });

  it("does nothing in an empty grid", () => {
    expect(keyAction(key("ArrowDown"), { row: 0, col: 0 }, { rows: 0, cols: 1 }, middle)).toEqual({
      kind: "none",
    });
  });

  it("tells where the caret is", () => {
    expect(caretOf({ value: "123", selectionStart: 0, selectionEnd: 3 })).toEqual({
      atStart: true,
      atEnd: true,
    });
    expect(caretOf({ value: "123", selectionStart: 0, selectionEnd: 0 })).toEqual({
      atStart: true,
      atEnd: false,
    });
    expect(caretOf({ value: "123", selectionStart: 3, selectionEnd: 3 })).toEqual({
      atStart: false,
      atEnd: true,
    });
    expect(caretOf({ value: "123", selectionStart: 1, selectionEnd: 2 })).toEqual({
      atStart: false,
      atEnd: false,
    });
    expect(caretOf({ value: "", selectionStart: 0, selectionEnd: 0 })).toEqual({
      atStart: true,
      atEnd: true,
    });
  });
});
