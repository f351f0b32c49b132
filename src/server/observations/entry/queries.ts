/**
 * The SQL of a unit's entry sheet: one statement per concern, whatever the number of indicators —
 * the plan's systems, the indicators the unit may report, the country, the current values of the
 * sheet's cells, their figures in the twelve periods before, the units they name, and the returns
 * among the current drafts. Row types come from the Drizzle schema.
 */
import { and, asc, eq, inArray, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { pgArray } from "../../../db/arrays.js";
import type { Executor } from "../../../db/client.js";
import {
  indicators,
  observationRevisions,
  observations,
  orgUnits,
  planIndicators,
  systems,
} from "../../../db/schema/index.js";
import type { Principal } from "../../access/index.js";
import { readableValues } from "../../access/index.js";
import type { ObservationRow, RefIndicator, UnitRow } from "../values/model.js";
import { valuesFromSql } from "../values/queries.js";

export async function planSystemIds(db: Executor, planId: string): Promise<string[]> {
  const rows = await db.select({ id: systems.id }).from(systems).where(eq(systems.planId, planId));
  return rows.map((r) => r.id);
}

/**
 * The plan's indicators that take values (not objectives, not computed by a formula, not retired)
 * and that the unit may report — by the indicator's own reporting rule, decided by the caller with
 * `cellReporter` — of every frequency, by code.
 */
export async function candidateIndicators(
  db: Executor,
  planId: string,
  unitId: string,
): Promise<RefIndicator[]> {
  const rows = await db
    .select({ i: indicators, valuesFrom: valuesFromSql() })
    .from(indicators)
    .innerJoin(planIndicators, eq(planIndicators.indicatorId, indicators.id))
    .where(
      and(
        eq(planIndicators.planId, planId),
        ne(indicators.tier, "objective"),
        isNull(indicators.formula),
        isNull(indicators.retiredAt),
        or(
          eq(indicators.reportedBy, "unit"),
          eq(indicators.responsibleUnitId, unitId),
          isNull(indicators.responsibleUnitId),
        ),
      ),
    )
    .orderBy(asc(indicators.code));
  return rows.map((r) => ({ ...r.i, valuesFrom: r.valuesFrom === null ? null : Number(r.valuesFrom) }));
}

/** The country (root of every roll-up: a value for it is a national figure). */
export async function countryUnit(db: Executor): Promise<UnitRow | undefined> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.kind, "country")).limit(1);
  return row;
}

export async function unitsById(db: Executor, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(orgUnits)
    .where(inArray(orgUnits.id, [...ids]));
}

export interface SheetValuesQuery {
  unitId: string;
  /** Indicators whose cell of the unit itself is on the sheet. */
  ownIndicatorIds: readonly string[];
  /** Indicators the unit reports for every unit: their cells it reports, and the country's. */
  forOthersIndicatorIds: readonly string[];
  countryId: string | null;
}

/**
 * The sheet's cells among values (the unit's own cells of its indicators; for indicators it
 * reports for everyone, the cells it reports and the country's) in `periods`, that the principal
 * may read (the one read rule, as SQL). Served by the keys led by unit and by reporter.
 */
function sheetCells(principal: Principal, q: SheetValuesQuery, periods: readonly string[]): SQL | null {
  const o = observations;
  const ids = (list: readonly string[]) => sql`${pgArray([...list])}::uuid[]`;
  const parts: SQL[] = [];
  if (q.ownIndicatorIds.length)
    parts.push(sql`(${o.orgUnitId} = ${q.unitId} and ${o.indicatorId} = any(${ids(q.ownIndicatorIds)}))`);
  if (q.forOthersIndicatorIds.length)
    parts.push(sql`(${o.indicatorId} = any(${ids(q.forOthersIndicatorIds)}) and (${o.reporterUnitId} = ${q.unitId}
      ${q.countryId ? sql`or ${o.orgUnitId} = ${q.countryId}` : sql``}))`);
  if (parts.length === 0) return null;
  return and(
    isNull(o.deletedAt),
    sql`${o.period} = any(${pgArray([...periods])}::text[])`,
    sql`(${sql.join(parts, sql` or `)})`,
    readableValues(principal),
  ) as SQL;
}

/** The current values of the sheet's cells in `period`, whole (the presenter shows them, the policies judge them). */
export async function sheetValues(
  db: Executor,
  principal: Principal,
  q: SheetValuesQuery,
  period: string,
): Promise<ObservationRow[]> {
  const where = sheetCells(principal, q, [period]);
  if (!where) return [];
  const rows = await db
    .select({ o: observations })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(where);
  return rows.map((r) => r.o);
}

/** A value of an earlier period beside a cell: only what the cell shows of it. */
export type HistoryRow = Pick<
  ObservationRow,
  | "indicatorId"
  | "orgUnitId"
  | "reporterUnitId"
  | "period"
  | "disaggKey"
  | "disaggregation"
  | "value"
  | "valueBool"
  | "status"
>;

/** The values of the sheet's cells in the earlier `periods` (a dozen times the current ones: only their figures). */
export function sheetHistory(
  db: Executor,
  principal: Principal,
  q: SheetValuesQuery,
  periods: readonly string[],
): Promise<HistoryRow[]> {
  const where = sheetCells(principal, q, periods);
  if (!where) return Promise.resolve([]);
  const o = observations;
  return db
    .select({
      indicatorId: o.indicatorId,
      orgUnitId: o.orgUnitId,
      reporterUnitId: o.reporterUnitId,
      period: o.period,
      disaggKey: o.disaggKey,
      disaggregation: o.disaggregation,
      value: o.value,
      valueBool: o.valueBool,
      status: o.status,
    })
    .from(o)
    .innerJoin(indicators, eq(indicators.id, o.indicatorId))
    .where(where);
}

export interface ReturnRow {
  observationId: string;
  reason: string | null;
  by: string;
  at: Date;
}

/**
 * Which of these current drafts came back through a return, with its reason, who and when. A
 * return is the one move that takes an approved value to a draft, and the one move out of
 * `submitted` that writes a comment of its own (the reason, required); a recall keeps the value's
 * comment. So: the current revision is a draft, the one before it was submitted or approved, and
 * either it was approved or the comment changed with the move.
 */
export async function returnedDrafts(db: Executor, ids: readonly string[]): Promise<ReturnRow[]> {
  if (ids.length === 0) return [];
  const r = observationRevisions;
  const p = alias(observationRevisions, "p");
  return db
    .select({ observationId: r.observationId, reason: r.comment, by: r.changedBy, at: r.validFrom })
    .from(r)
    .innerJoin(p, and(eq(p.observationId, r.observationId), eq(p.version, sql`${r.version} - 1`)))
    .where(
      and(
        inArray(r.observationId, [...ids]),
        isNull(r.validTo),
        eq(r.status, "draft"),
        sql`(${p.status} = 'approved' or (${p.status} = 'submitted' and ${p.comment} is distinct from ${r.comment}))`,
      ),
    );
}
