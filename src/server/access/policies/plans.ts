/** Plan structure: public to read; administered by the Standing Office of that plan and administrators. */
import { isAdmin, type Principal } from "../roles.js";

export function canCreatePlan(p: Principal): boolean {
  return isAdmin(p);
}

/** Retiring a whole plan (kept, read-only): administrators only, like creating one. */
export function canRetirePlan(p: Principal): boolean {
  return isAdmin(p);
}

export function canAdministerPlan(p: Principal, planId: string): boolean {
  return (
    isAdmin(p) ||
    (p.kind === "user" && p.grants.some((g) => g.role === "standing_office" && g.planId === planId))
  );
}
