import { z } from "zod";
import { localized } from "../../contracts/common.js";

export const basisQuery = z
  .enum(["approved", "reported"])
  .default("approved")
  .describe(
    "approved: approved values only (official figures; public for published indicators). reported: submitted and approved values (reviewers).",
  );

export const status = z.enum(["on_track", "at_risk", "off_track", "achieved", "no_data"]);
export const reason = z.object({ vi: z.string(), en: z.string() });
const counts = z.object({
  on_track: z.number(),
  at_risk: z.number(),
  off_track: z.number(),
  achieved: z.number(),
  no_data: z.number(),
});

export const assessment = z.object({
  code: z.string(),
  tier: z.string(),
  name: localized,
  unit: z.string().nullable(),
  systems: z.array(z.string()),
  status,
  progress: z.number().nullable().describe("0..1 from baseline to target"),
  latest: z.object({ period: z.string(), value: z.number(), partial: z.boolean() }).nullable(),
  target: z
    .object({
      year: z.number(),
      comparator: z.string(),
      value: z.number().nullable(),
      valueMax: z.number().nullable(),
      kind: z.string(),
    })
    .nullable(),
  forecast: z
    .object({ method: z.string(), year: z.number(), value: z.number(), low: z.number(), high: z.number() })
    .nullable(),
  reachedYear: z.number().nullable(),
  reason,
  basedOn: z.string().nullable().describe("The indicator whose values the status comes from"),
});

export const overview = z.object({
  basis: z.string(),
  period: z.string().describe("The current month in Viet Nam"),
  generatedAt: z.string(),
  lastEventId: z.string().nullable().describe("The last change batch included: refresh on later events"),
  status,
  progress: z.number().nullable(),
  counts,
  systems: z.array(
    z.object({
      code: z.string(),
      name: localized,
      status,
      progress: z.number().nullable(),
      counts,
      targets: z.array(z.string()),
    }),
  ),
  targets: z.array(assessment.extend({ measuredBy: z.array(assessment.extend({ weight: z.number() })) })),
});

const point = z.object({
  period: z.string(),
  value: z.number().nullable(),
  partial: z.boolean(),
  reason: reason.nullable(),
});

export const series = z.object({
  indicator: z.object({
    code: z.string(),
    name: localized,
    unit: z.string().nullable(),
    frequency: z.string(),
  }),
  unit: z.object({ code: z.string(), name: localized }),
  basis: z.string(),
  points: z.array(point),
  targets: z.array(
    z.object({
      year: z.number(),
      comparator: z.string(),
      value: z.number().nullable(),
      valueMax: z.number().nullable(),
      kind: z.string(),
    }),
  ),
  baseline: z.number().nullable(),
  assessment,
  forecastBand: z.array(z.object({ year: z.number(), value: z.number(), low: z.number(), high: z.number() })),
});

export const breakdown = z.object({
  indicator: z.object({ code: z.string(), name: localized, unit: z.string().nullable() }),
  parent: z.object({ code: z.string(), name: localized }),
  period: z.string(),
  basis: z.string(),
  total: z
    .object({ value: z.number().nullable(), partial: z.boolean(), reason: reason.nullable() })
    .nullable(),
  items: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: localized, kind: z.string() }),
      value: z.number().nullable(),
      partial: z.boolean(),
      reason: reason.nullable(),
      rank: z.number().nullable(),
    }),
  ),
});

export const comparison = z.object({
  indicator: z.string(),
  basis: z.string(),
  units: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: localized.nullable() }),
      points: z.array(point),
      assessment: assessment.nullable(),
      hidden: z.boolean().optional(),
    }),
  ),
});
