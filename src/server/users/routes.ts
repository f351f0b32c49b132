/** Administration of accounts, roles and sessions. */
import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { userCan as userCanSchema } from "../../contracts/can.js";
import { roleAssignments, users } from "../../db/schema/index.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import { authorize, roles, userCan } from "../access/index.js";
import { grantSchema, listUserSessions, presentGrants, revokeUserSessions, unitCode } from "../auth/index.js";
import { audit } from "../core/audit-writer.js";
import { changeContext } from "../core/change-context.js";
import { notFound } from "../core/errors.js";
import { errorResponses } from "../core/http/common-schemas.js";
import { decodeCursor, listEnvelope, page, pageQuery } from "../core/http/pagination.js";
import {
  createUser,
  grantRole,
  issuePasswordReset,
  revokeRole,
  setUserStatus,
  updateUserProfile,
} from "./service.js";

const tags = ["users"];
const adminRoles = { signedIn: true as const, roles: ["system_admin" as const] };
const userAdminReaders = {
  signedIn: true as const,
  roles: ["system_admin" as const, "standing_office" as const],
};

const user = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  unit: z.string().nullable(),
  status: z.enum(["active", "disabled"]),
  roles: z.array(grantSchema),
  lastLoginAt: z.string().nullable(),
  demo: z.boolean(),
});

/** One account as read by itself: with what the caller may do with it. */
const userRead = user.extend({ can: userCanSchema });

const idParams = z.object({ id: z.uuid() });

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  const presentUsers = async (rows: (typeof users.$inferSelect)[]) => {
    const grants = rows.length
      ? await db()
          .select()
          .from(roleAssignments)
          .where(
            and(
              inArray(
                roleAssignments.userId,
                rows.map((r) => r.id),
              ),
              isNull(roleAssignments.revokedAt),
            ),
          )
      : [];
    const presented = await presentGrants(
      db(),
      grants.map((g) => ({ ...g, role: g.role as (typeof roles)[number] })),
    );
    const units = new Map<string, string | null>();
    for (const r of rows)
      if (r.unitId && !units.has(r.unitId)) units.set(r.unitId, await unitCode(db(), r.unitId));
    return (r: typeof users.$inferSelect): z.output<typeof user> => ({
      id: r.id,
      username: r.username,
      displayName: r.displayName,
      email: r.email,
      unit: r.unitId ? (units.get(r.unitId) ?? null) : null,
      status: r.status === "disabled" ? "disabled" : "active",
      roles: presented.filter((_, i) => grants[i]?.userId === r.id),
      lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
      demo: r.isDemo,
    });
  };

  const loadUser = async (id: string) => {
    const [row] = await db().select().from(users).where(eq(users.id, id));
    if (!row) throw notFound("user", id);
    return row;
  };

  app.get(
    "/users",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "Accounts with their roles",
        querystring: pageQuery.extend({ q: z.string().max(100).optional() }),
        response: { 200: listEnvelope(user), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "user.list", null);
      const { limit, cursor, q } = req.query;
      const after = decodeCursor(cursor, 1);
      const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
      const where = like
        ? sql`(${users.username} ilike ${like} or ${users.displayName} ilike ${like})`
        : undefined;
      const rows = await db()
        .select()
        .from(users)
        .where(and(where, after ? sql`${users.username} > ${after[0]}` : undefined))
        .orderBy(asc(users.username))
        .limit(limit + 1);
      const [total] = await db().select({ n: count() }).from(users).where(where);
      return page(
        rows,
        limit,
        Number(total?.n ?? 0),
        (r) => [r.username],
        await presentUsers(rows.slice(0, limit)),
      );
    },
  );

  app.get(
    "/users/:id",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "One account",
        params: idParams,
        response: { 200: userRead, ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "user.list", null);
      const row = await loadUser(req.params.id);
      return { ...(await presentUsers([row]))(row), can: userCan(req.principal, row.id) };
    },
  );

  app.post(
    "/users",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "Create an account (without a password, a one-time link to set one is returned)",
        body: z.strictObject({
          username: z.string().min(3).max(64),
          displayName: z.string().min(1).max(200),
          email: z.email().max(TEXT_LIMITS.email).optional(),
          unit: z.string().max(64).optional(),
          password: z.string().min(1).max(1024).optional(),
        }),
        response: {
          201: z.object({
            user,
            passwordLink: z.object({ url: z.string(), expiresAt: z.string() }).nullable(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      authorize(req.principal, "user.create", null);
      const ctx = changeContext(req);
      const id = await createUser(db(), req.body, ctx);
      let passwordLink: { url: string; expiresAt: string } | null = null;
      if (!req.body.password) {
        const link = await issuePasswordReset(db(), id, ctx);
        passwordLink = {
          url: resetUrl(app.deps.config.PUBLIC_URL, link.token),
          expiresAt: link.expiresAt.toISOString(),
        };
      }
      const row = await loadUser(id);
      return reply.status(201).send({ user: (await presentUsers([row]))(row), passwordLink });
    },
  );

  app.patch(
    "/users/:id",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "Change an account: name, e-mail, unit; disable (ends its sessions) or re-enable",
        params: idParams,
        body: z.strictObject({
          displayName: z.string().min(1).max(200).optional(),
          email: z.email().max(TEXT_LIMITS.email).nullable().optional(),
          unit: z.string().max(64).nullable().optional(),
          status: z.enum(["active", "disabled"]).optional(),
        }),
        response: { 200: user, ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "user.edit", { userId: req.params.id });
      await loadUser(req.params.id);
      const ctx = changeContext(req);
      const { status, ...profile } = req.body;
      // Refuse before writing anything: the whole change is applied or none of it.
      if (status === "disabled") authorize(req.principal, "user.disable", { userId: req.params.id });
      if (Object.keys(profile).length > 0) await updateUserProfile(db(), req.params.id, profile, ctx);
      if (status) await setUserStatus(db(), req.params.id, status, ctx);
      const row = await loadUser(req.params.id);
      return (await presentUsers([row]))(row);
    },
  );

  app.post(
    "/users/:id/roles",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "Grant a role with its scope (plan, system, project or unit)",
        params: idParams,
        body: z.strictObject({
          role: z.enum(roles),
          plan: z.string().max(64).optional(),
          system: z.string().max(64).optional(),
          project: z.string().max(64).optional(),
          unit: z.string().max(64).optional(),
        }),
        response: { 201: user, ...errorResponses },
      },
    },
    async (req, reply) => {
      await grantRole(db(), req.principal, req.params.id, req.body, changeContext(req));
      const row = await loadUser(req.params.id);
      return reply.status(201).send((await presentUsers([row]))(row));
    },
  );

  app.delete(
    "/users/:id/roles/:grant",
    {
      config: { access: userAdminReaders },
      schema: {
        tags,
        summary: "Revoke a role grant",
        params: idParams.extend({ grant: z.uuid() }),
        response: { 200: user, ...errorResponses },
      },
    },
    async (req) => {
      await revokeRole(db(), req.principal, req.params.id, req.params.grant, changeContext(req));
      const row = await loadUser(req.params.id);
      return (await presentUsers([row]))(row);
    },
  );

  app.post(
    "/users/:id/password-reset",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "Issue a one-time link (24 h) for the user to set a new password; give it to them securely",
        params: idParams,
        response: { 201: z.object({ url: z.string(), expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      authorize(req.principal, "user.edit", { userId: req.params.id });
      await loadUser(req.params.id);
      const link = await issuePasswordReset(db(), req.params.id, changeContext(req));
      return reply.status(201).send({
        url: resetUrl(app.deps.config.PUBLIC_URL, link.token),
        expiresAt: link.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    "/users/:id/sessions",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "An account's active sessions",
        params: idParams,
        response: {
          200: listEnvelope(
            z.object({
              createdAt: z.string(),
              lastSeenAt: z.string(),
              expiresAt: z.string(),
              ip: z.string().nullable(),
              userAgent: z.string().nullable(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      authorize(req.principal, "user.edit", { userId: req.params.id });
      await loadUser(req.params.id);
      const rows = await listUserSessions(db(), req.params.id);
      return {
        items: rows.map((s) => ({
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          expiresAt: s.expiresAt.toISOString(),
          ip: s.ip,
          userAgent: s.userAgent,
        })),
        total: rows.length,
        nextCursor: null,
      };
    },
  );

  app.delete(
    "/users/:id/sessions",
    {
      config: { access: adminRoles },
      schema: {
        tags,
        summary: "End every session of an account",
        params: idParams,
        response: { 200: z.object({ ended: z.number() }), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "user.edit", { userId: req.params.id });
      await loadUser(req.params.id);
      const ctx = changeContext(req);
      const ended = await db().transaction(async (tx) => {
        const n = await revokeUserSessions(tx, req.params.id);
        await audit(tx, ctx, {
          action: "session.revoke_all",
          entityType: "user",
          entityId: req.params.id,
          rowCount: n,
        });
        return n;
      });
      return { ended };
    },
  );
};

export function resetUrl(publicUrl: string | undefined, token: string): string {
  return `${publicUrl ?? ""}/reset-password#token=${token}`;
}
