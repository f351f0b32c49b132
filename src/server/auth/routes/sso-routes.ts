/** Single sign-on with an OpenID Connect provider (when configured). */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../core/errors.js";
import { errorBody } from "../../core/http/common-schemas.js";
import { signInWithSso } from "../commands/sign-in-sso.js";
import { oidcEnabled, type PendingLogin, redirectUri, startLogin } from "../oidc.js";
import { anonymousContext, secureCookies, sessionCookie, tags } from "./cookies.js";

const OIDC_COOKIE = "chinam_oidc";

export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { config, database } = app.deps;
  const db = database.db;

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
        secure: secureCookies(config),
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
      const session = await signInWithSso(
        db,
        config,
        new URL(`${redirectUri(config)}${query}`),
        pending,
        {
          ip: req.ip,
          userAgent: req.headers["user-agent"] ?? null,
          presentedSessionId: req.principal.kind === "user" ? req.principal.sessionId : null,
        },
        anonymousContext(req),
      );
      sessionCookie(reply, config, session.token);
      return reply.redirect(config.PUBLIC_URL ? `${config.PUBLIC_URL}/` : "/", 302);
    },
  );
};
