/**
 * Plan administration over HTTP, behind the Standing Office of the plan and administrators.
 * Structure changes go through the same plan-definition import the CLI uses (one validation,
 * one transaction, versions and audit); targets and definitions through the indicators' commands.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { indicatorAdminRoutes } from "./admin/indicator-routes.js";
import { orgUnitAdminRoutes } from "./admin/org-unit-routes.js";
import { projectAdminRoutes } from "./admin/project-routes.js";
import { planStructureRoutes } from "./admin/structure-routes.js";

export const planAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addContentTypeParser(
    ["application/yaml", "application/x-yaml", "text/yaml"],
    { parseAs: "string" },
    (_req, body, done) => done(null, body),
  );
  await app.register(planStructureRoutes);
  await app.register(projectAdminRoutes);
  await app.register(indicatorAdminRoutes);
  await app.register(orgUnitAdminRoutes);
};
