/**
 * One list envelope for every collection: `{ items, total, nextCursor }`, keyset-paginated.
 * The cursor is an opaque base64url JSON array holding the last row's sort key.
 */
import { type SQL, sql } from "drizzle-orm";
import { AppError } from "../errors.js";

export type SortKey = (string | number)[];

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

export function decodeCursor(cursor: string | undefined, arity: number): SortKey | undefined {
  if (!cursor) return undefined;
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === arity &&
      key.every((v) => typeof v === "string" || typeof v === "number")
    )
      return key as SortKey;
  } catch {
    // fall through
  }
  throw new AppError("INVALID_CURSOR");
}

/** `(col1, col2) > (v1, v2)`: rows after the cursor in the list's sort order. */
export function afterCursor(columns: SQL[], key: SortKey | undefined): SQL | undefined {
  if (!key) return undefined;
  return sql`(${sql.join(columns, sql`, `)}) > (${sql.join(
    key.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/** Builds the page from `limit + 1` fetched rows. */
export function page<R, T>(
  rows: R[],
  limit: number,
  total: number,
  keyOf: (row: R) => SortKey,
  present: (row: R) => T,
) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    total,
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
