/** Sign-in and sessions: start, read and end the signed-in user's sessions. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../contracts/common.js";
import { changeContext } from "../../core/change-context.js";
import { AppError } from "../../core/errors.js";
import { signIn } from "../commands/sign-in.js";
import { signOut, signOutEverywhere } from "../commands/sign-out.js";
import { presentMySessions, presentSession } from "../presenter.js";
import { SESSION_COOKIE } from "../route-access.js";
import * as S from "../schema.js";
import { listUserSessions } from "../sessions.js";
import { sessionCookie, tags } from "./cookies.js";

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.deps;
  const db = database.db;

  app.post(
    "/session",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Sign in: starts a new session (cookie) and returns the CSRF token",
        body: S.signInBody,
        response: { 200: S.sessionBody, 401: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const outcome = await signIn(
        db,
        config,
        req.body,
        {
          ip: req.ip,
          userAgent: req.headers["user-agent"] ?? null,
          presentedSessionId: req.principal.kind === "user" ? req.principal.sessionId : null,
        },
        changeContext(req),
      );
      if (outcome.kind === "throttled") {
        reply.header("retry-after", String(outcome.after));
        throw new AppError("LOGIN_THROTTLED", { after: outcome.after });
      }
      if (outcome.kind === "totp_missing") throw new AppError("TOTP_REQUIRED");
      if (outcome.kind === "failed") {
        req.log.warn({ username: outcome.username }, "failed sign-in");
        throw new AppError("INVALID_CREDENTIALS");
      }
      sessionCookie(reply, config, outcome.session.token);
      req.principal = outcome.principal;
      return presentSession(db, { ...outcome.principal, csrfToken: outcome.session.csrfToken });
    },
  );

  app.get(
    "/session",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: {
        tags,
        summary: "The signed-in user, their roles with scopes, and the CSRF token",
        response: { 200: S.sessionBody, 401: errorBody },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "user" || !p.csrfToken) throw new AppError("AUTH_REQUIRED");
      return presentSession(db, { ...p, csrfToken: p.csrfToken });
    },
  );

  app.get(
    "/session/probe",
    {
      config: { access: { public: true }, duringTotpEnrolment: true },
      schema: {
        tags,
        summary: "The signed-in user like GET /session, or session: null for an anonymous visitor (no 401)",
        description:
          "For a page that serves both anonymous visitors and signed-in users: it asks once and gets an answer either way, without an error in the browser's console.",
        response: { 200: z.object({ session: S.sessionBody.nullable() }) },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "user" || !p.csrfToken) return { session: null };
      return { session: await presentSession(db, { ...p, csrfToken: p.csrfToken }) };
    },
  );

  app.delete(
    "/session",
    {
      config: { access: { signedIn: true }, duringTotpEnrolment: true },
      schema: { tags, summary: "Sign out (this session)", response: { 204: z.null(), 401: errorBody } },
    },
    async (req, reply) => {
      const p = req.principal;
      if (p.kind === "user" && p.sessionId) await signOut(db, p.userId, p.sessionId, changeContext(req));
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
      const ended = await signOutEverywhere(db, p.userId, changeContext(req));
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
        response: { 200: S.mySessions, 401: errorBody },
      },
    },
    async (req) => {
      const p = req.principal;
      if (p.kind !== "user") throw new AppError("AUTH_REQUIRED");
      return presentMySessions(await listUserSessions(db, p.userId), p.sessionId);
    },
  );
};
