/**
 * Account commands: first administrator from a one-time link, sign-in, password set/reset.
 * Every change is audited; secrets never enter the audit trail or the logs.
 */
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Executor } from "../../db/client.js";
import { oneTimeTokens, roleAssignments, users } from "../../db/schema/index.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { AppError } from "../core/errors.js";
import { checkPasswordPolicy, hashPassword } from "./passwords.js";
import { randomToken, sha256 } from "./tokens.js";

export type OneTimePurpose = "bootstrap_admin" | "password_reset";

export async function userCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0);
}

export async function issueOneTimeToken(
  db: Executor,
  purpose: OneTimePurpose,
  opts: { userId?: string; createdBy?: string; ttlHours: number },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3600_000);
  // A new link replaces earlier unused links of the same purpose (and user).
  await db
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        opts.userId ? eq(oneTimeTokens.userId, opts.userId) : isNull(oneTimeTokens.userId),
      ),
    );
  await db.insert(oneTimeTokens).values({
    purpose,
    tokenHash: sha256(token),
    userId: opts.userId ?? null,
    createdBy: opts.createdBy ?? null,
    expiresAt,
  });
  return { token, expiresAt };
}

/** Consumes a one-time token (single use, unexpired) inside the caller's transaction. */
async function consume(tx: Executor, purpose: OneTimePurpose, token: string) {
  const [row] = await tx
    .update(oneTimeTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(oneTimeTokens.tokenHash, sha256(token)),
        eq(oneTimeTokens.purpose, purpose),
        isNull(oneTimeTokens.usedAt),
        gt(oneTimeTokens.expiresAt, new Date()),
      ),
    )
    .returning();
  if (!row) throw new AppError("LINK_INVALID");
  return row;
}

function enforcePolicy(password: string, username: string): void {
  const problems = checkPasswordPolicy(password, username);
  if (problems.length > 0)
    throw new AppError(
      "PASSWORD_POLICY",
      { summary: problems.map((p) => p.vi).join("; "), summaryEn: problems.map((p) => p.en).join("; ") },
      problems.map((p) => ({ path: "body.password", message: p.vi, messageEn: p.en })),
    );
}

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** First administrator, from the link printed at first start. */
export async function completeSetup(
  db: Db,
  input: { token: string; username: string; displayName: string; password: string },
  ctx: Omit<ChangeContext, "actor">,
): Promise<string> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username))
    throw new AppError("VALIDATION_FAILED", {
      summary: "username: 3–64 lowercase letters, digits, '.', '_' or '-'",
    });
  enforcePolicy(input.password, username);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    if ((await userCount(tx)) > 0) {
      await consume(tx, "bootstrap_admin", input.token).catch(() => undefined);
      throw new AppError("SETUP_DONE");
    }
    await consume(tx, "bootstrap_admin", input.token);
    const [user] = await tx
      .insert(users)
      .values({ username, displayName: input.displayName, passwordHash, passwordChangedAt: new Date() })
      .returning({ id: users.id });
    if (!user) throw new AppError("INTERNAL");
    await tx.insert(roleAssignments).values({ userId: user.id, role: "system_admin", grantedBy: user.id });
    await audit(
      tx,
      { ...ctx, actor: username, actorUserId: user.id },
      {
        action: "setup.first_admin",
        entityType: "user",
        entityId: user.id,
        after: { username, displayName: input.displayName, role: "system_admin" },
      },
    );
    return user.id;
  });
}

/** Sets a new password from a reset link; all the user's sessions end. */
export async function resetPassword(
  db: Db,
  input: { token: string; password: string },
  ctx: Omit<ChangeContext, "actor">,
): Promise<void> {
  await db.transaction(async (tx) => {
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

export async function changeOwnPassword(
  db: Db,
  userId: string,
  password: string,
  ctx: ChangeContext,
  keepSessionId: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
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

export { enforcePolicy };
