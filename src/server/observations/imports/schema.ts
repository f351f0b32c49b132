/** The request and response shapes of imports (zod: validation, types and OpenAPI in one). */
import { z } from "zod";

export const importQuery = z.strictObject({
  dryRun: z.enum(["true", "false"]).optional(),
  /** An approver enters and submits in one step. */
  submit: z.enum(["true", "false"]).optional(),
});

export const idempotencyHeaders = z
  .object({ "idempotency-key": z.string().min(8).max(200).optional() })
  .passthrough();

// In a dry run, imported/updated/unchanged count what the rows without errors would do, even when
// other rows have errors (the import wizard shows what would change once they are fixed); an
// import that is not a dry run and has errors writes nothing and counts 0.
export const summarySchema = z.object({
  rows: z.number(),
  imported: z.number().describe("Rows that create a value (in a dry run: would create)"),
  updated: z.number().describe("Rows that change a value (in a dry run: would change)"),
  unchanged: z.number().describe("Rows equal to the current value"),
  locked: z
    .number()
    .describe("Rows refused because they would change a submitted or approved value (also in rejected)"),
  rejected: z.number(),
  dryRun: z.boolean(),
  replayed: z.boolean(),
  errors: z.array(
    z.object({
      row: z.number(),
      column: z.string(),
      path: z.string().optional(),
      message: z.string(),
      messageEn: z.string().optional(),
      value: z.unknown().optional(),
    }),
  ),
});

export const progressSchema = z.object({
  phase: z.enum(["reading", "writing", "done", "failed"]),
  done: z.number(),
  total: z.number().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
