/** Request and response shapes of sign-in, sessions and the signed-in user's own account. */
import { z } from "zod";
import { sessionCan } from "../../contracts/can.js";
import { roles } from "../access/index.js";

export const grantSchema = z.object({
  id: z.string(),
  role: z.enum(roles),
  plan: z.string().nullable(),
  system: z.string().nullable(),
  project: z.string().nullable(),
  unit: z.string().nullable(),
});

export const sessionBody = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    unit: z.string().nullable(),
    roles: z.array(grantSchema),
    totpEnabled: z.boolean(),
    mustEnrolTotp: z
      .boolean()
      .describe("An administrator who must enrol a second factor before anything else."),
  }),
  csrfToken: z
    .string()
    .describe("Send as x-csrf-token on every state-changing request made with the session cookie."),
  can: sessionCan,
});
export type SessionView = z.output<typeof sessionBody>;

export const signInBody = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
  totp: z.string().max(10).optional().describe("The 6-digit code, for accounts with a second factor."),
});
export type SignInInput = z.output<typeof signInBody>;

export const mySessions = z.object({
  items: z.array(
    z.object({
      current: z.boolean(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      expiresAt: z.string(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
  total: z.number(),
  nextCursor: z.null(),
});

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const totpCodeBody = z.strictObject({ code: z.string().max(10) });

export const setupBody = z.strictObject({
  token: z.string().min(10).max(200),
  username: z.string().min(3).max(64),
  displayName: z.string().min(1).max(200),
  password: z.string().min(1).max(1024),
});

export const resetBody = z.strictObject({
  token: z.string().min(10).max(200),
  password: z.string().min(1).max(1024),
});
