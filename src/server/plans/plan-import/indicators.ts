/**
 * The plan's indicators: created or updated (a new version only when the definition changed),
 * owned by the plan, with their parent links, assignments and targets; then the indicators the
 * plan links from other plans. Written inside the import's transaction.
 */
import { and, eq, inArray } from "drizzle-orm";
import { yieldToEventLoop } from "../../../db/chunked.js";
import type { Tx } from "../../../db/client.js";
import {
  indicatorAssignments,
  indicatorLinks,
  indicators,
  planIndicators,
} from "../../../db/schema/index.js";
import type { IndicatorDef, PlanDefinition, TargetValueDef } from "../../../domain/plan-definition/schema.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import {
  diffSnapshots,
  recordVersion,
  rowSnapshot,
  type Snapshot,
  writeTarget,
} from "../../indicators/index.js";
import type { StructureRefs } from "./structure.js";
import type { ImportSummary } from "./summary.js";

export function indicatorSnapshot(ind: IndicatorDef, responsibleUnitId: string | null): Snapshot {
  return {
    tier: ind.tier,
    nameVi: ind.name.vi,
    nameEn: ind.name.en ?? null,
    definitionVi: ind.definition?.vi ?? null,
    definitionEn: ind.definition?.en ?? null,
    unit: ind.unit?.vi ?? null,
    unitEn: ind.unit?.en ?? null,
    direction: ind.direction,
    kind: ind.kind,
    baselineValue: ind.baseline?.value ?? null,
    baselineYear: ind.baseline?.year ?? null,
    dataSourceVi: ind.dataSource?.vi ?? null,
    dataSourceEn: ind.dataSource?.en ?? null,
    responsibleUnitId,
    reportedBy: ind.reportedBy,
    boundMin: ind.bounds?.min ?? null,
    boundMax: ind.bounds?.max ?? null,
    forecastMinPoints: ind.forecastMinPoints ?? null,
    frequency: ind.frequency,
    aggregation: ind.aggregation,
    aggregationComponents: ind.aggregationComponents ?? null,
    timeAggregation: ind.timeAggregation ?? null,
    disaggregations: ind.disaggregations ?? null,
    formula: ind.formula ?? null,
    published: ind.published,
    proposed: ind.proposed,
    sourceQuote: ind.sourceQuote ?? null,
    sourceRef: ind.sourceRef ?? null,
  };
}

type IndicatorRow = typeof indicators.$inferSelect;

export async function importIndicators(
  tx: Tx,
  def: PlanDefinition,
  refs: StructureRefs,
  ctx: ChangeContext,
  summary: ImportSummary,
): Promise<void> {
  const { planId } = refs;
  const codes = def.indicators.map((i) => i.code);
  const existing = new Map<string, IndicatorRow>();
  if (codes.length > 0)
    for (const row of await tx.select().from(indicators).where(inArray(indicators.code, codes)))
      existing.set(row.code, row);

  const ids = new Map<string, string>();
  let n = 0;
  for (const ind of def.indicators) {
    // Long imports on the embedded database yield so that health checks keep answering.
    if (++n % 50 === 0) await yieldToEventLoop();
    const responsibleUnitId = refs.uid(ind.responsibleUnit);
    const snap = indicatorSnapshot(ind, responsibleUnitId);
    const values = {
      code: ind.code,
      ...(snap as Omit<typeof indicators.$inferInsert, "code">),
      aggregationComponents: ind.aggregationComponents ?? null,
    };
    const prev = existing.get(ind.code);
    if (!prev) {
      const [row] = await tx.insert(indicators).values(values).returning({ id: indicators.id });
      if (!row) throw new AppError("INTERNAL");
      ids.set(ind.code, row.id);
      await recordVersion(tx, {
        entityType: "indicator",
        entityId: row.id,
        indicatorId: row.id,
        version: 1,
        action: "create",
        snapshot: snap,
        ctx,
      });
      summary.counts.indicatorsCreated++;
    } else {
      ids.set(ind.code, prev.id);
      const changes = diffSnapshots(rowSnapshot(prev), snap);
      if (Object.keys(changes).length === 0) summary.counts.indicatorsUnchanged++;
      else {
        const version = prev.version + 1;
        await tx
          .update(indicators)
          .set({ ...values, version, updatedAt: new Date() })
          .where(eq(indicators.id, prev.id));
        await recordVersion(tx, {
          entityType: "indicator",
          entityId: prev.id,
          indicatorId: prev.id,
          version,
          action: "update",
          snapshot: snap,
          changes,
          ctx,
        });
        summary.counts.indicatorsUpdated++;
      }
    }
  }

  // Parent links may point at indicators defined in this file or already in the catalogue.
  const allCodes = new Set<string>(codes);
  for (const ind of def.indicators) for (const p of ind.parents) allCodes.add(p.code);
  for (const l of def.linkIndicators) allCodes.add(l.code);
  const missing = [...allCodes].filter((c) => !ids.has(c));
  if (missing.length > 0)
    for (const r of await tx
      .select({ id: indicators.id, code: indicators.code })
      .from(indicators)
      .where(inArray(indicators.code, missing)))
      ids.set(r.code, r.id);
  const id = (code: string): string => {
    const v = ids.get(code);
    if (!v) throw new AppError("INVALID_REFERENCE", { summary: `indicator ${code}` });
    return v;
  };

  for (const [i, ind] of def.indicators.entries()) {
    if (i % 50 === 49) await yieldToEventLoop();
    const indicatorId = id(ind.code);
    await tx
      .insert(planIndicators)
      .values({ planId, indicatorId, owner: true })
      .onConflictDoUpdate({
        target: [planIndicators.planId, planIndicators.indicatorId],
        set: { owner: true },
      });
    await tx.delete(indicatorLinks).where(eq(indicatorLinks.childId, indicatorId));
    if (ind.parents.length > 0)
      await tx
        .insert(indicatorLinks)
        .values(ind.parents.map((p) => ({ parentId: id(p.code), childId: indicatorId, weight: p.weight })));
    await tx
      .delete(indicatorAssignments)
      .where(and(eq(indicatorAssignments.indicatorId, indicatorId), eq(indicatorAssignments.planId, planId)));
    const assignments = [
      ...ind.systems.map((c) => ({ indicatorId, planId, systemId: refs.sysId(c) })),
      ...ind.initiatives.map((c) => ({
        indicatorId,
        planId,
        initiativeId: refs.initiativeIds.get(c) ?? null,
      })),
      ...ind.projects.map((c) => ({ indicatorId, planId, projectId: refs.projectIds.get(c) ?? null })),
    ];
    if (assignments.length > 0)
      await tx.insert(indicatorAssignments).values(assignments).onConflictDoNothing();
    await importTargets(tx, planId, indicatorId, ind.targets, refs.uid, ctx, summary);
  }

  for (const l of def.linkIndicators) {
    const indicatorId = id(l.code);
    await tx.insert(planIndicators).values({ planId, indicatorId, owner: false }).onConflictDoNothing();
    const assignments = [
      ...l.systems.map((c) => ({ indicatorId, planId, systemId: refs.sysId(c) })),
      ...l.initiatives.map((c) => ({ indicatorId, planId, initiativeId: refs.initiativeIds.get(c) ?? null })),
    ];
    if (assignments.length > 0)
      await tx.insert(indicatorAssignments).values(assignments).onConflictDoNothing();
  }
}

async function importTargets(
  tx: Tx,
  planId: string,
  indicatorId: string,
  targets: TargetValueDef[],
  uid: (code: string | undefined) => string | null,
  ctx: ChangeContext,
  summary: ImportSummary,
): Promise<void> {
  for (const target of targets) {
    const { outcome } = await writeTarget(
      tx,
      { indicatorId, planId, orgUnitId: uid(target.orgUnit), target },
      ctx,
    );
    if (outcome === "created") summary.counts.targetsCreated++;
    else if (outcome === "updated") summary.counts.targetsUpdated++;
  }
}
