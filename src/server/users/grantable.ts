/**
 * The roles the caller may grant to an account, computed with the very rule the grant command
 * applies (`allows(..., "user.grant")` and its `grantRefusal`): for each role, whether it is
 * offered, in which plans (plan, system and project scopes), and otherwise why not.
 */
import { loc } from "../../contracts/common.js";
import { allows, grantRefusal, type Principal, roleScope, roles } from "../access/index.js";
import type { Grantable } from "./schema.js";

interface PlanRef {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string | null;
}

/** A plan id no grant names: asks the rule about "a plan" when there are none. */
const NO_PLAN = "(no plan)";

export function grantableRoles(p: Principal, userId: string, plans: PlanRef[]): Grantable[] {
  return roles.map((role) => {
    const scope = roleScope[role];
    if (scope === "global" || scope === "unit") {
      const target = { userId, role, planId: null };
      const allowed = allows(p, "user.grant", target);
      return {
        role,
        scope,
        allowed,
        plans: [],
        reason: allowed ? null : (grantRefusal(p, target) ?? "not_allowed"),
      };
    }
    const open = plans.filter((pl) => allows(p, "user.grant", { userId, role, planId: pl.id }));
    const asked = { userId, role, planId: plans[0]?.id ?? NO_PLAN };
    return {
      role,
      scope,
      allowed: open.length > 0,
      plans: open.map((pl) => ({ code: pl.code, name: loc(pl.nameVi, pl.nameEn) })),
      reason: open.length > 0 ? null : (grantRefusal(p, asked) ?? "not_allowed"),
    };
  });
}
