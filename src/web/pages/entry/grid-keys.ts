/**
 * The grid's keyboard, as a spreadsheet's: arrows move between cells (left and right only when the
 * caret is at the edge of the text, so they still move inside a number being typed), Tab and
 * Shift+Tab move along a row and wrap to the next or previous one, Enter commits and moves down
 * (Shift+Enter up), Escape cancels the edit. Pure: the row component asks what a key means and
 * does it.
 */

export interface Pos {
  row: number;
  col: number;
}

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

export interface Caret {
  /** The caret sits at the start of the text with nothing selected, or everything is selected. */
  atStart: boolean;
  atEnd: boolean;
}

export type KeyAction =
  /** Commit what was typed, then move (to may equal the current cell at the grid's edge). */
  | { kind: "move"; to: Pos }
  /** Put the cell's text back as it was before this edit. */
  | { kind: "cancel" }
  /** Not the grid's key: let the input have it. */
  | { kind: "none" };

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

export function keyAction(
  e: KeyLike,
  at: Pos,
  size: { rows: number; cols: number },
  caret: Caret,
): KeyAction {
  if (e.altKey || e.ctrlKey || e.metaKey || size.rows === 0 || size.cols === 0) return { kind: "none" };
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const to = (row: number, col: number): KeyAction => ({
    kind: "move",
    to: { row: clamp(row, 0, lastRow), col: clamp(col, 0, lastCol) },
  });
  switch (e.key) {
    case "ArrowUp":
      return to(at.row - 1, at.col);
    case "ArrowDown":
      return to(at.row + 1, at.col);
    case "ArrowLeft":
      return caret.atStart && at.col > 0 ? to(at.row, at.col - 1) : { kind: "none" };
    case "ArrowRight":
      return caret.atEnd && at.col < lastCol ? to(at.row, at.col + 1) : { kind: "none" };
    case "Enter":
      return to(at.row + (e.shiftKey ? -1 : 1), at.col);
    case "Tab": {
      // Along the row, wrapping; at the very first or last cell Tab leaves the grid (the page's own order).
      const flat = at.row * size.cols + at.col + (e.shiftKey ? -1 : 1);
      if (flat < 0 || flat > lastRow * size.cols + lastCol) return { kind: "none" };
      return to(Math.floor(flat / size.cols), flat % size.cols);
    }
    case "Escape":
      return { kind: "cancel" };
    default:
      return { kind: "none" };
  }
}

/** Where the caret is in an input, for the left and right arrows. */
export function caretOf(input: {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}): Caret {
  const start = input.selectionStart ?? 0;
  const end = input.selectionEnd ?? input.value.length;
  const all = start === 0 && end === input.value.length;
  return {
    atStart: all || (start === 0 && end === 0),
    atEnd: all || (start === input.value.length && end === start),
  };
}
