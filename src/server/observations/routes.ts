/**
 * Indicator values over HTTP: write one (reporters, or a unit's API token), list and read with
 * `asOf`, revisions, and the draft → submitted → approved flow. Every object is checked by the
 * observations policy; a value the caller may not see does not exist for them (404).
 */

import type { Readable } from "node:stream";
import { and, asc, count, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { valueCan as valueCanSchema } from "../../contracts/can.js";
import {
  indicators,
  observationRevisions,
  observations,
  orgUnits,
  planIndicators,
} from "../../db/schema/index.js";
import { parsePeriod } from "../../domain/periods.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import type { Principal } from "../access/index.js";
import { authorize, canReadValue, readableValues, valueCan } from "../access/index.js";
import { changeContext } from "../core/change-context.js";
import { AppError, notFound } from "../core/errors.js";
import { codeParam, errorResponses, periodCode } from "../core/http/common-schemas.js";
import { decodeCursor, encodeCursor, listEnvelope, pageQuery } from "../core/http/pagination.js";
import { changeValueState, deleteValue, reviseValue } from "./commands/change-state.js";
import { readableValue } from "./commands/readable-value.js";
import { writeValue } from "./commands/write-value.js";
import { csvExport, exportPages, XLSX_TYPE, xlsxExport } from "./export.js";
import { type ImportSummary, importObservations, jsonRows } from "./import.js";
import { ImportProgressRegistry } from "./progress.js";
import { type ObservationRow, revisionsAsOf, type Transition } from "./service.js";
import { isWebUrl, webUrlMessage } from "./spreadsheet-text.js";
import { discardRest, fileRejected, isFileRefusal, type UploadRows, uploadRows } from "./upload-source.js";
import { indicatorFacts, valueContext } from "./value-context.js";
import { buildTemplate } from "./xlsx.js";

const tags = ["observations"];
const noValueActions = {
  write: false,
  submit: false,
  recall: false,
  approve: false,
  return: false,
  revise: false,
  delete: false,
};

const observation = z.object({
  id: z.string(),
  indicator: z.string(),
  unit: z.string(),
  reporterUnit: z.string(),
  period: z.string(),
  disaggregation: z.record(z.string(), z.string()),
  value: z.union([z.number(), z.boolean()]),
  status: z.enum(["draft", "submitted", "approved"]),
  source: z.string().nullable(),
  comment: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  version: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  can: valueCanSchema,
});
type Observation = z.output<typeof observation>;

/** A link to the evidence: http(s) only (a `javascript:` or `file:` link is refused by name). */
const evidenceUrlSchema = z
  .string()
  .max(TEXT_LIMITS.url)
  .refine(isWebUrl, { message: webUrlMessage.en, params: { vi: webUrlMessage.vi } })
  .nullable()
  .optional()
  .describe("A link to the evidence: http:// or https:// only.");

const writeBody = z.strictObject({
  indicator: codeParam,
  unit: codeParam.describe("The unit the value describes."),
  reporterUnit: codeParam
    .optional()
    .describe("The unit reporting it, when another (e.g. the statistics office)."),
  period: periodCode,
  disaggregation: z.record(z.string().max(TEXT_LIMITS.code), z.string().max(200)).optional(),
  value: z.union([z.number(), z.boolean()]),
  source: z.string().max(TEXT_LIMITS.name).nullable().optional(),
  comment: z.string().max(TEXT_LIMITS.comment).nullable().optional(),
  evidenceUrl: evidenceUrlSchema,
  expectedVersion: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe(
      "The version you last saw; a newer one is refused with 409. 0: create only — refused with 409 if the value exists.",
    ),
});

interface ValueQuery {
  indicator?: string;
  unit?: string;
  from?: string;
  to?: string;
  status?: "draft" | "submitted" | "approved";
  asOf?: string;
}

/** A period range whose ends are of different kinds (a month to a year), named at both ends. */
function rangeOfTwoKinds(): AppError {
  const vi = "hai kỳ from và to phải cùng loại (cùng là tháng, quý, nửa năm hoặc năm)";
  const en = "from and to must be periods of the same kind (both months, quarters, half-years or years)";
  return new AppError(
    "VALIDATION_FAILED",
    {
      summary: `querystring.from, querystring.to: ${vi}`,
      summaryEn: `querystring.from, querystring.to: ${en}`,
    },
    ["querystring.from", "querystring.to"].map((path) => ({ path, message: vi, messageEn: en })),
  );
}

/** The values a principal may read, narrowed by indicator, unit, period range and status. */
function valueFilter(principal: Principal, q: ValueQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [sql`${observations.deletedAt} is null`, readableValues(principal)];
  if (q.indicator) conds.push(eq(indicators.code, q.indicator));
  if (q.unit) conds.push(sql`${observations.orgUnitId} = (select id from org_units where code = ${q.unit})`);
  if (q.status && !q.asOf) conds.push(eq(observations.status, q.status));
  // The query string's periodCode schema has checked both codes.
  const from = q.from ? parsePeriod(q.from) : undefined;
  const to = q.to ? parsePeriod(q.to) : undefined;
  // A range selects periods of its own kind (within a kind, codes sort in time order).
  if (from && to && from.kind !== to.kind) throw rangeOfTwoKinds();
  const kind = from?.kind ?? to?.kind;
  if (kind) conds.push(eq(observations.periodKind, kind));
  if (q.from) conds.push(gte(observations.period, q.from));
  if (q.to) conds.push(lte(observations.period, q.to));
  return and(...conds);
}

/** The 422 body of a rejected import: the summary with every row's errors, plus the error shape. */
function rejected(summary: ImportSummary, req: { lang: "vi" | "en"; id: string }) {
  const e = new AppError("IMPORT_REJECTED", { count: summary.rejected });
  return { ...summary, error: { code: e.code, message: e.message_(req.lang), requestId: req.id } };
}

export const observationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const progress = new ImportProgressRegistry();

  /**
   * Presents values; with `asOf`, as they stood then — and a past revision is shown only if the
   * caller may read a value in that revision's state (an approved value's draft history stays private).
   */
  const present = async (
    rows: ObservationRow[],
    principal: Principal,
    asOf?: Date,
  ): Promise<Observation[]> => {
    const unitIds = [...new Set(rows.flatMap((r) => [r.orgUnitId, r.reporterUnitId]))];
    const units = unitIds.length
      ? await db()
          .select({ id: orgUnits.id, code: orgUnits.code })
          .from(orgUnits)
          .where(inArray(orgUnits.id, unitIds))
      : [];
    const unitCode = new Map(units.map((u) => [u.id, u.code]));
    const meta = await indicatorFacts(db(), [...new Set(rows.map((r) => r.indicatorId))]);
    const past = asOf
      ? await revisionsAsOf(
          db(),
          rows.map((r) => r.id),
          asOf,
        )
      : undefined;
    const out: Observation[] = [];
    for (const r of rows) {
      const rev = past?.get(r.id);
      if (past && (!rev || rev.deleted)) continue;
      const m = meta.get(r.indicatorId);
      const current = m && valueContext(r, m);
      if (rev && (!current || !canReadValue(principal, { ...current, status: rev.status }))) continue;
      const v = rev ?? r;
      out.push({
        id: r.id,
        indicator: meta.get(r.indicatorId)?.code ?? r.indicatorId,
        unit: unitCode.get(r.orgUnitId) ?? r.orgUnitId,
        reporterUnit: unitCode.get(r.reporterUnitId) ?? r.reporterUnitId,
        period: r.period,
        disaggregation: r.disaggregation,
        value: v.valueBool ?? (v.value as number),
        status: v.status as Observation["status"],
        source: v.source,
        comment: v.comment,
        evidenceUrl: v.evidenceUrl,
        version: rev ? rev.version : r.version,
        updatedBy: rev ? rev.changedBy : r.updatedBy,
        updatedAt: (rev ? rev.validFrom : r.updatedAt).toISOString(),
        // What the caller may do with the value now (its current version, even in an `asOf` view).
        can: current ? valueCan(principal, current) : noValueActions,
      });
    }
    return out;
  };

  const readable = (req: { principal: Principal }, id: string) => readableValue(db(), req.principal, id);

  app.put(
    "/observations",
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
          "Write one value (a draft of your unit); a changed value keeps the previous one as a revision",
        body: writeBody,
        response: {
          200: observation,
          201: observation,
          ...errorResponses,
          409: errorResponses[400],
          422: errorResponses[400],
        },
      },
    },
    async (req, reply) => {
      const result = await writeValue(db(), req.principal, req.body, changeContext(req));
      const [out] = await present([result.row], req.principal);
      return reply.status(result.outcome === "created" ? 201 : 200).send(out as Observation);
    },
  );

  const summarySchema = z.object({
    rows: z.number(),
    imported: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
    dryRun: z.boolean(),
    replayed: z.boolean(),
    errors: z.array(
      z.object({
        row: z.number(),
        column: z.string(),
        path: z.string().optional(),
        message: z.string(),
        messageEn: z.string().optional(),
        value: z.unknown().optional(),
      }),
    ),
  });

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
        querystring: z.strictObject({
          dryRun: z.enum(["true", "false"]).optional(),
          /** An approver enters and submits in one step. */
          submit: z.enum(["true", "false"]).optional(),
        }),
        headers: z.object({ "idempotency-key": z.string().min(8).max(200).optional() }).passthrough(),
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
      const summary = await importObservations(
        db(),
        req.principal,
        jsonRows(req.body.items),
        changeContext(req),
        {
          dryRun: req.query.dryRun === "true",
          submit: req.query.submit === "true",
          idempotencyKey: req.headers["idempotency-key"],
          format: "json",
          chunkedCommit: app.deps.database.kind === "pglite",
        },
      );
      return summary.errors.length > 0 ? reply.status(422).send(rejected(summary, req)) : summary;
    },
  );

  // Uploads arrive as streams, never buffered whole: CSV is parsed as it comes, .xlsx is written
  // to a temporary file (a ZIP is read from its end) and its sheet parsed as it inflates.
  app.addContentTypeParser(["text/csv", "application/csv", XLSX_TYPE], (_req, payload, done) =>
    done(null, payload),
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
        querystring: z.strictObject({
          dryRun: z.enum(["true", "false"]).optional(),
          /** An approver enters and submits in one step. */
          submit: z.enum(["true", "false"]).optional(),
        }),
        headers: z.object({ "idempotency-key": z.string().min(8).max(200).optional() }).passthrough(),
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
      const milestones = new Set(
        (
          await db()
            .select({ code: indicators.code })
            .from(indicators)
            .where(sql`${indicators.direction} = 'milestone' or ${indicators.kind} = 'milestone'`)
        ).map((r) => r.code),
      );
      const key = req.headers["idempotency-key"];
      const report = key ? progress.start(changeContext(req).actor, key) : () => {};
      const body = req.body as Readable | undefined;
      if (!body || typeof body.pipe !== "function")
        throw new AppError("UNSUPPORTED_MEDIA_TYPE", { type: String(req.headers["content-type"] ?? "") });
      let upload: UploadRows | undefined;
      try {
        upload = await uploadRows(body, req.headers, app.deps.config, (c) => milestones.has(c));
        const { rows, format } = upload;
        const summary = await importObservations(db(), req.principal, rows, changeContext(req), {
          dryRun: req.query.dryRun === "true",
          submit: req.query.submit === "true",
          idempotencyKey: req.headers["idempotency-key"],
          format,
          chunkedCommit: app.deps.database.kind === "pglite",
          onRead: (done) => report({ done }),
          onProgress: (done, total) => report({ phase: "writing", done, total }),
        });
        report({ phase: summary.errors.length > 0 ? "failed" : "done" });
        return summary.errors.length > 0 ? reply.status(422).send(rejected(summary, req)) : summary;
      } catch (err) {
        report({ phase: "failed" });
        if (isFileRefusal(err))
          return reply.status(422).send(fileRejected(err, req, req.query.dryRun === "true"));
        // Refused before the whole upload was read: the rest is read and discarded (so the client,
        // still sending, gets the answer), then the connection closed.
        if (err instanceof AppError && err.status === 413) {
          discardRest(body);
          reply.header("connection", "close");
        }
        throw err;
      } finally {
        await upload?.cleanup();
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
        response: {
          200: z.object({
            phase: z.enum(["reading", "writing", "done", "failed"]),
            done: z.number(),
            total: z.number().nullable(),
            startedAt: z.string(),
            updatedAt: z.string(),
          }),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const p = progress.get(changeContext(req).actor, req.params.key);
      if (!p) throw notFound("import", req.params.key);
      return p;
    },
  );

  app.get(
    "/observations/template.xlsx",
    {
      config: { access: { signedIn: true, roles: ["unit_reporter", "unit_approver"] } },
      schema: {
        tags,
        summary:
          "An Excel template for a unit and period: the plan's indicators reported at that frequency, with names, units and current values",
        querystring: z.strictObject({
          plan: codeParam.default("NQ57"),
          unit: codeParam,
          period: periodCode,
        }),
        produces: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (req, reply) => {
      const q = req.query;
      let kind: string;
      try {
        kind = parsePeriod(q.period).kind;
      } catch {
        throw new AppError("VALIDATION_FAILED", { summary: "period: 2026, 2026-H1, 2026-Q1 or 2026-03" });
      }
      const [unit] = await db().select().from(orgUnits).where(eq(orgUnits.code, q.unit));
      if (!unit) throw notFound("org_unit", q.unit);
      authorize(req.principal, "observation.template", { unitId: unit.id });
      const frequency = { month: "monthly", quarter: "quarterly", half_year: "half_yearly", year: "yearly" }[
        kind
      ];
      const rows = await db()
        .select({
          id: indicators.id,
          code: indicators.code,
          nameVi: indicators.nameVi,
          unit: indicators.unit,
          direction: indicators.direction,
          kind: indicators.kind,
        })
        .from(indicators)
        .innerJoin(planIndicators, eq(planIndicators.indicatorId, indicators.id))
        .where(
          and(
            sql`${planIndicators.planId} = (select id from plans where code = ${q.plan})`,
            eq(indicators.tier, "operational"),
            sql`${indicators.frequency} = ${frequency ?? ""}`,
            sql`${indicators.retiredAt} is null`,
          ),
        )
        .orderBy(asc(indicators.code));
      const current = rows.length
        ? await db()
            .select()
            .from(observations)
            .where(
              and(
                eq(observations.orgUnitId, unit.id),
                eq(observations.period, q.period),
                eq(observations.disaggKey, ""),
                sql`${observations.deletedAt} is null`,
                inArray(
                  observations.indicatorId,
                  rows.map((r) => r.id),
                ),
              ),
            )
        : [];
      const buffer = await buildTemplate({
        unit: unit.code,
        unitName: unit.nameVi,
        period: q.period,
        rows: rows.map((r) => {
          const o = current.find((c) => c.indicatorId === r.id);
          return {
            indicator: r.code,
            name: r.nameVi,
            unit: r.unit,
            milestone: r.direction === "milestone" || r.kind === "milestone",
            current: o ? (o.valueBool ?? o.value) : null,
          };
        }),
      });
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", `attachment; filename="chi-nam-${unit.code}-${q.period}.xlsx"`)
        .send(buffer);
    },
  );

  app.get(
    "/observations/export",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "Export the values you may read as CSV (streamed; the same headers the import reads) or Excel, by indicator, unit, period range and status",
        querystring: z.strictObject({
          format: z.enum(["csv", "xlsx"]).default("csv"),
          indicator: codeParam.optional(),
          unit: codeParam.optional(),
          from: periodCode.optional(),
          to: periodCode.optional(),
          status: z.enum(["draft", "submitted", "approved"]).optional(),
        }),
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
      },
    },
    async (req, reply) => {
      authorize(req.principal, "observation.readBeyondOwn", null);
      const q = req.query;
      const pages = exportPages(db(), valueFilter(req.principal, q), (rows) => present(rows, req.principal));
      const name = `chi-nam-${q.indicator ?? "values"}-${q.unit ?? "all"}`;
      if (q.format === "xlsx")
        return reply
          .type(XLSX_TYPE)
          .header("content-disposition", `attachment; filename="${name}.xlsx"`)
          .send(xlsxExport(pages));
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}.csv"`)
        .send(csvExport(pages));
    },
  );

  app.get(
    "/observations",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "Values you may read, by indicator, unit and period range; `asOf` returns them as they stood then",
        querystring: pageQuery.extend({
          indicator: codeParam.optional(),
          unit: codeParam.optional(),
          from: periodCode.optional().describe("First period (inclusive)."),
          to: periodCode.optional().describe("Last period (inclusive)."),
          status: z.enum(["draft", "submitted", "approved"]).optional(),
          asOf: z.iso.datetime({ offset: true }).optional(),
        }),
        response: { 200: listEnvelope(observation), ...errorResponses },
      },
    },
    async (req) => {
      const q = req.query;
      const where = valueFilter(req.principal, q);
      const after = decodeCursor(q.cursor, 1);
      const rows = await db()
        .select({ o: observations })
        .from(observations)
        .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
        .where(and(where, after ? sql`${observations.id}::text > ${after[0]}` : undefined))
        .orderBy(asc(sql`${observations.id}::text`))
        .limit(q.limit + 1);
      const [total] = await db()
        .select({ n: count() })
        .from(observations)
        .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
        .where(where);
      const pageRows = rows.slice(0, q.limit).map((r) => r.o);
      let items = await present(pageRows, req.principal, q.asOf ? new Date(q.asOf) : undefined);
      if (q.status && q.asOf) items = items.filter((i) => i.status === q.status);
      const last = rows[q.limit - 1];
      return {
        items,
        total: Number(total?.n ?? 0),
        nextCursor: rows.length > q.limit && last ? encodeCursor([last.o.id]) : null,
      };
    },
  );

  app.get(
    "/observations/:id",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One value",
        params: z.object({ id: z.uuid() }),
        response: { 200: observation, ...errorResponses },
      },
    },
    async (req) => {
      const { row } = await readable(req, req.params.id);
      return (await present([row], req.principal))[0] as Observation;
    },
  );

  app.get(
    "/observations/:id/revisions",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Every revision of a value, oldest first: nothing is ever silently overwritten",
        params: z.object({ id: z.uuid() }),
        response: {
          200: listEnvelope(
            z.object({
              version: z.number(),
              value: z.union([z.number(), z.boolean()]),
              status: z.string(),
              comment: z.string().nullable(),
              changedBy: z.string(),
              validFrom: z.string(),
              validTo: z.string().nullable(),
            }),
          ),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      const { row, ctx: v } = await readable(req, req.params.id);
      const all = await db()
        .select()
        .from(observationRevisions)
        .where(eq(observationRevisions.observationId, row.id))
        .orderBy(asc(observationRevisions.version));
      // Each revision is shown only if the caller may read a value in that revision's state.
      const revs = all.filter((r) => canReadValue(req.principal, { ...v, status: r.status }));
      return {
        items: revs.map((r) => ({
          version: r.version,
          value: r.valueBool ?? (r.value as number),
          status: r.status,
          comment: r.comment,
          changedBy: r.changedBy,
          validFrom: r.validFrom.toISOString(),
          validTo: r.validTo?.toISOString() ?? null,
        })),
        total: revs.length,
        nextCursor: null,
      };
    },
  );

  app.delete(
    "/observations/:id",
    {
      config: { access: { signedIn: true, tokenActions: ["observations:write"] } },
      schema: {
        tags,
        summary:
          "Delete a value (kept in its revisions): a draft by its reporting unit's writers, any value by its reviewers",
        params: z.object({ id: z.uuid() }),
        querystring: z.strictObject({
          expectedVersion: z.coerce.number().int().positive().optional(),
          reason: z.string().max(TEXT_LIMITS.reason).optional(),
        }),
        response: { 204: z.null(), ...errorResponses, 409: errorResponses[400] },
      },
    },
    async (req, reply) => {
      const { expectedVersion, reason } = req.query;
      await deleteValue(db(), req.principal, req.params.id, { expectedVersion }, changeContext(req, reason));
      return reply.status(204).send(null);
    },
  );

  const transitionSummary: Record<Transition, string> = {
    submit: "Submit a draft value (the reporting unit's approver)",
    recall: "Recall a submitted value, not yet approved, to a draft (the reporting unit's approver)",
    approve: "Approve a submitted value (Standing Office, the system's Chief Engineer)",
    return: "Return a submitted or approved value to its unit as a draft, with a reason (a reviewer)",
  };
  for (const action of ["submit", "recall", "approve", "return"] as const) {
    app.post(
      `/observations/:id/${action}`,
      {
        config: {
          access: {
            signedIn: true,
            roles:
              action === "submit" || action === "recall"
                ? ["unit_approver"]
                : ["system_admin", "standing_office", "chief_engineer"],
          },
        },
        schema: {
          tags,
          summary: transitionSummary[action],
          params: z.object({ id: z.uuid() }),
          body: z
            .strictObject({
              reason: z.string().max(TEXT_LIMITS.reason).optional(),
              expectedVersion: z.number().int().positive().optional(),
            })
            .nullish(),
          response: { 200: observation, ...errorResponses, 409: errorResponses[400] },
        },
      },
      async (req) => {
        const next = await changeValueState(
          db(),
          req.principal,
          req.params.id,
          action,
          { expectedVersion: req.body?.expectedVersion },
          changeContext(req, req.body?.reason),
        );
        return (await present([next], req.principal))[0] as Observation;
      },
    );
  }

  app.post(
    "/observations/:id/revise",
    {
      config: { access: { signedIn: true, roles: ["system_admin", "standing_office", "chief_engineer"] } },
      schema: {
        tags,
        summary:
          "Revise an approved (official) value: a reviewer's new approved revision with a required reason; the previous figure stays in the revisions",
        params: z.object({ id: z.uuid() }),
        body: z.strictObject({
          value: z.union([z.number(), z.boolean()]),
          reason: z
            .string()
            .trim()
            .min(3)
            .max(TEXT_LIMITS.reason)
            .describe("Why the official figure changes (audited)."),
          source: z.string().max(TEXT_LIMITS.name).nullable().optional(),
          comment: z.string().max(TEXT_LIMITS.comment).nullable().optional(),
          evidenceUrl: z
            .url({ protocol: /^https?$/ })
            .max(TEXT_LIMITS.url)
            .nullable()
            .optional(),
          expectedVersion: z.number().int().positive().optional(),
        }),
        response: { 200: observation, ...errorResponses, 409: errorResponses[400], 422: errorResponses[400] },
      },
    },
    async (req) => {
      const next = await reviseValue(
        db(),
        req.principal,
        req.params.id,
        req.body,
        changeContext(req, req.body.reason),
      );
      return (await present([next], req.principal))[0] as Observation;
    },
  );
};
