/**
 * Accounts and roles. Administrators manage accounts and grant any role. The Standing Office of a
 * plan may grant and revoke the plan's working roles within that plan, but never administrator or
 * Standing Office roles (no escalation); unit-scoped roles are granted by administrators only;
 * nobody changes their own roles.
 */
import { isAdmin, type Principal, type Role } from "../roles.js";

export function canManageUsers(p: Principal): boolean {
  return isAdmin(p);
}

const delegable: ReadonlySet<Role> = new Set([
  "steering_member",
  "advisory_council",
  "chief_engineer",
  "chief_architect",
  "unit_reporter",
  "unit_approver",
  "provincial_committee",
  "proposer",
]);

export interface GrantTarget {
  userId: string;
  role: Role;
  /** The plan the grant lives in (directly, or through its system or project); null for unit/global scopes. */
  planId: string | null;
}

/**
 * Why a grant is refused, one stable code per branch of the rule, so that the page offering
 * roles and the command refusing one say the same thing.
 */
export const grantRefusals = [
  "not_a_person",
  "own_roles",
  "admin_only_role",
  "unit_role_admin_only",
  "outside_your_plans",
] as const;
export type GrantRefusal = (typeof grantRefusals)[number];

/** The refusal of a grant (or revocation), or null when the principal may make it. */
export function grantRefusal(p: Principal, target: GrantTarget): GrantRefusal | null {
  if (p.kind !== "user") return "not_a_person";
  if (target.userId === p.userId) return "own_roles";
  if (isAdmin(p)) return null;
  if (!delegable.has(target.role)) return "admin_only_role";
  // Unit-scoped roles belong to no plan: granting them (to any unit) is an administrator's act.
  if (target.planId === null) return "unit_role_admin_only";
  return p.grants.some((g) => g.role === "standing_office" && g.planId === target.planId)
    ? null
    : "outside_your_plans";
}

export function canGrantRole(p: Principal, target: GrantTarget): boolean {
  return grantRefusal(p, target) === null;
}

/** Disabling an account: an administrator's act, never on their own account (no lock-out by mistake). */
export function canDisableUser(p: Principal, userId: string): boolean {
  return canManageUsers(p) && p.kind === "user" && p.userId !== userId;
}

export function canSeeUsers(p: Principal): boolean {
  return p.kind === "user" && p.grants.some((g) => g.role === "system_admin" || g.role === "standing_office");
}
