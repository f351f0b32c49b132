/** Request and response shapes of API tokens. */
import { z } from "zod";

export const tokenActions = ["indicators:read", "observations:read", "observations:write"] as const;

export const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  unit: z.string(),
  indicators: z.union([z.literal("*"), z.array(z.string())]),
  actions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});
export type TokenView = z.output<typeof tokenView>;

export const issuedToken = tokenView.extend({ token: z.string() });
export const currentToken = tokenView.omit({ revoked: true, createdAt: true, lastUsedAt: true });

export const issueBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  unit: z.string().max(64),
  indicators: z.union([z.literal("*"), z.array(z.string().max(64)).min(1).max(1000)]),
  actions: z.array(z.enum(tokenActions)).min(1),
  expiresInDays: z.number().int().min(1).max(366).default(90),
});
export type IssueInput = z.output<typeof issueBody>;
