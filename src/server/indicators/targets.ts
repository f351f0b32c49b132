/**
 * Writing one target (an indicator's value to reach in a year, nationally or for one unit), with
 * its version: the one place both plan import and target administration go through.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { indicatorTargets } from "../../db/schema/index.js";
import type { TargetValueDef } from "../../domain/plan-definition/schema.js";
import type { ChangeContext } from "../core/change-context.js";
import { AppError } from "../core/errors.js";
import { diffSnapshots, recordVersion, type Snapshot } from "./versioning.js";

type TargetRow = typeof indicatorTargets.$inferSelect;

function snapshotOfRow(t: TargetRow): Snapshot {
  return {
    year: t.year,
    orgUnitId: t.orgUnitId,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax,
    achieved: t.achieved,
    noteVi: t.noteVi,
    noteEn: t.noteEn,
  };
}

export interface WriteTargetArgs {
  indicatorId: string;
  planId: string;
  orgUnitId: string | null;
  target: TargetValueDef;
}

export async function writeTarget(
  tx: Executor,
  { indicatorId, planId, orgUnitId, target: t }: WriteTargetArgs,
  ctx: ChangeContext,
): Promise<{
  outcome: "created" | "updated" | "unchanged";
  version: number;
  /** The target as it stood before this write (for the audit entry's before), null when new. */
  before: (TargetValueDef & { version: number }) | null;
}> {
  const values = {
    comparator: t.comparator,
    value: t.value ?? null,
    valueMax: t.valueMax ?? null,
    achieved: t.achieved ?? null,
    noteVi: t.note?.vi ?? null,
    noteEn: t.note?.en ?? null,
  };
  const snapshot: Snapshot = { year: t.year, orgUnitId, ...values };
  const [prev] = await tx
    .select()
    .from(indicatorTargets)
    .where(
      and(
        eq(indicatorTargets.indicatorId, indicatorId),
        eq(indicatorTargets.planId, planId),
        eq(indicatorTargets.year, t.year),
        orgUnitId ? eq(indicatorTargets.orgUnitId, orgUnitId) : isNull(indicatorTargets.orgUnitId),
        isNull(indicatorTargets.retiredAt),
      ),
    )
    .for("update");
  if (!prev) {
    const [row] = await tx
      .insert(indicatorTargets)
      .values({ indicatorId, planId, orgUnitId, year: t.year, ...values })
      .returning({ id: indicatorTargets.id });
    if (!row) throw new AppError("INTERNAL");
    await recordVersion(tx, {
      entityType: "target",
      entityId: row.id,
      indicatorId,
      version: 1,
      action: "create",
      snapshot,
      ctx,
    });
    return { outcome: "created", version: 1, before: null };
  }
  const changes = diffSnapshots(snapshotOfRow(prev), snapshot);
  const before = { ...targetOfRow(prev), version: prev.version };
  if (Object.keys(changes).length === 0) return { outcome: "unchanged", version: prev.version, before };
  const version = prev.version + 1;
  await tx
    .update(indicatorTargets)
    .set({ ...values, version, updatedAt: new Date() })
    .where(eq(indicatorTargets.id, prev.id));
  await recordVersion(tx, {
    entityType: "target",
    entityId: prev.id,
    indicatorId,
    version,
    action: "update",
    snapshot,
    changes,
    ctx,
  });
  return { outcome: "updated", version, before };
}

/** A stored target in the plan-definition shape the audit entry's after uses (empty fields left out). */
function targetOfRow(t: TargetRow): TargetValueDef {
  return {
    year: t.year,
    comparator: t.comparator as TargetValueDef["comparator"],
    ...(t.value === null ? {} : { value: t.value }),
    ...(t.valueMax === null ? {} : { valueMax: t.valueMax }),
    ...(t.achieved === null ? {} : { achieved: t.achieved }),
    ...(t.noteVi === null ? {} : { note: { vi: t.noteVi, ...(t.noteEn === null ? {} : { en: t.noteEn }) } }),
  };
}
