/** Request and response shapes of account administration. */

import { z } from "zod";
import { userCan } from "../../contracts/can.js";
import { localized } from "../../contracts/common.js";
import { pageQuery } from "../../contracts/pagination.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { grantRefusals, roles } from "../access/index.js";
import { grantSchema } from "../auth/index.js";

export const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unit: z.string().nullable(),
  status: z.enum(["active", "disabled"]),
  roles: z.array(grantSchema),
  lastLoginAt: z.string().nullable(),
  demo: z.boolean(),
});

/** An account in the list: with what the caller may do with it (the same flags as its own read). */
export const userListItem = user.extend({ can: userCan });

export const namedRef = z.object({ code: z.string(), name: localized });
export type NamedRef = z.output<typeof namedRef>;

/** A grant's scope in words, beside the codes of `roles`. */
export const grantScope = z.object({
  grant: z.string().describe("The grant's id (as in `roles`)"),
  plan: namedRef.nullable(),
  system: namedRef.nullable(),
  project: namedRef.nullable(),
  unit: namedRef.nullable().describe("The unit; the grant covers the units below it too"),
  grantedAt: z.string(),
});
export type GrantScope = z.output<typeof grantScope>;

export const grantable = z.object({
  role: z.enum(roles),
  scope: z.enum(["global", "plan", "system", "project", "unit"]),
  allowed: z.boolean().describe("Whether POST /users/:id/roles with this role can succeed for you"),
  plans: z
    .array(namedRef)
    .describe(
      "For plan, system and project scopes: the plans you may grant it in (each plan's systems and projects)",
    ),
  reason: z
    .enum([...grantRefusals, "not_allowed"])
    .nullable()
    .describe(
      "Why not: own_roles (nobody changes their own roles), admin_only_role (administrator and Standing Office roles are granted by administrators), unit_role_admin_only (unit roles are granted by administrators), outside_your_plans, not_a_person, not_allowed",
    ),
});
export type Grantable = z.output<typeof grantable>;

/**
 * One account as read by itself: with what the caller may do with it, the scopes of its grants in
 * words, and the roles the caller may grant it (or why not).
 */
export const userRead = user.extend({
  can: userCan,
  scopes: z.array(grantScope),
  grantable: z.array(grantable),
});
export type UserView = z.output<typeof user>;

export const idParams = z.object({ id: z.uuid() });

export const userListQuery = pageQuery.extend({
  q: z
    .string()
    .max(100)
    .optional()
    .describe(
      "Words in the username, display name or e-mail; accents and case are ignored ('ha noi' finds 'Hà Nội')",
    ),
  status: z.enum(["active", "disabled"]).optional(),
  role: z.enum(roles).optional().describe("Only accounts holding this role"),
});

export const createBody = z.strictObject({
  username: z.string().min(3).max(64),
  displayName: z.string().min(1).max(200),
  email: z.email().max(TEXT_LIMITS.email).optional(),
  unit: z.string().max(64).optional(),
  password: z.string().min(1).max(1024).optional(),
});

export const passwordLink = z.object({ url: z.string(), expiresAt: z.string() });

export const patchBody = z.strictObject({
  displayName: z.string().min(1).max(200).optional(),
  email: z.email().max(TEXT_LIMITS.email).nullable().optional(),
  unit: z.string().max(64).nullable().optional(),
  status: z.enum(["active", "disabled"]).optional(),
});
export type UserPatch = z.output<typeof patchBody>;

export const grantBody = z.strictObject({
  role: z.enum(roles),
  plan: z.string().max(64).optional(),
  system: z.string().max(64).optional(),
  project: z.string().max(64).optional(),
  unit: z.string().max(64).optional(),
});

export const sessionView = z.object({
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
