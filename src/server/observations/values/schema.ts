/** The request and response shapes of values (zod: validation, types and OpenAPI in one). */

import { z } from "zod";
import { bilingual } from "../../../contracts/bilingual.js";
import { valueCan } from "../../../contracts/can.js";
import { codeParam, periodCode } from "../../../contracts/common.js";
import { MAX_PAGE_SIZE, pageQuery } from "../../../contracts/pagination.js";
import { TEXT_LIMITS } from "../../../domain/text-limits.js";
import { isWebUrl, webUrlMessage } from "./evidence-url.js";

export const tags = ["observations"];

export const observation = z.object({
  id: z.string(),
  indicator: z.string(),
  unit: z.string(),
  reporterUnit: z.string(),
  period: z.string(),
  disaggregation: z.record(z.string(), z.string()),
  value: z.union([z.number(), z.boolean()]),
  status: z.enum(["draft", "submitted", "approved"]),
  source: z.string().nullable(),
  comment: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  version: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  can: valueCan,
});

/** A list row: the value, and with `previous=true` the same cell's value in the period before. */
export const listedObservation = observation.extend({
  previous: z
    .object({
      period: z.string(),
      value: z.union([z.number(), z.boolean()]),
      status: z.enum(["draft", "submitted", "approved"]),
    })
    .nullable()
    .optional()
    .describe(
      "With previous=true: the same cell (indicator, unit, disaggregation) in the period before, as you may read it now; null when there is none you may read.",
    ),
});

export const revision = z.object({
  version: z.number(),
  value: z.union([z.number(), z.boolean()]),
  status: z.string(),
  comment: z.string().nullable(),
  changedBy: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

/** A link to the evidence: http(s) only (a `javascript:` or `file:` link is refused by name). */
const evidenceUrlSchema = z
  .string()
  .max(TEXT_LIMITS.url)
  .refine(isWebUrl, { message: webUrlMessage.en, params: { vi: webUrlMessage.vi } })
  .nullable()
  .optional()
  .describe("A link to the evidence: http:// or https:// only.");

export const writeBody = z.strictObject({
  indicator: codeParam,
  unit: codeParam.describe("The unit the value describes."),
  reporterUnit: codeParam
    .optional()
    .describe("The unit reporting it, when another (e.g. the statistics office)."),
  period: periodCode,
  disaggregation: z.record(z.string().max(TEXT_LIMITS.code), z.string().max(200)).optional(),
  value: z.union([z.number(), z.boolean()]),
  source: z.string().max(TEXT_LIMITS.name).nullable().optional(),
  comment: z.string().max(TEXT_LIMITS.comment).nullable().optional(),
  evidenceUrl: evidenceUrlSchema,
  expectedVersion: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      "The version you last saw; a newer one is refused with 409. 0: create only — refused with 409 if the value exists.",
    ),
});

export const statusParam = z.enum(["draft", "submitted", "approved"]);

export const listQuery = pageQuery.extend({
  indicator: codeParam.optional(),
  unit: codeParam.optional(),
  from: periodCode.optional().describe("First period (inclusive)."),
  to: periodCode.optional().describe("Last period (inclusive)."),
  status: statusParam.optional(),
  asOf: z.iso.datetime({ offset: true }).optional(),
  under: codeParam
    .optional()
    .describe("Values of this unit and of every unit below it (and former units merged into them)."),
  reviewable: z
    .enum(["true", "false"])
    .optional()
    .describe(
      "true: only values you may approve or return (the review queue, with status=submitted); their `can` flags say which.",
    ),
  previous: z
    .enum(["true", "false"])
    .optional()
    .describe(
      "true: each value with `previous`, the same cell's value in the period before (a reviewer spots a typo by the change).",
    ),
});

export const idParams = z.object({ id: z.uuid() });

export const deleteQuery = z.strictObject({
  expectedVersion: z.coerce.number().int().positive().optional(),
  reason: z.string().max(TEXT_LIMITS.reason).optional(),
});

export const transitionBody = z
  .strictObject({
    reason: z.string().max(TEXT_LIMITS.reason).optional(),
    expectedVersion: z.number().int().positive().optional(),
  })
  .nullish();

export const reviseBody = z.strictObject({
  value: z.union([z.number(), z.boolean()]),
  reason: z
    .string()
    .trim()
    .min(3)
    .max(TEXT_LIMITS.reason)
    .describe("Why the official figure changes (audited)."),
  source: z.string().max(TEXT_LIMITS.name).nullable().optional(),
  comment: z.string().max(TEXT_LIMITS.comment).nullable().optional(),
  evidenceUrl: z
    .url({ protocol: /^https?$/ })
    .max(TEXT_LIMITS.url)
    .nullable()
    .optional(),
  expectedVersion: z.number().int().positive().optional(),
});

/** Many values through one move at once: all or nothing, one audit entry. */
export const transitionsBody = z
  .strictObject({
    action: z.enum(["submit", "recall", "approve", "return"]),
    reason: z
      .string()
      .trim()
      .max(TEXT_LIMITS.reason)
      .optional()
      .describe("Why (required to return: kept on each value's revision, shown to its unit)."),
    items: z
      .array(
        z.strictObject({
          id: z.uuid(),
          expectedVersion: z
            .number()
            .int()
            .positive()
            .describe("The version you saw; any other current version refuses the whole batch (409)."),
        }),
      )
      .min(1)
      .max(MAX_PAGE_SIZE)
      .describe("At most a page of the review queue (1,000): one transaction, all or nothing."),
  })
  .superRefine((b, ctx) => {
    if (b.action === "return" && !b.reason)
      ctx.addIssue({
        code: "custom",
        path: ["reason"],
        ...bilingual("a value is returned with a reason", "trả lại số liệu phải kèm lý do"),
      });
  });

export const transitionsResult = z.object({
  action: z.enum(["submit", "recall", "approve", "return"]),
  count: z.number().int(),
  batchId: z.string().describe("Marks the revisions written; the audit entry lists them by it."),
  auditSeq: z
    .number()
    .int()
    .nullable()
    .describe("The batch's one audit entry: GET /audit/{seq} lists every value with before and after."),
  items: z.array(observation),
});
