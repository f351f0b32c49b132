/** Sign-in, sessions, first administrator and password reset. */
import { eq, sql } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { sessionCan as sessionCanSchema } from "../../contracts/can.js";
import { users } from "../../db/schema/index.js";
import { authorize, roles, sessionCan } from "../access/index.js";
import { audit } from "../core/audit-writer.js";
import { changeContext } from "../core/change-context.js";
import { AppError } from "../core/errors.js";
import { errorBody } from "../core/http/common-schemas.js";
import { finishLogin, oidcEnabled, type PendingLogin, redirectUri, startLogin } from "./oidc.js";
import { verifyPassword } from "./passwords.js";
import { presentGrants, unitCode } from "./presenter.js";
import { loadUserPrincipal, mustEnrolTotp } from "./principal.js";
import { SESSION_COOKIE, sessionSettings } from "./route-access.js";
import { changeOwnPassword, completeSetup, resetPassword } from "./service.js";
import { createSession, listUserSessions, revokeSession, revokeUserSessions } from "./sessions.js";
import { checkLogin, recordLogin } from "./throttle.js";
import { decryptSecret, encryptSecret, newTotp, totpStep, verifyTotp } from "./totp.js";

const tags = ["session"];

export const grantSchema = z.object({
  id: z.string(),
  role: z.enum(roles),
  plan: z.string().nullable(),
  system: z.string().nullable(),
  project: z.string().nullable(),
  unit: z.string().nullable(),
});

const sessionBody = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    unit: z.string().nullable(),
    roles: z.array(grantSchema),
    totpEnabled: z.boolean(),
    mustEnrolTotp: z
      .boolean()
      .describe("An administrator who must enrol a second factor before anything else."),
  }),
  csrfToken: z
    .string()
    .describe("Send as x-csrf-token on every state-changing request made with the session cookie."),
  can: sessionCanSchema,
});

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.deps;
  const db = database.db;
  const secure = config.PUBLIC_URL?.startsWith("https://") ?? false;

  const setCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure,
      sameSite: "lax",
      path: "/",
      maxAge: config.SESSION_MAX_HOURS * 3600,
    });

  const currentSession = async (req: FastifyRequest) => {
    const p = req.principal;
    if (p.kind !== "user" || !p.csrfToken) throw new AppError("AUTH_REQUIRED");
    const [user] = await db.select().from(users).where(eq(users.id, p.userId));
    const unit = await unitCode(db, user?.unitId ?? null);
    return {
      user: {
        id: p.userId,
        username: p.username,
        displayName: p.displayName,
        unit,
        roles: await presentGrants(db, p.grants),
        totpEnabled: p.totpEnabled,
        mustEnrolTotp: p.mustEnrolTotp,
      },
      csrfToken: p.csrfToken,
      can: sessionCan(p),
    };
  };

  app.post(
    "/session",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Sign in: starts a new session (cookie) and returns the CSRF token",
        body: z.strictObject({
          username: z.string().min(1).max(128),
          password: z.string().min(1).max(1024),
          totp: z
            .string()
            .max(10)
            .optional()
            .describe("The 6-digit code, for accounts with a second factor."),
        }),
        response: { 200: sessionBody, 401: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const usernameKey = req.body.username.trim().toLowerCase();
      const ip = req.ip;
      // Check, verify and record under one lock per (account, address): parallel guesses queue
      // behind each other instead of all passing the throttle check at once.
      const verdict = await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`login:${usernameKey}|${ip}`}))`);
        const throttle = await checkLogin(tx, usernameKey, ip, config.LOGIN_MAX_FAILURES);
        if (!throttle.allowed) return { kind: "throttled" as const, after: throttle.retryAfterSeconds };
        const [found] = await tx.select().from(users).where(sql`lower(${users.username}) = ${usernameKey}`);
        let ok =
          (await verifyPassword(found?.passwordHash ?? null, req.body.password)) &&
          found?.status === "active";
        if (ok && found?.totpEnabled && found.totpSecret) {
          if (!req.body.totp) return { kind: "totp_missing" as const };
          const step = totpStep(decryptSecret(found.totpSecret, config.SESSION_SECRET), req.body.totp);
          // A code is valid once: a replayed code (same or earlier step) is a failure.
          if (step === null || (found.totpLastStep !== null && step <= found.totpLastStep)) ok = false;
          else await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, found.id));
        }
        await recordLogin(tx, usernameKey, ip, ok);
        return ok && found ? { kind: "ok" as const, user: found } : { kind: "failed" as const };
      });
      if (verdict.kind === "throttled") {
        reply.header("retry-after", String(verdict.after));
        throw new AppError("LOGIN_THROTTLED", { after: verdict.after });
      }
      if (verdict.kind === "totp_missing") throw new AppError("TOTP_REQUIRED");
      if (verdict.kind === "failed") {
        req.log.warn({ username: usernameKey }, "failed sign-in");
        throw new AppError("INVALID_CREDENTIALS");
      }
      const user = verdict.user;
      // Rotate: whatever session the client presented is ended, a fresh one is issued.
      const presented = req.principal.kind === "user" ? req.principal.sessionId : null;
      const session = await db.transaction(async (tx) => {
        if (presented) await revokeSession(tx, presented);
        const s = await createSession(tx, user.id, sessionSettings(config), {
          ip,
          userAgent: req.headers["user-agent"] ?? null,
        });
        await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
        await audit(
          tx,
          { ...changeContext(req), actor: user.username, actorUserId: user.id },
          { action: "session.login", entityType: "user", entityId: user.id },
        );
        return s;
      });
      setCookie(reply, session.token);
      const principal = await loadUserPrincipal(db, user.id, {
        id: session.id,
        csrfToken: session.csrfToken,
      });
      if (!principal) throw new AppError("INVALID_CREDENTIALS");
      principal.mustEnrolTotp = mustEnrolTotp(config.REQUIRE_TOTP_FOR_ADMINS, principal);
      req.principal = principal;
      return currentSession(req);
    },
  );

  app.get(
    "/session",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: {
        tags,
        summary: "The signed-in user, their roles with scopes, and the CSRF token",
        response: { 200: sessionBody, 401: errorBody },
      },
    },
    async (req) => currentSession(req),
  );

  app.delete(
    "/session",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: { tags, summary: "Sign out (this session)", response: { 204: z.null(), 401: errorBody } },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind === "user" && p.sessionId) {
        const sessionId = p.sessionId;
        await db.transaction(async (tx) => {
          await revokeSession(tx, sessionId);
          await audit(tx, changeContext(req), {
            action: "session.logout",
            entityType: "user",
            entityId: p.userId,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/me/sessions",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary: "Sign out everywhere: ends every session of the signed-in user",
        response: { 200: z.object({ ended: z.number() }), 401: errorBody },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      const ended = await db.transaction(async (tx) => {
        const n = await revokeUserSessions(tx, p.userId);
        await audit(tx, changeContext(req), {
          action: "session.logout_everywhere",
          entityType: "user",
          entityId: p.userId,
          rowCount: n,
        });
        return n;
      });
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ended };
    },
  );

  app.get(
    "/me/sessions",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary: "The signed-in user's active sessions",
        response: {
          200: z.object({
            items: z.array(
              z.object({
                current: z.boolean(),
                createdAt: z.string(),
                lastSeenAt: z.string(),
                expiresAt: z.string(),
                ip: z.string().nullable(),
                userAgent: z.string().nullable(),
              }),
            ),
            total: z.number(),
            nextCursor: z.null(),
          }),
          401: errorBody,
        },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      const rows = await listUserSessions(db, p.userId);
      return {
        items: rows.map((s) => ({
          current: s.id === p.sessionId,
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

  app.put(
    "/me/password",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary: "Change your password (other sessions end)",
        body: z.strictObject({
          currentPassword: z.string().min(1).max(1024),
          newPassword: z.string().min(1).max(1024),
        }),
        response: { 204: z.null(), 401: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      const [user] = await db.select().from(users).where(eq(users.id, p.userId));
      if (!(await verifyPassword(user?.passwordHash ?? null, req.body.currentPassword)))
        throw new AppError("INVALID_CREDENTIALS");
      await changeOwnPassword(db, p.userId, req.body.newPassword, changeContext(req), p.sessionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/me/totp",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: {
        tags,
        summary:
          "Start enrolling a TOTP second factor: returns the secret and an otpauth:// URI for the authenticator app",
        response: { 200: z.object({ secret: z.string(), uri: z.string() }), 401: errorBody, 409: errorBody },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      if (p.totpEnabled) throw new AppError("DUPLICATE_CODE", { code: "totp", entity: "user" });
      const { base32, uri } = newTotp(p.username);
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpSecret: encryptSecret(base32, config.SESSION_SECRET), updatedAt: new Date() })
          .where(eq(users.id, p.userId));
        await audit(tx, changeContext(req), {
          action: "user.totp_enrol_start",
          entityType: "user",
          entityId: p.userId,
        });
      });
      return { secret: base32, uri };
    },
  );

  app.post(
    "/me/totp/confirm",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: {
        tags,
        summary: "Finish enrolling: the current code from the app turns the second factor on",
        body: z.strictObject({ code: z.string().max(10) }),
        response: { 204: z.null(), 401: errorBody },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      const [user] = await db.select().from(users).where(eq(users.id, p.userId));
      if (
        !user?.totpSecret ||
        !verifyTotp(decryptSecret(user.totpSecret, config.SESSION_SECRET), req.body.code)
      )
        throw new AppError("INVALID_CREDENTIALS");
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpEnabled: true, updatedAt: new Date() })
          .where(eq(users.id, p.userId));
        await audit(tx, changeContext(req), {
          action: "user.totp_enable",
          entityType: "user",
          entityId: p.userId,
        });
      });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    "/me/totp",
    {
      config: { access: { signedIn: true } },
      schema: {
        tags,
        summary: "Turn the second factor off (refused for administrators when it is required)",
        body: z.strictObject({ code: z.string().max(10) }),
        response: { 204: z.null(), 401: errorBody, 403: errorBody },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      authorize(p, "secondFactor.disable", { requiredForAdmins: config.REQUIRE_TOTP_FOR_ADMINS });
      const [user] = await db.select().from(users).where(eq(users.id, p.userId));
      if (
        !user?.totpSecret ||
        !verifyTotp(decryptSecret(user.totpSecret, config.SESSION_SECRET), req.body.code)
      )
        throw new AppError("INVALID_CREDENTIALS");
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ totpEnabled: false, totpSecret: null, updatedAt: new Date() })
          .where(eq(users.id, p.userId));
        await audit(tx, changeContext(req), {
          action: "user.totp_disable",
          entityType: "user",
          entityId: p.userId,
        });
      });
      return reply.status(204).send(null);
    },
  );

  const OIDC_COOKIE = "chinam_oidc";
  app.get(
    "/session/oidc/start",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Single sign-on: redirects to the OpenID Connect provider (when configured)",
        response: { 302: z.null(), 404: errorBody },
      },
    },
    async (_req, reply) => {
      if (!oidcEnabled(config)) throw new AppError("NOT_FOUND", { entity: "oidc", code: "sso" });
      const { url, pending } = await startLogin(config);
      reply.setCookie(OIDC_COOKIE, JSON.stringify(pending), {
        httpOnly: true,
        secure,
        sameSite: "lax",
        path: "/api/v1/session/oidc",
        maxAge: 600,
        signed: true,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    "/session/oidc/callback",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Single sign-on: the provider returns here; starts a session and redirects home",
        response: { 302: z.null(), 401: errorBody, 404: errorBody },
      },
    },
    async (req, reply) => {
      if (!oidcEnabled(config)) throw new AppError("NOT_FOUND", { entity: "oidc", code: "sso" });
      const raw = req.cookies[OIDC_COOKIE];
      const unsigned = raw ? req.unsignCookie(raw) : undefined;
      reply.clearCookie(OIDC_COOKIE, { path: "/api/v1/session/oidc" });
      if (!unsigned?.valid || !unsigned.value) throw new AppError("INVALID_CREDENTIALS");
      const pending = JSON.parse(unsigned.value) as PendingLogin;
      const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
      const userId = await finishLogin(db, config, new URL(`${redirectUri(config)}${query}`), pending, {
        requestId: req.id,
        ip: req.ip,
        onAudit: (h) => req.auditHeads.push(h),
      });
      const presented = req.principal.kind === "user" ? req.principal.sessionId : null;
      const session = await db.transaction(async (tx) => {
        if (presented) await revokeSession(tx, presented);
        return createSession(tx, userId, sessionSettings(config), {
          ip: req.ip,
          userAgent: req.headers["user-agent"] ?? null,
        });
      });
      setCookie(reply, session.token);
      return reply.redirect(config.PUBLIC_URL ? `${config.PUBLIC_URL}/` : "/", 302);
    },
  );

  const setupBody = z.strictObject({
    token: z.string().min(10).max(200),
    username: z.string().min(3).max(64),
    displayName: z.string().min(1).max(200),
    password: z.string().min(1).max(1024),
  });
  app.post(
    "/setup",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Create the first administrator with the one-time link printed at first start",
        body: setupBody,
        response: { 201: z.object({ username: z.string() }), 400: errorBody, 409: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => {
      await completeSetup(db, req.body, {
        requestId: req.id,
        ip: req.ip,
        onAudit: (h) => req.auditHeads.push(h),
      });
      return reply.status(201).send({ username: req.body.username.trim().toLowerCase() });
    },
  );

  app.post(
    "/password-reset",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Set a new password with a one-time reset link",
        body: z.strictObject({ token: z.string().min(10).max(200), password: z.string().min(1).max(1024) }),
        response: { 204: z.null(), 400: errorBody, 422: errorBody },
      },
    },
    async (req, reply) => {
      await resetPassword(db, req.body, {
        requestId: req.id,
        ip: req.ip,
        onAudit: (h) => req.auditHeads.push(h),
      });
      return reply.status(204).send(null);
    },
  );
};
