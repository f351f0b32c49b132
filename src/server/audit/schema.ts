/** Response shapes of the audit trail. */
import { z } from "zod";
import { pageQuery } from "../../contracts/pagination.js";

export const entry = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  actorUserId: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  rowCount: z.number().nullable(),
  fileHash: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  hash: z.string(),
});

export const bulkRow = z.object({
  observationId: z.string(),
  indicator: z.string(),
  unit: z.string(),
  period: z.string(),
  disaggregation: z.record(z.string(), z.string()),
  before: z
    .object({
      value: z.union([z.number(), z.boolean()]).nullable(),
      status: z.string(),
      version: z.number(),
    })
    .nullable(),
  after: z.object({
    value: z.union([z.number(), z.boolean()]).nullable(),
    status: z.string(),
    version: z.number(),
  }),
});

export const verifyResult = z.object({
  ok: z.boolean(),
  entries: z.number().describe("Entries checked"),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable().describe("The newest entry checked"),
  brokenAt: z
    .object({
      seq: z.number(),
      kind: z.enum(["previous_hash", "content", "anchor_ahead", "anchor_mismatch"]),
      reason: z.string(),
    })
    .optional()
    .describe("The first broken link"),
  anchor: z
    .object({
      seq: z.number(),
      hash: z.string(),
      status: z.enum(["matches", "missing", "mismatch", "ahead-of-chain", "absent"]),
    })
    .optional()
    .describe("This instance's anchor (DATA_DIR/audit-anchor.json) and whether the chain holds it"),
});

export const auditListQuery = pageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(200).optional(),
  actorUserId: z.uuid().optional(),
  actor: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditFilter = Omit<z.output<typeof auditListQuery>, "limit" | "cursor">;
