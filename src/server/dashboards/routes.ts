/**
 * Dashboard reads (roll-ups only): plan overview, indicator series, breakdown by unit, values by
 * disaggregation, unit comparison, the units furthest short of a target; one unit's values and
 * reporting completeness.
 */
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { codeParam, errorResponses, periodCode } from "../../contracts/common.js";
import { parsePeriod, periodKinds } from "../../domain/periods.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { authorize } from "../access/index.js";
import { AppError } from "../core/errors.js";
import { sendEncoded } from "../core/http/encoded.js";
import { getPlanByCode } from "../plans/index.js";
import { planAlerts } from "./alerts.js";
import {
  compareUnits,
  indicatorBreakdown,
  indicatorDisaggregationsAt,
  indicatorSeries,
} from "./indicator-reads.js";
import { indicatorLaggards } from "./laggards.js";
import * as S from "./schema.js";
import { currentMonth, planOverviewJson } from "./service.js";
import { unitReportingCompleteness, unitValues } from "./unit-reads.js";

const tags = ["dashboards"];
function layerFor(p: Principal, basis: Layer): Layer {
  authorize(p, "observation.readBeyondOwn", null);
  if (basis === "reported" && p.kind === "anonymous") throw new AppError("AUTH_REQUIRED");
  if (basis === "reported") authorize(p, "rollup.readReported", null);
  return basis;
}

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;
  const planQuery = {
    plan: codeParam.default("NQ57").describe("Plan code (targets and links come from it)"),
  };

  app.get(
    "/plans/:code/overview",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "Each system and each target with status, progress, latest value, forecast and reason (from roll-ups)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ basis: S.basisQuery }),
        response: { 200: S.overview, ...errorResponses },
      },
    },
    async (req, reply) => {
      const answer = await planOverviewJson(
        db(),
        req.params.code,
        req.principal,
        layerFor(req.principal, req.query.basis),
        (v) => S.overview.parse(v),
      );
      // Memoised bytes: validated against the schema once, when computed.
      return sendEncoded(req, reply, answer);
    },
  );

  app.get(
    "/plans/:code/alerts",
    {
      config: { access: { signedIn: true, tokenActions: ["observations:read"] } },
      schema: {
        tags,
        summary:
          "What needs attention: targets off track and why, status changes, units that have not reported, outliers and revisions",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          basis: S.basisQuery,
          period: periodCode
            .optional()
            .describe("The reporting period whose gaps and flags are listed (default: the current month)"),
        }),
        response: { 200: S.alerts, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.params.code);
      const layer = layerFor(req.principal, req.query.basis);
      const period = req.query.period ? parsePeriod(req.query.period) : currentMonth();
      return planAlerts(db(), plan, period, req.principal, layer);
    },
  );

  app.get(
    "/indicators/:code/series",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "An indicator's values for one unit over time, with target line, assessment and forecast band",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...planQuery,
          unit: codeParam.default("VN"),
          basis: S.basisQuery,
          from: periodCode.optional(),
          to: periodCode.optional(),
          frequency: z
            .enum(periodKinds)
            .optional()
            .describe("Combine to coarser periods (month, quarter, half_year, year)"),
        }),
        response: { 200: S.series, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.query.plan);
      return indicatorSeries(db(), plan.id, req.params.code, req.principal, {
        unit: req.query.unit,
        layer: layerFor(req.principal, req.query.basis),
        from: req.query.from,
        to: req.query.to,
        frequency: req.query.frequency,
      });
    },
  );

  app.get(
    "/indicators/:code/breakdown",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "An indicator's value for each unit under a parent (default: the country) in one period, ranked",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...planQuery,
          parent: codeParam.default("VN"),
          period: periodCode,
          basis: S.basisQuery,
        }),
        response: { 200: S.breakdown, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.query.plan);
      return indicatorBreakdown(db(), plan.id, req.params.code, req.principal, {
        parent: req.query.parent,
        period: req.query.period,
        layer: layerFor(req.principal, req.query.basis),
      });
    },
  );

  app.get(
    "/indicators/:code/disaggregations",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "An indicator's value at one unit in one period by disaggregation category (sex, enterprise size…), beside the total",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...planQuery,
          unit: codeParam.default("VN"),
          period: periodCode,
          basis: S.basisQuery,
        }),
        response: { 200: S.disaggregations, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.query.plan);
      return indicatorDisaggregationsAt(db(), plan.id, req.params.code, req.principal, {
        unit: req.query.unit,
        period: req.query.period,
        layer: layerFor(req.principal, req.query.basis),
      });
    },
  );

  app.get(
    "/indicators/:code/compare",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "Series of several units side by side (units the caller may not see are marked hidden)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...planQuery,
          units: z
            .string()
            .min(1)
            // 40 codes and their commas.
            .max(40 * 65)
            .transform((s) =>
              s
                .split(",")
                .map((x) => x.trim())
                .filter(Boolean),
            )
            .pipe(z.array(codeParam).min(1).max(40)),
          basis: S.basisQuery,
          from: periodCode.optional(),
          to: periodCode.optional(),
        }),
        response: { 200: S.comparison, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.query.plan);
      return compareUnits(db(), plan.id, req.params.code, req.principal, {
        units: req.query.units,
        layer: layerFor(req.principal, req.query.basis),
        from: req.query.from,
        to: req.query.to,
      });
    },
  );

  app.get(
    "/indicators/:code/laggards",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary:
          "The units (provinces or ministries) furthest on the wrong side of the indicator's target, with their gap and share of the shortfall",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...planQuery,
          level: z
            .enum(["province", "ministry"])
            .default("province")
            .describe("province: province-level units; ministry: ministries and ministry-level agencies"),
          period: periodCode.optional().describe("Judge this period's values (default: each unit's latest)"),
          basis: S.basisQuery,
          limit: z.coerce.number().int().min(1).max(100).default(10),
        }),
        response: { 200: S.laggards, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.query.plan);
      return indicatorLaggards(db(), plan.id, req.params.code, req.principal, {
        level: req.query.level,
        period: req.query.period,
        layer: layerFor(req.principal, req.query.basis),
        limit: req.query.limit,
      });
    },
  );

  app.get(
    "/org-units/:code/values",
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: "One unit's latest value of each indicator it has values for, with its status",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ ...planQuery, basis: S.basisQuery }),
        response: { 200: S.unitValues, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.query.plan);
      return unitValues(
        db(),
        plan.id,
        req.params.code,
        req.principal,
        layerFor(req.principal, req.query.basis),
      );
    },
  );

  app.get(
    "/org-units/:code/completeness",
    {
      config: { access: { signedIn: true, tokenActions: ["observations:read"] } },
      schema: {
        tags,
        summary: "One unit's reporting completeness in recent periods: expected, reported, missing",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({
          ...planQuery,
          kind: z
            .enum(periodKinds)
            .optional()
            .describe("Period kind (default: the kind of `to`, else month)"),
          periods: z.coerce
            .number()
            .int()
            .min(1)
            .max(24)
            .default(6)
            .describe("How many periods, ending at `to`"),
          to: periodCode.optional().describe("The last period (default: the current one)"),
        }),
        response: { 200: S.unitCompleteness, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.query.plan);
      return unitReportingCompleteness(db(), plan.id, req.params.code, req.principal, {
        kind: req.query.kind,
        count: req.query.periods,
        to: req.query.to,
      });
    },
  );
};
