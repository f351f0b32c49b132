/**
 * Server-side sessions. The cookie carries a random token; the database keeps only its SHA-256,
 * so a leaked database does not yield usable sessions. Sessions are rotated at login (a session
 * presented before login is revoked: no fixation), end after SESSION_IDLE_MINUTES without use and
 * SESSION_MAX_HOURS after login, and can be revoked one by one or all at once.
 */
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { sessions } from "../../db/schema/index.js";
import { randomToken, sha256 } from "./tokens.js";

export interface SessionSettings {
  idleMinutes: number;
  maxHours: number;
}

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Executor,
  userId: string,
  settings: SessionSettings,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken(32);
  const id = sha256(token);
  const csrfToken = randomToken(24);
  const expiresAt = new Date(Date.now() + settings.maxHours * 3600_000);
  await db.insert(sessions).values({
    id,
    userId,
    csrfToken,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 400) ?? null,
  });
  return { token, id, csrfToken, expiresAt };
}

export type SessionRow = typeof sessions.$inferSelect;

export async function revokeSession(db: Executor, id: string): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
}

export async function revokeUserSessions(db: Executor, userId: string): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function listUserSessions(db: Executor, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .orderBy(desc(sessions.lastSeenAt));
}
