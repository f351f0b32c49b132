/**
 * API tokens for machine-to-machine ingestion: issued by an administrator for a unit, scoped to
 * indicators and actions, shown once, stored hashed, with expiry, last use and revocation.
 */

import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../contracts/common.js";
import { listEnvelope } from "../../contracts/pagination.js";
import { authorize } from "../access/index.js";
import { changeContext } from "../core/change-context.js";
import { AppError } from "../core/errors.js";
import { issueApiToken } from "./commands/issue-token.js";
import { revokeApiToken } from "./commands/revoke-token.js";
import { presentToken } from "./presenter.js";
import * as Q from "./queries.js";
import * as S from "./schema.js";

const tags = ["api-tokens"];
const admins = { signedIn: true as const, roles: ["system_admin" as const] };

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.post(
    "/api-tokens",
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Issue a token for a unit; the secret is shown once, in this response only",
        body: S.issueBody,
        response: { 201: S.issuedToken, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { row, token } = await issueApiToken(db(), req.principal, req.body, changeContext(req));
      const view = presentToken(row, await Q.tokenRefs(db(), [row]), req.principal);
      return reply.status(201).send({ ...view, token });
    },
  );

  app.get(
    "/api-tokens",
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Issued tokens (never their secrets)",
        response: { 200: listEnvelope(S.tokenView), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "apiToken.manage", null);
      const rows = await Q.listTokens(db());
      const refs = await Q.tokenRefs(db(), rows);
      return {
        items: rows.map((r) => presentToken(r, refs, req.principal)),
        total: rows.length,
        nextCursor: null,
      };
    },
  );

  app.delete(
    "/api-tokens/:id",
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Revoke a token at once",
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await revokeApiToken(db(), req.principal, req.params.id, changeContext(req));
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api-tokens/current",
    {
      config: { access: { signedIn: true, tokenActions: [...S.tokenActions] } },
      schema: {
        tags,
        summary: "For a token: the unit and scopes it carries",
        response: { 200: S.currentToken, ...errorResponses },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "token") throw new AppError("FORBIDDEN");
      const row = await Q.tokenById(db(), p.tokenId);
      if (!row) throw new AppError("INVALID_TOKEN");
      const v = presentToken(row, await Q.tokenRefs(db(), [row]), p);
      return {
        id: v.id,
        name: v.name,
        prefix: v.prefix,
        unit: v.unit,
        indicators: v.indicators,
        actions: v.actions,
        expiresAt: v.expiresAt,
      };
    },
  );
};
