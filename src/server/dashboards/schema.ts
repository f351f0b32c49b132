import { z } from "zod";
import { localized, optionalLocalized } from "../../contracts/common.js";
import { flaggedValue } from "../quality/index.js";

export const basisQuery = z
  .enum(["approved", "reported"])
  .default("approved")
  .describe(
    "approved: approved values only (official figures; public for published indicators). reported: submitted and approved values (reviewers).",
  );

export const status = z.enum(["on_track", "at_risk", "off_track", "achieved", "no_data"]);
export const reason = z.object({ vi: z.string(), en: z.string() });
const assessmentReason = reason
  .extend({
    code: z
      .enum([
        "no_target",
        "qualitative",
        "no_values",
        "too_few_points",
        "achieved",
        "forecast",
        "milestone_reached",
        "milestone_late",
        "milestone_due",
        "milestone_pending",
      ])
      .describe("Stable code of the reason: too_few_points means fewer values than the forecast needs"),
  })
  .meta({ id: "AssessmentReason" });
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
  unit: optionalLocalized,
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
    .object({
      method: z
        .enum(["naive", "drift", "ses", "holt", "damped", "theta", "comb"])
        .describe("Forecasting method (docs/decisions/0011): damped trend by default"),
      year: z.number(),
      value: z.number(),
      low: z.number().describe("95 % band"),
      high: z.number().describe("95 % band"),
      low80: z.number().describe("80 % band"),
      high80: z.number().describe("80 % band"),
      horizon: z.number().describe("Periods from the latest value to the target year's last period"),
      pointCount: z.number().describe("Values the forecast was made from"),
      bandSource: z
        .enum(["own", "pooled"])
        .describe("own: the series' own past errors (8 values or more); pooled: the back-test's"),
    })
    .meta({ id: "Forecast" })
    .nullable(),
  reachedYear: z.number().nullable(),
  probability: z.number().nullable().describe("Chance (0..1) of meeting the target in its year"),
  probabilityInRange: z.number().nullable().describe("Range targets: chance of landing inside the range"),
  change: z
    .object({
      needed: z.number().nullable().describe("Change per year needed from the latest value to the target"),
      observed: z.number().nullable().describe("Change per year over the last observedYears years"),
      observedYears: z.number().nullable(),
    })
    .meta({ id: "YearlyChange" })
    .nullable(),
  progressClass: z
    .object({
      class: z.enum([
        "target_achieved",
        "substantial_progress",
        "moderate_progress",
        "limited_progress",
        "deterioration",
        "not_available",
      ]),
      ratio: z
        .number()
        .nullable()
        .describe("Observed over required compound yearly growth since the first value"),
    })
    .describe("Open SDG / Statistics Canada progress class (thresholds 0.95, 0.6, 0)")
    .meta({ id: "ProgressClass" }),
  previousStatus: status
    .nullable()
    .describe("The status before the current one (null: unchanged in 24 periods)"),
  changedAt: z.string().nullable().describe("The period whose value moved the target to its current status"),
  reason: assessmentReason,
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
    unit: optionalLocalized,
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
  forecastBand: z.array(
    z.object({
      year: z.number(),
      value: z.number(),
      low: z.number(),
      high: z.number(),
      low80: z.number(),
      high80: z.number(),
    }),
  ),
});

export const breakdown = z.object({
  indicator: z.object({ code: z.string(), name: localized, unit: optionalLocalized }),
  parent: z.object({ code: z.string(), name: localized }),
  period: z.string(),
  basis: z.string(),
  total: z
    .object({ value: z.number().nullable(), partial: z.boolean(), reason: reason.nullable() })
    .nullable(),
  assessment: assessment
    .nullable()
    .describe("The parent unit's assessment against its targets (the country: the national targets)"),
  items: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: localized, kind: z.string() }),
      value: z.number().nullable(),
      partial: z.boolean(),
      reason: reason.nullable(),
      rank: z.number().nullable(),
      assessment: assessment
        .nullable()
        .describe("The unit's assessment against its own targets (no_data / no_target when it has none)"),
    }),
  ),
});

const categoryValue = {
  value: z.number().nullable(),
  partial: z.boolean().describe("The period is not complete yet (a year with months still to come)"),
};

export const disaggregations = z.object({
  indicator: z.object({ code: z.string(), name: localized, unit: optionalLocalized }),
  unit: z.object({ code: z.string(), name: localized }),
  period: z.string(),
  basis: z.string(),
  total: z
    .object({ ...categoryValue, reason: reason.nullable() })
    .describe("The value without disaggregation (reported on its own, not the sum of the categories)"),
  dimensions: z
    .array(
      z.object({
        code: z.string().describe("Dimension code, e.g. sex"),
        declared: z.boolean().describe("False: values were reported under a dimension no longer declared"),
        options: z
          .array(z.object({ code: z.string().describe("Option code, e.g. female"), ...categoryValue }))
          .describe("Every declared option in the declared order (value null: none reported)"),
      }),
    )
    .describe("Values reported for one dimension at a time"),
  combinations: z
    .array(
      z.object({
        categories: z.record(z.string(), z.string()).describe("Dimension → option, e.g. { sex, area }"),
        value: z.number(),
        partial: z.boolean(),
      }),
    )
    .describe("Values reported for several dimensions at once (not added into the one-dimension rows)"),
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

const targetAlert = z.object({
  code: z.string(),
  name: localized,
  systems: z.array(z.string()),
  status,
  previousStatus: status.nullable(),
  changedAt: z.string().nullable().describe("The period whose value moved the target to its status"),
  probability: z.number().nullable(),
  reason: assessmentReason,
  basedOn: z.string().nullable(),
});

export const alerts = z.object({
  plan: z.string(),
  period: z.string().describe("The reporting period whose gaps and flags are listed"),
  basis: z.string(),
  generatedAt: z.string(),
  lastEventId: z.string().nullable(),
  counts: z.object({
    offTrack: z.number(),
    statusChanges: z.number(),
    unitsNotReported: z.number(),
    missingValues: z.number(),
    outliers: z.number(),
    revised: z.number(),
  }),
  offTrack: z.array(targetAlert).describe("Targets off track, the least likely to be met first (at most 20)"),
  statusChanges: z
    .array(targetAlert)
    .describe("Targets whose latest value changed their status, with the status before (at most 20)"),
  notReported: z
    .array(
      z.object({
        unit: z.object({ code: z.string(), name: localized }),
        expected: z.number(),
        reported: z.number(),
        missing: z.array(z.string()).describe("Indicator codes not reported for the period"),
      }),
    )
    .describe("Units with values missing for the period, the most missing first (at most 20)"),
  outliers: z
    .array(flaggedValue)
    .describe("Values outlying against their own history or their peers (at most 20)"),
  revised: z.array(flaggedValue).describe("Values revised after submission (at most 20)"),
});

const targetLine = z.object({
  year: z.number(),
  comparator: z.string(),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  kind: z.string(),
});

export const laggards = z.object({
  indicator: z.object({ code: z.string(), name: localized, unit: optionalLocalized }),
  level: z.enum(["province", "ministry"]),
  period: z.string().nullable().describe("The period asked; null: each unit's latest value"),
  basis: z.string(),
  nationalTarget: targetLine.nullable().describe("The national target in force for the year"),
  counts: z
    .object({
      units: z.number(),
      hidden: z.number().describe("Units where the caller may not see the indicator"),
      noValue: z.number(),
      noTarget: z.number().describe("Units with a value but no target to judge it by"),
      meeting: z.number(),
      short: z
        .number()
        .describe("Units on the wrong side of their target (all of them, not only those listed)"),
    })
    .describe("The units of the level, by what their value says"),
  totalShortfall: z.number().describe("The sum of the gaps of every unit short of its target"),
  items: z.array(
    z.object({
      rank: z.number(),
      unit: z.object({ code: z.string(), name: localized, kind: z.string() }),
      value: z.number(),
      period: z.string().describe("The period of the value"),
      partial: z.boolean(),
      target: targetLine.extend({
        source: z.enum(["unit", "national"]).describe("The unit's own target, or the national one"),
      }),
      gap: z.number().describe("Distance to the target on the wrong side, in the indicator's unit"),
      shortfallShare: z.number().describe("The gap over the total shortfall (0..1)"),
      status,
      assessment: assessment
        .nullable()
        .describe(
          "The unit's assessment against its own targets, as in the breakdown (no_target when it has none)",
        ),
    }),
  ),
});

export const unitValues = z.object({
  unit: z.object({ code: z.string(), name: localized, kind: z.string() }),
  basis: z.string(),
  period: z.string().describe("The current month the statuses are judged at"),
  counts,
  items: z.array(
    z.object({
      indicator: z.string(),
      tier: z.string(),
      status,
      latest: z.object({ period: z.string(), value: z.number(), partial: z.boolean() }).nullable(),
      assessment,
    }),
  ),
});

export const unitCompleteness = z.object({
  unit: z.object({ code: z.string(), name: localized, kind: z.string() }),
  kind: z.enum(["month", "quarter", "half_year", "year"]),
  indicators: z.number().describe("Entered indicators of that frequency whose gaps the caller may read"),
  periods: z.array(
    z.object({
      period: z.string(),
      expected: z.number().describe("Indicators the unit reported at some period up to this one"),
      reported: z
        .number()
        .describe("Of those, submitted or approved for this period (a draft is not reported)"),
      missing: z.array(z.string()).describe("Indicator codes expected and not reported"),
    }),
  ),
});
