/**
 * A block copied from Excel or LibreOffice arrives as text: rows separated by newlines, cells by
 * tabs, a cell holding a tab, newline or quote wrapped in double quotes (quotes doubled inside).
 * Pure: parse the block, then lay it onto the grid from the cell the user pasted into.
 */

/** The rows and cells of a clipboard text (a trailing newline, as Excel adds, makes no empty row). */
export function parseClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let i = 0;
  const s = text.replace(/\r\n?/g, "\n");
  let atCellStart = true;
  while (i < s.length) {
    const ch = s[i] as string;
    if (atCellStart && ch === '"') {
      // A quoted cell: up to the closing quote; "" inside is one quote.
      const close = quotedEnd(s, i);
      if (close !== -1) {
        cell = s.slice(i + 1, close).replace(/""/g, '"');
        i = close + 1;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === "\t") {
      row.push(cell);
      cell = "";
      atCellStart = true;
    } else if (ch === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      atCellStart = true;
    } else cell += ch;
    i++;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Index of the quote closing a quoted cell opened at `open`, if it ends the cell; else -1 (a stray quote is text). */
function quotedEnd(s: string, open: number): number {
  let j = open + 1;
  while (j < s.length) {
    if (s[j] === '"') {
      if (s[j + 1] === '"') {
        j += 2;
        continue;
      }
      const after = s[j + 1];
      return after === undefined || after === "\t" || after === "\n" ? j : -1;
    }
    j++;
  }
  return -1;
}

export interface PasteTarget {
  row: number;
  col: number;
  text: string;
}

export interface PastePlan {
  targets: PasteTarget[];
  /** Cells of the block that fall outside the grid or on read-only cells. */
  skipped: number;
}

/**
 * Lays `block` onto a grid of `rows` × `cols` from (`row`, `col`); `editable(r, c)` says whether a
 * cell takes input (a locked cell keeps its value, as a protected cell does in a spreadsheet). A
 * single value pasted over a selection is not a thing here: one cell receives one value.
 */
export function planPaste(
  block: readonly (readonly string[])[],
  at: { row: number; col: number },
  size: { rows: number; cols: number },
  editable: (row: number, col: number) => boolean,
): PastePlan {
  const targets: PasteTarget[] = [];
  let skipped = 0;
  block.forEach((cells, dr) => {
    cells.forEach((text, dc) => {
      const row = at.row + dr;
      const col = at.col + dc;
      if (row >= size.rows || col >= size.cols || !editable(row, col)) skipped++;
      else targets.push({ row, col, text });
    });
  });
  return { targets, skipped };
}
