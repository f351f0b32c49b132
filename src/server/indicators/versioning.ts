/**
 * Every change to an indicator definition or a target is kept as a version with who, when and why.
 * Snapshots hold the whole row as the API would present it; `changes` holds only what moved.
 */
import type { Executor } from "../../db/client.js";
import { entityVersions } from "../../db/schema/index.js";

export interface ChangeContext {
  /** Who: a user id or name, or "system:seed", "cli:<os user>". */
  actor: string;
  /** Why: required for edits by people; seeds and imports say what they are. */
  reason?: string;
}

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
