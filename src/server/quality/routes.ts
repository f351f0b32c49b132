/** Data quality and data gaps of a plan's reporting period. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses, localized, periodCode } from "../../contracts/common.js";
import { parsePeriod } from "../../domain/periods.js";
import { sendEncoded } from "../core/http/encoded.js";
import { getPlanByCode } from "../plans/index.js";
import { flaggedValue } from "./schema.js";
import { dataQualityJson } from "./service.js";

const response = z.object({
  plan: z.string(),
  period: z.string(),
  due: z.string().describe("When values of this period are due under the plan's rule"),
  generatedAt: z.string(),
  summary: z.object({
    indicators: z.number(),
    missing: z.number(),
    overdue: z.number(),
    late: z.number(),
    outliers: z.number(),
    revised: z.number(),
  }),
  byUnit: z.array(
    z.object({
      unit: z.object({ code: z.string(), name: localized }),
      expected: z.number(),
      reported: z.number(),
      missing: z.array(z.string()).describe("Indicator codes not reported"),
      flagged: z.array(z.string()).describe("Indicator codes with a late, outlier or revised value"),
    }),
  ),
  byIndicator: z.array(
    z.object({
      indicator: z.object({ code: z.string(), name: localized }),
      due: z.string(),
      expected: z.number(),
      reported: z.number(),
      missing: z.array(z.string()).describe("Unit codes expected but not reported"),
    }),
  ),
  flagged: z.array(flaggedValue),
});

export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  app.get(
    "/plans/:code/data-quality",
    {
      config: { access: { signedIn: true, tokenActions: ["observations:read"] } },
      schema: {
        tags: ["observations"],
        summary:
          "Data gaps and flags of one period: missing values per unit and per indicator, late, outlier and revised values",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          period: periodCode.describe("Indicators reported at this period's frequency are checked"),
        }),
        response: { 200: response, ...errorResponses },
      },
    },
    async (req, reply) => {
      const plan = await getPlanByCode(db(), req.params.code);
      const answer = await dataQualityJson(db(), plan, parsePeriod(req.query.period), req.principal, (v) =>
        response.parse(v),
      );
      // Memoised bytes: validated against the schema once, when computed.
      return sendEncoded(req, reply, answer);
    },
  );
};
