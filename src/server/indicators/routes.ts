/** Public read routes of the indicator catalogue. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../contracts/common.js";
import { listEnvelope, pageQuery } from "../../contracts/pagination.js";
import type { Principal } from "../access/index.js";
import { allows, indicatorCan } from "../access/index.js";
import { notFound } from "../core/errors.js";
import { decodeCursor, page } from "../core/http/pagination.js";
import { loadIndicatorContext } from "./access-context.js";
import { presentIndicator } from "./presenter.js";
import * as Q from "./queries.js";
import * as S from "./schema.js";

const tags = ["indicators"];

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  /** An unpublished indicator does not exist for those who may not read it. */
  const readable = async (p: Principal, code: string) => {
    const row = await Q.getIndicatorByCode(db(), code);
    if (!allows(p, "indicator.read", row)) throw notFound("indicator", code);
    return row;
  };

  app.get(
    "/indicators/:code",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One indicator of the shared catalogue, with its targets in every plan",
        params: z.object({ code: codeParam }),
        response: { 200: S.indicatorDetail, ...errorResponses },
      },
    },
    async (req) => {
      const row = await readable(req.principal, req.params.code);
      const can = indicatorCan(req.principal, await loadIndicatorContext(db(), row.code));
      return { ...presentIndicator(row, await Q.indicatorRelations(db(), [row.id])), can };
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
