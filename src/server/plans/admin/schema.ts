/** Shapes shared by the plan administration routes. */
import { z } from "zod";
import { TEXT_LIMITS } from "../../../domain/text-limits.js";

export const tags = ["plan-administration"];
export const planAdmins = {
  signedIn: true as const,
  roles: ["system_admin" as const, "standing_office" as const],
};

export const reason = z
  .string()
  .trim()
  .min(3)
  .max(TEXT_LIMITS.reason)
  .describe("Why: kept with the version and in the audit trail.");

export const importSummary = z.object({
  plan: z.string(),
  created: z.boolean(),
  unchanged: z.boolean(),
  counts: z.record(z.string(), z.number()),
});
