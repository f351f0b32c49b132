/**
 * Many values at once over HTTP: a JSON body (bulk), an uploaded CSV or Excel file, and an
 * upload's progress. Uploads arrive as streams, never buffered whole (the content-type parser in
 * ../routes.ts hands the body on as it comes). Each handler parses, calls one command, presents, replies.
 */
import type { Readable } from "node:stream";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { changeContext } from "../../core/change-context.js";
import { AppError, notFound } from "../../core/errors.js";
import { errorResponses } from "../../core/http/common-schemas.js";
import { tags, writeBody } from "../values/schema.js";
import { importItems, importUpload } from "./commands/import.js";
import { discardRest } from "./files/upload-source.js";
import { presentFileRefused, presentRejected } from "./presenter.js";
import { ImportProgressRegistry } from "./progress.js";
import { idempotencyHeaders, importQuery, progressSchema, summarySchema } from "./schema.js";

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const embedded = () => app.deps.database.kind === "pglite";
  const progress = new ImportProgressRegistry();

  app.post(
    "/observations/bulk",
    {
      config: {
        access: {
          signedIn: true,
          roles: ["unit_reporter", "unit_approver"],
          tokenActions: ["observations:write"],
        },
      },
      bodyLimit: app.deps.config.MAX_UPLOAD_MB * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Write many values at once, all or nothing; `Idempotency-Key` makes a retry safe; `?dryRun=true` only checks",
        querystring: importQuery,
        headers: idempotencyHeaders,
        body: z.strictObject({
          items: z
            .array(writeBody.omit({ expectedVersion: true }))
            .min(1)
            .max(100_000),
        }),
        response: {
          200: summarySchema,
          422: summarySchema.extend({ error: z.unknown() }),
          ...errorResponses,
          409: errorResponses[400],
        },
      },
    },
    async (req, reply) => {
      const dryRun = req.query.dryRun === "true";
      const out = await importItems(
        db(),
        req.principal,
        req.body.items,
        {
          dryRun,
          submit: req.query.submit === "true",
          idempotencyKey: req.headers["idempotency-key"],
          embedded: embedded(),
        },
        changeContext(req),
      );
      if (out.kind === "rejected") return reply.status(422).send(presentRejected(out.summary, req));
      if (out.kind === "file_refused")
        return reply.status(422).send(presentFileRefused(out.error, req, dryRun));
      return out.summary;
    },
  );

  app.post(
    "/observations/import",
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
          "Upload values as CSV (text/csv, streamed) or Excel (.xlsx, e.g. the template); headers in Vietnamese or English: mã chỉ tiêu/indicator, mã đơn vị/unit, kỳ/period, giá trị/value, …; all or nothing",
        querystring: importQuery,
        headers: idempotencyHeaders,
        response: {
          200: summarySchema,
          422: summarySchema.extend({ error: z.unknown() }),
          ...errorResponses,
          409: errorResponses[400],
          413: errorResponses[400],
        },
      },
    },
    async (req, reply) => {
      const body = req.body as Readable | undefined;
      if (!body || typeof body.pipe !== "function")
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", { type: String(req.headers["content-type"] ?? "") });
      const key = req.headers["idempotency-key"];
      const dryRun = req.query.dryRun === "true";
      try {
        const out = await importUpload(
          db(),
          req.principal,
          {
            body,
            headers: req.headers,
            config: app.deps.config,
            dryRun,
            submit: req.query.submit === "true",
            idempotencyKey: key,
            embedded: embedded(),
            report: key ? progress.start(changeContext(req).actor, key) : () => {},
          },
          changeContext(req),
        );
        if (out.kind === "rejected") return reply.status(422).send(presentRejected(out.summary, req));
        if (out.kind === "file_refused")
          return reply.status(422).send(presentFileRefused(out.error, req, dryRun));
        return out.summary;
      } catch (err) {
        // Refused before the whole upload was read: the rest is read and discarded (so the client,
        // still sending, gets the answer), then the connection closed.
        if (err instanceof AppError && err.status === 413) {
          discardRest(body);
          reply.header("connection", "close");
        }
        throw err;
      }
    },
  );

  app.get(
    "/observations/imports/:key",
    {
      config: { access: { signedIn: true, tokenActions: ["observations:write"] } },
      schema: {
        tags,
        summary:
          "Progress of your running upload, by the Idempotency-Key it was sent with (phase, rows done, total)",
        params: z.object({ key: z.string().min(8).max(200) }),
        response: { 200: progressSchema, ...errorResponses },
      },
    },
    async (req) => {
      const p = progress.get(changeContext(req).actor, req.params.key);
      if (!p) throw notFound("import", req.params.key);
      return p;
    },
  );
};
