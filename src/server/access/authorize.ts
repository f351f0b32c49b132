/**
 * The one way to authorize: `authorize(principal, action, subject)` before a state change, and
 * `allows(...)` where a decision is needed without a refusal (a row of an import, a `can` flag).
 * Each action names its resource ("observation.submit") and the facts its rule reads (the subject,
 * gathered by that resource's context loader); the rule is the resource's policy function, so a
 * command and the `can` flags the client sees can never disagree.
 */
import { AppError } from "../core/errors.js";
import { canManageApiTokens } from "./policies/api-tokens.js";
import { canReadAudit, canVerifyAudit } from "./policies/audit.js";
import {
  canAdministerIndicator,
  canReadIndicator,
  canSetIndicatorTarget,
  type IndicatorContext,
} from "./policies/indicators.js";
import {
  type CellContext,
  canDeleteValue,
  canFillUnitTemplate,
  canImportValues,
  canReadUnitEntry,
  canReadValue,
  canReviewValue,
  canSubmitValue,
  canWriteValue,
  tokenMayReadBeyondOwnValues,
  type UnitEntrySubject,
  type ValueContext,
} from "./policies/observations.js";
import { canAdministerOrgUnits } from "./policies/org-units.js";
import { canAdministerPlan, canCreatePlan, canRetirePlan } from "./policies/plans.js";
import { canReadDataQuality, type DataQualitySubject } from "./policies/quality.js";
import { mayReadReportedLayer } from "./policies/rollups.js";
import { canDisableSecondFactor } from "./policies/second-factor.js";
import { canEditUnitProfile, canReadUnitProfile } from "./policies/unit-profiles.js";
import {
  canDisableUser,
  canGrantRole,
  canManageUsers,
  canSeeUsers,
  type GrantTarget,
} from "./policies/users.js";
import type { Principal } from "./roles.js";

/** No subject: the action is on the instance as a whole (creating a plan, reading the audit trail). */
type Global = null;
type PlanRef = { planId: string };
type UnitRef = { unitId: string };
type UserRef = { userId: string };

/** Every action, with the subject its rule reads. */
export interface ActionSubjects {
  "observation.read": ValueContext;
  "observation.write": CellContext;
  "observation.submit": ValueContext;
  "observation.recall": ValueContext;
  "observation.approve": ValueContext;
  "observation.return": ValueContext;
  "observation.revise": ValueContext;
  "observation.delete": ValueContext;
  "observation.import": Global;
  "observation.template": UnitRef;
  /** A unit's entry sheet for a plan (its cells, values and their actions for a period). */
  "observation.readEntry": UnitEntrySubject;
  /** Reads beyond a token's own values: exports, series, data quality. */
  "observation.readBeyondOwn": Global;
  "rollup.readReported": Global;
  "dataQuality.read": DataQualitySubject;
  "indicator.read": { code: string; published: boolean };
  "indicator.edit": IndicatorContext;
  "indicator.retire": IndicatorContext;
  "indicator.setTarget": Pick<IndicatorContext, "planIds">;
  "plan.create": Global;
  "plan.administer": PlanRef;
  "plan.retire": PlanRef;
  "orgUnit.create": Global;
  "orgUnit.edit": Global;
  "orgUnit.retire": Global;
  "unitProfile.read": UnitRef;
  "unitProfile.edit": UnitRef;
  "user.list": Global;
  "user.create": Global;
  "user.edit": UserRef;
  "user.disable": UserRef;
  "user.grant": GrantTarget;
  "audit.read": Global;
  "audit.verify": Global;
  "apiToken.manage": Global;
  "secondFactor.disable": { requiredForAdmins: boolean };
}

export type Action = keyof ActionSubjects;
export type ObservationAction = Extract<Action, `observation.${string}`>;
export type IndicatorAction = Extract<Action, `indicator.${string}`>;
export type PlanAction = Extract<Action, `plan.${string}`>;
export type OrgUnitAction = Extract<Action, `orgUnit.${string}`>;
export type UnitProfileAction = Extract<Action, `unitProfile.${string}`>;
export type UserAction = Extract<Action, `user.${string}`>;

const rules: { [A in Action]: (p: Principal, s: ActionSubjects[A]) => boolean } = {
  "observation.read": canReadValue,
  "observation.write": canWriteValue,
  "observation.submit": canSubmitValue,
  "observation.recall": canSubmitValue,
  "observation.approve": canReviewValue,
  "observation.return": canReviewValue,
  "observation.revise": canReviewValue,
  "observation.delete": canDeleteValue,
  "observation.import": (p) => canImportValues(p),
  "observation.template": (p, s) => canFillUnitTemplate(p, s.unitId),
  "observation.readEntry": canReadUnitEntry,
  "observation.readBeyondOwn": (p) => tokenMayReadBeyondOwnValues(p),
  "rollup.readReported": (p) => mayReadReportedLayer(p),
  "dataQuality.read": canReadDataQuality,
  "indicator.read": canReadIndicator,
  "indicator.edit": canAdministerIndicator,
  "indicator.retire": canAdministerIndicator,
  "indicator.setTarget": canSetIndicatorTarget,
  "plan.create": (p) => canCreatePlan(p),
  "plan.administer": (p, s) => canAdministerPlan(p, s.planId),
  "plan.retire": (p) => canRetirePlan(p),
  "orgUnit.create": (p) => canAdministerOrgUnits(p),
  "orgUnit.edit": (p) => canAdministerOrgUnits(p),
  "orgUnit.retire": (p) => canAdministerOrgUnits(p),
  "unitProfile.read": (p, s) => canReadUnitProfile(p, s.unitId),
  "unitProfile.edit": (p, s) => canEditUnitProfile(p, s.unitId),
  "user.list": (p) => canSeeUsers(p),
  "user.create": (p) => canManageUsers(p),
  "user.edit": (p) => canManageUsers(p),
  "user.disable": (p, s) => canDisableUser(p, s.userId),
  "user.grant": canGrantRole,
  "audit.read": (p) => canReadAudit(p),
  "audit.verify": (p) => canVerifyAudit(p),
  "apiToken.manage": (p) => canManageApiTokens(p),
  "secondFactor.disable": (p, s) => canDisableSecondFactor(p, s.requiredForAdmins),
};

/** Whether the principal may take the action on the subject. */
export function allows<A extends Action>(p: Principal, action: A, subject: ActionSubjects[A]): boolean {
  // An administrator who must first enrol a second factor may do nothing else (route-access.ts).
  if (p.kind === "user" && p.mustEnrolTotp) return false;
  return rules[action](p, subject);
}

/**
 * Refuses the action unless the principal may take it: 403 FORBIDDEN, or the refusal the caller
 * names when it can say more (NOT_CELL_REPORTER naming the unit that reports a cell, VALUE_LOCKED).
 */
export function authorize<A extends Action>(
  p: Principal,
  action: A,
  subject: ActionSubjects[A],
  refusal: () => AppError = () => new AppError("FORBIDDEN"),
): void {
  if (!allows(p, action, subject)) throw refusal();
}
