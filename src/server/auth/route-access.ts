/**
 * Every route declares who may call it (`config.access`); a route without a rule cannot be
 * registered. The rule is the coarse gate (signed in, holding one of these roles, or an API
 * token with one of these actions, plus CSRF for cookie sessions); handlers then check the
 * object itself through the resource's policy module (own unit, own plan, ...).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import "@fastify/cookie";
import fp from "fastify-plugin";
import type { Database } from "../../db/client.js";
import { anonymous, type Principal, type Role } from "../access/index.js";
import type { Config } from "../core/config.js";
import { AppError } from "../core/errors.js";
import { loadSessionPrincipal, loadTokenPrincipal, mustEnrolTotp } from "./principal.js";
import type { SessionSettings } from "./sessions.js";
import { safeEqual } from "./tokens.js";

export type AccessRule =
  | { public: true }
  | {
      signedIn: true;
      /** Any grant of one of these roles passes the gate (scopes are checked by policies). */
      roles?: Role[];
      /** API token actions accepted on this route; tokens are refused when absent. */
      tokenActions?: string[];
    };

export interface RouteEntry {
  method: string;
  url: string;
  access: AccessRule;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: AccessRule;
    /** Reachable by an administrator who still has to enrol TOTP. */
    duringTotpEnrolment?: boolean;
  }
  interface FastifyRequest {
    principal: Principal;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export const SESSION_COOKIE = "chinam_session";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function isExempt(url: string): boolean {
  // Swagger UI's own static routes are documentation assets, public by nature.
  return url.startsWith("/api/docs");
}

export function sessionSettings(config: Config): SessionSettings {
  return { idleMinutes: config.SESSION_IDLE_MINUTES, maxHours: config.SESSION_MAX_HOURS };
}

export const routeAccess = fp(async (app: FastifyInstance, opts: { config: Config; database: Database }) => {
  app.decorate("routeTable", [] as RouteEntry[]);
  app.decorateRequest("principal", null as never);

  app.addHook("onRoute", (route) => {
    if (isExempt(route.url)) return;
    const access = route.config?.access;
    if (!access)
      throw new Error(`Route ${String(route.method)} ${route.url} has no access rule (config.access)`);
    for (const method of [route.method].flat())
      if (method !== "HEAD") app.routeTable.push({ method, url: route.url, access });
  });

  app.addHook("onRequest", async (req: FastifyRequest) => {
    req.principal = anonymous;
    const db = opts.database.db;
    const auth = req.headers.authorization;
    if (auth) {
      const [scheme, value] = auth.split(" ", 2);
      if (scheme?.toLowerCase() !== "bearer" || !value) throw new AppError("INVALID_TOKEN");
      const token = await loadTokenPrincipal(db, value.trim());
      if (!token) throw new AppError("INVALID_TOKEN");
      req.principal = token;
      return;
    }
    const cookie = req.cookies?.[SESSION_COOKIE];
    if (cookie) {
      const user = await loadSessionPrincipal(db, cookie, sessionSettings(opts.config));
      if (user) {
        user.mustEnrolTotp = mustEnrolTotp(opts.config.REQUIRE_TOTP_FOR_ADMINS, user);
        req.principal = user;
      }
    }
  });

  // preValidation: the gate runs before the body is validated, so the anonymous get 401, not 400.
  app.addHook("preValidation", async (req: FastifyRequest, _reply: FastifyReply) => {
    const access = req.routeOptions.config?.access;
    if (!access || "public" in access) return;
    const p = req.principal;
    if (p.kind === "anonymous") throw new AppError("AUTH_REQUIRED");
    if (p.kind === "token") {
      if (!access.tokenActions?.some((a) => p.actions.has(a))) throw new AppError("FORBIDDEN");
      return;
    }
    if (p.mustEnrolTotp && !req.routeOptions.config?.duringTotpEnrolment)
      throw new AppError("TOTP_ENROLMENT_REQUIRED");
    if (access.roles && !p.grants.some((g) => access.roles?.includes(g.role)))
      throw new AppError("FORBIDDEN");
    if (!SAFE_METHODS.has(req.method)) {
      const given = req.headers["x-csrf-token"];
      if (typeof given !== "string" || !p.csrfToken || !safeEqual(given, p.csrfToken))
        throw new AppError("CSRF_FAILED");
    }
  });
});
