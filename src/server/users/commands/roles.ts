/**
 * Granting and revoking roles. A grant's scope (plan, system, project or unit) is given by codes
 * and must fit the role; who may grant what is the access policy's `canGrantRole` (action `user.grant`).
 */
import { eq } from "drizzle-orm";
import type { Db, Executor } from "../../../db/client.js";
import { roleAssignments, users } from "../../../db/schema/index.js";
import { authorize, grantRefusal, type Principal, type Role, roleScope } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError, notFound } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { grantRefused } from "../grant-refusals.js";
import {
  activeGrant,
  planIdByCode,
  planOfSystem,
  projectIdByCode,
  systemIdByCode,
  unitIdOf,
} from "../queries.js";

export interface GrantInput {
  role: Role;
  plan?: string | undefined;
  system?: string | undefined;
  project?: string | undefined;
  unit?: string | undefined;
}

/** Resolves a grant's scope by codes and checks that it fits the role. */
export async function resolveScope(db: Executor, g: GrantInput) {
  const scope = roleScope[g.role];
  const need = (what: string) =>
    new AppError("VALIDATION_FAILED", { summary: `${g.role} needs a ${what} scope` });
  let planId: string | null = null;
  let systemId: string | null = null;
  let projectId: string | null = null;
  let unitId: string | null = null;
  if (g.plan) planId = await planIdByCode(db, g.plan);
  if (scope === "plan" && !planId) throw need("plan");
  if (scope === "system") {
    if (!planId || !g.system) throw need("plan and system");
    systemId = await systemIdByCode(db, planId, g.system);
  }
  if (scope === "project") {
    if (!planId || !g.project) throw need("plan and project");
    projectId = await projectIdByCode(db, planId, g.project);
  }
  if (scope === "unit") {
    if (!g.unit) throw need("unit");
    unitId = await unitIdOf(db, g.unit);
  }
  return { planId, systemId, projectId, unitId };
}

export async function grantRole(
  db: Db,
  principal: Principal,
  userId: string,
  g: GrantInput,
  ctx: ChangeContext,
): Promise<string> {
  const scope = await resolveScope(db, g);
  const target = { userId, role: g.role, planId: scope.planId };
  authorize(principal, "user.grant", target, () => grantRefused(grantRefusal(principal, target)));
  return inTransaction(db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user", userId);
    const [row] = await tx
      .insert(roleAssignments)
      .values({ userId, role: g.role, ...scope, grantedBy: ctx.actorUserId ?? null })
      .returning({ id: roleAssignments.id });
    if (!row) throw new AppError("INTERNAL");
    await audit(tx, ctx, {
      action: "role.grant",
      entityType: "user",
      entityId: userId,
      after: { grant: row.id, ...g },
    });
    return row.id;
  });
}

export async function revokeRole(
  db: Db,
  principal: Principal,
  userId: string,
  grantId: string,
  ctx: ChangeContext,
): Promise<void> {
  const grant = await activeGrant(db, userId, grantId);
  if (!grant) throw notFound("role_grant", grantId);
  let planId = grant.planId;
  if (!planId && grant.systemId) planId = await planOfSystem(db, grant.systemId);
  const target = { userId, role: grant.role as Role, planId };
  authorize(principal, "user.grant", target, () => grantRefused(grantRefusal(principal, target)));
  await inTransaction(db, async (tx) => {
    await tx
      .update(roleAssignments)
      .set({ revokedAt: new Date(), revokedBy: ctx.actorUserId ?? null })
      .where(eq(roleAssignments.id, grantId));
    await audit(tx, ctx, {
      action: "role.revoke",
      entityType: "user",
      entityId: userId,
      before: { grant: grantId, role: grant.role },
    });
  });
}
