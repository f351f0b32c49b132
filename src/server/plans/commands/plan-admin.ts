/** Who administers what in a plan: the checks plan commands run before they write. */
import type { Executor } from "../../../db/client.js";
import { authorize, type Principal } from "../../access/index.js";
import { notFound } from "../../core/errors.js";
import { loadIndicatorContext } from "../../indicators/index.js";

export function requirePlanAdmin(p: Principal, planId: string): void {
  authorize(p, "plan.administer", { planId });
}

/** Indicators are administered by the Standing Office of the plan that owns (defined) them. */
export async function requireIndicatorAdmin(
  db: Executor,
  p: Principal,
  code: string,
  action: "indicator.edit" | "indicator.retire",
): Promise<void> {
  const indicator = await loadIndicatorContext(db, code);
  // Only the plan that defined the indicator administers it; plans that link it do not.
  if (indicator.ownerPlanIds.length === 0) throw notFound("indicator", code);
  authorize(p, action, indicator);
}
