import type { presentGrants } from "../auth/index.js";
import type { UserRow } from "./queries.js";
import type { UserView } from "./schema.js";

type PresentedGrant = Awaited<ReturnType<typeof presentGrants>>[number];

/** An account with its grants in force (already presented, with their account's id) and unit codes. */
export function presentUser(
  r: UserRow,
  grants: { userId: string; grant: PresentedGrant }[],
  unitCodes: Map<string, string>,
): UserView {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    email: r.email,
    unit: r.unitId ? (unitCodes.get(r.unitId) ?? null) : null,
    status: r.status === "disabled" ? "disabled" : "active",
    roles: grants.filter((g) => g.userId === r.id).map((g) => g.grant),
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    demo: r.isDemo,
  };
}

export function presentSession(s: {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}) {
  return {
    createdAt: s.createdAt.toISOString(),
    lastSeenAt: s.lastSeenAt.toISOString(),
    expiresAt: s.expiresAt.toISOString(),
    ip: s.ip,
    userAgent: s.userAgent,
  };
}

/** The set-password page a one-time link opens. */
export function resetUrl(publicUrl: string | undefined, token: string): string {
  return `${publicUrl ?? ""}/reset-password#token=${token}`;
}
