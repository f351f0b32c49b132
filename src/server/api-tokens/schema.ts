/** Request and response shapes of API tokens. */
import { z } from "zod";

export const tokenActions = ["indicators:read", "observations:read", "observations:write"] as const;
export const tokenStatuses = ["active", "expired", "revoked"] as const;

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().describe("The secret's first characters (`cn_<prefix>_…`), to tell tokens apart"),
  unit: z.string(),
  indicators: z.union([z.literal("*"), z.array(z.string())]),
  actions: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z
    .object({ id: z.string(), username: z.string(), displayName: z.string() })
    .nullable()
    .describe("The administrator who issued it (null when the account is unknown)"),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable().describe("Updated at most once a minute"),
  revoked: z.boolean(),
  revokedAt: z.string().nullable(),
  status: z.enum(tokenStatuses).describe("revoked wins over expired"),
  can: z.object({ revoke: z.boolean().describe("DELETE /api-tokens/:id") }),
});
export type TokenView = z.output<typeof tokenView>;

export const issuedToken = tokenView.extend({ token: z.string() });
export const currentToken = tokenView.omit({
  revoked: true,
  revokedAt: true,
  status: true,
  createdAt: true,
  createdBy: true,
  lastUsedAt: true,
  can: true,
});

export const issueBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  unit: z.string().max(64),
  indicators: z.union([z.literal("*"), z.array(z.string().max(64)).min(1).max(1000)]),
  actions: z.array(z.enum(tokenActions)).min(1),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type IssueInput = z.output<typeof issueBody>;
