/**
 * The sheet as the grid's rows: one row per cell (an indicator's total, then its disaggregation
 * cells), in the server's order, each with the outbox key of its cell and the PUT body it writes.
 * Rows are cached by the cell object: TanStack Query keeps an unchanged cell's object across a
 * refetch, so an unchanged row keeps its identity and its memoised component does not redraw.
 */
import type { EntryCell, EntryIndicator, EntrySheet } from "../../api/entry-types.js";
import { cellKey, type ValueWrite } from "../../offline/types.js";

export interface Row {
  /** cellKey of the cell: the outbox's key and React's. */
  key: string;
  index: number;
  indicator: EntryIndicator;
  cell: EntryCell;
  /** The first row of its indicator (the total, or the first cell shown). */
  first: boolean;
  /** The cell's disaggregation as [dimension, option] pairs; empty for the total. */
  parts: [string, string][];
  period: string;
}

const cache = new WeakMap<EntryCell, Row>();

export function sheetRows(sheet: Pick<EntrySheet, "indicators" | "period">): Row[] {
  const rows: Row[] = [];
  for (const indicator of sheet.indicators)
    indicator.cells.forEach((cell, i) => {
      const index = rows.length;
      const known = cache.get(cell);
      if (known && known.index === index && known.indicator === indicator && known.first === (i === 0)) {
        rows.push(known);
        return;
      }
      const row: Row = {
        key: cellKey({
          unit: cell.unit,
          indicator: indicator.code,
          period: sheet.period,
          disaggregation: cell.disaggregation,
        }),
        index,
        indicator,
        cell,
        first: i === 0,
        parts: Object.entries(cell.disaggregation),
        period: sheet.period,
      };
      cache.set(cell, row);
      rows.push(row);
    });
  return rows;
}

/** The version a write of this cell expects: the one the page saw, 0 for a cell with no value yet. */
export const seenVersion = (row: Row): number => row.cell.value?.version ?? 0;

/**
 * The PUT /observations body for a new value of the row's cell, keeping its source, comment and
 * evidence link unless given; `reporterUnit` only when another unit reports the cell (a national figure).
 */
export function writeFor(
  row: Row,
  value: number | boolean,
  extra: {
    source?: string | null;
    comment?: string | null;
    evidenceUrl?: string | null;
    expectedVersion?: number;
  } = {},
): ValueWrite {
  const c = row.cell;
  const w: ValueWrite = {
    indicator: row.indicator.code,
    unit: c.unit,
    period: row.period,
    value,
    expectedVersion: extra.expectedVersion ?? seenVersion(row),
    source: extra.source !== undefined ? extra.source : (c.value?.source ?? null),
    comment: extra.comment !== undefined ? extra.comment : (c.value?.comment ?? null),
    // PUT replaces the whole value: what is not sent becomes empty, so the link is sent back too.
    evidenceUrl: extra.evidenceUrl !== undefined ? extra.evidenceUrl : (c.value?.evidenceUrl ?? null),
  };
  if (row.parts.length > 0) w.disaggregation = c.disaggregation;
  if (c.reporterUnit !== c.unit) w.reporterUnit = c.reporterUnit;
  return w;
}
