/**
 * The pure part of the people-and-roles pages: what the URL may hold, a grant's scope in words,
 * the roles offered and refused (as the API computed them), the body of a grant from the pickers,
 * and the reason a refused request gives.
 */
import type { Grant, Grantable, GrantBody, GrantScope, Role } from "../../api/admin-users-types.js";
import { ApiError } from "../../api/api-error.js";
import { oneOf, type Search } from "../../app/search.js";

/** Every role, in the order the API lists them (a Record, so a new role cannot be forgotten here). */
const roleOrder: Record<Role, number> = {
  system_admin: 0,
  standing_office: 1,
  steering_member: 2,
  chief_engineer: 3,
  chief_architect: 4,
  unit_reporter: 5,
  unit_approver: 6,
  provincial_committee: 7,
  advisory_council: 8,
  proposer: 9,
};
export const ROLES = (Object.keys(roleOrder) as Role[]).sort((a, b) => roleOrder[a] - roleOrder[b]);

export const STATUSES = ["active", "disabled"] as const;
export const USER_TABS = ["profile", "roles", "sessions"] as const;
export type UserTab = (typeof USER_TABS)[number];

/** The list's filters from the URL: words (trimmed, at most 100 characters), status, role. */
export function listSearch(s: Search) {
  const q = typeof s.q === "string" ? s.q.trim().slice(0, 100) : "";
  return {
    q: q === "" ? undefined : q,
    status: oneOf(STATUSES, s.status),
    role: oneOf(ROLES, s.role),
  };
}
export type ListSearch = ReturnType<typeof listSearch>;

export function userSearch(s: Search) {
  return { tab: oneOf(USER_TABS, s.tab) };
}

export type ScopeKind = "plan" | "system" | "project" | "unit";
export interface ScopePart {
  kind: ScopeKind;
  code: string;
  /** The name, or null when only the code is known. */
  name: { vi: string; en: string | null } | null;
}

/**
 * A grant's scope from the narrowest kind out: a system or project is named with its plan after
 * it; codes come from the grant itself when the names are missing (an entity removed since).
 */
export function scopeParts(grant: Grant, scope: GrantScope | undefined): ScopePart[] {
  const parts: ScopePart[] = [];
  const add = (kind: ScopeKind, code: string | null, named: GrantScope["plan"] | undefined) => {
    if (named) parts.push({ kind, code: named.code, name: named.name });
    else if (code) parts.push({ kind, code, name: null });
  };
  add("unit", grant.unit, scope?.unit);
  add("project", grant.project, scope?.project);
  add("system", grant.system, scope?.system);
  add("plan", grant.plan, scope?.plan);
  return parts;
}

/** The roles the caller may grant, and those refused with their reason, each in role order. */
export function splitGrantable(list: readonly Grantable[]): { offered: Grantable[]; refused: Grantable[] } {
  const sorted = [...list].sort((a, b) => roleOrder[a.role] - roleOrder[b.role]);
  return { offered: sorted.filter((g) => g.allowed), refused: sorted.filter((g) => !g.allowed) };
}

export interface ScopePicks {
  plan?: string | null;
  system?: string | null;
  project?: string | null;
  unit?: string | null;
}

/** Which pickers a role's scope needs. */
export function pickersFor(scope: Grantable["scope"]): ScopeKind[] {
  switch (scope) {
    case "global":
      return [];
    case "plan":
      return ["plan"];
    case "system":
      return ["plan", "system"];
    case "project":
      return ["plan", "project"];
    case "unit":
      return ["unit"];
  }
}

/**
 * The request granting the role with the picks its scope needs, or the first picker still empty.
 * A plan must be one the API offered for this role; picks the scope does not use are left out.
 */
export function grantRequest(
  offer: Grantable,
  picks: ScopePicks,
): { body: GrantBody } | { missing: ScopeKind } {
  const body: GrantBody = { role: offer.role };
  for (const kind of pickersFor(offer.scope)) {
    const v = picks[kind]?.trim();
    if (!v) return { missing: kind };
    if (kind === "plan" && !offer.plans.some((p) => p.code === v)) return { missing: "plan" };
    body[kind] = v;
  }
  return { body };
}

/** What a refused request says: the server's message, and its detail's when it names a reason. */
export function refusalText(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  const detail = error.details.find(
    (d): d is { message: string } =>
      typeof d === "object" && d !== null && typeof (d as { message?: unknown }).message === "string",
  );
  return detail ? `${error.message} ${detail.message}` : error.message;
}

/** Lower case without tone marks, breve, circumflex or horn, đ as d (the API folds its search alike). */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}
