/** The shapes of a unit's entry sheet, "my unit, this period" (zod: validation, types and OpenAPI in one). */
import { z } from "zod";
import { valueCan } from "../../../contracts/can.js";
import { codeParam, localized, optionalLocalized, periodCode } from "../../../contracts/common.js";

export const tags = ["observations"];

export const entryParams = z.object({ code: codeParam.describe("The unit whose sheet is read.") });

export const entryQuery = z.strictObject({
  plan: codeParam.default("NQ57").describe("The plan whose indicators the sheet lists."),
  period: periodCode
    .optional()
    .describe(
      "The period; its kind picks the indicators (a month the monthly ones, a quarter the quarterly ones…). Default: the current month in Viet Nam.",
    ),
});

const status = z.enum(["draft", "submitted", "approved"]);
const bilingualText = z.object({ message: z.string(), messageEn: z.string() });

const currentValue = z
  .object({
    id: z.string(),
    value: z.union([z.number(), z.boolean()]),
    status,
    version: z
      .number()
      .int()
      .describe("Send it back as expectedVersion: a newer one refuses the change (409)."),
    source: z.string().nullable(),
    comment: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    reporterUnit: z.string(),
    updatedBy: z.string().describe("Who last changed it (username)."),
    updatedAt: z.string(),
  })
  .describe(
    "The current value, as the one read rule lets the caller see it (null: none, or a draft not theirs).",
  );

const lock = bilingualText
  .extend({
    reason: z
      .enum(["submitted", "approved", "reporter", "period"])
      .describe(
        "submitted/approved: out of its unit's hands; reporter: another unit reports the cell; period: the period is not open for values (not begun, before the plan's baseline, or the unit did not exist then).",
      ),
    mayChange: z
      .array(z.enum(["recall", "return", "revise"]))
      .describe("The actions that may still change it (by the people the message names)."),
  })
  .describe("Why nobody at the unit may type in this cell now, and who may change it.");

export const entryCell = z.object({
  unit: z
    .string()
    .describe("The unit the value describes (the sheet's unit, or for a national figure the country)."),
  reporterUnit: z.string().describe("The unit that reports the cell."),
  disaggregation: z.record(z.string(), z.string()).describe("{} for the total."),
  value: currentValue.nullable(),
  returned: z
    .object({ reason: z.string().nullable(), by: z.string(), at: z.string() })
    .nullable()
    .describe("A draft sent back by a reviewer: their reason, who, when (until the unit changes it)."),
  lock: lock.nullable(),
  can: valueCan,
  history: z
    .array(z.object({ value: z.union([z.number(), z.boolean()]), status }).nullable())
    .describe(
      "The cell's values in the sheet's `history` periods (same order), as the caller may read them.",
    ),
});

export const entryIndicator = z.object({
  code: z.string(),
  name: localized,
  tier: z.string(),
  unit: optionalLocalized.describe(
    "Unit of measure, in Vietnamese and English (as the indicator answers give it).",
  ),
  frequency: z.string(),
  valueType: z.enum(["number", "boolean"]).describe("boolean: a milestone (yes/no)."),
  bounds: z.object({ min: z.number().nullable(), max: z.number().nullable() }),
  reportedBy: z.enum(["unit", "responsible"]),
  disaggregations: z
    .array(z.object({ dimension: z.string(), options: z.array(z.string()) }))
    .describe("Dimensions and their options, in declared order."),
  dueAt: z.string().describe("When the period's values are due."),
  cells: z
    .array(entryCell)
    .describe("The total first, then one cell per option of each dimension, then combinations with a value."),
});

export const entrySheet = z.object({
  unit: z.object({ code: z.string(), name: localized, kind: z.string() }),
  plan: z.string(),
  period: z.string(),
  periodKind: z.string(),
  history: z
    .array(z.string())
    .describe("The 12 periods before, oldest first (cells' `history` follows them)."),
  units: z.record(z.string(), localized).describe("Names of the units the cells name."),
  indicators: z.array(entryIndicator),
  related: z
    .array(z.object({ period: z.string(), periodKind: z.string(), indicators: z.number().int() }))
    .describe(
      "Longer periods containing this one and how many indicators of theirs the unit reports (their sheets are read with that period).",
    ),
});

export type EntrySheet = z.output<typeof entrySheet>;
export type EntryIndicator = z.output<typeof entryIndicator>;
export type EntryCell = z.output<typeof entryCell>;
