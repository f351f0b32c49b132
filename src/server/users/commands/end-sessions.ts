/** Ending every session of an account (administrators), e.g. after a lost device. */
import type { Db } from "../../../db/client.js";
import { authorize, type Principal } from "../../access/index.js";
import { revokeUserSessions } from "../../auth/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { inTransaction } from "../../core/transaction.js";
import { getUser } from "../queries.js";

/** Returns how many sessions ended. */
export async function endUserSessions(
  db: Db,
  principal: Principal,
  userId: string,
  ctx: ChangeContext,
): Promise<number> {
  authorize(principal, "user.edit", { userId });
  await getUser(db, userId);
  return inTransaction(db, async (tx) => {
    const n = await revokeUserSessions(tx, userId);
    await audit(tx, ctx, { action: "session.revoke_all", entityType: "user", entityId: userId, rowCount: n });
    return n;
  });
}
