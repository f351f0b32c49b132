/** Indicator definitions and targets, administered over HTTP (versioned; a reason is required). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { targetValueDef } from "../../../domain/plan-definition/schema.js";
import { changeContext } from "../../core/change-context.js";
import { codeParam, errorResponses } from "../../core/http/common-schemas.js";
import { indicatorPatch } from "../../indicators/index.js";
import {
  changeIndicatorDefinition,
  retireOwnedIndicator,
  setPlanTarget,
} from "../commands/indicator-admin.js";
import { planAdmins, reason, tags } from "./schema.js";

export const indicatorAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.patch(
    "/indicators/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change an indicator's definition (versioned; a reason is required)",
        params: z.object({ code: codeParam }),
        body: indicatorPatch.extend({ reason }),
        response: { 200: z.object({ code: z.string(), version: z.number() }), ...errorResponses },
      },
    },
    async (req) => {
      const { reason: why, ...patch } = req.body;
      const ctx = changeContext(req, why);
      const version = await changeIndicatorDefinition(db(), req.principal, req.params.code, patch, ctx);
      return { code: req.params.code, version };
    },
  );

  app.delete(
    "/indicators/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire an indicator (kept with its history)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await retireOwnedIndicator(db(), req.principal, req.params.code, changeContext(req, req.query.reason));
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/plans/:code/indicators/:indicator/targets",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary:
          "Set a target for a year, nationally or as one unit's own target (versioned; a reason is required)",
        params: z.object({ code: codeParam, indicator: codeParam }),
        body: z.strictObject({ target: targetValueDef, reason }),
        response: { 200: z.object({ version: z.number() }), ...errorResponses },
      },
    },
    async (req) => {
      const { orgUnit, ...target } = req.body.target;
      const r = await setPlanTarget(
        db(),
        req.principal,
        { plan: req.params.code, indicator: req.params.indicator, orgUnit, target },
        changeContext(req, req.body.reason),
      );
      return { version: r.version };
    },
  );
};
