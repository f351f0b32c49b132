/** Shapes of the quality answers (zod: validation, types, OpenAPI); other modules present some too. */
import { z } from "zod";
import { codeParam, localized, periodCode } from "../../contracts/common.js";
import { listEnvelope, MAX_PAGE_SIZE } from "../../contracts/pagination.js";

const flag = z.enum(["late", "outlier", "revised"]);

/** A value flagged late, outlying (robust z against its own history or its peers) or revised. */
export const flaggedValue = z.object({
  observationId: z.string(),
  indicator: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  status: z.string(),
  flags: z.array(flag),
  zOwn: z.number().nullable(),
  zPeers: z.number().nullable(),
  submittedAt: z.string().nullable(),
  due: z.string(),
});

/** A unit with values expected of it for the period: how many, how many reported, which are missing or flagged. */
export const unitGaps = z.object({
  unit: z.object({ code: z.string(), name: localized }),
  expected: z.number(),
  reported: z.number(),
  missing: z.array(z.string()).describe("Indicator codes not reported"),
  flagged: z.array(z.string()).describe("Indicator codes with a late, outlier or revised value"),
});

const counts = {
  expected: z.number().describe("Values expected (units that reported an earlier period)"),
  reported: z.number().describe("Values reported (submitted or approved) that you may read"),
  missing: z.number().describe("Values expected and not reported"),
  late: z.number().describe("Values flagged late"),
  outliers: z.number().describe("Values flagged as outliers"),
  revised: z.number().describe("Values flagged as revised since first submitted"),
  flagged: z.number().describe("Values with at least one flag"),
};

const flaggedList = listEnvelope(flaggedValue).describe(
  "Flagged values in indicator order, reported before drafts, then by unit code (in the data-quality answer, the first page: GET …/data-quality/flagged pages further)",
);
const unitList = listEnvelope(unitGaps).describe(
  "Units expected or with a flagged value, the most missing first, then by unit code (in the data-quality answer, the first page: GET …/data-quality/units pages further)",
);

export const dataQualityAnswer = z.object({
  plan: z.string(),
  period: z.string(),
  due: z.string().describe("When values of this period are due under the plan's rule"),
  generatedAt: z.string(),
  summary: z
    .object({
      indicators: z.number(),
      ...counts,
      overdue: z.number().describe("Missing values whose due time has passed"),
      unitsWithGaps: z.number().describe("Units with at least one value missing"),
    })
    .describe("Every indicator you review, whatever the filters"),
  byIndicator: z
    .array(
      z.object({
        indicator: z.object({ code: z.string(), name: localized }),
        due: z.string(),
        ...counts,
      }),
    )
    .describe("Every indicator with a value expected or reported, whatever the filters"),
  byUnit: unitList,
  flagged: flaggedList,
});

export { flaggedList, unitList };

/** The filters the lists take (the counts are always whole). */
export const listFilters = {
  period: periodCode.describe("Indicators reported at this period's frequency are checked"),
  indicator: z
    .string()
    .min(1)
    // 100 codes and their commas.
    .max(100 * 65)
    .transform((s) =>
      s
        .split(",")
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(codeParam).min(1).max(100))
    .optional()
    .describe("Only these indicators (comma-separated codes) in the lists"),
  unit: codeParam.optional().describe("Only this unit (code) in the lists"),
};

/** The page size of a list (`size` when not asked). */
export const listLimit = (size: number) =>
  z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(size)
    .describe(`How many items a list holds (1–${MAX_PAGE_SIZE}, default ${size})`);

export const flagFilter = flag.optional().describe("Only values with this flag");
