/**
 * Login throttling, counted in the database so it holds across instances and restarts.
 * Failures are keyed by (account, client address): an attacker elsewhere cannot lock an
 * administrator out from their own address. A client address failing across many accounts is
 * throttled too. After the limit, each further failure doubles the wait (60 s, 120 s, … 1 h).
 */
import { and, count, eq, gt, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { loginAttempts } from "../../db/schema/index.js";

const WINDOW_MS = 15 * 60_000;

export interface ThrottleDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

export function backoffSeconds(failures: number, max: number): number {
  if (failures < max) return 0;
  return Math.min(3600, 60 * 2 ** (failures - max));
}

export async function checkLogin(
  db: Executor,
  usernameKey: string,
  ip: string,
  max: number,
): Promise<ThrottleDecision> {
  const since = new Date(Date.now() - WINDOW_MS);
  const [pair] = await db
    .select({ n: count(), last: sql<string>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.usernameKey, usernameKey),
        eq(loginAttempts.ip, ip),
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.at, since),
      ),
    );
  const [byIp] = await db
    .select({ n: count(), last: sql<string>`max(${loginAttempts.at})` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  const decide = (n: number, last: string | null, limit: number) => {
    const wait = backoffSeconds(n, limit);
    if (wait === 0 || !last) return 0;
    const remaining = Math.ceil((new Date(last).getTime() + wait * 1000 - Date.now()) / 1000);
    return Math.max(0, remaining);
  };
  const retry = Math.max(
    decide(Number(pair?.n ?? 0), pair?.last ?? null, max),
    decide(Number(byIp?.n ?? 0), byIp?.last ?? null, max * 10),
  );
  return { allowed: retry === 0, retryAfterSeconds: retry };
}

export async function recordLogin(
  db: Executor,
  usernameKey: string,
  ip: string,
  succeeded: boolean,
): Promise<void> {
  await db.insert(loginAttempts).values({ usernameKey, ip, succeeded });
  // A successful login clears the pair's failures; the attempts stay for the record.
  if (succeeded)
    await db
      .delete(loginAttempts)
      .where(
        and(
          eq(loginAttempts.usernameKey, usernameKey),
          eq(loginAttempts.ip, ip),
          eq(loginAttempts.succeeded, false),
        ),
      );
}
