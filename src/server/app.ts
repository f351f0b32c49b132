/**
 * The Fastify application: API under /api/v1, OpenAPI at /api/v1/openapi.json, docs at /api/docs,
 * health at /healthz and /readyz. Built without listening so tests can inject requests.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import helmet from "@fastify/helmet";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Database } from "../db/client.js";
import type { Config } from "./core/config.js";
import { AppError, type ErrorDetail, violatesUnique } from "./core/errors.js";
import { clientErrorHandler } from "./core/http/client-errors.js";
import { compressJsonAnswers } from "./core/http/compress.js";
import { routeSchemaProblems } from "./core/http/request-schema-rules.js";
import { normalizeText, textProblemDetail } from "./core/http/text-input.js";
import { RequestValidationError, zodValidatorCompiler } from "./core/http/validation.js";
import { healthRoutes } from "./health/index.js";
import "./app-deps.js";
import cookie from "@fastify/cookie";
import rateLimit from "@fastify/rate-limit";
import { apiTokenRoutes } from "./api-tokens/index.js";
import { AuditAnchor, auditAnchorPlugin, auditRoutes } from "./audit/index.js";
import { authRoutes, routeAccess } from "./auth/index.js";
import { renderEntity } from "./core/entities.js";
import { pickLang } from "./core/lang.js";
import { APP_VERSION } from "./core/version.js";
import { dashboardRoutes } from "./dashboards/index.js";
import { EventHub, eventRoutes } from "./events/index.js";
import { indicatorRoutes } from "./indicators/index.js";
import { instanceRoutes } from "./instance/index.js";
import { observationRoutes } from "./observations/index.js";
import { orgUnitRoutes } from "./org-units/index.js";
import { pageRoutes } from "./pages/index.js";
import { planAdminRoutes, planIndicatorRoutes, planRoutes } from "./plans/index.js";
import { qualityRoutes } from "./quality/index.js";
import { unitProfileRoutes } from "./unit-profiles/index.js";
import { userRoutes } from "./users/index.js";
import {
  isAppPage,
  loadWebBuild,
  sendAppPage,
  type WebBuild,
  webAppRoutes,
  webDist,
} from "./web-app/index.js";

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: boolean;
  /** Where log lines go instead of stdout (tests read them); implies logging. */
  logStream?: { write(line: string): void };
  /** Where the audit anchor is kept; defaults to DATA_DIR. */
  anchor?: AuditAnchor;
  /** The built web app to serve; defaults to dist/web when it has been built. */
  web?: WebBuild | null;
}

/** Default body limit for JSON requests. */
export const JSON_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

export type App = FastifyInstance<
  Server,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export async function buildApp({
  config,
  database,
  logger = true,
  logStream,
  anchor,
  web = loadWebBuild(webDist),
}: BuildOptions): Promise<App> {
  const app = Fastify<Server>({
    logger:
      logger || logStream
        ? {
            level: config.LOG_LEVEL,
            redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
            ...(logStream ? { stream: logStream } : {}),
          }
        : false,
    trustProxy:
      typeof config.TRUST_PROXY === "number"
        ? (
            (hops: number) => (_addr: string, hop: number) =>
              hop < hops
          )(config.TRUST_PROXY)
        : config.TRUST_PROXY,
    // JSON bodies are small; upload routes (plan files, spreadsheets) raise their own limit to MAX_UPLOAD_MB.
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{8,128}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
    // Node's own refusals (431 headers too large, 400 not HTTP) in the API's error shape.
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // Request schemas are strict and bound every string (request-schema-rules.ts): a route that
  // breaks the rules fails the build, listing every breach.
  const schemaBreaches: string[] = [];
  app.addHook("onRoute", (route) => {
    // HEAD routes are GET routes' copies: their schemas are checked once, with the GET.
    if (route.method === "HEAD") return;
    for (const p of routeSchemaProblems(route))
      schemaBreaches.push(`${String(route.method)} ${route.url} ${p}`);
  });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const auditAnchor = anchor ?? new AuditAnchor(config.dataDir);
  const events = new EventHub(database);
  await events.start();
  app.addHook("onClose", async () => events.close());
  compressJsonAnswers(app);
  app.decorate("deps", { config, database, auditAnchor, events });
  app.decorateRequest("lang", "vi");

  app.addHook("onRequest", async (req, reply) => {
    req.lang = pickLang(req.headers["accept-language"]);
    reply.header("x-request-id", req.id);
    reply.header("content-language", req.lang);
    if (config.DEMO) reply.header("x-chinam-demo", "true");
  });

  const https = config.PUBLIC_URL?.startsWith("https://") ?? false;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    hsts: https ? { maxAge: 31536000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });

  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    const lang = req.lang ?? "vi";
    let appErr: AppError;
    let details: ErrorDetail[] | undefined;
    if (err instanceof AppError) {
      appErr = err;
      // Each detail's message in the request's language, as validation details are.
      details =
        lang === "en"
          ? err.details?.map((d) => (d.messageEn ? { ...d, message: d.messageEn } : d))
          : err.details;
    } else if (err instanceof RequestValidationError) {
      details = err.details(lang);
      appErr = new AppError("VALIDATION_FAILED", {
        summary: details.map((d) => `${d.path}: ${d.message}`).join("; "),
        summaryEn: details.map((d) => `${d.path}: ${d.messageEn ?? d.message}`).join("; "),
      });
    } else if ((err as FastifyError).validation) {
      appErr = new AppError("VALIDATION_FAILED", { summary: err.message });
    } else {
      const fe = err as FastifyError;
      if (
        fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" ||
        fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ||
        (err instanceof SyntaxError && fe.statusCode === 400)
      )
        appErr = new AppError("MALFORMED_BODY");
      else if (fe.code === "FST_ERR_CTP_BODY_TOO_LARGE")
        appErr = new AppError("PAYLOAD_TOO_LARGE", {
          limit: `${Math.round((req.routeOptions.bodyLimit ?? JSON_BODY_LIMIT_BYTES) / 1024 / 1024)} MB`,
        });
      else if (fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
        appErr = new AppError("UNSUPPORTED_MEDIA_TYPE", { type: String(req.headers["content-type"] ?? "") });
      else if (fe.statusCode === 429) appErr = new AppError("RATE_LIMITED", { after: 60 });
      else if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
        appErr = new AppError("BAD_REQUEST");
      else if (violatesUnique(err, "observations_cell_key"))
        // Two writers created the same value cell at the same moment: the later one may retry.
        appErr = new AppError("CONCURRENT_WRITE");
      else {
        req.log.error({ err }, "unhandled error");
        appErr = new AppError("INTERNAL");
      }
    }
    if (appErr.status >= 500 && err instanceof AppError) req.log.error({ err }, "server error");
    const params = Object.fromEntries(
      Object.entries(appErr.params).map(([k, v]) => [k, k === "entity" ? renderEntity(String(v), lang) : v]),
    );
    const localized = new AppError(appErr.code, params, details);
    const body = {
      error: {
        code: appErr.code,
        message: localized.message_(lang),
        ...(details && details.length > 0 ? { details } : {}),
        requestId: req.id,
      },
    };
    return reply.status(appErr.status).type("application/json; charset=utf-8").send(JSON.stringify(body));
  });

  app.setNotFoundHandler((req, reply) => {
    // A deep link into the web app (/indicators/X on reload) gets the app, which routes it.
    if (web && isAppPage(req)) return sendAppPage(req, reply, web);
    const err = new AppError("ROUTE_NOT_FOUND", { method: req.method, url: req.url.split("?")[0] ?? "" });
    return reply
      .status(404)
      .type("application/json; charset=utf-8")
      .send(
        JSON.stringify({
          error: { code: err.code, message: err.message_(req.lang ?? "vi"), requestId: req.id },
        }),
      );
  });

  await app.register(cookie, { secret: config.SESSION_SECRET });
  await app.register(rateLimit, {
    global: true,
    max: config.WRITE_RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    // Reads are cheap and public dashboards poll: the limit applies to state-changing requests.
    allowList: (req) => req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS",
    keyGenerator: (req) => req.ip,
  });
  await app.register(routeAccess, { config, database });
  // Text enters in one form (NFC), and text PostgreSQL cannot store is refused by field up front.
  app.addHook("preValidation", async (req) => {
    for (const part of ["body", "query", "params"] as const) {
      const r = normalizeText(req[part], part === "query" ? "querystring" : part);
      if (r.problem) {
        const detail = textProblemDetail(r.problem);
        throw new AppError(
          "VALIDATION_FAILED",
          { summary: `${detail.path}: ${detail.message}`, summaryEn: `${detail.path}: ${detail.messageEn}` },
          [detail],
        );
      }
      // A text body (a YAML file) is one string, replaced rather than changed in place.
      if (part === "body") req.body = r.value;
    }
  });
  await app.register(auditAnchorPlugin, { anchor: auditAnchor });

  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Chỉ Nam API",
        version: APP_VERSION,
        description:
          "Monitoring and evaluation of national strategic action plans. Errors share one shape " +
          "`{ error: { code, message, details?, requestId } }`; messages follow Accept-Language (vi default, en). " +
          "Lists return `{ items, total, nextCursor }` (default page 100, max 1000).",
      },
      servers: config.PUBLIC_URL ? [{ url: config.PUBLIC_URL }] : [],
      // Every tag a route uses is declared here (test/cli/openapi-contract.test.ts checks it).
      tags: [
        { name: "session", description: "Sign-in, sign-out, your password, sessions and second factor" },
        { name: "users", description: "Accounts, role grants with their scopes, reset links and sessions" },
        { name: "api-tokens", description: "Machine-to-machine ingestion tokens, scoped per unit" },
        { name: "plans", description: "Plans, phases, systems, initiatives, projects" },
        {
          name: "plan-administration",
          description:
            "Plan-definition files; changes to systems, initiatives, indicators, targets and org units",
        },
        { name: "indicators", description: "The shared four-tier indicator catalogue" },
        { name: "org-units", description: "Units, hierarchy and lineage" },
        { name: "unit-profiles", description: "A unit's profile and focal persons" },
        {
          name: "observations",
          description:
            "Reported values: writes, imports, exports, revisions, review workflow and data quality",
        },
        {
          name: "dashboards",
          description: "Plan overview, indicator series, breakdowns and comparisons (from roll-ups)",
        },
        { name: "events", description: "Server-Sent Events of committed changes" },
        { name: "audit", description: "The hash-chained audit trail and its verification" },
        { name: "instance", description: "Health and instance facts" },
      ],
    },
    transform: jsonSchemaTransform,
    // Schemas given an id (`.meta({ id })`) are written once under components and referenced.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    uiConfig: { deepLinking: true },
  });

  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(userRoutes);
      await api.register(apiTokenRoutes);
      await api.register(auditRoutes);
      await api.register(unitProfileRoutes);
      await api.register(planAdminRoutes);
      await api.register(observationRoutes);
      await api.register(eventRoutes);
      await api.register(dashboardRoutes);
      await api.register(qualityRoutes);
      await api.register(planRoutes);
      await api.register(planIndicatorRoutes);
      await api.register(indicatorRoutes);
      await api.register(orgUnitRoutes);
      await api.register(instanceRoutes);
      api.get("/openapi.json", { config: { access: { public: true } }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: "/api/v1" },
  );
  await app.register(healthRoutes);
  await app.register(pageRoutes);

  await app.register(webAppRoutes(web));

  if (schemaBreaches.length > 0)
    throw new Error(
      `Request schemas break the rules of http/request-schema-rules.ts:\n${schemaBreaches.join("\n")}`,
    );
  return app;
}
