/** Public read routes of org units. Administration arrives with the access issue, behind roles. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../contracts/common.js";
import { listEnvelope, pageQuery } from "../../contracts/pagination.js";
import { orgUnitCan } from "../access/index.js";
import { decodeCursor, page } from "../core/http/pagination.js";
import { presentOrgUnit } from "./presenter.js";
import * as Q from "./queries.js";
import * as S from "./schema.js";

const tags = ["org-units"];

/** Today in Vietnam's time zone: validity dates are Vietnamese legal dates. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(now);
}

export const orgUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/org-units",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Org units: central bodies, party committees, ministries, provinces, agencies, enterprises",
        querystring: pageQuery.extend(S.orgUnitListQuery.shape),
        response: { 200: listEnvelope(S.orgUnit), ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      const parentId = q.parent ? (await Q.getOrgUnitByCode(db(), q.parent)).id : undefined;
      const today = todayInVietnam();
      const current = q.current === undefined ? undefined : q.current === "true";
      const { rows, total } = await Q.listOrgUnits(
        db(),
        { kind: q.kind, subtype: q.subtype, parentId, current, validAt: q.validAt, q: q.q, today },
        q.limit,
        decodeCursor(q.cursor, 1),
      );
      const rel = await Q.orgUnitRelations(db(), rows.slice(0, q.limit));
      return page(
        rows,
        q.limit,
        total,
        (r) => [r.code],
        (r) => presentOrgUnit(r, rel, today),
      );
    },
  );

  app.get(
    "/org-units/:code",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One org unit with its lineage",
        params: z.object({ code: codeParam }),
        response: { 200: S.orgUnitDetail, ...errorResponses },
      },
    },
    async (req) => {
      const row = await Q.getOrgUnitByCode(db(), req.params.code);
      const unit = presentOrgUnit(row, await Q.orgUnitRelations(db(), [row]), todayInVietnam());
      return { ...unit, can: orgUnitCan(req.principal) };
    },
  );
};
