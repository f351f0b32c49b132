/**
 * A unit's entry sheet over HTTP (GET /org-units/{code}/entry): the page a reporting officer fills
 * in and a reviewer reads. Parse, read, present, reply.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../../contracts/common.js";
import { presentSheet } from "./presenter.js";
import { readSheet } from "./read.js";
import { entryParams, entryQuery, entrySheet, tags } from "./schema.js";

export const entryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/org-units/:code/entry",
    {
      // The unit's people (and those of the units above it) and the plan's reviewers: the policy decides.
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary:
          "My unit, this period: the indicators the unit reports for a plan and period, each cell with its current value (status, version, who changed it), the last 12 periods, a reviewer's return, why it is locked, and what you may do",
        params: entryParams,
        querystring: entryQuery,
        response: { 200: entrySheet, ...errorResponses },
      },
    },
    async (req) => {
      const sheet = await readSheet(db(), req.principal, {
        code: req.params.code,
        plan: req.query.plan,
        period: req.query.period,
      });
      return presentSheet(req.principal, sheet);
    },
  );
};
