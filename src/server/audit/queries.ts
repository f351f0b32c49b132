/** Reads of the audit trail, and of the rows an import wrote (each with the revision it replaced). */
import { and, asc, count, desc, eq, gt, gte, lt, lte, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../db/client.js";
import { auditLog, indicators, observationRevisions, observations, orgUnits } from "../../db/schema/index.js";
import type { AuditFilter } from "./schema.js";

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

/** Audit entries matching the filter, newest first, before `beforeSeq`; one more row than `limit`. */
export async function listEntries(
  db: Executor,
  q: AuditFilter,
  beforeSeq: number | undefined,
  limit: number,
): Promise<{ rows: (typeof auditLog.$inferSelect)[]; total: number }> {
  const conds: (SQL | undefined)[] = [
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
    q.actor ? eq(auditLog.actor, q.actor) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conds, beforeSeq !== undefined ? lt(auditLog.seq, beforeSeq) : undefined))
    .orderBy(desc(auditLog.seq))
    .limit(limit + 1);
  const [total] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(...conds));
  return { rows, total: Number(total?.n ?? 0) };
}

export async function entryBySeq(db: Executor, seq: number) {
  const [r] = await db.select().from(auditLog).where(eq(auditLog.seq, seq));
  return r;
}
