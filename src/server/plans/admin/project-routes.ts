/**
 * A plan's projects (special important projects, group A/B national projects) administered over
 * HTTP like its systems and initiatives: added or changed through the plan-definition import,
 * retired (kept with their history), by the plan's Standing Office and administrators.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../../contracts/common.js";
import { projectDef, projectKinds } from "../../../domain/plan-definition/schema.js";
import { changeContext } from "../../core/change-context.js";
import { addToPlan, changeProject } from "../commands/plan-items.js";
import { retireProject } from "../commands/retire.js";
import { importSummary, planAdmins, reason, tags } from "./schema.js";

export const projectAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    "/plans/:code/projects",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Add or replace a project",
        params: z.object({ code: codeParam }),
        body: projectDef,
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      addToPlan(
        db(),
        req.principal,
        req.params.code,
        { projects: [req.body] },
        changeContext(req, `project ${req.body.code}`),
      ),
  );

  app.patch(
    "/plans/:code/projects/:project",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change a project",
        params: z.object({ code: codeParam, project: codeParam }),
        // No defaults in a patch: a missing list or flag must not reset it.
        body: projectDef
          .omit({ code: true, kind: true, initiatives: true, hasStdxComponent: true })
          .partial()
          .extend({
            kind: z.enum(projectKinds).optional(),
            initiatives: z.array(codeParam).max(200).optional(),
            hasStdxComponent: z.boolean().optional(),
          }),
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      changeProject(db(), req.principal, req.params.code, req.params.project, req.body, (code) =>
        changeContext(req, `project ${code}`),
      ),
  );

  app.delete(
    "/plans/:code/projects/:project",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire a project (kept with its history)",
        params: z.object({ code: codeParam, project: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = changeContext(req, req.query.reason);
      await retireProject(db(), req.principal, req.params.code, req.params.project, ctx);
      return reply.status(204).send(null);
    },
  );
};
