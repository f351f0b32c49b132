/**
 * Who makes a change, in what role, why, from which request: every command takes one, every
 * audit entry is written from one.
 */
import type { FastifyRequest } from "fastify";
import type { AuditHead } from "./audit-chain.js";

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

/** The change context of an HTTP request: its principal, request id and address. */
export function changeContext(req: FastifyRequest, reason?: string): ChangeContext {
  const p = req.principal;
  return {
    // Token names need not be unique: the id tells tokens apart in the audit trail.
    actor: p.kind === "user" ? p.username : p.kind === "token" ? `token:${p.name}#${p.tokenId}` : "anonymous",
    actorUserId: p.kind === "user" ? p.userId : null,
    role: p.kind === "user" ? (p.grants.map((g) => g.role).sort()[0] ?? null) : null,
    reason,
    requestId: req.id,
    ip: req.ip,
    onAudit: (head) => req.auditHeads.push(head),
  };
}
