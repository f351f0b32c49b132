/**
 * Who is calling: a signed-in user (session cookie), a machine (API token) or the public.
 * Resolved once per request; role grants carry their unit subtrees precomputed.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { apiTokens, roleAssignments, sessions, users } from "../../db/schema/index.js";
import {
  type Role,
  type RoleGrant,
  secondFactorRequired,
  type TokenPrincipal,
  type UserPrincipal,
} from "../access/index.js";
import { definitionsVersion, type GrantRow, sessionPrincipalRow, subtreeRows } from "./queries.js";
import type { SessionSettings } from "./sessions.js";
import { sha256 } from "./tokens.js";

/**
 * Subtrees already read, per database, for one definitions version (org units are definitions):
 * a newer version starts afresh, so sets of earlier versions are not kept.
 */
const SUBTREES_KEPT = 5000;
const subtreeMemo = new WeakMap<Executor, { version: string; byRoot: Map<string, Set<string>> }>();

/**
 * The units a unit-scoped grant covers: the unit, every unit below it, and former units whose
 * lineage leads into any of them (a former province's history belongs to its successor).
 * Every request of a user or token with unit grants needs them, and a province's subtree is
 * thousands of units at national scale (33 ms of recursive query per request at 11,492 units), so
 * they are kept per definitions version: any change to org units or lineage bumps it (triggers),
 * and the next request reads afresh. `definitions` is the version the caller read with its
 * session; without it, it is read here.
 */
export async function unitSubtrees(
  db: Executor,
  roots: string[],
  definitions?: string,
): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (roots.length === 0) return out;
  const version = definitions ?? (await definitionsVersion(db));
  let memo = subtreeMemo.get(db);
  if (memo?.version !== version) {
    memo = { version, byRoot: new Map() };
    subtreeMemo.set(db, memo);
  }
  const kept = memo.byRoot;
  const missing: string[] = [];
  for (const r of new Set(roots)) {
    const hit = kept.get(r);
    if (hit) out.set(r, hit);
    else missing.push(r);
  }
  if (missing.length === 0) return out;
  const read = await readSubtrees(db, missing);
  for (const r of missing) {
    const set = read.get(r) ?? new Set([r]);
    out.set(r, set);
    // Read after the version was: never older than it (newer is harmless; the version moves on).
    kept.set(r, set);
  }
  while (kept.size > SUBTREES_KEPT) {
    const oldest = kept.keys().next().value;
    if (oldest === undefined) break;
    kept.delete(oldest);
  }
  return out;
}

async function readSubtrees(db: Executor, roots: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  for (const r of await subtreeRows(db, roots)) {
    const set = out.get(r.root) ?? new Set<string>();
    set.add(r.id);
    out.set(r.root, set);
  }
  return out;
}

/** Role grants with the unit subtrees they cover (kept per definitions version, see unitSubtrees). */
async function resolveGrants(
  db: Executor,
  grants: readonly GrantRow[],
  definitions?: string,
): Promise<RoleGrant[]> {
  const subtrees = await unitSubtrees(
    db,
    grants.map((g) => g.unitId).filter((x): x is string => !!x),
    definitions,
  );
  return grants.map((g) => ({
    id: g.id,
    role: g.role as Role,
    planId: g.planId,
    systemId: g.systemId,
    projectId: g.projectId,
    unitId: g.unitId,
    unitIds: g.unitId ? (subtrees.get(g.unitId) ?? new Set([g.unitId])) : new Set(),
  }));
}

export async function loadUserPrincipal(
  db: Executor,
  userId: string,
  session: { id: string; csrfToken: string } | null,
): Promise<UserPrincipal | undefined> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (user?.status !== "active") return undefined;
  const grants = await db
    .select()
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), isNull(roleAssignments.revokedAt)));
  return {
    kind: "user",
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    unitId: user.unitId,
    sessionId: session?.id ?? null,
    csrfToken: session?.csrfToken ?? null,
    totpEnabled: user.totpEnabled,
    mustEnrolTotp: false,
    grants: await resolveGrants(db, grants),
  };
}

export const TOKEN_PREFIX = "cn_";

/** A live API token for a bearer value, or undefined (unknown, expired or revoked). */
export async function loadTokenPrincipal(db: Executor, bearer: string): Promise<TokenPrincipal | undefined> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return undefined;
  const [token] = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256(bearer)), isNull(apiTokens.revokedAt)));
  if (!token || token.expiresAt.getTime() <= Date.now()) return undefined;
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000)
    await db.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, token.id));
  const subtree = await unitSubtrees(db, [token.unitId]);
  return {
    kind: "token",
    tokenId: token.id,
    name: token.name,
    unitId: token.unitId,
    unitIds: subtree.get(token.unitId) ?? new Set([token.unitId]),
    indicators: token.scopes.indicators === "*" ? "*" : new Set(token.scopes.indicators),
    actions: new Set(token.scopes.actions),
  };
}

/** An administrator who must enrol a second factor before anything else (REQUIRE_TOTP_FOR_ADMINS). */
export function mustEnrolTotp(requireForAdmins: boolean, user: UserPrincipal): boolean {
  return !user.totpEnabled && secondFactorRequired(user, requireForAdmins);
}

/**
 * The signed-in user behind a session cookie, with their grants, in one round trip (every
 * request of a signed-in user runs this). Touches the session's last-seen time at most once a
 * minute and ends it when idle too long. A session still waiting for its second factor gives
 * no principal.
 */
export async function loadSessionPrincipal(
  db: Executor,
  token: string,
  settings: SessionSettings,
): Promise<UserPrincipal | undefined> {
  const id = sha256(token);
  const now = new Date();
  const row = await sessionPrincipalRow(db, id, now);
  if (!row) return undefined;
  const lastSeen = new Date(row.lastSeenAt).getTime();
  if (now.getTime() - lastSeen > settings.idleMinutes * 60_000) {
    await db.update(sessions).set({ revokedAt: now }).where(eq(sessions.id, id));
    return undefined;
  }
  if (now.getTime() - lastSeen > 60_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  if (row.pendingSecondFactor) return undefined;
  return {
    kind: "user",
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    unitId: row.unitId,
    sessionId: row.id,
    csrfToken: row.csrfToken,
    totpEnabled: row.totpEnabled,
    mustEnrolTotp: false,
    grants: await resolveGrants(db, row.grants, row.definitions),
  };
}
