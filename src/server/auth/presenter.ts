import { eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { orgUnits, plans, projects, systems, users } from "../../db/schema/index.js";
import { type RoleGrant, sessionCan, type UserPrincipal } from "../access/index.js";

type GrantLike = Pick<RoleGrant, "id" | "role" | "planId" | "systemId" | "projectId" | "unitId">;

async function codes<T extends typeof plans | typeof systems | typeof projects | typeof orgUnits>(
  db: Executor,
  table: T,
  ids: (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const rows = (await db
    .select({ id: table.id, code: table.code })
    .from(table as typeof plans)
    .where(inArray((table as typeof plans).id, wanted))) as { id: string; code: string }[];
  return new Map(rows.map((r) => [r.id, r.code]));
}

/** Grants with their scopes as codes (plan NQ57, system S1, unit HA-NOI). */
export async function presentGrants(db: Executor, grants: GrantLike[]) {
  const planCodes = await codes(
    db,
    plans,
    grants.map((g) => g.planId),
  );
  const systemCodes = await codes(
    db,
    systems,
    grants.map((g) => g.systemId),
  );
  const projectCodes = await codes(
    db,
    projects,
    grants.map((g) => g.projectId),
  );
  const unitCodes = await codes(
    db,
    orgUnits,
    grants.map((g) => g.unitId),
  );
  const pick = (m: Map<string, string>, id: string | null) => (id ? (m.get(id) ?? null) : null);
  return grants.map((g) => ({
    id: g.id,
    role: g.role,
    plan: pick(planCodes, g.planId),
    system: pick(systemCodes, g.systemId),
    project: pick(projectCodes, g.projectId),
    unit: pick(unitCodes, g.unitId),
  }));
}

export async function unitCode(db: Executor, id: string | null): Promise<string | null> {
  if (!id) return null;
  const [row] = await db.select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, id));
  return row?.code ?? null;
}

/** The signed-in user of a session principal, with their grants as codes, the CSRF token and what they may do. */
export async function presentSession(db: Executor, p: UserPrincipal & { csrfToken: string }) {
  const [user] = await db.select({ unitId: users.unitId }).from(users).where(eq(users.id, p.userId));
  return {
    user: {
      id: p.userId,
      username: p.username,
      displayName: p.displayName,
      unit: await unitCode(db, user?.unitId ?? null),
      roles: await presentGrants(db, p.grants),
      totpEnabled: p.totpEnabled,
      mustEnrolTotp: p.mustEnrolTotp,
    },
    csrfToken: p.csrfToken,
    can: sessionCan(p),
  };
}

/** The signed-in user's sessions, the one making the request marked. */
export function presentMySessions(
  rows: {
    id: string;
    createdAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  }[],
  currentId: string | null,
) {
  return {
    items: rows.map((s) => ({
      current: s.id === currentId,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ip: s.ip,
      userAgent: s.userAgent,
    })),
    total: rows.length,
    nextCursor: null,
  };
}
