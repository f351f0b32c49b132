/**
 * Every change to an indicator definition or a target is kept as a version with who, when and why.
 * Snapshots hold the whole row as the API would present it; `changes` holds only what moved.
 */

import { inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { entityVersions, plans } from "../../db/schema/index.js";
import { type AuditHead, type AuditInput, appendAudit } from "../audit/service.js";

export interface ChangeContext {
  /** Who: a username, or "system:seed", "cli:<os user>", "token:<name>". */
  actor: string;
  actorUserId?: string | null;
  /** The role the change was made in, when a person made it. */
  role?: string | null;
  /** Why: required for edits by people; seeds and imports say what they are. */
  reason?: string;
  requestId?: string | null;
  ip?: string | null;
  /** Receives the audit entries appended in the transaction; anchored once it commits. */
  onAudit?: (head: AuditHead) => void;
}

/** Appends one audit entry for a change made under `ctx`. */
export async function audit(
  tx: Executor,
  ctx: ChangeContext,
  entry: Omit<AuditInput, "actor" | "actorUserId" | "role" | "requestId" | "ip">,
): Promise<void> {
  const head = await appendAudit(tx, {
    actor: ctx.actor,
    actorUserId: ctx.actorUserId ?? null,
    role: ctx.role ?? null,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
    ...entry,
    after: entry.after === undefined && ctx.reason ? { reason: ctx.reason } : entry.after,
  });
  ctx.onAudit?.(head);
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
