/**
 * Retiring plan structure. Initiatives are "flexible: reviewed, added, adjusted" (plan footnote 3):
 * a retired system, initiative or project stays readable with its history and is marked retired, never
 * deleted. A plan is retired by an administrator; its systems, initiatives and projects by its
 * Standing Office.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { initiatives, plans, projects, systems } from "../../../db/schema/index.js";
import { authorize, type Principal } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { notFound } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { invalidateDefinitionHash } from "../../indicators/index.js";
import { getPlanByCode } from "../queries.js";
import { requirePlanAdmin } from "./plan-admin.js";

export async function retirePlan(
  db: Db,
  principal: Principal,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  const plan = await getPlanByCode(db, code);
  authorize(principal, "plan.retire", { planId: plan.id });
  await inTransaction(db, async (tx) => {
    const rows = await tx
      .update(plans)
      .set({ status: "retired", retiredAt: new Date(), updatedAt: new Date() })
      .where(eq(plans.code, plan.code))
      .returning({ id: plans.id });
    if (rows.length === 0) throw notFound("plan", code);
    await audit(tx, ctx, { action: "plan.retire", entityType: "plan", entityId: plan.code });
  });
}

export async function retireSystem(
  db: Db,
  principal: Principal,
  planCode: string,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  const plan = await getPlanByCode(db, planCode);
  requirePlanAdmin(principal, plan.id);
  await inTransaction(db, async (tx) => {
    const rows = await tx
      .update(systems)
      .set({ retiredAt: new Date(), updatedAt: new Date() })
      .where(and(eq(systems.planId, plan.id), eq(systems.code, code)))
      .returning({ id: systems.id });
    if (rows.length === 0) throw notFound("system", code);
    await invalidateDefinitionHash(tx, [plan.id]);
    await audit(tx, ctx, { action: "system.retire", entityType: "system", entityId: `${planCode}/${code}` });
  });
}

export async function retireInitiative(
  db: Db,
  principal: Principal,
  planCode: string,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  const plan = await getPlanByCode(db, planCode);
  requirePlanAdmin(principal, plan.id);
  await inTransaction(db, async (tx) => {
    const rows = await tx
      .update(initiatives)
      .set({ retiredAt: new Date(), updatedAt: new Date() })
      .where(and(eq(initiatives.planId, plan.id), eq(initiatives.code, code)))
      .returning({ id: initiatives.id });
    if (rows.length === 0) throw notFound("initiative", code);
    await invalidateDefinitionHash(tx, [plan.id]);
    await audit(tx, ctx, {
      action: "initiative.retire",
      entityType: "initiative",
      entityId: `${planCode}/${code}`,
    });
  });
}

export async function retireProject(
  db: Db,
  principal: Principal,
  planCode: string,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  const plan = await getPlanByCode(db, planCode);
  requirePlanAdmin(principal, plan.id);
  await inTransaction(db, async (tx) => {
    const rows = await tx
      .update(projects)
      .set({ retiredAt: new Date(), updatedAt: new Date() })
      .where(and(eq(projects.planId, plan.id), eq(projects.code, code)))
      .returning({ id: projects.id });
    if (rows.length === 0) throw notFound("project", code);
    await invalidateDefinitionHash(tx, [plan.id]);
    await audit(tx, ctx, {
      action: "project.retire",
      entityType: "project",
      entityId: `${planCode}/${code}`,
    });
  });
}
