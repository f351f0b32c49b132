/** Passwords: set from a reset link (every session ends), or changed by their owner (other sessions end). */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { users } from "../../../db/schema/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { hashPassword, verifyPassword } from "../passwords.js";
import { consume, enforcePolicy } from "../service.js";

/** Sets a new password from a reset link; all the user's sessions end. */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  ctx: Omit<ChangeContext, "actor">,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const link = await consume(tx, "password_reset", input.token);
    if (!link.userId) throw new AppError("LINK_INVALID");
    const [user] = await tx.select().from(users).where(eq(users.id, link.userId));
    if (user?.status !== "active") throw new AppError("LINK_INVALID");
    enforcePolicy(input.password, user.username);
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.password),
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await tx.execute(
      sql`update sessions set revoked_at = now() where user_id = ${user.id} and revoked_at is null`,
    );
    await audit(
      tx,
      { ...ctx, actor: user.username, actorUserId: user.id },
      { action: "user.password_reset", entityType: "user", entityId: user.id },
    );
  });
}

/** The signed-in user changes their password, proving the current one; `keepSessionId` stays. */
export async function changeOwnPassword(
  db: Db,
  userId: string,
  change: { currentPassword: string; newPassword: string },
  ctx: ChangeContext,
  keepSessionId: string | null,
): Promise<void> {
  const [current] = await db.select().from(users).where(eq(users.id, userId));
  if (!(await verifyPassword(current?.passwordHash ?? null, change.currentPassword)))
    throw new AppError("INVALID_CREDENTIALS");
  const password = change.newPassword;
  await inTransaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw new AppError("AUTH_REQUIRED");
    enforcePolicy(password, user.username);
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(password),
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    // Other sessions end: a changed password is often a response to a suspected compromise.
    await tx.execute(
      sql`update sessions set revoked_at = now() where user_id = ${userId} and revoked_at is null and id <> ${keepSessionId ?? ""}`,
    );
    await audit(tx, ctx, { action: "user.password_change", entityType: "user", entityId: userId });
  });
}
