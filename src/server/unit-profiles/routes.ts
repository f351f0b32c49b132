/**
 * A unit's profile and its focal persons: the first unit-owned resource. Read by those working on
 * the plan and by the unit's own roles; changed only by the unit's approver (or an administrator).
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses } from "../../contracts/common.js";
import { changeContext } from "../core/change-context.js";
import { addFocalPerson, changeFocalPerson, removeFocalPerson } from "./commands/focal-persons.js";
import { updateUnitProfile } from "./commands/update-profile.js";
import { presentFocal } from "./presenter.js";
import { profileView, readUnitProfile } from "./read-profile.js";
import * as S from "./schema.js";

const tags = ["unit-profiles"];
const readers = { signedIn: true as const };
const editors = { signedIn: true as const, roles: ["system_admin" as const, "unit_approver" as const] };

export const unitProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.get(
    "/org-units/:code/profile",
    {
      config: { access: readers },
      schema: {
        tags,
        summary: "A unit's profile and focal persons",
        params: z.object({ code: codeParam }),
        response: { 200: S.profileRead, ...errorResponses },
      },
    },
    async (req) => readUnitProfile(db(), req.principal, req.params.code),
  );

  app.put(
    "/org-units/:code/profile",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Change a unit's profile (the unit's approver)",
        params: z.object({ code: codeParam }),
        body: S.profileBody,
        response: { 200: S.profile, ...errorResponses },
      },
    },
    async (req) => {
      const unit = await updateUnitProfile(
        db(),
        req.principal,
        req.params.code,
        req.body,
        changeContext(req),
      );
      return profileView(db(), unit);
    },
  );

  app.post(
    "/org-units/:code/focal-persons",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Add a focal person to a unit (the unit's approver)",
        params: z.object({ code: codeParam }),
        body: S.focalBody,
        response: { 201: S.focalPerson, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await addFocalPerson(db(), req.principal, req.params.code, req.body, changeContext(req));
      return reply.status(201).send(presentFocal(row));
    },
  );

  app.patch(
    "/focal-persons/:id",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Change a focal person (the unit's approver)",
        params: z.object({ id: z.uuid() }),
        body: S.focalPatch,
        response: { 200: S.focalPerson, ...errorResponses },
      },
    },
    async (req) =>
      presentFocal(await changeFocalPerson(db(), req.principal, req.params.id, req.body, changeContext(req))),
  );

  app.delete(
    "/focal-persons/:id",
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Remove a focal person (the unit's approver)",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await removeFocalPerson(db(), req.principal, req.params.id, changeContext(req));
      return reply.status(204).send(null);
    },
  );
};
