import { and, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../../db/client.js";
import { observations, orgUnitLineage, orgUnits } from "../../db/schema/index.js";
import { checkedRows } from "../core/checked-rows.js";
import { notFound } from "../core/errors.js";
import { afterCursor, type SortKey } from "../core/http/pagination.js";

export type OrgUnitRow = typeof orgUnits.$inferSelect;

export interface OrgUnitFilter {
  kind?: string;
  subtype?: string;
  parentId?: string;
  current?: boolean;
  validAt?: string;
  q?: string;
  /** Today's date (Vietnam) for the `current` filter. */
  today: string;
}

/** Valid on a date: validFrom <= date <= validTo, open ends allowed. */
export function validOn(date: string | SQL): SQL {
  const d = typeof date === "string" ? sql`${date}::date` : date;
  return sql`((${orgUnits.validFrom} is null or ${orgUnits.validFrom} <= ${d}) and (${orgUnits.validTo} is null or ${orgUnits.validTo} >= ${d}))`;
}

export async function listOrgUnits(
  db: Executor,
  f: OrgUnitFilter,
  limit: number,
  after: SortKey | undefined,
) {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    f.kind ? eq(orgUnits.kind, f.kind) : undefined,
    f.subtype ? eq(orgUnits.subtype, f.subtype) : undefined,
    f.parentId ? eq(orgUnits.parentId, f.parentId) : undefined,
    f.current === true ? validOn(f.today) : f.current === false ? sql`not ${validOn(f.today)}` : undefined,
    f.validAt ? validOn(f.validAt) : undefined,
    like
      ? or(
          sql`${orgUnits.code} ilike ${like}`,
          sql`${orgUnits.nameVi} ilike ${like}`,
          sql`${orgUnits.nameEn} ilike ${like}`,
        )
      : undefined,
  );
  const rows = await db
    .select()
    .from(orgUnits)
    .where(and(where, afterCursor([sql`${orgUnits.code}`], after)))
    .orderBy(asc(orgUnits.code))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(orgUnits).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function getOrgUnitByCode(db: Executor, code: string): Promise<OrgUnitRow> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.code, code));
  if (!row) throw notFound("org_unit", code);
  return row;
}

export async function orgUnitRelations(db: Executor, rows: OrgUnitRow[]) {
  const ids = rows.map((r) => r.id);
  const names = new Map<string, { vi: string; en: string | null }>();
  if (ids.length === 0) return { codes: new Map<string, string>(), names, lineage: [] };
  const lineage = await db
    .select()
    .from(orgUnitLineage)
    .where(or(inArray(orgUnitLineage.fromUnitId, ids), inArray(orgUnitLineage.toUnitId, ids)));
  const related = new Set<string>();
  for (const r of rows) if (r.parentId) related.add(r.parentId);
  for (const l of lineage) {
    related.add(l.fromUnitId);
    related.add(l.toUnitId);
  }
  const codes = new Map(rows.map((r) => [r.id, r.code]));
  for (const r of rows) names.set(r.id, { vi: r.nameVi, en: r.nameEn });
  const missing = [...related].filter((id) => !codes.has(id));
  if (missing.length)
    for (const r of await db
      .select({ id: orgUnits.id, code: orgUnits.code, nameVi: orgUnits.nameVi, nameEn: orgUnits.nameEn })
      .from(orgUnits)
      .where(inArray(orgUnits.id, missing))) {
      codes.set(r.id, r.code);
      names.set(r.id, { vi: r.nameVi, en: r.nameEn });
    }
  return { codes, names, lineage };
}

export function isCurrent(row: OrgUnitRow, today: string): boolean {
  return (row.validFrom === null || row.validFrom <= today) && (row.validTo === null || row.validTo >= today);
}

/** The distinct periods a unit has values for (deleted values excepted). */
export async function unitValuePeriods(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ period: observations.period })
    .from(observations)
    .where(and(eq(observations.orgUnitId, unitId), isNull(observations.deletedAt)));
  return rows.map((r) => r.period);
}

/** Up to `limit` codes of the unit's sub-units still valid after `date`, by code. */
export async function childrenValidAfter(db: Executor, unitId: string, date: string, limit: number) {
  const rows = await db
    .select({ code: orgUnits.code })
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.parentId, unitId),
        sql`(${orgUnits.validTo} is null or ${orgUnits.validTo} > ${date}::date)`,
      ),
    )
    .orderBy(asc(orgUnits.code))
    .limit(limit);
  return rows.map((r) => r.code);
}

/** Whether `unitId` is `parentId` or one of its ancestors (64 levels at most): a recursive query, rows checked. */
export async function isAncestorOrSelf(db: Executor, unitId: string, parentId: string): Promise<boolean> {
  const rows = await checkedRows(
    db,
    sql`with recursive up(id, parent_id, depth) as (
          select id, parent_id, 0 from org_units where id = ${parentId}
          union all
          select u.id, u.parent_id, up.depth + 1 from org_units u join up on u.id = up.parent_id where up.depth < 64
        )
        select id from up where id = ${unitId} limit 1`,
    z.object({ id: z.string() }),
  );
  return rows.length > 0;
}
