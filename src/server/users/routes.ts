/** Administration of accounts, roles and sessions. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "../../contracts/common.js";
import { listEnvelope } from "../../contracts/pagination.js";
import { authorize, userCan } from "../access/index.js";
import { listUserSessions } from "../auth/index.js";
import { changeContext } from "../core/change-context.js";
import { decodeCursor, page } from "../core/http/pagination.js";
import { createAccount } from "./commands/create-user.js";
import { endUserSessions } from "./commands/end-sessions.js";
import { issuePasswordResetFor } from "./commands/password-reset.js";
import { grantRole, revokeRole } from "./commands/roles.js";
import { changeAccount } from "./commands/update-user.js";
import { grantableRoles } from "./grantable.js";
import { presentSession, resetUrl } from "./presenter.js";
import * as Q from "./queries.js";
import * as S from "./schema.js";
import { grantScopes } from "./scope-names.js";
import { userView, userViews } from "./views.js";

const tags = ["users"];
const adminRoles = { signedIn: true as const, roles: ["system_admin" as const] };
const userAdminReaders = {
  signedIn: true as const,
  roles: ["system_admin" as const, "standing_office" as const],
};

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const link = (l: { token: string; expiresAt: Date }) => ({
    url: resetUrl(app.deps.config.PUBLIC_URL, l.token),
    expiresAt: l.expiresAt.toISOString(),
  });

  app.get(
    "/users",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "Accounts with their roles",
        querystring: S.userListQuery,
        response: { 200: listEnvelope(S.userListItem), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "user.list", null);
      const { limit, cursor, q, status, role } = req.query;
      const { rows, total } = await Q.listUsers(db(), { q, status, role }, limit, decodeCursor(cursor, 1));
      const views = new Map((await userViews(db(), rows.slice(0, limit))).map((v) => [v.id, v]));
      return page(
        rows,
        limit,
        total,
        (r) => [r.username],
        (r) => ({ ...(views.get(r.id) as S.UserView), can: userCan(req.principal, r.id) }),
      );
    },
  );

  app.get(
    "/users/:id",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "One account, with its grants' scopes in words and the roles you may grant it",
        params: S.idParams,
        response: { 200: S.userRead, ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "user.list", null);
      const id = req.params.id;
      const [view, grants, plans] = await Promise.all([
        userView(db(), id),
        Q.activeGrantsOf(db(), [id]),
        Q.allPlans(db()),
      ]);
      return {
        ...view,
        can: userCan(req.principal, id),
        scopes: await grantScopes(db(), grants),
        grantable: grantableRoles(req.principal, id, plans),
      };
    },
  );

  app.post(
    "/users",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "Create an account (without a password, a one-time link to set one is returned)",
        body: S.createBody,
        response: {
          201: z.object({ user: S.user, passwordLink: S.passwordLink.nullable() }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const created = await createAccount(db(), req.principal, req.body, changeContext(req));
      return reply.status(201).send({
        user: await userView(db(), created.id),
        passwordLink: created.link ? link(created.link) : null,
      });
    },
  );

  app.patch(
    "/users/:id",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "Change an account: name, e-mail, unit; disable (ends its sessions) or re-enable",
        params: S.idParams,
        body: S.patchBody,
        response: { 200: S.user, ...errorResponses },
      },
    },
    async (req) => {
      await changeAccount(db(), req.principal, req.params.id, req.body, changeContext(req));
      return userView(db(), req.params.id);
    },
  );

  app.post(
    "/users/:id/roles",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "Grant a role with its scope (plan, system, project or unit)",
        params: S.idParams,
        body: S.grantBody,
        response: { 201: S.user, ...errorResponses },
      },
    },
    async (req, reply) => {
      await grantRole(db(), req.principal, req.params.id, req.body, changeContext(req));
      return reply.status(201).send(await userView(db(), req.params.id));
    },
  );

  app.delete(
    "/users/:id/roles/:grant",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "Revoke a role grant",
        params: S.idParams.extend({ grant: z.uuid() }),
        response: { 200: S.user, ...errorResponses },
      },
    },
    async (req) => {
      await revokeRole(db(), req.principal, req.params.id, req.params.grant, changeContext(req));
      return userView(db(), req.params.id);
    },
  );

  app.post(
    "/users/:id/password-reset",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "Issue a one-time link (24 h) for the user to set a new password; give it to them securely",
        params: S.idParams,
        response: { 201: S.passwordLink, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(link(await issuePasswordResetFor(db(), req.principal, req.params.id, changeContext(req)))),
  );

  app.get(
    "/users/:id/sessions",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "An account's active sessions",
        params: S.idParams,
        response: { 200: listEnvelope(S.sessionView), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "user.edit", { userId: req.params.id });
      await Q.getUser(db(), req.params.id);
      const rows = await listUserSessions(db(), req.params.id);
      return { items: rows.map(presentSession), total: rows.length, nextCursor: null };
    },
  );

  app.delete(
    "/users/:id/sessions",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "End every session of an account",
        params: S.idParams,
        response: { 200: z.object({ ended: z.number() }), ...errorResponses },
      },
    },
    async (req) => ({ ended: await endUserSessions(db(), req.principal, req.params.id, changeContext(req)) }),
  );
};
