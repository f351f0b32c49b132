/**
 * API tokens for machine-to-machine ingestion: issued by an administrator for a unit, scoped to
 * indicators and actions, shown once, stored hashed, with expiry, last use and revocation.
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { apiTokens, indicators, orgUnits } from "../../db/schema/index.js";
import { authorize } from "../access/index.js";
import { randomToken, sha256, TOKEN_PREFIX } from "../auth/index.js";
import { audit } from "../core/audit-writer.js";
import { changeContext } from "../core/change-context.js";
import { AppError, notFound } from "../core/errors.js";
import { errorResponses } from "../core/http/common-schemas.js";
import { listEnvelope } from "../core/http/pagination.js";

const tags = ["api-tokens"];
export const tokenActions = ["indicators:read", "observations:read", "observations:write"] as const;
const admins = { signedIn: true as const, roles: ["system_admin" as const] };

const tokenView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  unit: z.string(),
  indicators: z.union([z.literal("*"), z.array(z.string())]),
  actions: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revoked: z.boolean(),
});

export const apiTokenRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  const present = async (rows: (typeof apiTokens.$inferSelect)[]) => {
    const units = rows.length
      ? await db()
          .select({ id: orgUnits.id, code: orgUnits.code })
          .from(orgUnits)
          .where(
            inArray(
              orgUnits.id,
              rows.map((r) => r.unitId),
            ),
          )
      : [];
    const code = new Map(units.map((u) => [u.id, u.code]));
    return rows.map((t) => ({
      id: t.id,
      name: t.name,
      prefix: t.prefix,
      unit: code.get(t.unitId) ?? t.unitId,
      indicators: t.scopes.indicators,
      actions: t.scopes.actions,
      createdAt: t.createdAt.toISOString(),
      expiresAt: t.expiresAt.toISOString(),
      lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      revoked: t.revokedAt !== null,
    }));
  };

  app.post(
    "/api-tokens",
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Issue a token for a unit; the secret is shown once, in this response only",
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          unit: z.string().max(64),
          indicators: z.union([z.literal("*"), z.array(z.string().max(64)).min(1).max(1000)]),
          actions: z.array(z.enum(tokenActions)).min(1),
          expiresInDays: z.number().int().min(1).max(366).default(90),
        }),
        response: { 201: tokenView.extend({ token: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      authorize(req.principal, "apiToken.manage", null);
      if (req.principal.kind !== "user") throw new AppError("FORBIDDEN");
      const [unit] = await db()
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(eq(orgUnits.code, req.body.unit));
      if (!unit) throw notFound("org_unit", req.body.unit);
      if (req.body.indicators !== "*") {
        const found = await db()
          .select({ code: indicators.code })
          .from(indicators)
          .where(inArray(indicators.code, req.body.indicators));
        const missing = req.body.indicators.filter((c) => !found.some((f) => f.code === c));
        if (missing.length > 0) throw notFound("indicator", missing.join(", "));
      }
      const prefix = randomToken(6).slice(0, 8);
      const token = `${TOKEN_PREFIX}${prefix}_${randomToken(32)}`;
      const ctx = changeContext(req);
      const createdBy = req.principal.userId;
      const row = await db().transaction(async (tx) => {
        const [r] = await tx
          .insert(apiTokens)
          .values({
            name: req.body.name,
            prefix,
            tokenHash: sha256(token),
            unitId: unit.id,
            scopes: { indicators: req.body.indicators, actions: req.body.actions },
            createdBy,
            expiresAt: new Date(Date.now() + req.body.expiresInDays * 86_400_000),
          })
          .returning();
        if (!r) throw new AppError("INTERNAL");
        await audit(tx, ctx, {
          action: "api_token.create",
          entityType: "api_token",
          entityId: r.id,
          after: {
            name: r.name,
            prefix,
            unit: req.body.unit,
            scopes: r.scopes,
            expiresAt: r.expiresAt.toISOString(),
          },
        });
        return r;
      });
      const [view] = await present([row]);
      return reply.status(201).send({ ...(view as z.output<typeof tokenView>), token });
    },
  );

  app.get(
    "/api-tokens",
    {
      config: { access: admins },
      schema: {
        tags,
        summary: "Issued tokens (never their secrets)",
        response: { 200: listEnvelope(tokenView), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "apiToken.manage", null);
      const rows = await db().select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).limit(1000);
      return { items: await present(rows), total: rows.length, nextCursor: null };
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
      authorize(req.principal, "apiToken.manage", null);
      const ctx = changeContext(req);
      await db().transaction(async (tx) => {
        const rows = await tx
          .update(apiTokens)
          .set({ revokedAt: new Date() })
          .where(and(eq(apiTokens.id, req.params.id), isNull(apiTokens.revokedAt)))
          .returning({ id: apiTokens.id });
        if (rows.length === 0) throw notFound("api_token", req.params.id);
        await audit(tx, ctx, {
          action: "api_token.revoke",
          entityType: "api_token",
          entityId: req.params.id,
        });
      });
      return reply.status(204).send(null);
    },
  );

  app.get(
    "/api-tokens/current",
    {
      config: { access: { signedIn: true, tokenActions: [...tokenActions] } },
      schema: {
        tags,
        summary: "For a token: the unit and scopes it carries",
        response: {
          200: tokenView.omit({ revoked: true, createdAt: true, lastUsedAt: true }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "token") throw new AppError("FORBIDDEN");
      const [row] = await db().select().from(apiTokens).where(eq(apiTokens.id, p.tokenId));
      if (!row) throw new AppError("INVALID_TOKEN");
      const [view] = await present([row]);
      if (!view) throw new AppError("INTERNAL");
      const { revoked: _r, createdAt: _c, lastUsedAt: _l, ...rest } = view;
      return rest;
    },
  );
};
