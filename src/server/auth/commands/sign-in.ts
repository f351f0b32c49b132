/**
 * Signing in: the password (and second factor) is checked under the login throttle, then a fresh
 * session replaces whatever session the client presented (no fixation).
 */
import { eq, sql } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { users } from "../../../db/schema/index.js";
import type { UserPrincipal } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import type { Config } from "../../core/config.js";
import { AppError } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { verifyPassword } from "../passwords.js";
import { loadUserPrincipal, mustEnrolTotp } from "../principal.js";
import { sessionSettings } from "../route-access.js";
import type { SignInInput } from "../schema.js";
import { createSession, type NewSession, revokeSession } from "../sessions.js";
import { checkLogin, recordLogin } from "../throttle.js";
import { decryptSecret, totpStep } from "../totp.js";

export interface ClientMeta {
  ip: string;
  userAgent: string | null;
  /** The session the client presented, if any: it ends when a new one starts. */
  presentedSessionId: string | null;
}

export type SignInOutcome =
  | { kind: "throttled"; after: number }
  | { kind: "totp_missing" }
  | { kind: "failed"; username: string }
  | { kind: "ok"; session: NewSession; principal: UserPrincipal };

type User = typeof users.$inferSelect;

/** Checks the credentials; a failure is recorded against the (account, address) pair. */
async function verifyCredentials(
  db: Db,
  config: Config,
  input: SignInInput,
  usernameKey: string,
  ip: string,
): Promise<Exclude<SignInOutcome, { kind: "ok" }> | { kind: "ok"; user: User }> {
  // Check, verify and record under one lock per (account, address): parallel guesses queue
  // behind each other instead of all passing the throttle check at once.
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${usernameKey}|${ip}`}))`);
    const throttle = await checkLogin(tx, usernameKey, ip, config.LOGIN_MAX_FAILURES);
    if (!throttle.allowed) return { kind: "throttled" as const, after: throttle.retryAfterSeconds };
    const [found] = await tx.select().from(users).where(sql`lower(${users.username}) = ${usernameKey}`);
    let ok =
      (await verifyPassword(found?.passwordHash ?? null, input.password)) && found?.status === "active";
    if (ok && found?.totpEnabled && found.totpSecret) {
      if (!input.totp) return { kind: "totp_missing" as const };
      const step = totpStep(decryptSecret(found.totpSecret, config.SESSION_SECRET), input.totp);
      // A code is valid once: a replayed code (same or earlier step) is a failure.
      if (step === null || (found.totpLastStep !== null && step <= found.totpLastStep)) ok = false;
      else await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, found.id));
    }
    await recordLogin(tx, usernameKey, ip, ok);
    return ok && found
      ? { kind: "ok" as const, user: found }
      : { kind: "failed" as const, username: usernameKey };
  });
}

/** Starts a session for `userId`, ending the one the client presented. */
export async function openSession(
  db: Db,
  config: Config,
  userId: string,
  client: ClientMeta,
): Promise<NewSession> {
  return inTransaction(db, async (tx) => {
    if (client.presentedSessionId) await revokeSession(tx, client.presentedSessionId);
    return createSession(tx, userId, sessionSettings(config), { ip: client.ip, userAgent: client.userAgent });
  });
}

export async function signIn(
  db: Db,
  config: Config,
  input: SignInInput,
  client: ClientMeta,
  ctx: ChangeContext,
): Promise<SignInOutcome> {
  const usernameKey = input.username.trim().toLowerCase();
  const verdict = await verifyCredentials(db, config, input, usernameKey, client.ip);
  if (verdict.kind !== "ok") return verdict;
  const user = verdict.user;
  const session = await inTransaction(db, async (tx) => {
    if (client.presentedSessionId) await revokeSession(tx, client.presentedSessionId);
    const s = await createSession(tx, user.id, sessionSettings(config), {
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await audit(
      tx,
      { ...ctx, actor: user.username, actorUserId: user.id },
      { action: "session.login", entityType: "user", entityId: user.id },
    );
    return s;
  });
  const principal = await loadUserPrincipal(db, user.id, { id: session.id, csrfToken: session.csrfToken });
  if (!principal) throw new AppError("INVALID_CREDENTIALS");
  principal.mustEnrolTotp = mustEnrolTotp(config.REQUIRE_TOTP_FOR_ADMINS, principal);
  return { kind: "ok", session, principal };
}
