/** Org units administered over HTTP: create, change (cycles refused), retire from a date. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../../contracts/common.js";
import { orgUnitDef } from "../../../domain/org-units/schema.js";
import { authorize } from "../../access/index.js";
import { changeContext } from "../../core/change-context.js";
import { createOrgUnit, orgUnitPatch, retireOrgUnit, updateOrgUnit } from "../../org-units/index.js";
import { planAdmins, tags } from "./schema.js";

export const orgUnitAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    "/org-units",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Create an org unit",
        body: orgUnitDef,
        response: { 201: z.object({ code: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      authorize(req.principal, "orgUnit.create", null);
      await createOrgUnit(db(), req.body, changeContext(req), {
        validFrom: "body.validFrom",
        validTo: "body.validTo",
      });
      return reply.status(201).send({ code: req.body.code });
    },
  );

  app.patch(
    "/org-units/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change an org unit: name, kind, parent (cycles refused), validity, administrative code",
        params: z.object({ code: codeParam }),
        body: orgUnitPatch,
        response: { 200: z.object({ code: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "orgUnit.edit", null);
      await updateOrgUnit(db(), req.params.code, req.body, changeContext(req), {
        validFrom: "body.validFrom",
        validTo: "body.validTo",
      });
      return { code: req.params.code };
    },
  );

  app.delete(
    "/org-units/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire an org unit from a date (kept for history and lineage)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ validTo: z.iso.date() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      authorize(req.principal, "orgUnit.retire", null);
      await retireOrgUnit(db(), req.params.code, req.query.validTo, changeContext(req), {
        validFrom: "querystring.validFrom",
        validTo: "querystring.validTo",
      });
      return reply.status(204).send(null);
    },
  );
};
