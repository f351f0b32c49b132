/** Public read routes of the plan structure. Writes arrive with the access issue, behind roles. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../contracts/common.js";
import { listEnvelope, pageQuery } from "../../contracts/pagination.js";
import { planCan } from "../access/index.js";
import { decodeCursor, page } from "../core/http/pagination.js";
import {
  presentInitiative,
  presentPlanDetail,
  presentPlanSummary,
  presentProject,
  presentRoadmap,
  presentSystem,
} from "./presenter.js";
import * as Q from "./queries.js";
import * as S from "./schema.js";

const tags = ["plans"];

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/plans",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "List plans",
        querystring: pageQuery,
        response: { 200: listEnvelope(S.planSummary), ...errorResponses },
      },
    },
    async (req) => {
      const { limit, cursor } = req.query;
      const { rows, total } = await Q.listPlans(db(), limit, decodeCursor(cursor, 1));
      const counts = await Q.planCounts(
        db(),
        rows.map((r) => r.id),
      );
      return page(
        rows,
        limit,
        total,
        (r) => [r.code],
        (r) => presentPlanSummary(r, counts.get(r.id)),
      );
    },
  );

  app.get(
    "/plans/:code",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "A plan with its phases (and their focus) and roles",
        params: z.object({ code: codeParam }),
        response: { 200: S.planRead, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await Q.getPlanByCode(db(), req.params.code);
      const counts = await Q.planCounts(db(), [plan.id]);
      const parts = await Q.planPhasesAndRoles(db(), plan.id);
      const maps = await Q.planCodeMaps(db(), plan.id);
      const unit = await Q.unitCodes(
        db(),
        parts.roleRows.flatMap((r) => r.unitIds),
      );
      const detail = presentPlanDetail(plan, counts.get(plan.id), parts, { ...maps, unit });
      return { ...detail, can: planCan(req.principal, plan.id) };
    },
  );

  app.get(
    "/plans/:code/roadmap",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "The plan's phases with their focus items and the systems and initiatives each names (codes and titles)",
        params: z.object({ code: codeParam }),
        response: { 200: S.roadmap, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await Q.getPlanByCode(db(), req.params.code);
      const parts = await Q.planPhasesAndRoles(db(), plan.id);
      return presentRoadmap(plan, parts, await Q.planStructureNames(db(), plan.id));
    },
  );

  app.get(
    "/plans/:code/systems",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "The plan's systems",
        params: z.object({ code: codeParam }),
        querystring: pageQuery,
        response: { 200: listEnvelope(S.system), ...errorResponses },
      },
    },
    async (req) => {
      const plan = await Q.getPlanByCode(db(), req.params.code);
      const { limit, cursor } = req.query;
      const { rows, total } = await Q.listSystems(db(), plan.id, limit, decodeCursor(cursor, 2));
      const extras = await Q.systemExtras(
        db(),
        rows.map((r) => r.id),
      );
      return page(
        rows,
        limit,
        total,
        (r) => [r.number, r.code],
        (r) =>
          presentSystem(
            r,
            extras.byInitiative.filter((i) => i.systemId === r.id).map((i) => i.code),
            Number(extras.indicatorCounts.find((c) => c.systemId === r.id)?.n ?? 0),
            extras.chiefEngineers.filter((c) => c.systemId === r.id),
          ),
      );
    },
  );

  app.get(
    "/plans/:code/systems/:system",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One system",
        params: z.object({ code: codeParam, system: codeParam }),
        response: { 200: S.system, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await Q.getPlanByCode(db(), req.params.code);
      const row = await Q.getSystem(db(), plan.id, req.params.system);
      const extras = await Q.systemExtras(db(), [row.id]);
      return presentSystem(
        row,
        extras.byInitiative.map((i) => i.code),
        Number(extras.indicatorCounts[0]?.n ?? 0),
        extras.chiefEngineers,
      );
    },
  );

  const initiativeList = async (
    planId: string,
    rows: Awaited<ReturnType<typeof Q.listInitiatives>>["rows"],
  ) => {
    const maps = await Q.planCodeMaps(db(), planId);
    const units = await Q.unitCodes(
      db(),
      rows.map((r) => r.leadUnitId),
    );
    const extras = await Q.initiativeExtras(
      db(),
      planId,
      rows.map((r) => r.id),
    );
    return (r: (typeof rows)[number]) =>
      presentInitiative(r, {
        systemCode: maps.system.get(r.systemId) ?? r.systemId,
        leadUnit: r.leadUnitId ? (units.get(r.leadUnitId) ?? null) : null,
        phases: [
          ...new Set(extras.phaseRows.filter((p) => p.initiativeIds.includes(r.id)).map((p) => p.code)),
        ],
        projects: extras.projectRows.filter((p) => p.initiativeId === r.id).map((p) => p.code),
      });
  };

  app.get(
    "/plans/:code/initiatives",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "The plan's breakthrough initiatives",
        params: z.object({ code: codeParam }),
        querystring: pageQuery.extend({
          system: codeParam.optional().describe("Only initiatives of this system."),
        }),
        response: { 200: listEnvelope(S.initiative), ...errorResponses },
      },
    },
    async (req) => {
      const plan = await Q.getPlanByCode(db(), req.params.code);
      const { limit, cursor, system } = req.query;
      const systemId = system ? (await Q.getSystem(db(), plan.id, system)).id : undefined;
      const { rows, total } = await Q.listInitiatives(
        db(),
        plan.id,
        { systemId },
        limit,
        decodeCursor(cursor, 2),
      );
      return page(rows, limit, total, (r) => [r.number, r.code], await initiativeList(plan.id, rows));
    },
  );

  app.get(
    "/plans/:code/initiatives/:initiative",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One initiative",
        params: z.object({ code: codeParam, initiative: codeParam }),
        response: { 200: S.initiative, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await Q.getPlanByCode(db(), req.params.code);
      const row = await Q.getInitiative(db(), plan.id, req.params.initiative);
      return (await initiativeList(plan.id, [row]))(row);
    },
  );

  app.get(
    "/plans/:code/projects",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "The plan's projects (special important projects, group A/B national projects)",
        params: z.object({ code: codeParam }),
        querystring: pageQuery,
        response: { 200: listEnvelope(S.project), ...errorResponses },
      },
    },
    async (req) => {
      const plan = await Q.getPlanByCode(db(), req.params.code);
      const { limit, cursor } = req.query;
      const { rows, total, links } = await Q.listProjects(db(), plan.id, limit, decodeCursor(cursor, 1));
      const maps = await Q.planCodeMaps(db(), plan.id);
      const units = await Q.unitCodes(
        db(),
        rows.map((r) => r.ownerUnitId),
      );
      return page(
        rows,
        limit,
        total,
        (r) => [r.code],
        (r) =>
          presentProject(r, {
            systemCode: r.systemId ? (maps.system.get(r.systemId) ?? null) : null,
            initiatives: links.filter((l) => l.projectId === r.id).map((l) => l.code),
            ownerUnit: r.ownerUnitId ? (units.get(r.ownerUnitId) ?? null) : null,
          }),
      );
    },
  );
};
