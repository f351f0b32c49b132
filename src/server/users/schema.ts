/** Request and response shapes of account administration. */

import { z } from "zod";
import { userCan } from "../../contracts/can.js";
import { pageQuery } from "../../contracts/pagination.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { roles } from "../access/index.js";
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

/** One account as read by itself: with what the caller may do with it. */
export const userRead = user.extend({ can: userCan });
export type UserView = z.output<typeof user>;

export const idParams = z.object({ id: z.uuid() });

export const userListQuery = pageQuery.extend({ q: z.string().max(100).optional() });

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
