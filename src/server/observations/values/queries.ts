/**
 * The SQL of value writes: the references an input names, the cell a write meets (locked), a
 * value by id (locked for a state change), the weight of a weighted mean, revisions closed.
 * Row types come from the Drizzle schema (model.ts).
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "../../../db/client.js";
import {
  indicatorAssignments,
  indicators,
  observationRevisions,
  observations,
  orgUnits,
  planIndicators,
} from "../../../db/schema/index.js";
import { AppError } from "../../core/errors.js";
import type { IndicatorRow, ObservationInput, ObservationRow, RefIndicator, Refs } from "./model.js";

/**
 * The earliest baseline year of the plans tracking the selected indicator (values before it are
 * refused), as a field of a select from `indicators`.
 */
export const valuesFromSql = () =>
  // Qualified by hand: inside a selected field Drizzle renders a column without its table.
  sql<number | null>`(select min(p.baseline_year) from plan_indicators pi
    join plans p on p.id = pi.plan_id where pi.indicator_id = "indicators"."id")`;

export async function loadRefs(db: Executor, inputs: readonly ObservationInput[]): Promise<Refs> {
  // PostgreSQL text cannot hold U+0000: such a code is simply unknown (and named as such).
  const storable = (c: unknown): c is string => typeof c === "string" && !c.includes("\u0000");
  const indicatorCodes = [...new Set(inputs.map((i) => i.indicator))].filter(storable);
  const unitCodes = [...new Set(inputs.flatMap((i) => [i.unit, i.reporterUnit ?? i.unit]))].filter(storable);
  const inds = indicatorCodes.length
    ? await db
        .select({ i: indicators, valuesFrom: valuesFromSql() })
        .from(indicators)
        .where(inArray(indicators.code, indicatorCodes))
    : [];
  // The responsible units too: they report some cells, and refusals name them.
  const responsible = [...new Set(inds.map((r) => r.i.responsibleUnitId).filter((u) => u !== null))];
  const units =
    unitCodes.length || responsible.length
      ? await db
          .select()
          .from(orgUnits)
          .where(
            or(
              unitCodes.length ? inArray(orgUnits.code, unitCodes) : undefined,
              responsible.length ? inArray(orgUnits.id, responsible) : undefined,
            ),
          )
      : [];
  return {
    indicators: new Map(
      inds.map((r) => [
        r.i.code,
        { ...r.i, valuesFrom: r.valuesFrom === null ? null : Number(r.valuesFrom) } as RefIndicator,
      ]),
    ),
    units: new Map(units.map((u) => [u.code, u])),
    unitsById: new Map(units.map((u) => [u.id, u])),
  };
}

/** The current value of a cell, locked for the rest of the transaction (undefined: none yet). */
export async function lockCell(
  tx: Executor,
  cell: { indicatorId: string; orgUnitId: string; period: string; disaggKey: string },
): Promise<ObservationRow | undefined> {
  const [current] = await tx
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.period, cell.period),
        eq(observations.indicatorId, cell.indicatorId),
        eq(observations.orgUnitId, cell.orgUnitId),
        eq(observations.disaggKey, cell.disaggKey),
        isNull(observations.deletedAt),
      ),
    )
    .for("update");
  return current;
}

/** A current (not deleted) value by id; `forUpdate` locks it for the rest of the transaction. */
export async function valueById(
  db: Executor,
  id: string,
  forUpdate = false,
): Promise<ObservationRow | undefined> {
  const q = db
    .select()
    .from(observations)
    .where(and(eq(observations.id, id), isNull(observations.deletedAt)));
  const [row] = forUpdate ? await q.for("update") : await q;
  return row;
}

/** Current (not deleted) values by id, in id order, locked for the rest of the transaction (the order avoids deadlocks). */
export function valuesByIdsForUpdate(tx: Executor, ids: readonly string[]): Promise<ObservationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(observations)
    .where(and(inArray(observations.id, [...ids]), isNull(observations.deletedAt)))
    .orderBy(observations.id)
    .for("update");
}

/**
 * The weight a weighted-mean value counts with: the weight indicator's value for the same unit,
 * period and disaggregation (null when the indicator is not a weighted mean or no weight is known).
 */
export async function weightFor(
  tx: Executor,
  ind: IndicatorRow,
  unitId: string,
  period: string,
  key: string,
): Promise<number | null> {
  const code = ind.aggregation === "weighted_mean" ? ind.aggregationComponents?.weight : undefined;
  if (!code) return null;
  const [w] = await tx
    .select({ value: observations.value })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(
      and(
        eq(indicators.code, code),
        eq(observations.orgUnitId, unitId),
        eq(observations.period, period),
        eq(observations.disaggKey, key),
        isNull(observations.deletedAt),
      ),
    );
  return w?.value ?? null;
}

/** Ends the current revision of a value at `at` (a new one opens with the change). */
export async function closeRevision(tx: Executor, observationId: string, at: Date): Promise<void> {
  await tx
    .update(observationRevisions)
    .set({ validTo: at })
    .where(and(eq(observationRevisions.observationId, observationId), isNull(observationRevisions.validTo)));
}

/** A unit's code and names, for refusals that name it (its id when it is gone). */
export async function unitRef(db: Executor, id: string) {
  const [u] = await db
    .select({ code: orgUnits.code, nameVi: orgUnits.nameVi, nameEn: orgUnits.nameEn })
    .from(orgUnits)
    .where(eq(orgUnits.id, id));
  return u ?? { code: id, nameVi: id, nameEn: null };
}

/** The submitted values of one source, locked in id order (the demo approves them set-wise). */
export function submittedValuesOfSource(tx: Executor, source: string): Promise<ObservationRow[]> {
  return tx
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.source, source),
        eq(observations.status, "submitted"),
        isNull(observations.deletedAt),
      ),
    )
    .orderBy(observations.id)
    .for("update");
}

export async function insertValue(
  tx: Executor,
  values: typeof observations.$inferInsert,
): Promise<ObservationRow> {
  const [row] = await tx.insert(observations).values(values).returning();
  if (!row) throw new AppError("INTERNAL");
  return row;
}

/** Changes a value; with `version`, only while it is still at that version (undefined: it is not). */
export async function updateValue(
  tx: Executor,
  id: string,
  set: Partial<typeof observations.$inferInsert>,
  version?: number,
): Promise<ObservationRow | undefined> {
  const [row] = await tx
    .update(observations)
    .set(set)
    .where(
      and(
        eq(observations.id, id),
        version === undefined ? undefined : eq(observations.version, version),
        version === undefined ? undefined : isNull(observations.deletedAt),
      ),
    )
    .returning();
  return row;
}

export async function insertRevision(
  tx: Executor,
  values: typeof observationRevisions.$inferInsert,
): Promise<void> {
  await tx.insert(observationRevisions).values(values);
}

/** What the value policies need of some indicators (value-context.ts): the rows, their plans, their systems. */
export async function indicatorFactRows(db: Executor, ids: readonly string[]) {
  const list = [...ids];
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      published: indicators.published,
      responsible: indicators.responsibleUnitId,
      reportedBy: indicators.reportedBy,
    })
    .from(indicators)
    .where(inArray(indicators.id, list));
  const plans = await db.select().from(planIndicators).where(inArray(planIndicators.indicatorId, list));
  const systems = await db
    .select()
    .from(indicatorAssignments)
    .where(inArray(indicatorAssignments.indicatorId, list));
  return { indicators: rows, plans, systems };
}
