/**
 * Verifying the audit trail, and the anchor kept outside the database (appending is in
 * core/audit-writer.ts, since every module writes audit entries). After a writing transaction
 * commits, the newest (seq, hash) is written to DATA_DIR/audit-anchor.json and logged: an operator
 * archives either, and `audit:verify` compares the chain against it, so deleting the newest rows
 * is detected too.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { asc, desc, gt } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { auditLog } from "../../db/schema/index.js";
import { type ChainedFields, entryHash, GENESIS_HASH } from "../core/audit-chain.js";
import type { AuditHead } from "../core/audit-writer.js";

export type { AuditHead } from "../core/audit-writer.js";

/**
 * How the chain breaks: an entry's previous hash differs (one before it removed or changed), an
 * entry's content differs from its hash (edited), the anchor names an entry past the chain's end
 * (the newest removed), or the anchored entry differs.
 */
export type BreakKind = "previous_hash" | "content" | "anchor_ahead" | "anchor_mismatch";

export interface VerifyResult {
  ok: boolean;
  entries: number;
  head: AuditHead | null;
  /** The first broken link, if any: `kind` for programs and translations, `reason` in words. */
  brokenAt?: { seq: number; kind: BreakKind; reason: string };
  anchor?: {
    seq: number;
    hash: string;
    status: "matches" | "missing" | "mismatch" | "ahead-of-chain" | "absent";
  };
}

/** Walks the whole chain in pages, recomputing every hash. */
export async function verifyChain(db: Executor, anchor?: AuditHead | null): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let entries = 0;
  let anchorSeen: "matches" | "mismatch" | undefined;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(1000);
    if (rows.length === 0) break;
    for (const r of rows) {
      const fields: ChainedFields = {
        at: r.at.toISOString(),
        actorUserId: r.actorUserId,
        actor: r.actor,
        role: r.role,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        before: r.before ?? null,
        after: r.after ?? null,
        rowCount: r.rowCount,
        fileHash: r.fileHash,
        requestId: r.requestId,
        ip: r.ip,
      };
      if (r.prevHash !== prevHash)
        return {
          ok: false,
          entries,
          head: { seq: lastSeq, hash: prevHash },
          brokenAt: {
            seq: r.seq,
            kind: "previous_hash",
            reason: "previous hash does not match (an entry before it was removed or changed)",
          },
        };
      if (entryHash(prevHash, fields) !== r.hash)
        return {
          ok: false,
          entries,
          head: { seq: lastSeq, hash: prevHash },
          brokenAt: {
            seq: r.seq,
            kind: "content",
            reason: "content does not match its hash (the entry was edited)",
          },
        };
      if (anchor && r.seq === anchor.seq) anchorSeen = r.hash === anchor.hash ? "matches" : "mismatch";
      prevHash = r.hash;
      lastSeq = r.seq;
      entries++;
    }
  }
  const head = entries > 0 ? { seq: lastSeq, hash: prevHash } : null;
  if (!anchor) return { ok: true, entries, head, anchor: undefined };
  let status: NonNullable<VerifyResult["anchor"]>["status"];
  if (anchor.seq > lastSeq) status = "ahead-of-chain";
  else status = anchorSeen ?? "missing";
  return {
    ok: status === "matches",
    entries,
    head,
    anchor: { ...anchor, status },
    ...(status === "matches"
      ? {}
      : {
          brokenAt: {
            seq: anchor.seq,
            kind: status === "ahead-of-chain" ? "anchor_ahead" : "anchor_mismatch",
            reason:
              status === "ahead-of-chain"
                ? `the anchor names entry ${anchor.seq} but the chain ends at ${lastSeq}: the newest entries were removed`
                : "the anchored entry differs from the chain",
          },
        }),
  };
}

/** The newest entry of the chain. */
export async function chainHead(db: Executor): Promise<AuditHead | null> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ?? null;
}

/** The anchor file in DATA_DIR: the newest (seq, hash) this instance has committed. */
export class AuditAnchor {
  readonly file: string;
  private head: AuditHead | null = null;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, "audit-anchor.json");
    this.head = AuditAnchor.read(dataDir);
  }

  static read(dataDir: string): AuditHead | null {
    const file = path.join(dataDir, "audit-anchor.json");
    if (!existsSync(file)) return null;
    try {
      const v = JSON.parse(readFileSync(file, "utf8")) as AuditHead;
      return typeof v.seq === "number" && typeof v.hash === "string" ? v : null;
    } catch {
      return null;
    }
  }

  current(): AuditHead | null {
    return this.head;
  }

  /** Called after commit. Only moves forward (several requests may commit out of order). */
  record(head: AuditHead): boolean {
    if (this.head && head.seq <= this.head.seq) return false;
    this.head = head;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, `${JSON.stringify({ ...head, at: new Date().toISOString() })}\n`, { mode: 0o600 });
    renameSync(tmp, this.file);
    return true;
  }
}
