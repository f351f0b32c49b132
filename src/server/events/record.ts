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
  type observations,
  orgUnits,
  planIndicators,
} from "../../db/schema/index.js";
import { feedRows } from "./queries.js";

export const CHANGES_CHANNEL = "chinam_changes";
const MAX_ITEMS_PER_BATCH = 1000;

/** What an announcement needs of a changed value. */
export type ChangedValue = Pick<
  typeof observations.$inferSelect,
  "id" | "indicatorId" | "orgUnitId" | "reporterUnitId" | "period" | "status"
>;

/** Records the change batches of changed values; returns their ids (one per 1,000 values). */
export async function recordObservationChanges(
  tx: Executor,
  rows: readonly ChangedValue[],
): Promise<number[]> {
  const ids: number[] = [];
  if (rows.length === 0) return ids;
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
  // What each indicator feeds, transitively (OI -> KPI -> target -> objective), and their systems.
  const fed = await feedRows(tx, indicatorIds);
  const feeds = new Map<string, { codes: Set<string>; systems: Set<string> }>();
  for (const r of fed) {
    const f = feeds.get(r.id) ?? { codes: new Set<string>(), systems: new Set<string>() };
    if (r.code) f.codes.add(r.code);
    if (r.system) f.systems.add(r.system);
    feeds.set(r.id, f);
  }
  const ind = new Map(inds.map((i) => [i.id, i]));
  const plansOf = new Map<string, string[]>();
  for (const p of planRows) plansOf.set(p.indicatorId, [...(plansOf.get(p.indicatorId) ?? []), p.planId]);
  const systemsOf = new Map<string, string[]>();
  for (const a of systemRows)
    if (a.systemId) systemsOf.set(a.indicatorId, [...(systemsOf.get(a.indicatorId) ?? []), a.systemId]);
  const feedCodes = new Map([...feeds].map(([id, f]) => [id, [...f.codes].sort()]));
  const feedSystems = new Map([...feeds].map(([id, f]) => [id, [...f.systems].sort()]));
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
    planIds: plansOf.get(r.indicatorId) ?? [],
    systemIds: systemsOf.get(r.indicatorId) ?? [],
    feeds: feedCodes.get(r.indicatorId) ?? [],
    systems: feedSystems.get(r.indicatorId) ?? [],
  }));
  for (let i = 0; i < items.length; i += MAX_ITEMS_PER_BATCH) {
    const [batch] = await tx
      .insert(changeBatches)
      .values({ kind: "observations", items: items.slice(i, i + MAX_ITEMS_PER_BATCH) })
      .returning({ id: changeBatches.id });
    if (batch) {
      await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${String(batch.id)})`);
      ids.push(batch.id);
    }
  }
  return ids;
}
