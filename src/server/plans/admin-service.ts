/**
 * Retiring plan structure. Initiatives are "flexible: reviewed, added, adjusted" (plan footnote 3):
 * a retired system or initiative stays readable with its history and is marked retired, never deleted.
 * Creating and changing them goes through plan import (a definition file) for now.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { initiatives, plans, systems } from "../../db/schema/index.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { notFound } from "../core/errors.js";
import { invalidateDefinitionHash } from "../indicators/index.js";
import { getPlanByCode } from "./queries.js";

export async function retirePlan(db: Db, code: string, ctx: ChangeContext): Promise<void> {
  await db.transaction(async (tx) => {
    const rows = await tx
      .update(plans)
      .set({ status: "retired", retiredAt: new Date(), updatedAt: new Date() })
      .where(eq(plans.code, code))
      .returning({ id: plans.id });
    if (rows.length === 0) throw notFound("plan", code);
    await audit(tx, ctx, { action: "plan.retire", entityType: "plan", entityId: code });
  });
}

export async function retireSystem(
  db: Db,
  planCode: string,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  const plan = await getPlanByCode(db, planCode);
  await db.transaction(async (tx) => {
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
  planCode: string,
  code: string,
  ctx: ChangeContext,
): Promise<void> {
  const plan = await getPlanByCode(db, planCode);
  await db.transaction(async (tx) => {
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
