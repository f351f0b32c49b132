/**
 * Indicators: published ones are public. Unpublished ones (e.g. proposed KPIs under review) are
 * read by people working on the plan, and by API tokens scoped to them; not by the public or by
 * outside proposers.
 */
import type { Principal } from "../roles.js";
import { canAdministerPlan } from "./plans.js";

/** The plans an indicator belongs to, as its rules see them (indicators/access-context.ts loads them). */
export interface IndicatorContext {
  /** The plan(s) that defined it: only they administer its definition. */
  ownerPlanIds: readonly string[];
  /** Every plan tracking it: each sets its own targets for it. */
  planIds: readonly string[];
}

export function canReadUnpublishedIndicators(p: Principal): boolean {
  return p.kind === "user" && p.grants.some((g) => g.role !== "proposer");
}

export function tokenCoversIndicator(p: Principal, code: string, action: string): boolean {
  return p.kind === "token" && p.actions.has(action) && (p.indicators === "*" || p.indicators.has(code));
}

export function canReadIndicator(p: Principal, indicator: { code: string; published: boolean }): boolean {
  return (
    indicator.published ||
    canReadUnpublishedIndicators(p) ||
    tokenCoversIndicator(p, indicator.code, "indicators:read")
  );
}

/** Changing or retiring an indicator's definition: the Standing Office of a plan that owns it, or an administrator. */
export function canAdministerIndicator(p: Principal, i: Pick<IndicatorContext, "ownerPlanIds">): boolean {
  return i.ownerPlanIds.some((planId) => canAdministerPlan(p, planId));
}

/** Setting an indicator's target in one of these plans (each plan sets targets for what it tracks). */
export function canSetIndicatorTarget(p: Principal, i: Pick<IndicatorContext, "planIds">): boolean {
  return i.planIds.some((planId) => canAdministerPlan(p, planId));
}
