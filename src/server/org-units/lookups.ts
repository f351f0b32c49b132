/**
 * Org unit code ↔ id look-ups: the one home of them (scripts/lint-shape.ts refuses them
 * elsewhere). Answers undefined for an unknown code or id; the caller says what that means to
 * its user (a row error, a 404, a refused grant).
 */
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { orgUnits } from "../../db/schema/index.js";

export async function unitIdByCode(db: Executor, code: string): Promise<string | undefined> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  return row?.id;
}

export async function unitCodeById(db: Executor, id: string): Promise<string | undefined> {
  const [row] = await db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, id));
  return row?.code;
}

/** Code → id for the given codes (all units when `codes` is omitted). */
export async function unitIdsByCode(db: Executor, codes?: readonly string[]): Promise<Map<string, string>> {
  const q = db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
  const rows = codes ? (codes.length ? await q.where(inArray(orgUnits.code, [...codes])) : []) : await q;
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Id → code for the given ids. */
export async function unitCodesById(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.code]));
}
