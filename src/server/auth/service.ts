/**
 * What account commands share: one-time links (single use, expiring, stored hashed), the
 * password policy and the username rule. The commands themselves are in commands/.
 */
import { and, count, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { oneTimeTokens, users } from "../../db/schema/index.js";
import { AppError } from "../core/errors.js";
import { checkPasswordPolicy } from "./passwords.js";
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
export async function consume(tx: Executor, purpose: OneTimePurpose, token: string) {
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

export function enforcePolicy(password: string, username: string): void {
  const problems = checkPasswordPolicy(password, username);
  if (problems.length > 0)
    throw new AppError(
      "PASSWORD_POLICY",
      { summary: problems.map((p) => p.vi).join("; "), summaryEn: problems.map((p) => p.en).join("; ") },
      problems.map((p) => ({ path: "body.password", message: p.vi, messageEn: p.en })),
    );
}

export const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,63}$/;
