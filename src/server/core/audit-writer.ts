/**
 * Appending to the audit trail. Every module writes audit entries inside its own transaction, so
 * the writer lives in the core. Appends take a transaction-scoped advisory lock, so two writers
 * never chain onto the same previous entry (the chain cannot fork). After the transaction commits,
 * the newest (seq, hash) goes to the anchor file (audit/service.ts, AuditAnchor).
 */
import { desc, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditLog } from "../../db/schema/index.js";
import { type AuditHead, type ChainedFields, entryHash, GENESIS_HASH, redactSecrets } from "./audit-chain.js";
import type { ChangeContext } from "./change-context.js";

export type { AuditHead } from "./audit-chain.js";

export interface AuditInput {
  actorUserId?: string | null;
  actor: string;
  role?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  rowCount?: number | null;
  fileHash?: string | null;
  requestId?: string | null;
  ip?: string | null;
}

const AUDIT_LOCK = sql`select pg_advisory_xact_lock(7468001)`;

export async function appendAudit(tx: Executor, input: AuditInput): Promise<AuditHead> {
  await tx.execute(AUDIT_LOCK);
  const [last] = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: ChainedFields = {
    at: new Date().toISOString(),
    actorUserId: input.actorUserId ?? null,
    actor: input.actor,
    role: input.role ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: input.entityId ?? null,
    before: input.before === undefined ? null : redactSecrets(input.before),
    after: input.after === undefined ? null : redactSecrets(input.after),
    rowCount: input.rowCount ?? null,
    fileHash: input.fileHash ?? null,
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
  };
  // Round-trip through JSON so the hash covers exactly what jsonb will return.
  fields.before = fields.before === null ? null : JSON.parse(JSON.stringify(fields.before));
  fields.after = fields.after === null ? null : JSON.parse(JSON.stringify(fields.after));
  const hash = entryHash(prevHash, fields);
  const [row] = await tx
    .insert(auditLog)
    .values({ ...fields, at: new Date(fields.at), prevHash, hash })
    .returning({ seq: auditLog.seq });
  return { seq: row?.seq ?? 0, hash };
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
