/** Public read routes of the indicator catalogue. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { canReadIndicator, canReadUnpublishedIndicators } from "../access/policies/indicators.js";
import type { Principal } from "../access/roles.js";
import { notFound } from "../errors.js";
import { codeParam, errorResponses } from "../http/common-schemas.js";
import { decodeCursor, listEnvelope, page, pageQuery } from "../http/pagination.js";
import * as PlanQ from "../plans/queries.js";
import { presentIndicator } from "./presenter.js";
import * as Q from "./queries.js";
import * as S from "./schema.js";

const tags = ["indicators"];

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  /** An unpublished indicator does not exist for those who may not read it. */
  const readable = async (p: Principal, code: string) => {
    const row = await Q.getIndicatorByCode(db(), code);
    if (!canReadIndicator(p, row)) throw notFound("indicator", code);
    return row;
  };

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

  app.get(
    "/indicators/:code",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One indicator of the shared catalogue, with its targets in every plan",
        params: z.object({ code: codeParam }),
        response: { 200: S.indicator, ...errorResponses },
      },
    },
    async (req) => {
      const row = await readable(req.principal, req.params.code);
      return presentIndicator(row, await Q.indicatorRelations(db(), [row.id]));
    },
  );

  app.get(
    "/indicators/:code/history",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Every version of the indicator's definition and targets: who, when, why and what changed",
        params: z.object({ code: codeParam }),
        querystring: pageQuery,
        response: { 200: listEnvelope(S.historyEntry), ...errorResponses },
      },
    },
    async (req) => {
      const row = await readable(req.principal, req.params.code);
      const { limit, cursor } = req.query;
      const { rows, total } = await Q.indicatorHistory(db(), row.id, limit, decodeCursor(cursor, 2));
      return page(
        rows,
        limit,
        total,
        (r) => [r.sortTime, r.v.id],
        (r) => ({
          entity: r.v.entityType === "target" ? ("target" as const) : ("indicator" as const),
          version: r.v.version,
          action: r.v.action as "create" | "update" | "retire",
          target:
            r.v.entityType === "target" && r.targetYear !== null
              ? { plan: r.targetPlan, year: r.targetYear, orgUnit: r.targetUnit }
              : null,
          changedBy: r.v.changedBy,
          changedAt: r.v.changedAt.toISOString(),
          reason: r.v.reason,
          changes: r.v.changes,
          snapshot: r.v.snapshot,
        }),
      );
    },
  );
};
