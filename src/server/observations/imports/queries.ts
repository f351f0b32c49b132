/**
 * The SQL of an import's bookkeeping and of its checks before anything is applied: staging rows,
 * duplicates, rows meeting values the import may not change, what a dry run would do, what an
 * applied import did; the import's own records (value_imports, import_batches). Small results are
 * checked at the boundary (checkedRows); the set-wise apply is in staged.ts.
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { pgArray } from "../../../db/arrays.js";
import type { Executor } from "../../../db/client.js";
import { uuidV7s } from "../../../db/ids.js";
import { importBatches, indicators, valueImports } from "../../../db/schema/index.js";
import { checkedRows } from "../../core/checked-rows.js";
import { milestoneIndicatorSql } from "../../indicators/index.js";
import { lockedAgainstUnitSql, unchangedSql } from "../values/write-rules.js";

/** A checked row, ready to stage. */
export interface StagedRow {
  seq: number;
  rowNo: number;
  indicatorId: string;
  orgUnitId: string;
  reporterUnitId: string;
  period: string;
  periodKind: string;
  disaggregation: Record<string, string>;
  disaggKey: string;
  value: number | null;
  valueBool: boolean | null;
  source: string | null;
  comment: string | null;
  evidenceUrl: string | null;
  expectedVersion: number | null;
}

/** A staged row `s` and a value `o` of the same cell. */
export const match = (s: string, o: string) =>
  sql.raw(`${o}.indicator_id = ${s}.indicator_id and ${o}.org_unit_id = ${s}.org_unit_id
    and ${o}.period = ${s}.period and ${o}.disagg_key = ${s}.disagg_key`);

/** The staged rows `from` ≤ seq < `to` of an import (a chunk). */
export const inRange = (importId: string, from: number, to: number) =>
  sql`s.import_id = ${importId}::uuid and s.seq >= ${from} and s.seq < ${to}`;

/**
 * Stages checked rows, each column as one array parameter. Each row gets the id its value will
 * have if it is new (time-ordered) and the outcome `created`; applying re-classifies only the rows
 * that meet a current value, so the rows of new values are written once.
 */
export async function stageRows(tx: Executor, importId: string, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T extends string | number | boolean | null>(f: (r: StagedRow) => T) => pgArray(rows.map(f));
  const ids = uuidV7s(rows.length);
  await tx.execute(sql`insert into import_rows (import_id, seq, row_no, indicator_id, org_unit_id, reporter_unit_id,
      period, period_kind, disaggregation, disagg_key, value, value_bool, source, comment, evidence_url,
      expected_version, observation_id, outcome)
    select ${importId}::uuid, d.*, 'created' from unnest(${col((r) => r.seq)}::int[], ${col((r) => r.rowNo)}::int[],
      ${col((r) => r.indicatorId)}::uuid[], ${col((r) => r.orgUnitId)}::uuid[], ${col((r) => r.reporterUnitId)}::uuid[],
      ${col((r) => r.period)}::text[], ${col((r) => r.periodKind)}::text[],
      ${col((r) => JSON.stringify(r.disaggregation))}::jsonb[], ${col((r) => r.disaggKey)}::text[],
      ${col((r) => r.value)}::numeric[], ${col((r) => r.valueBool)}::boolean[], ${col((r) => r.source)}::text[],
      ${col((r) => r.comment)}::text[], ${col((r) => r.evidenceUrl)}::text[], ${col((r) => r.expectedVersion)}::int[],
      ${pgArray(ids)}::uuid[]) as d`);
}

/** Rows naming a value cell an earlier row of the same import already named: which value would win? */
export async function duplicateRows(
  tx: Executor,
  importId: string,
  limit: number,
): Promise<{ rows: { row: number; first: number }[]; count: number }> {
  const rows = await checkedRows(
    tx,
    sql`select row_no as row, first, count(*) over ()::int as n from (
        select row_no, min(row_no) over (partition by indicator_id, org_unit_id, period, disagg_key) as first
        from import_rows where import_id = ${importId}::uuid) d
      where row_no <> first order by row_no limit ${limit}`,
    z.object({ row: z.number(), first: z.number(), n: z.number() }),
  );
  return { rows: rows.map((r) => ({ row: r.row, first: r.first })), count: rows[0]?.n ?? 0 };
}

/** A staged row that meets a value its import may not change. */
export interface RefusedRow {
  row: number;
  /** `locked`: the value is submitted or approved and the row changes it; `reporter`: another unit reports the cell. */
  reason: "locked" | "reporter";
  status: string;
  reporter: { code: string; nameVi: string; nameEn: string | null };
}

/**
 * Rows meeting a current value that the import may not change: a submitted or approved value the
 * row would change (rows equal to it are simply unchanged), or a value another unit reports.
 */
export async function refusedRows(
  tx: Executor,
  importId: string,
  status: "draft" | "submitted",
  limit: number,
): Promise<RefusedRow[]> {
  const rows = await checkedRows(
    tx,
    sql`select s.row_no, o.status, o.reporter_unit_id <> s.reporter_unit_id as foreign, u.code, u.name_vi, u.name_en
      from import_rows s
      join observations o on ${match("s", "o")} and o.deleted_at is null
      join org_units u on u.id = o.reporter_unit_id
      where s.import_id = ${importId}::uuid
        and (o.reporter_unit_id <> s.reporter_unit_id or ${lockedAgainstUnitSql(sql`o.status`, unchangedSql(status))})
      order by s.row_no limit ${limit}`,
    z.object({
      row_no: z.number(),
      status: z.string(),
      foreign: z.boolean(),
      code: z.string(),
      name_vi: z.string(),
      name_en: z.string().nullable(),
    }),
  );
  return rows.map((r) => ({
    row: r.row_no,
    reason: r.foreign ? "reporter" : "locked",
    status: r.status,
    reporter: { code: r.code, nameVi: r.name_vi, nameEn: r.name_en },
  }));
}

const outcomeCounts = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
const dryRunCounts = outcomeCounts.extend({ locked: z.number() });
type OutcomeCounts = z.output<typeof outcomeCounts>;

/**
 * What a dry run reports: how many staged rows would create, change or leave a value as it is,
 * and how many would change a locked value (refused, not counted as changes).
 */
export async function stagedOutcomes(
  tx: Executor,
  importId: string,
  status: "draft" | "submitted",
): Promise<z.output<typeof dryRunCounts>> {
  const locked = lockedAgainstUnitSql(sql`o.status`, unchangedSql(status));
  const [r] = await checkedRows(
    tx,
    sql`select count(*) filter (where o.id is null)::int as created,
        count(*) filter (where o.id is not null and ${unchangedSql(status)})::int as unchanged,
        count(*) filter (where o.id is not null and not (${unchangedSql(status)}) and not ${locked})::int as updated,
        count(*) filter (where o.id is not null and ${locked})::int as locked
      from import_rows s
      left join observations o on ${match("s", "o")} and o.deleted_at is null
      where s.import_id = ${importId}::uuid`,
    dryRunCounts,
  );
  return r ?? { created: 0, updated: 0, unchanged: 0, locked: 0 };
}

/** Counts of what the applied rows did. */
export async function appliedOutcomes(tx: Executor, importId: string): Promise<OutcomeCounts> {
  const [r] = await checkedRows(
    tx,
    sql`select count(*) filter (where outcome = 'created')::int as created,
      count(*) filter (where outcome = 'updated')::int as updated,
      count(*) filter (where outcome = 'unchanged')::int as unchanged
    from import_rows where import_id = ${importId}::uuid`,
    outcomeCounts,
  );
  return r ?? { created: 0, updated: 0, unchanged: 0 };
}

/** The codes of the milestone indicators (a file's yes/no cells are read as such). */
export async function milestoneCodes(db: Executor): Promise<Set<string>> {
  const rows = await db.select({ code: indicators.code }).from(indicators).where(milestoneIndicatorSql);
  return new Set(rows.map((r) => r.code));
}

/** The committed import with this idempotency key, if any. */
export async function storedImport(x: Executor, actor: string, key: string | undefined) {
  if (!key) return undefined;
  const [done] = await x
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.actor, actor), eq(importBatches.idempotencyKey, key)));
  return done;
}

export type ImportRecord = typeof valueImports.$inferSelect;

export async function createImport(
  x: Executor,
  actor: string,
  status: string,
): Promise<ImportRecord | undefined> {
  const [imp] = await x.insert(valueImports).values({ actor, status }).returning();
  return imp;
}

export async function importById(x: Executor, id: string): Promise<ImportRecord | undefined> {
  const [imp] = await x.select().from(valueImports).where(eq(valueImports.id, id));
  return imp;
}

export async function updateImport(
  x: Executor,
  id: string,
  set: Partial<typeof valueImports.$inferInsert>,
): Promise<void> {
  await x.update(valueImports).set(set).where(eq(valueImports.id, id));
}

/** Records a finished import under its idempotency key (a retry gets its result). */
export async function recordImportBatch(
  x: Executor,
  values: typeof importBatches.$inferInsert,
): Promise<void> {
  await x.insert(importBatches).values(values);
}

export async function deleteStagedRows(x: Executor, importId: string): Promise<void> {
  await x.execute(sql`delete from import_rows where import_id = ${importId}::uuid`);
}

/** Forgets a staged import that was not applied (its rows go with it). */
export async function discardImport(db: Executor, importId: string): Promise<void> {
  await db.execute(sql`with gone as (
      delete from value_imports where id = ${importId}::uuid and state in ('staging', 'failed') returning id)
    delete from import_rows where import_id in (select id from gone)`);
}

/** Imports in the middle of applying (at start-up on the embedded database, none of them alive). */
export function applyingImports(db: Executor): Promise<{ id: string }[]> {
  return db.select({ id: valueImports.id }).from(valueImports).where(eq(valueImports.state, "applying"));
}

/** Drops staged or failed imports that `stale` selects, with their rows; answers their ids. */
export async function dropStagedImports(db: Executor, stale: SQL): Promise<string[]> {
  const rows = await checkedRows(
    db,
    sql`with gone as (delete from value_imports where state in ('staging', 'failed') and ${stale} returning id),
      staged as (delete from import_rows where import_id in (select id from gone))
      select id from gone`,
    z.object({ id: z.string() }),
  );
  return rows.map((r) => r.id);
}
