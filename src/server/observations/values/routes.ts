/**
 * Indicator values over HTTP: write one (reporters, or a unit's API token), list and read with
 * `asOf`, revisions, and the draft → submitted → approved flow. Every object is checked by the
 * observations policy; a value the caller may not see does not exist for them (404). Each handler
 * parses, calls one command or read, presents, replies.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../../contracts/common.js";
import { listEnvelope } from "../../../contracts/pagination.js";
import { changeContext } from "../../core/change-context.js";
import { changeValueState } from "./commands/change-state.js";
import { deleteValue } from "./commands/delete-value.js";
import { reviseValue } from "./commands/revise-value.js";
import { writeValue } from "./commands/write-value.js";
import type { Transition } from "./model.js";
import { presentObservation, presentRevision } from "./presenter.js";
import { listValues, readRevisions, readValue, valueView } from "./read.js";
import {
  deleteQuery,
  idParams,
  listedObservation,
  listQuery,
  observation,
  reviseBody,
  revision,
  tags,
  transitionBody,
  writeBody,
} from "./schema.js";

const reviewers = ["system_admin", "standing_office", "chief_engineer"] as const;

const transitionSummary: Record<Transition, string> = {
  submit: "Submit a draft value (the reporting unit's approver)",
  recall: "Recall a submitted value, not yet approved, to a draft (the reporting unit's approver)",
  approve: "Approve a submitted value (Standing Office, the system's Chief Engineer)",
  return: "Return a submitted or approved value to its unit as a draft, with a reason (a reviewer)",
};

export const valueRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.put(
    "/observations",
    {
      config: {
        access: {
          signedIn: true,
          roles: ["unit_reporter", "unit_approver"],
          tokenActions: ["observations:write"],
        },
      },
      schema: {
        tags,
        summary:
          "Write one value (a draft of your unit); a changed value keeps the previous one as a revision",
        body: writeBody,
        response: {
          200: observation,
          201: observation,
          ...errorResponses,
          409: errorResponses[400],
          422: errorResponses[400],
        },
      },
    },
    async (req, reply) => {
      const result = await writeValue(db(), req.principal, req.body, changeContext(req));
      const out = presentObservation(await valueView(db(), result.row), req.principal);
      return reply.status(result.outcome === "created" ? 201 : 200).send(out);
    },
  );

  app.get(
    "/observations",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "Values you may read, by indicator, unit and period range; `asOf` returns them as they stood then",
        querystring: listQuery,
        response: { 200: listEnvelope(listedObservation), ...errorResponses },
      },
    },
    async (req) => {
      const { previous, ...page } = await listValues(db(), req.principal, req.query);
      const items = page.items.map((v) => {
        const out = presentObservation(v, req.principal);
        return previous ? { ...out, previous: previous.get(v.row.id) ?? null } : out;
      });
      return { ...page, items };
    },
  );

  app.get(
    "/observations/:id",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One value",
        params: idParams,
        response: { 200: observation, ...errorResponses },
      },
    },
    async (req) => presentObservation(await readValue(db(), req.principal, req.params.id), req.principal),
  );

  app.get(
    "/observations/:id/revisions",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Every revision of a value, oldest first: nothing is ever silently overwritten",
        params: idParams,
        response: { 200: listEnvelope(revision), ...errorResponses },
      },
    },
    async (req) => {
      const revs = await readRevisions(db(), req.principal, req.params.id);
      return { items: revs.map(presentRevision), total: revs.length, nextCursor: null };
    },
  );

  app.delete(
    "/observations/:id",
    {
      config: { access: { signedIn: true, tokenActions: ["observations:write"] } },
      schema: {
        tags,
        summary:
          "Delete a value (kept in its revisions): a draft by its reporting unit's writers, any value by its reviewers",
        params: idParams,
        querystring: deleteQuery,
        response: { 204: z.null(), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (req, reply) => {
      const { expectedVersion, reason } = req.query;
      await deleteValue(db(), req.principal, req.params.id, { expectedVersion }, changeContext(req, reason));
      return reply.status(204).send(null);
    },
  );

  for (const action of ["submit", "recall", "approve", "return"] as const) {
    app.post(
      `/observations/:id/${action}`,
      {
        config: {
          access: {
            signedIn: true,
            roles: action === "submit" || action === "recall" ? ["unit_approver"] : [...reviewers],
          },
        },
        schema: {
          tags,
          summary: transitionSummary[action],
          params: idParams,
          body: transitionBody,
          response: { 200: observation, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (req) => {
        const next = await changeValueState(
          db(),
          req.principal,
          req.params.id,
          action,
          { expectedVersion: req.body?.expectedVersion },
          changeContext(req, req.body?.reason),
        );
        return presentObservation(await valueView(db(), next), req.principal);
      },
    );
  }

  app.post(
    "/observations/:id/revise",
    {
      config: { access: { signedIn: true, roles: [...reviewers] } },
      schema: {
        tags,
        summary:
          "Revise an approved (official) value: a reviewer's new approved revision with a required reason; the previous figure stays in the revisions",
        params: idParams,
        body: reviseBody,
        response: { 200: observation, ...errorResponses, 409: errorResponses[400], 422: errorResponses[400] },
      },
    },
    async (req) => {
      const next = await reviseValue(
        db(),
        req.principal,
        req.params.id,
        req.body,
        changeContext(req, req.body.reason),
      );
      return presentObservation(await valueView(db(), next), req.principal);
    },
  );
};
