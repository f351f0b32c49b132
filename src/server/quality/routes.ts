/** Data quality and data gaps of a plan's reporting period: the counts, and the lists paged. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../contracts/common.js";
import { DEFAULT_PAGE_SIZE } from "../../contracts/pagination.js";
import { parsePeriod } from "../../domain/periods.js";
import { sendEncoded } from "../core/http/encoded.js";
import { dataQualityAnswer, flagFilter, flaggedList, listFilters, listLimit, unitList } from "./schema.js";
import { DEFAULT_LIST_SIZE, dataQualityJson, flaggedValuesJson, unitGapsJson } from "./service.js";

const access = () => ({ signedIn: true as const, tokenActions: ["observations:read"] });
const cursor = z.string().max(512).optional().describe("The nextCursor of the previous page");

export const qualityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  app.get(
    "/plans/:code/data-quality",
    {
      config: { access: access() },
      schema: {
        tags: ["observations"],
        summary:
          "Data gaps and flags of one period: counts per indicator and in all, the units with missing values and the late, outlier and revised values (first pages)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...listFilters,
          flag: flagFilter,
          limit: listLimit(DEFAULT_LIST_SIZE),
        }),
        response: { 200: dataQualityAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const plan = { code: req.params.code };
      const { period, indicator, ...q } = req.query;
      const answer = await dataQualityJson(
        db(),
        plan,
        parsePeriod(period),
        req.principal,
        { ...q, indicators: indicator },
        (v) => dataQualityAnswer.parse(v),
      );
      // Memoised bytes: validated against the schema once, when computed.
      return sendEncoded(req, reply, answer);
    },
  );

  app.get(
    "/plans/:code/data-quality/flagged",
    {
      config: { access: access() },
      schema: {
        tags: ["observations"],
        summary: "The late, outlier and revised values of one period, a page at a time",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...listFilters,
          flag: flagFilter,
          limit: listLimit(DEFAULT_PAGE_SIZE),
          cursor,
        }),
        response: { 200: flaggedList, ...errorResponses },
      },
    },
    async (req, reply) => {
      const plan = { code: req.params.code };
      const { period, indicator, ...q } = req.query;
      const answer = await flaggedValuesJson(
        db(),
        plan,
        parsePeriod(period),
        req.principal,
        { ...q, indicators: indicator },
        (v) => flaggedList.parse(v),
      );
      return sendEncoded(req, reply, answer);
    },
  );

  app.get(
    "/plans/:code/data-quality/units",
    {
      config: { access: access() },
      schema: {
        tags: ["observations"],
        summary:
          "The units expected to report one period with their missing and flagged values, a page at a time",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...listFilters,
          gaps: z
            .enum(["true", "false"])
            .optional()
            .describe("true: only units with a value missing (they come first in the order)"),
          limit: listLimit(DEFAULT_PAGE_SIZE),
          cursor,
        }),
        response: { 200: unitList, ...errorResponses },
      },
    },
    async (req, reply) => {
      const plan = { code: req.params.code };
      const { period, gaps, indicator, ...q } = req.query;
      const answer = await unitGapsJson(
        db(),
        plan,
        parsePeriod(period),
        req.principal,
        { ...q, indicators: indicator, gaps: gaps === "true" },
        (v) => unitList.parse(v),
      );
      return sendEncoded(req, reply, answer);
    },
  );
};
