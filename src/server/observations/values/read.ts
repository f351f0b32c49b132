/**
 * Reading values as a caller may see them: a page of the values they may read, one value, its
 * revisions — with `asOf`, as they stood then, where a past revision is shown only if the caller
 * may read a value in that revision's state (an approved value's draft history stays private).
 * The result is a view per value (the row, the revision shown, the codes it is shown with) that
 * the presenter turns into the API's shape.
 */
import type { Executor } from "../../../db/client.js";
import type { Principal } from "../../access/index.js";
import { canReadValue, type ValueContext } from "../../access/index.js";
import { decodeCursor, encodeCursor } from "../../core/http/pagination.js";
import type { ObservationRow, RevisionRow } from "./model.js";
import {
  countValues,
  type PreviousValue,
  previousValues,
  revisionsAsOf,
  revisionsOf,
  unitCodes,
  type ValueQuery,
  valueFilter,
  valuePage,
} from "./read-queries.js";
import { indicatorFacts, readableValue, valueContext } from "./value-context.js";

/** A value as shown: its row, the past revision shown instead (with `asOf`), and its codes. */
export interface ValueView {
  row: ObservationRow;
  revision?: RevisionRow | undefined;
  indicatorCode: string;
  unitCode: string;
  reporterUnitCode: string;
  /** The current value's facts for the policies (absent only if its indicator is gone). */
  context: ValueContext | undefined;
}

/**
 * Views of `rows`; with `asOf`, each as it stood then — left out when it did not exist then, or
 * when the caller may not read a value in the state it had.
 */
export async function valueViews(
  db: Executor,
  rows: readonly ObservationRow[],
  asOf?: { at: Date; principal: Principal },
): Promise<ValueView[]> {
  const codes = await unitCodes(db, [...new Set(rows.flatMap((r) => [r.orgUnitId, r.reporterUnitId]))]);
  const facts = await indicatorFacts(db, [...new Set(rows.map((r) => r.indicatorId))]);
  const past = asOf
    ? await revisionsAsOf(
        db,
        rows.map((r) => r.id),
        asOf.at,
      )
    : undefined;
  const out: ValueView[] = [];
  for (const row of rows) {
    const revision = past?.get(row.id);
    if (past && (!revision || revision.deleted)) continue;
    const f = facts.get(row.indicatorId);
    const context = f && valueContext(row, f);
    if (
      revision &&
      (!context || !asOf || !canReadValue(asOf.principal, { ...context, status: revision.status }))
    )
      continue;
    out.push({
      row,
      revision,
      indicatorCode: f?.code ?? row.indicatorId,
      unitCode: codes.get(row.orgUnitId) ?? row.orgUnitId,
      reporterUnitCode: codes.get(row.reporterUnitId) ?? row.reporterUnitId,
      context,
    });
  }
  return out;
}

/** A value's view (after a read or a change). */
export async function valueView(db: Executor, row: ObservationRow): Promise<ValueView> {
  const [view] = await valueViews(db, [row]);
  return view as ValueView;
}

export interface ValueListQuery extends ValueQuery {
  limit: number;
  cursor?: string | undefined;
}

/**
 * A page of the values a principal may read (keyset by id), with the total and the next cursor;
 * with `previous`, each value's cell in the period before (by value id).
 */
export async function listValues(
  db: Executor,
  principal: Principal,
  q: ValueListQuery,
): Promise<{
  items: ValueView[];
  total: number;
  nextCursor: string | null;
  previous?: Map<string, PreviousValue>;
}> {
  const where = valueFilter(principal, q);
  const after = decodeCursor(q.cursor, 1);
  const rows = await valuePage(db, where, after?.[0], q.limit + 1);
  const total = await countValues(db, where);
  let items = await valueViews(
    db,
    rows.slice(0, q.limit),
    q.asOf ? { at: new Date(q.asOf), principal } : undefined,
  );
  // As of a past time the status filter applies to the state shown then.
  if (q.status && q.asOf) items = items.filter((v) => (v.revision ?? v.row).status === q.status);
  const last = rows[q.limit - 1];
  const nextCursor = rows.length > q.limit && last ? encodeCursor([last.id]) : null;
  if (q.previous !== "true") return { items, total, nextCursor };
  const previous = await previousValues(
    db,
    principal,
    items.map((v) => v.row),
  );
  return { items, total, nextCursor, previous };
}

/** One value the caller may read (404 otherwise). */
export async function readValue(db: Executor, principal: Principal, id: string): Promise<ValueView> {
  const { row } = await readableValue(db, principal, id);
  return valueView(db, row);
}

/** Every revision of a value the caller may read, oldest first, each shown only if they may read a value in its state. */
export async function readRevisions(db: Executor, principal: Principal, id: string): Promise<RevisionRow[]> {
  const { row, ctx } = await readableValue(db, principal, id);
  const all = await revisionsOf(db, row.id);
  return all.filter((r) => canReadValue(principal, { ...ctx, status: r.status } satisfies ValueContext));
}
