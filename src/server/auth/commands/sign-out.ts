/** Signing out of this session, or of every session of the signed-in user. */
import type { Db } from "../../../db/client.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { inTransaction } from "../../core/transaction.js";
import { revokeSession, revokeUserSessions } from "../sessions.js";

export async function signOut(db: Db, userId: string, sessionId: string, ctx: ChangeContext): Promise<void> {
  await inTransaction(db, async (tx) => {
    await revokeSession(tx, sessionId);
    await audit(tx, ctx, { action: "session.logout", entityType: "user", entityId: userId });
  });
}

/** Returns how many sessions ended. */
export async function signOutEverywhere(db: Db, userId: string, ctx: ChangeContext): Promise<number> {
  return inTransaction(db, async (tx) => {
    const n = await revokeUserSessions(tx, userId);
    await audit(tx, ctx, {
      action: "session.logout_everywhere",
      entityType: "user",
      entityId: userId,
      rowCount: n,
    });
    return n;
  });
}
