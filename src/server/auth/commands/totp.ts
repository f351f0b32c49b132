/**
 * The signed-in user's TOTP second factor: enrolment starts with a new secret (kept encrypted),
 * a current code from the app turns it on, and a current code turns it off — except for
 * administrators when the instance requires it of them.
 */
import { eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { users } from "../../../db/schema/index.js";
import { authorize, type UserPrincipal } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import type { Config } from "../../core/config.js";
import { AppError } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { decryptSecret, encryptSecret, newTotp, verifyTotp } from "../totp.js";

async function setTotp(
  db: Db,
  userId: string,
  set: Partial<Pick<typeof users.$inferInsert, "totpSecret" | "totpEnabled">>,
  action: string,
  ctx: ChangeContext,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await tx
      .update(users)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await audit(tx, ctx, { action, entityType: "user", entityId: userId });
  });
}

/** Refused (INVALID_CREDENTIALS) unless `code` is current for the user's stored secret. */
async function checkCode(db: Db, config: Config, userId: string, code: string): Promise<void> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user?.totpSecret || !verifyTotp(decryptSecret(user.totpSecret, config.SESSION_SECRET), code))
    throw new AppError("INVALID_CREDENTIALS");
}

export async function startTotpEnrolment(
  db: Db,
  config: Config,
  p: UserPrincipal,
  ctx: ChangeContext,
): Promise<{ secret: string; uri: string }> {
  if (p.totpEnabled) throw new AppError("DUPLICATE_CODE", { code: "totp", entity: "user" });
  const { base32, uri } = newTotp(p.username);
  await setTotp(
    db,
    p.userId,
    { totpSecret: encryptSecret(base32, config.SESSION_SECRET) },
    "user.totp_enrol_start",
    ctx,
  );
  return { secret: base32, uri };
}

export async function confirmTotp(
  db: Db,
  config: Config,
  p: UserPrincipal,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  await checkCode(db, config, p.userId, code);
  await setTotp(db, p.userId, { totpEnabled: true }, "user.totp_enable", ctx);
}

export async function disableTotp(
  db: Db,
  config: Config,
  p: UserPrincipal,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  authorize(p, "secondFactor.disable", { requiredForAdmins: config.REQUIRE_TOTP_FOR_ADMINS });
  await checkCode(db, config, p.userId, code);
  await setTotp(db, p.userId, { totpEnabled: false, totpSecret: null }, "user.totp_disable", ctx);
}
