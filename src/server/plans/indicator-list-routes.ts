/**
 * The indicators a plan tracks. The route lives with plans (it is addressed by the plan's code);
 * the indicator module answers through its front door.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../contracts/common.js";
import { listEnvelope, pageQuery } from "../../contracts/pagination.js";
import { canReadUnpublishedIndicators } from "../access/index.js";
import { decodeCursor, page } from "../core/http/pagination.js";
import { presentIndicator, indicatorQueries as Q, indicatorSchemas as S } from "../indicators/index.js";
import * as PlanQ from "./queries.js";

const tags = ["indicators"];

export const planIndicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/plans/:code/indicators",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Indicators tracked by a plan (all four tiers), filterable by tier, system and initiative",
        params: z.object({ code: codeParam }),
        querystring: pageQuery.extend(S.indicatorListQuery.shape),
        response: { 200: listEnvelope(S.indicator), ...errorResponses },
      },
    },
    async (req) => {
      const plan = await PlanQ.getPlanByCode(db(), req.params.code);
      const q = req.query;
      // The public sees published indicators only; people working on the plan see all.
      const seesAll = canReadUnpublishedIndicators(req.principal);
      if (!seesAll && q.published === "false") return { items: [], total: 0, nextCursor: null };
      const systemId = q.system ? (await PlanQ.getSystem(db(), plan.id, q.system)).id : undefined;
      const initiativeId = q.initiative
        ? (await PlanQ.getInitiative(db(), plan.id, q.initiative)).id
        : undefined;
      const { rows, total } = await Q.listPlanIndicators(
        db(),
        {
          planId: plan.id,
          tier: q.tier,
          systemId,
          initiativeId,
          proposed: q.proposed === undefined ? undefined : q.proposed === "true",
          published: seesAll ? (q.published === undefined ? undefined : q.published === "true") : true,
        },
        q.limit,
        decodeCursor(q.cursor, 2),
      );
      const rel = await Q.indicatorRelations(
        db(),
        rows.slice(0, q.limit).map((r) => r.id),
        plan.id,
      );
      return page(
        rows,
        q.limit,
        total,
        (r) => [Q.tierRankOf(r.tier), r.code],
        (r) => presentIndicator(r, rel),
      );
    },
  );
};
