/** Reads of accounts, their role grants and the scopes grants refer to. */
import { and, asc, count, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { plans, projects, roleAssignments, systems, users } from "../../db/schema/index.js";
import { notFound } from "../core/errors.js";
import type { SortKey } from "../core/http/pagination.js";
import { unitIdByCode } from "../org-units/index.js";
import { foldedPattern, foldedSql } from "./fold.js";

export type UserRow = typeof users.$inferSelect;
export type GrantRow = typeof roleAssignments.$inferSelect;

export interface UserFilter {
  /** Words in the username, display name or e-mail, accents and case ignored. */
  q?: string | undefined;
  status?: "active" | "disabled" | undefined;
  /** Only accounts holding this role (a grant in force). */
  role?: string | undefined;
}

/** Accounts by username matching the filter; one more row than `limit`. */
export async function listUsers(
  db: Executor,
  f: UserFilter,
  limit: number,
  after: SortKey | undefined,
): Promise<{ rows: UserRow[]; total: number }> {
  const like = f.q?.trim() ? foldedPattern(f.q) : undefined;
  const where = and(
    like
      ? or(
          sql`${foldedSql(users.username)} like ${like}`,
          sql`${foldedSql(users.displayName)} like ${like}`,
          sql`${foldedSql(sql`coalesce(${users.email}, '')`)} like ${like}`,
        )
      : undefined,
    f.status === "disabled"
      ? eq(users.status, "disabled")
      : f.status === "active"
        ? ne(users.status, "disabled")
        : undefined,
    f.role
      ? sql`exists (select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.role} = ${f.role} and ${roleAssignments.revokedAt} is null)`
      : undefined,
  );
  const rows = await db
    .select()
    .from(users)
    .where(and(where, after ? sql`${users.username} > ${after[0]}` : undefined))
    .orderBy(asc(users.username))
    .limit(limit + 1);
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export async function getUser(db: Executor, id: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw notFound("user", id);
  return row;
}

/** The account with this username, compared case-insensitively. */
export async function userIdByUsername(db: Executor, username: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = ${username}`);
  return row?.id;
}

/** The grants in force of some accounts. */
export async function activeGrantsOf(db: Executor, userIds: string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select()
    .from(roleAssignments)
    .where(and(inArray(roleAssignments.userId, userIds), isNull(roleAssignments.revokedAt)));
}

export async function activeGrant(
  db: Executor,
  userId: string,
  grantId: string,
): Promise<GrantRow | undefined> {
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
  return grant;
}

/** The id of the unit `code` (404 when unknown); none asked, none given. */
export async function unitIdOf(db: Executor, code: string | undefined): Promise<string | null> {
  if (!code) return null;
  const id = await unitIdByCode(db, code);
  if (!id) throw notFound("org_unit", code);
  return id;
}

export async function planIdByCode(db: Executor, code: string): Promise<string> {
  const [p] = await db.select({ id: plans.id }).from(plans).where(eq(plans.code, code));
  if (!p) throw notFound("plan", code);
  return p.id;
}

export async function systemIdByCode(db: Executor, planId: string, code: string): Promise<string> {
  const [s] = await db
    .select({ id: systems.id })
    .from(systems)
    .where(and(eq(systems.planId, planId), eq(systems.code, code)));
  if (!s) throw notFound("system", code);
  return s.id;
}

export async function projectIdByCode(db: Executor, planId: string, code: string): Promise<string> {
  const [p] = await db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.planId, planId), eq(projects.code, code)));
  if (!p) throw notFound("project", code);
  return p.id;
}

export async function planOfSystem(db: Executor, systemId: string): Promise<string | null> {
  const [row] = await db.select({ p: systems.planId }).from(systems).where(eq(systems.id, systemId));
  return row?.p ?? null;
}

/** Every plan, for the roles a caller may grant in each (few: one per national programme). */
export async function allPlans(db: Executor) {
  return db
    .select({ id: plans.id, code: plans.code, nameVi: plans.nameVi, nameEn: plans.nameEn })
    .from(plans)
    .where(isNull(plans.retiredAt))
    .orderBy(asc(plans.code));
}
