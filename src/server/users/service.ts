/** Account administration: create, disable/enable, grant/revoke roles, reset links. All audited. */
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "../../db/client.js";
import { orgUnits, plans, projects, roleAssignments, systems, users } from "../../db/schema/index.js";
import { authorize, type Principal, type Role, roleScope } from "../access/index.js";
import {
  enforcePolicy,
  hashPassword,
  issueOneTimeToken,
  revokeUserSessions,
  usernamePattern,
} from "../auth/index.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { AppError, notFound } from "../core/errors.js";

export interface NewUser {
  username: string;
  displayName: string;
  email?: string;
  unit?: string;
  password?: string;
}

async function unitIdOf(db: Db, code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const [u] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  if (!u) throw notFound("org_unit", code);
  return u.id;
}

export async function createUser(db: Db, input: NewUser, ctx: ChangeContext): Promise<string> {
  const username = input.username.trim().toLowerCase();
  if (!usernamePattern.test(username))
    throw new AppError("VALIDATION_FAILED", {
      summary: "username: 3–64 lowercase letters, digits, '.', '_' or '-'",
    });
  if (input.password) enforcePolicy(input.password, username);
  const unitId = await unitIdOf(db, input.unit);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = ${username}`);
    if (dup) throw new AppError("DUPLICATE_CODE", { code: username, entity: "user" });
    const [row] = await tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName,
        email: input.email ?? null,
        unitId,
        passwordHash,
        passwordChangedAt: passwordHash ? new Date() : null,
      })
      .returning({ id: users.id });
    if (!row) throw new AppError("INTERNAL");
    await audit(tx, ctx, {
      action: "user.create",
      entityType: "user",
      entityId: row.id,
      after: {
        username,
        displayName: input.displayName,
        email: input.email ?? null,
        unit: input.unit ?? null,
      },
    });
    return row.id;
  });
}

export async function setUserStatus(
  db: Db,
  userId: string,
  status: "active" | "disabled",
  ctx: ChangeContext,
): Promise<void> {
  if (status === "disabled" && ctx.actorUserId === userId) throw new AppError("FORBIDDEN");
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user", userId);
    if (user.status === status) return;
    await tx.update(users).set({ status, updatedAt: new Date() }).where(eq(users.id, userId));
    const ended = status === "disabled" ? await revokeUserSessions(tx, userId) : 0;
    await audit(tx, ctx, {
      action: status === "disabled" ? "user.disable" : "user.enable",
      entityType: "user",
      entityId: userId,
      before: { status: user.status },
      after: { status, sessionsEnded: ended },
    });
  });
}

export async function updateUserProfile(
  db: Db,
  userId: string,
  patch: { displayName?: string; email?: string | null; unit?: string | null },
  ctx: ChangeContext,
): Promise<void> {
  const unitId =
    patch.unit === undefined ? undefined : patch.unit === null ? null : await unitIdOf(db, patch.unit);
  await db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user) throw notFound("user", userId);
    const next = {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.email !== undefined ? { email: patch.email } : {}),
      ...(unitId !== undefined ? { unitId } : {}),
    };
    await tx
      .update(users)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await audit(tx, ctx, {
      action: "user.update",
      entityType: "user",
      entityId: userId,
      before: { displayName: user.displayName, email: user.email, unitId: user.unitId },
      after: next,
    });
  });
}

export interface GrantInput {
  role: Role;
  plan?: string;
  system?: string;
  project?: string;
  unit?: string;
}

/** Resolves a grant's scope by codes and checks that it fits the role. */
export async function resolveScope(db: Db, g: GrantInput) {
  const scope = roleScope[g.role];
  const need = (what: string) =>
    new AppError("VALIDATION_FAILED", { summary: `${g.role} needs a ${what} scope` });
  let planId: string | null = null;
  let systemId: string | null = null;
  let projectId: string | null = null;
  let unitId: string | null = null;
  if (g.plan) {
    const [p] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, g.plan));
    if (!p) throw notFound("plan", g.plan);
    planId = p.id;
  }
  if (scope === "plan" && !planId) throw need("plan");
  if (scope === "system") {
    if (!planId || !g.system) throw need("plan and system");
    const [s] = await db
      .select({ id: systems.id })
      .from(systems)
      .where(and(eq(systems.planId, planId), eq(systems.code, g.system)));
    if (!s) throw notFound("system", g.system);
    systemId = s.id;
  }
  if (scope === "project") {
    if (!planId || !g.project) throw need("plan and project");
    const [p] = await db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.planId, planId), eq(projects.code, g.project)));
    if (!p) throw notFound("project", g.project);
    projectId = p.id;
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
  // Unit-scoped roles belong to no plan: only administrators grant them (policies/users.ts).
  authorize(principal, "user.grant", { userId, role: g.role, planId: scope.planId });
  return db.transaction(async (tx) => {
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
  const [grant] = await db
    .select()
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.id, grantId),
        eq(roleAssignments.userId, userId),
        isNull(roleAssignments.revokedAt),
      ),
    );
  if (!grant) throw notFound("role_grant", grantId);
  let planId = grant.planId;
  if (!planId && grant.systemId)
    planId =
      (await db.select({ p: systems.planId }).from(systems).where(eq(systems.id, grant.systemId)))[0]?.p ??
      null;
  authorize(principal, "user.grant", { userId, role: grant.role as Role, planId });
  await db.transaction(async (tx) => {
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

export async function issuePasswordReset(
  db: Db,
  userId: string,
  ctx: ChangeContext,
): Promise<{ token: string; expiresAt: Date }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, status: users.status })
      .from(users)
      .where(eq(users.id, userId));
    if (!user) throw notFound("user", userId);
    const link = await issueOneTimeToken(tx, "password_reset", {
      userId,
      createdBy: ctx.actorUserId ?? undefined,
      ttlHours: 24,
    });
    await audit(tx, ctx, {
      action: "user.password_reset_link",
      entityType: "user",
      entityId: userId,
      after: { expiresAt: link.expiresAt.toISOString() },
    });
    return link;
  });
}
