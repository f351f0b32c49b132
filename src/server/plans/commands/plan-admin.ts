/** Who administers what in a plan: the checks plan commands run before they write. */
import type { Executor } from "../../../db/client.js";
import { canAdministerPlan, type Principal } from "../../access/index.js";
import { AppError, notFound } from "../../core/errors.js";
import { indicatorOwnerPlanIds } from "../queries.js";

export function requirePlanAdmin(p: Principal, planId: string): void {
  if (!canAdministerPlan(p, planId)) throw new AppError("FORBIDDEN");
}

/** Indicators are administered by the Standing Office of the plan that owns (defined) them. */
export async function requireIndicatorAdmin(db: Executor, p: Principal, code: string): Promise<void> {
  const planIds = await indicatorOwnerPlanIds(db, code);
  if (planIds.length === 0) throw notFound("indicator", code);
  if (!planIds.some((id) => canAdministerPlan(p, id))) throw new AppError("FORBIDDEN");
}
