/** The rows an import wrote, each with the revision it replaced, read from the value revisions. */
import { and, asc, count, eq, gt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { indicators, observationRevisions, observations, orgUnits } from "../../db/schema/index.js";

const previous = alias(observationRevisions, "p");

/** A page of the revisions written by an import, after revision `afterRevision`, oldest first. */
export function importRevisions(db: Executor, importId: string, afterRevision: number, limit: number) {
  const r = observationRevisions;
  return db
    .select({
      id: r.id,
      observationId: r.observationId,
      indicator: indicators.code,
      unit: orgUnits.code,
      period: observations.period,
      disaggregation: observations.disaggregation,
      value: r.value,
      valueBool: r.valueBool,
      status: r.status,
      version: r.version,
      previous: {
        value: previous.value,
        valueBool: previous.valueBool,
        status: previous.status,
        version: previous.version,
      },
    })
    .from(r)
    .innerJoin(observations, eq(observations.id, r.observationId))
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .innerJoin(orgUnits, eq(orgUnits.id, observations.orgUnitId))
    .leftJoin(
      previous,
      and(eq(previous.observationId, r.observationId), eq(previous.version, sql`${r.version} - 1`)),
    )
    .where(and(eq(r.importId, importId), gt(r.id, afterRevision)))
    .orderBy(asc(r.id))
    .limit(limit);
}

export async function importRevisionCount(db: Executor, importId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(observationRevisions)
    .where(eq(observationRevisions.importId, importId));
  return row?.n ?? 0;
}
