/**
 * A plan's current definition as a YAML file, for those who administer the plan: the starting
 * point of an edit uploaded again at /admin/plan-file (POST /plans).
 */
import { Document } from "yaml";
import type { Executor } from "../../db/client.js";
import type { Principal } from "../access/index.js";
import { requirePlanAdmin } from "./commands/plan-admin.js";
import { planDefinitionRows } from "./definition-rows.js";
import { getPlanByCode } from "./queries.js";
import { currentPlanDefinition } from "./whole-definition.js";

export async function planDefinitionFile(
  db: Executor,
  principal: Principal,
  code: string,
  now = new Date(),
): Promise<{ yaml: string; filename: string }> {
  const plan = await getPlanByCode(db, code);
  requirePlanAdmin(principal, plan.id);
  const def = currentPlanDefinition(plan, await planDefinitionRows(db, plan));
  const doc = new Document(def);
  doc.commentBefore = [
    ` Kế hoạch ${plan.code}: định nghĩa hiện hành, xuất lúc ${now.toISOString()}.`,
    ` Plan ${plan.code}: its current definition, exported at ${now.toISOString()}.`,
    " Sửa rồi tải lên tại /admin/plan-file · Edit, then upload it at /admin/plan-file (docs/plan-definition.md).",
  ].join("\n");
  // No folding: a long name stays on one line, as people write it.
  return { yaml: doc.toString({ lineWidth: 0 }), filename: `${plan.code}.yaml` };
}
