/**
 * Recording a committed change: a change batch row plus a NOTIFY carrying its id, both inside the
 * writing transaction, so listeners hear of it exactly when (and only if) it commits.
 */
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import {
  type ChangeItem,
  changeBatches,
  indicatorAssignments,
  indicators,
  orgUnits,
  planIndicators,
} from "../../db/schema/index.js";
import type { ObservationRow } from "../observations/service.js";

export const CHANGES_CHANNEL = "chinam_changes";
const MAX_ITEMS_PER_BATCH = 1000;

export async function recordObservationChanges(tx: Executor, rows: readonly ObservationRow[]): Promise<void> {
  if (rows.length === 0) return;
  const indicatorIds = [...new Set(rows.map((r) => r.indicatorId))];
  const unitIds = [...new Set(rows.map((r) => r.orgUnitId))];
  const inds = await tx
    .select({
      id: indicators.id,
      code: indicators.code,
      published: indicators.published,
      responsible: indicators.responsibleUnitId,
    })
    .from(indicators)
    .where(inArray(indicators.id, indicatorIds));
  const units = await tx
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(inArray(orgUnits.id, unitIds));
  const planRows = await tx
    .select()
    .from(planIndicators)
    .where(inArray(planIndicators.indicatorId, indicatorIds));
  const systemRows = await tx
    .select()
    .from(indicatorAssignments)
    .where(inArray(indicatorAssignments.indicatorId, indicatorIds));
  const ind = new Map(inds.map((i) => [i.id, i]));
  const unit = new Map(units.map((u) => [u.id, u.code]));
  const items: ChangeItem[] = rows.map((r) => ({
    observationId: r.id,
    indicator: ind.get(r.indicatorId)?.code ?? r.indicatorId,
    indicatorId: r.indicatorId,
    unit: unit.get(r.orgUnitId) ?? r.orgUnitId,
    orgUnitId: r.orgUnitId,
    reporterUnitId: r.reporterUnitId,
    period: r.period,
    status: r.status,
    published: ind.get(r.indicatorId)?.published ?? false,
    responsibleUnitId: ind.get(r.indicatorId)?.responsible ?? null,
    planIds: planRows.filter((p) => p.indicatorId === r.indicatorId).map((p) => p.planId),
    systemIds: systemRows
      .filter((a) => a.indicatorId === r.indicatorId && a.systemId)
      .map((a) => a.systemId as string),
  }));
  for (let i = 0; i < items.length; i += MAX_ITEMS_PER_BATCH) {
    const [batch] = await tx
      .insert(changeBatches)
      .values({ kind: "observations", items: items.slice(i, i + MAX_ITEMS_PER_BATCH) })
      .returning({ id: changeBatches.id });
    if (batch) await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${String(batch.id)})`);
  }
}
