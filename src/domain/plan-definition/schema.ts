/**
 * The plan-definition file format (JSON or YAML). One schema serves the bundled NQ57 seed,
 * `npm run cli -- plan:import FILE` and `POST /api/v1/plans`; docs/plan-definition.md documents it.
 *
 * Codes of systems, initiatives, phases, projects and roles are unique within their plan;
 * indicator codes are global because the indicator catalogue is shared by all plans.
 */
import { z } from "zod";
import { bilingual } from "../bilingual.js";
import { TEXT_LIMITS } from "../text-limits.js";

const code = z
  .string()
  .min(1)
  .max(TEXT_LIMITS.code)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' or '-'");

/** Text in Vietnamese (required) and English (optional), of at most `max` characters each. A bare string is Vietnamese. */
function localizedOf(max: number) {
  return z.union([
    z
      .string()
      .min(1)
      .max(max)
      .transform((vi) => ({ vi, en: undefined as string | undefined })),
    z.object({ vi: z.string().min(1).max(max), en: z.string().min(1).max(max).optional() }).strict(),
  ]);
}
/** Prose: descriptions, objectives, contents, notes. */
export const localizedText = localizedOf(TEXT_LIMITS.text);
/** Names and short titles. */
export const localizedName = localizedOf(TEXT_LIMITS.name);
/** Full titles as the source document gives them. */
export const localizedTitle = localizedOf(TEXT_LIMITS.title);
/** An indicator's unit of measure ("tỷ đồng", or { vi: "tỷ đồng", en: "billion VND" }). */
export const localizedUnit = localizedOf(TEXT_LIMITS.unit);
export type LocalizedText = z.output<typeof localizedText>;

const year = z.number().int().min(1900).max(2200);

export const indicatorTiers = ["objective", "target", "kpi", "operational"] as const;
export const indicatorDirections = [
  "higher_better",
  "lower_better",
  "range",
  "milestone",
  "growth_rate",
] as const;
/** What kind of statement a target is; ranks are lower-better values with their own wording. */
export const targetKinds = ["value", "range", "rank", "growth_rate", "milestone", "qualitative"] as const;
export const reportingFrequencies = ["monthly", "quarterly", "half_yearly", "yearly", "ad_hoc"] as const;
export const aggregationRules = [
  "sum",
  "mean",
  "weighted_mean",
  "ratio_of_sums",
  "latest",
  "min",
  "max",
  "none",
] as const;
export const comparators = [">", ">=", "<", "<=", "=", "between", "top"] as const;
export const systemKinds = ["strategic", "special_projects"] as const;
export const projectKinds = ["special_important", "national_group_a", "national_group_b", "other"] as const;

export const targetValueDef = z
  .object({
    year,
    /** Org unit code when the target is a unit's own target for this indicator; national when absent. */
    orgUnit: code.optional(),
    comparator: z.enum(comparators).default(">="),
    value: z.number().optional(),
    /** Upper bound for `between` ranges (value is the lower bound). */
    valueMax: z.number().optional(),
    /** For milestones: the yes/no state to reach. */
    achieved: z.boolean().optional(),
    note: localizedText.optional(),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.comparator === "between" && (t.value === undefined || t.valueMax === undefined)) {
      ctx.addIssue({ code: "custom", message: "'between' needs value and valueMax", path: ["valueMax"] });
    }
    if (t.valueMax !== undefined && t.value !== undefined && t.valueMax < t.value) {
      ctx.addIssue({ code: "custom", message: "valueMax must be >= value", path: ["valueMax"] });
    }
  });
export type TargetValueDef = z.output<typeof targetValueDef>;

export const indicatorLinkDef = z.union([
  code.transform((c) => ({ code: c, weight: 1 })),
  z.object({ code, weight: z.number().positive().default(1) }).strict(),
]);

export const reportedByValues = ["unit", "responsible"] as const;
export type ReportedBy = (typeof reportedByValues)[number];

export const indicatorBounds = z
  .object({ min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((b) => b.min === undefined || b.max === undefined || b.min <= b.max, {
    message: "min must be <= max",
    path: ["max"],
  });

/** The fewest values an indicator's forecast is trusted on; fewer: no forecast ("too few points"). */
export const forecastMinPoints = z.number().int().min(3).max(100);

/**
 * A plan's chances of meeting a target: on track at or above `onTrack`, off track below
 * `offTrack`, at risk between (absent: 0.8 and 0.2).
 */
export const statusThresholds = z
  .object({ onTrack: z.number().gt(0).max(1), offTrack: z.number().gt(0).max(1) })
  .strict()
  .refine((t) => t.offTrack < t.onTrack, {
    ...bilingual(
      "offTrack must be < onTrack (0 < offTrack < onTrack <= 1)",
      "offTrack phải nhỏ hơn onTrack (0 < offTrack < onTrack ≤ 1)",
    ),
    path: ["offTrack"],
  });
export type StatusThresholds = z.output<typeof statusThresholds>;

export const indicatorDef = z
  .object({
    code,
    tier: z.enum(indicatorTiers),
    name: localizedName,
    definition: localizedText.optional(),
    unit: localizedUnit.optional(),
    direction: z.enum(indicatorDirections).default("higher_better"),
    kind: z.enum(targetKinds).default("value"),
    baseline: z.object({ value: z.number(), year }).strict().optional(),
    targets: z.array(targetValueDef).default([]),
    dataSource: localizedText.optional(),
    /** Org unit code of the unit responsible for providing the data. */
    responsibleUnit: code.optional(),
    /**
     * Who reports each value cell: `unit` (each unit its own figure) or `responsible` (the
     * responsible unit reports the figure of every unit, e.g. the statistics office).
     */
    reportedBy: z.enum(reportedByValues).default("unit"),
    /** The range a value must lie in: counts >= 0, shares 0-100, indices 0-1, ranks >= 1. */
    bounds: indicatorBounds.optional(),
    /** The fewest values its forecast is trusted on (3 to 100; absent: the assessment's default). */
    forecastMinPoints: forecastMinPoints.optional(),
    frequency: z.enum(reportingFrequencies).default("yearly"),
    aggregation: z.enum(aggregationRules).default("sum"),
    /** Component indicator codes for weighted_mean (weight) and ratio_of_sums (numerator, denominator). */
    aggregationComponents: z
      .object({ numerator: code.optional(), denominator: code.optional(), weight: code.optional() })
      .strict()
      .optional(),
    /** How values combine over periods; default: flows (sum) add up, others take the latest. */
    timeAggregation: z
      .enum(["sum", "mean", "weighted_mean", "ratio_of_sums", "latest", "min", "max"])
      .optional(),
    /** Disaggregations values may carry: dimension → option codes, e.g. { sex: [male, female] }. */
    disaggregations: z
      .record(code, z.array(code).min(1).max(100))
      .refine((r) => Object.keys(r).length <= 10, "at most 10 dimensions")
      .optional(),
    /** Expression over indicator codes (KPIs, targets); validated by the indicator engine. */
    formula: z.string().max(2000).optional(),
    published: z.boolean().default(false),
    /** Proposed by Chỉ Nam, not by the source document: for the Standing Office to adjust. */
    proposed: z.boolean().default(false),
    /** The verbatim clause of the source document this indicator comes from. */
    sourceQuote: z.string().max(TEXT_LIMITS.text).optional(),
    /** Source reference such as "I.2.a" (section of the plan). */
    sourceRef: z.string().max(64).optional(),
    systems: z.array(code).default([]),
    initiatives: z.array(code).default([]),
    projects: z.array(code).default([]),
    /** Indicators one tier up that this one measures (OI -> KPI -> target -> objective). */
    parents: z.array(indicatorLinkDef).default([]),
  })
  .strict();
export type IndicatorDef = z.output<typeof indicatorDef>;

export const phaseDef = z
  .object({
    code,
    name: localizedName,
    startYear: year,
    endYear: year,
    summary: localizedText.optional(),
    /** Focus items of the phase (plan section IV): goal text with the systems/initiatives it names. */
    focus: z
      .array(
        z
          .object({
            title: localizedTitle,
            description: localizedText.optional(),
            systems: z.array(code).default([]),
            initiatives: z.array(code).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

export const systemDef = z
  .object({
    code,
    number: z.number().int().positive(),
    kind: z.enum(systemKinds).default("strategic"),
    name: localizedName,
    mainContent: localizedText.optional(),
    strategicRole: localizedText.optional(),
  })
  .strict();

/**
 * Kinds of an initiative's expected output, as the plan's proposal template lists them (Appendix
 * I.II: technology, process, model, policy, database, application, commercialised product) and
 * the two its initiatives name besides: infrastructure (centres, networks) and programmes.
 */
export const outputKinds = [
  "technology",
  "process",
  "model",
  "policy",
  "database",
  "application",
  "commercial_product",
  "infrastructure",
  "programme",
  "other",
] as const;

/** An expected output ("sản phẩm/kết quả đầu ra dự kiến") of an initiative. */
export const initiativeOutputDef = z
  .object({
    title: localizedTitle,
    kind: z.enum(outputKinds).optional(),
    /** Drawn by Chỉ Nam from the initiative's content, not listed as an output by the source. */
    proposed: z.boolean().default(false),
  })
  .strict();
export type InitiativeOutputDef = z.output<typeof initiativeOutputDef>;

export const initiativeDef = z
  .object({
    code,
    number: z.number().int().positive(),
    system: code,
    /** Full title as the source document gives it. */
    title: localizedTitle,
    shortTitle: localizedName.optional(),
    objective: localizedText.optional(),
    content: localizedText.optional(),
    /**
     * Expected outputs, in order (absent: none). Optional, not defaulted, so that a change of other
     * fields over HTTP — applied to the item's current definition — keeps them.
     */
    outputs: z.array(initiativeOutputDef).max(50).optional(),
    leadUnit: code.optional(),
  })
  .strict();

export const projectDef = z
  .object({
    code,
    kind: z.enum(projectKinds),
    name: localizedName,
    description: localizedText.optional(),
    system: code.optional(),
    initiatives: z.array(code).default([]),
    ownerUnit: code.optional(),
    /** Group A/B projects carry an S&T/DX component with a Chief Architect (plan III.2). */
    hasStdxComponent: z.boolean().default(false),
    chiefArchitect: z.string().max(200).optional(),
    reportsTo: z
      .enum(["central_steering_committee", "government", "provincial_steering_committee"])
      .optional(),
  })
  .strict();

export const taskDef = z
  .object({
    code,
    title: localizedTitle,
    description: localizedText.optional(),
    initiative: code.optional(),
    project: code.optional(),
    leadUnit: code.optional(),
    dueDate: z.iso.date().optional(),
    output: localizedText.optional(),
  })
  .strict();

export const roleDef = z
  .object({
    code,
    name: localizedName,
    /** Section of the source document, e.g. "V.1.a". */
    sourceRef: z.string().max(64).optional(),
    responsibilities: z.array(localizedText).default([]),
    /** Org unit codes that hold this role. */
    units: z.array(code).default([]),
    /** Reporting rule in words, e.g. monthly on the 25th or ad hoc. */
    reporting: localizedText.optional(),
  })
  .strict();

export const planDefinition = z
  .object({
    code,
    name: localizedName,
    shortName: localizedName.optional(),
    documentNumber: z.string().max(64).optional(),
    issuedBy: localizedName.optional(),
    issuedOn: z.iso.date().optional(),
    startYear: year,
    endYear: year,
    /** Values of periods before this year are refused; absent: no limit. */
    baselineYear: year.optional(),
    /** Chances of meeting a target that make it on track / off track; absent: 0.8 and 0.2. */
    statusThresholds: statusThresholds.optional(),
    description: localizedText.optional(),
    generalObjective: localizedText.optional(),
    phases: z.array(phaseDef).default([]),
    systems: z.array(systemDef).default([]),
    initiatives: z.array(initiativeDef).default([]),
    projects: z.array(projectDef).default([]),
    tasks: z.array(taskDef).default([]),
    roles: z.array(roleDef).default([]),
    indicators: z.array(indicatorDef).default([]),
    /** Codes of indicators already in the shared catalogue that this plan also tracks. */
    linkIndicators: z
      .array(
        z.union([
          code.transform((c) => ({ code: c, systems: [] as string[], initiatives: [] as string[] })),
          z
            .object({ code, systems: z.array(code).default([]), initiatives: z.array(code).default([]) })
            .strict(),
        ]),
      )
      .default([]),
  })
  .strict();

export type PlanDefinition = z.output<typeof planDefinition>;
export type PlanDefinitionInput = z.input<typeof planDefinition>;
