/**
 * Every change to an indicator definition or a target is kept as a version with who, when and why.
 * Snapshots hold the whole row as the API would present it; `changes` holds only what moved.
 */

import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { entityVersions, type indicators, plans } from "../../db/schema/index.js";
import type { ChangeContext } from "../core/change-context.js";

export type Snapshot = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a == null && b == null) return true;
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-12;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `next` that differ from `prev`. */
export function diffSnapshots(
  prev: Snapshot,
  next: Snapshot,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(prev), ...Object.keys(next)])) {
    if (!same(prev[key], next[key])) changes[key] = { from: prev[key] ?? null, to: next[key] ?? null };
  }
  return changes;
}

export async function recordVersion(
  tx: Executor,
  args: {
    entityType: "indicator" | "target";
    entityId: string;
    indicatorId: string;
    version: number;
    action: "create" | "update" | "retire";
    snapshot: Snapshot;
    changes?: Record<string, { from: unknown; to: unknown }>;
    ctx: ChangeContext;
  },
): Promise<void> {
  await tx.insert(entityVersions).values({
    entityType: args.entityType,
    entityId: args.entityId,
    indicatorId: args.indicatorId,
    version: args.version,
    action: args.action,
    changedBy: args.ctx.actor,
    reason: args.ctx.reason ?? null,
    snapshot: args.snapshot,
    changes: args.changes ?? null,
  });
}

/**
 * A plan's definition hash lets re-importing the same file skip work. Any edit made outside an
 * import (targets, definitions, retirements) clears it, so re-importing the file restores the file.
 */
export async function invalidateDefinitionHash(tx: Executor, planIds: readonly string[]): Promise<void> {
  if (planIds.length === 0) return;
  await tx
    .update(plans)
    .set({ definitionHash: null })
    .where(inArray(plans.id, [...planIds]));
}

type IndicatorRow = typeof indicators.$inferSelect;

/** The version snapshot of an indicator definition: every field a version records. */
export function rowSnapshot(row: IndicatorRow): Snapshot {
  return {
    tier: row.tier,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    definitionVi: row.definitionVi,
    definitionEn: row.definitionEn,
    unit: row.unit,
    unitEn: row.unitEn,
    direction: row.direction,
    kind: row.kind,
    baselineValue: row.baselineValue,
    baselineYear: row.baselineYear,
    dataSourceVi: row.dataSourceVi,
    dataSourceEn: row.dataSourceEn,
    responsibleUnitId: row.responsibleUnitId,
    reportedBy: row.reportedBy,
    boundMin: row.boundMin,
    boundMax: row.boundMax,
    forecastMinPoints: row.forecastMinPoints,
    frequency: row.frequency,
    aggregation: row.aggregation,
    aggregationComponents: row.aggregationComponents,
    timeAggregation: row.timeAggregation,
    disaggregations: row.disaggregations,
    formula: row.formula,
    published: row.published,
    proposed: row.proposed,
    sourceQuote: row.sourceQuote,
    sourceRef: row.sourceRef,
  };
}
