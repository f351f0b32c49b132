/** Values out of the platform over HTTP: the streamed CSV/Excel export, and a unit's Excel template. */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { XLSX_TYPE } from "../../core/export/xlsx-writer.js";
import { codeParam, periodCode } from "../../core/http/common-schemas.js";
import { tags } from "../values/schema.js";
import { exportValues } from "./export.js";
import { unitTemplate } from "./unit-template.js";

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

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
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const { workbook, filename } = await unitTemplate(db(), req.principal, req.query);
      return reply
        .type(XLSX_TYPE)
        .header("content-disposition", `attachment; filename="${filename}"`)
        .send(workbook);
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
        produces: ["text/csv", XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const q = req.query;
      const out = exportValues(db(), req.principal, q, q.format, (stats) =>
        req.log.info({ export: "observations", format: q.format, ...stats }, "export sent"),
      );
      const name = `chi-nam-${q.indicator ?? "values"}-${q.unit ?? "all"}.${out.extension}`;
      return reply
        .type(out.contentType)
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(out.body);
    },
  );
};
