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

export const summarySchema = z.object({
  rows: z.number(),
  imported: z.number(),
  updated: z.number(),
  unchanged: z.number(),
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
