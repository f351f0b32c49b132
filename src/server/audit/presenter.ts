import type { z } from "zod";
import type { auditLog } from "../../db/schema/index.js";
import type * as S from "./schema.js";

export function presentEntry(r: typeof auditLog.$inferSelect): z.output<typeof S.entry> {
  return {
    seq: r.seq,
    at: r.at.toISOString(),
    actor: r.actor,
    actorUserId: r.actorUserId,
    role: r.role,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: r.before,
    after: r.after,
    rowCount: r.rowCount,
    fileHash: r.fileHash,
    requestId: r.requestId,
    ip: r.ip,
    hash: r.hash,
  };
}
