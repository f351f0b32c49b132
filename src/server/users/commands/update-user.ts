/** Changing an account (administrators): name, e-mail, unit; disabling it ends its sessions. */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { users } from "../../../db/schema/index.js";
import { authorize, type Principal } from "../../access/index.js";
import { revokeUserSessions } from "../../auth/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError, notFound } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { selfDisableRefused } from "../grant-refusals.js";
import { getUser, unitIdOf } from "../queries.js";
import type { UserPatch } from "../schema.js";

export async function setUserStatus(
  db: Db,
  userId: string,
  status: "active" | "disabled",
  ctx: ChangeContext,
): Promise<void> {
  if (status === "disabled" && ctx.actorUserId === userId) throw selfDisableRefused();
  await inTransaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user", userId);
    if (user.status === status) return;
    await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, userId));
    const ended = status === "disabled" ? await revokeUserSessions(tx, userId) : 0;
    await audit(tx, ctx, {
      action: status === "disabled" ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      before: { status: user.status },
      after: { status, sessionsEnded: ended },
    });
  });
}

export async function updateUserProfile(
  db: Db,
  userId: string,
  patch: {
    displayName?: string | undefined;
    email?: string | null | undefined;
    unit?: string | null | undefined;
  },
  ctx: ChangeContext,
): Promise<void> {
  const unitId =
    patch.unit === undefined ? undefined : patch.unit === null ? null : await unitIdOf(db, patch.unit);
  await inTransaction(db, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user", userId);
    const next = {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(unitId !== undefined ? { unitId } : {}),
    };
    await tx
      .update(users)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await audit(tx, ctx, {
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before: { displayName: user.displayName, email: user.email, unitId: user.unitId },
      after: next,
    });
  });
}

/**
 * An administrator changes an account. Refusals come before any write: the whole change is
 * applied or none of it (the profile and the status are then written one after the other).
 */
export async function changeAccount(
  db: Db,
  principal: Principal,
  userId: string,
  change: UserPatch,
  ctx: ChangeContext,
): Promise<void> {
  authorize(principal, "user.edit", { userId });
  await getUser(db, userId);
  const { status, ...profile } = change;
  if (status === "disabled")
    authorize(principal, "user.disable", { userId }, () =>
      principal.kind === "user" && principal.userId === userId
        ? selfDisableRefused()
        : new AppError("FORBIDDEN"),
    );
  if (Object.keys(profile).length > 0) await updateUserProfile(db, userId, profile, ctx);
  if (status) await setUserStatus(db, userId, status, ctx);
}
