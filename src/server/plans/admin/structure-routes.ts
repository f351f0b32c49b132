/** Plans, their systems, initiatives and new indicators, administered over HTTP. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../../contracts/common.js";
import { PLAN_FILE_MAX_MB } from "../../../contracts/plan-file.js";
import {
  indicatorDef,
  initiativeDef,
  planDefinition,
  systemDef,
  systemKinds,
} from "../../../domain/plan-definition/schema.js";
import { TEXT_LIMITS } from "../../../domain/text-limits.js";
import { changeContext } from "../../core/change-context.js";
import { parseDefinitionText, validateFile } from "../../core/definition-files.js";
import { importPlanFile } from "../commands/import-plan-file.js";
import { addToPlan, changeInitiative, changeSystem } from "../commands/plan-items.js";
import { retireInitiative, retirePlan, retireSystem } from "../commands/retire.js";
import { planDefinitionFile } from "../plan-file.js";
import { importSummary, planAdmins, reason, tags } from "./schema.js";

export const planStructureRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    "/plans",
    {
      config: { access: planAdmins },
      bodyLimit: Math.min(app.deps.config.MAX_UPLOAD_MB, PLAN_FILE_MAX_MB) * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Create or update a plan from a plan-definition file (JSON body, or YAML with Content-Type application/yaml)",
        querystring: z.strictObject({
          dryRun: z.enum(["true", "false"]).optional(),
          reason: z.string().max(TEXT_LIMITS.reason).optional(),
        }),
        body: z.unknown(),
        response: {
          200: importSummary,
          201: importSummary,
          ...errorResponses,
          403: errorResponses[400],
          422: errorResponses[400],
        },
      },
    },
    async (req, reply) => {
      const file = parseDefinitionText(
        typeof req.body === "string" ? req.body : JSON.stringify(req.body ?? null, null, 2),
      );
      const def = validateFile(file, planDefinition);
      const dryRun = req.query.dryRun === "true";
      const ctx = changeContext(req, req.query.reason ?? "plan-definition file");
      const summary = await importPlanFile(db(), req.principal, def, file, { dryRun }, ctx);
      return reply.status(!dryRun && summary.created ? 201 : 200).send(summary);
    },
  );

  app.get(
    "/plans/:code/definition",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary:
          "The plan's current definition as a YAML file (attachment), to edit and upload again with POST /plans",
        params: z.object({ code: codeParam }),
        produces: ["application/yaml"],
        response: { 200: z.string().describe("The plan-definition file, YAML"), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { yaml, filename } = await planDefinitionFile(db(), req.principal, req.params.code);
      return reply
        .type("application/yaml; charset=utf-8")
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(yaml);
    },
  );

  app.delete(
    "/plans/:code",
    {
      config: { access: { signedIn: true, roles: ["system_admin"] } },
      schema: {
        tags,
        summary: "Retire a plan (kept, read-only)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await retirePlan(db(), req.principal, req.params.code, changeContext(req, req.query.reason));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/plans/:code/systems",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Add or replace a system",
        params: z.object({ code: codeParam }),
        body: systemDef,
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      addToPlan(
        db(),
        req.principal,
        req.params.code,
        { systems: [req.body] },
        changeContext(req, `system ${req.body.code}`),
      ),
  );

  app.patch(
    "/plans/:code/systems/:system",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change a system",
        params: z.object({ code: codeParam, system: codeParam }),
        // No defaults in a patch: a missing kind must not reset it.
        body: systemDef
          .omit({ code: true, kind: true })
          .partial()
          .extend({ kind: z.enum(systemKinds).optional() }),
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      changeSystem(db(), req.principal, req.params.code, req.params.system, req.body, (code) =>
        changeContext(req, `system ${code}`),
      ),
  );

  app.delete(
    "/plans/:code/systems/:system",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire a system",
        params: z.object({ code: codeParam, system: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = changeContext(req, req.query.reason);
      await retireSystem(db(), req.principal, req.params.code, req.params.system, ctx);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/plans/:code/initiatives",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Add or replace an initiative",
        params: z.object({ code: codeParam }),
        body: initiativeDef,
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      addToPlan(
        db(),
        req.principal,
        req.params.code,
        { initiatives: [req.body] },
        changeContext(req, `initiative ${req.body.code}`),
      ),
  );

  app.patch(
    "/plans/:code/initiatives/:initiative",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change an initiative",
        params: z.object({ code: codeParam, initiative: codeParam }),
        body: initiativeDef.omit({ code: true }).partial(),
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      changeInitiative(db(), req.principal, req.params.code, req.params.initiative, req.body, (code) =>
        changeContext(req, `initiative ${code}`),
      ),
  );

  app.delete(
    "/plans/:code/initiatives/:initiative",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire an initiative",
        params: z.object({ code: codeParam, initiative: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const ctx = changeContext(req, req.query.reason);
      await retireInitiative(db(), req.principal, req.params.code, req.params.initiative, ctx);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/plans/:code/indicators",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Add an indicator to the catalogue, owned by this plan",
        params: z.object({ code: codeParam }),
        body: indicatorDef,
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      addToPlan(
        db(),
        req.principal,
        req.params.code,
        { indicators: [req.body] },
        changeContext(req, `indicator ${req.body.code}`),
      ),
  );
};
