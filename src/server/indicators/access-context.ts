/**
 * The one loader of what the indicator policies read (access/policies/indicators.ts): the plans
 * that own (defined) the indicator, which administer its definition, and every plan tracking it,
 * each of which sets its own targets for it.
 */
import type { Executor } from "../../db/client.js";
import type { IndicatorContext } from "../access/index.js";
import { indicatorPlanLinks } from "./queries.js";

export async function loadIndicatorContext(db: Executor, code: string): Promise<IndicatorContext> {
  const links = await indicatorPlanLinks(db, code);
  return {
    ownerPlanIds: links.filter((l) => l.owner).map((l) => l.planId),
    planIds: links.map((l) => l.planId),
  };
}
