/**
 * Indicator definitions and targets changed over HTTP: by the Standing Office of the plan that
 * owns the indicator (definitions) or of the plan the target belongs to. The writes themselves are
 * the indicators module's versioned commands.
 */
import type { Db } from "../../../db/client.js";
import { authorize, type Principal } from "../../access/index.js";
import type { ChangeContext } from "../../core/change-context.js";
import { retireIndicator, setTarget, updateIndicator } from "../../indicators/index.js";
import { getPlanByCode } from "../queries.js";
import { requireIndicatorAdmin } from "./plan-admin.js";

export async function changeIndicatorDefinition(
  db: Db,
  principal: Principal,
  code: string,
  patch: unknown,
  ctx: ChangeContext,
): Promise<number> {
  await requireIndicatorAdmin(db, principal, code, "indicator.edit");
  return updateIndicator(db, code, patch, ctx);
}

export async function retireOwnedIndicator(
  db: Db,
  principal: Principal,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  await requireIndicatorAdmin(db, principal, code, "indicator.retire");
  await retireIndicator(db, code, ctx);
}

/** Sets a target for a year, nationally or (with `orgUnit`) as one unit's own target. */
export async function setPlanTarget(
  db: Db,
  principal: Principal,
  input: { plan: string; indicator: string; orgUnit?: string | undefined; target: unknown },
  ctx: ChangeContext,
): Promise<{ version: number }> {
  const plan = await getPlanByCode(db, input.plan);
  // The indicator's target in this plan (setTarget refuses an indicator the plan does not track).
  authorize(principal, "indicator.setTarget", { planIds: [plan.id] });
  return setTarget(
    db,
    { indicator: input.indicator, plan: plan.code, orgUnit: input.orgUnit, target: input.target },
    ctx,
  );
}
