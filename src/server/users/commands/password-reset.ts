/** A one-time link (24 h) for an account's user to set a new password; earlier unused links end. */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { users } from "../../../db/schema/index.js";
import { authorize, type Principal } from "../../access/index.js";
import { issueOneTimeToken } from "../../auth/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { notFound } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { getUser } from "../queries.js";

export async function issuePasswordReset(
  db: Db,
  userId: string,
  ctx: ChangeContext,
): Promise<{ token: string; expiresAt: Date }> {
  return inTransaction(db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user", userId);
    const link = await issueOneTimeToken(tx, "password_reset", {
      userId,
      createdBy: ctx.actorUserId ?? undefined,
      ttlHours: 24,
    });
    await audit(tx, ctx, {
      action: "user.password_reset_link",
      entityType: "user",
      entityId: userId,
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
}

/** An administrator issues the link for an account. */
export async function issuePasswordResetFor(
  db: Db,
  principal: Principal,
  userId: string,
  ctx: ChangeContext,
): Promise<{ token: string; expiresAt: Date }> {
  authorize(principal, "user.edit", { userId });
  await getUser(db, userId);
  return issuePasswordReset(db, userId, ctx);
}
