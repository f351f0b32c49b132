/** API shapes of the indicator catalogue, targets and their version history. */

import { z } from "zod";
import { indicatorCan } from "../../contracts/can.js";
import { localized, optionalLocalized } from "../../contracts/common.js";
import {
  aggregationRules,
  comparators,
  indicatorDirections,
  indicatorTiers,
  reportingFrequencies,
  targetKinds,
} from "../../domain/plan-definition/schema.js";

export const target = z.object({
  plan: z.string(),
  year: z.number().int(),
  orgUnit: z.string().nullable().describe("Null for a national target; a unit code for a unit's own target."),
  comparator: z.enum(comparators),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  achieved: z.boolean().nullable(),
  note: optionalLocalized,
  version: z.number().int(),
});

export const indicator = z.object({
  code: z.string(),
  tier: z.enum(indicatorTiers),
  name: localized,
  definition: optionalLocalized,
  unit: optionalLocalized,
  direction: z.enum(indicatorDirections),
  kind: z.enum(targetKinds),
  baseline: z.object({ value: z.number(), year: z.number().int() }).nullable(),
  targets: z.array(target),
  dataSource: optionalLocalized,
  responsibleUnit: z.string().nullable(),
  reportedBy: z
    .enum(["unit", "responsible"])
    .describe("Who reports each value cell: each unit its own, or the responsible unit for every unit"),
  bounds: z
    .object({ min: z.number().nullable(), max: z.number().nullable() })
    .describe("Values outside [min, max] are refused"),
  forecastMinPoints: z
    .number()
    .int()
    .nullable()
    .describe("The fewest values its forecast is trusted on (null: the assessment's default)"),
  frequency: z.enum(reportingFrequencies),
  aggregation: z.enum(aggregationRules),
  aggregationComponents: z
    .object({
      numerator: z.string().optional(),
      denominator: z.string().optional(),
      weight: z.string().optional(),
    })
    .nullable(),
  timeAggregation: z
    .string()
    .nullable()
    .describe("How values combine over periods (null: the default for the rule)"),
  disaggregations: z
    .record(z.string(), z.array(z.string()))
    .nullable()
    .describe("Disaggregations values may carry: dimension → option codes"),
  formula: z.string().nullable(),
  published: z.boolean(),
  proposed: z
    .boolean()
    .describe("Proposed by Chỉ Nam, not by the source document; for the Standing Office to adjust."),
  sourceQuote: z.string().nullable().describe("The verbatim clause of the source document."),
  sourceRef: z.string().nullable(),
  parents: z.array(z.object({ code: z.string(), weight: z.number() })),
  children: z.array(z.string()),
  plans: z.array(z.string()),
  systems: z.array(z.string()),
  initiatives: z.array(z.string()),
  projects: z.array(z.string()),
  version: z.number().int(),
  retired: z.boolean(),
  updatedAt: z.string(),
});

/** One indicator as read by itself: with what the caller may do with it. */
export const indicatorDetail = indicator.extend({ can: indicatorCan });

export const historyEntry = z.object({
  entity: z.enum(["indicator", "target"]),
  version: z.number().int(),
  action: z.enum(["create", "update", "retire"]),
  target: z
    .object({ plan: z.string().nullable(), year: z.number().int(), orgUnit: z.string().nullable() })
    .nullable(),
  changedBy: z.string(),
  changedAt: z.string(),
  reason: z.string().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  snapshot: z.record(z.string(), z.unknown()),
});

export const indicatorListQuery = z.strictObject({
  tier: z.enum(indicatorTiers).optional(),
  system: z.string().max(64).optional().describe("System code within the plan."),
  initiative: z.string().max(64).optional().describe("Initiative code within the plan."),
  proposed: z.enum(["true", "false"]).optional(),
  published: z.enum(["true", "false"]).optional(),
});
