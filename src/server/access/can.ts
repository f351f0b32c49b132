/**
 * The `can` flags presented with resources (src/contracts/can.ts): each is `allows(...)` of the
 * action the matching request authorizes, and, where the command also refuses by state (409), the
 * same domain state rule the command applies. Nothing here is a rule of its own.
 */
import type {
  IndicatorCan,
  OrgUnitCan,
  PlanCan,
  SessionCan,
  UnitProfileCan,
  UserCan,
  ValueCan,
} from "../../contracts/can.js";
import { lockedForUnit, revisable, transitionAllowed } from "../../domain/value-rules.js";
import { allows } from "./authorize.js";
import type { IndicatorContext } from "./policies/indicators.js";
import type { ValueContext } from "./policies/observations.js";
import { reviewsSomeValues } from "./policies/observations.js";
import { type Principal, roles } from "./roles.js";

export function sessionCan(p: Principal): SessionCan {
  // The plans of the caller's own grants, and one that is nobody's: an administrator administers
  // every plan, so a plan no grant names stands for "any plan" without listing them.
  const planIds =
    p.kind === "user" ? [...new Set(p.grants.flatMap((g) => (g.planId ? [g.planId] : [])))] : [];
  return {
    createPlan: allows(p, "plan.create", null),
    administerPlans: [...planIds, "(any plan)"].some((planId) => allows(p, "plan.administer", { planId })),
    manageUsers: allows(p, "user.create", null),
    readUsers: allows(p, "user.list", null),
    administerOrgUnits: allows(p, "orgUnit.create", null),
    readAudit: allows(p, "audit.read", null),
    verifyAudit: allows(p, "audit.verify", null),
    manageApiTokens: allows(p, "apiToken.manage", null),
    importValues: allows(p, "observation.import", null),
    readReportedValues: allows(p, "rollup.readReported", null),
    reviewValues: reviewsSomeValues(p),
  };
}

/** For a value's current version: its state decides as the commands' state checks do. */
export function valueCan(p: Principal, v: ValueContext): ValueCan {
  const move = (a: "submit" | "recall" | "approve" | "return") =>
    allows(p, `observation.${a}`, v) && transitionAllowed(a, v.status);
  return {
    write: allows(p, "observation.write", v) && !lockedForUnit(v.status),
    submit: move("submit"),
    recall: move("recall"),
    approve: move("approve"),
    return: move("return"),
    revise: allows(p, "observation.revise", v) && revisable(v.status),
    delete: allows(p, "observation.delete", v),
  };
}

export function indicatorCan(p: Principal, i: IndicatorContext): IndicatorCan {
  return {
    edit: allows(p, "indicator.edit", i),
    retire: allows(p, "indicator.retire", i),
    setTarget: allows(p, "indicator.setTarget", i),
  };
}

export function orgUnitCan(p: Principal): OrgUnitCan {
  return { edit: allows(p, "orgUnit.edit", null), retire: allows(p, "orgUnit.retire", null) };
}

export function planCan(p: Principal, planId: string): PlanCan {
  return {
    administer: allows(p, "plan.administer", { planId }),
    retire: allows(p, "plan.retire", { planId }),
  };
}

export function userCan(p: Principal, userId: string): UserCan {
  // Some grant is the caller's to make: any role, with no plan or one of the caller's own plans.
  const planIds = p.kind === "user" ? [null, ...new Set(p.grants.map((g) => g.planId))] : [];
  return {
    edit: allows(p, "user.edit", { userId }),
    grant: roles.some((role) => planIds.some((planId) => allows(p, "user.grant", { userId, role, planId }))),
    disable: allows(p, "user.disable", { userId }),
  };
}

export function unitProfileCan(p: Principal, unitId: string): UnitProfileCan {
  return { edit: allows(p, "unitProfile.edit", { unitId }) };
}
