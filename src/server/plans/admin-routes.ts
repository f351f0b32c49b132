/**
 * Plan administration over HTTP, behind the Standing Office of the plan and administrators.
 * Structure changes go through the same plan-definition import the CLI uses (one validation,
 * one transaction, versions and audit); targets and definitions through the admin services.
 */
import { and, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { initiatives, orgUnits, plans, systems } from "../../db/schema/index.js";
import { orgUnitDef } from "../../domain/org-units/schema.js";
import {
  indicatorDef,
  initiativeDef,
  type PlanDefinition,
  planDefinition,
  systemDef,
  systemKinds,
  targetValueDef,
} from "../../domain/plan-definition/schema.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";
import type { Principal } from "../access/index.js";
import { authorize } from "../access/index.js";
import { changeContext } from "../core/change-context.js";
import { parseDefinitionText, validateFile } from "../core/definition-files.js";
import { AppError, notFound } from "../core/errors.js";
import { codeParam, errorResponses } from "../core/http/common-schemas.js";
import {
  indicatorPatch,
  loadIndicatorContext,
  retireIndicator,
  setTarget,
  updateIndicator,
} from "../indicators/index.js";
import { createOrgUnit, retireOrgUnit, updateOrgUnit } from "../org-units/index.js";
import { retireInitiative, retirePlan, retireSystem } from "./admin-service.js";
import { importPlanDefinition } from "./import-plan.js";
import { getPlanByCode } from "./queries.js";

const tags = ["plan-administration"];
const planAdmins = { signedIn: true as const, roles: ["system_admin" as const, "standing_office" as const] };
const reason = z
  .string()
  .trim()
  .min(3)
  .max(TEXT_LIMITS.reason)
  .describe("Why: kept with the version and in the audit trail.");

const importSummary = z.object({
  plan: z.string(),
  created: z.boolean(),
  unchanged: z.boolean(),
  counts: z.record(z.string(), z.number()),
});

function requirePlanAdmin(p: Principal, planId: string): void {
  authorize(p, "plan.administer", { planId });
}

/** A definition holding the plan's own fields, to import one structural item through. */
function shell(plan: typeof plans.$inferSelect): PlanDefinition {
  return planDefinition.parse({
    code: plan.code,
    name: { vi: plan.nameVi, ...(plan.nameEn ? { en: plan.nameEn } : {}) },
    ...(plan.shortNameVi
      ? { shortName: { vi: plan.shortNameVi, ...(plan.shortNameEn ? { en: plan.shortNameEn } : {}) } }
      : {}),
    ...(plan.documentNumber ? { documentNumber: plan.documentNumber } : {}),
    ...(plan.issuedByVi
      ? { issuedBy: { vi: plan.issuedByVi, ...(plan.issuedByEn ? { en: plan.issuedByEn } : {}) } }
      : {}),
    ...(plan.issuedOn ? { issuedOn: plan.issuedOn } : {}),
    startYear: plan.startYear,
    endYear: plan.endYear,
    ...(plan.descriptionVi
      ? { description: { vi: plan.descriptionVi, ...(plan.descriptionEn ? { en: plan.descriptionEn } : {}) } }
      : {}),
    ...(plan.generalObjectiveVi
      ? {
          generalObjective: {
            vi: plan.generalObjectiveVi,
            ...(plan.generalObjectiveEn ? { en: plan.generalObjectiveEn } : {}),
          },
        }
      : {}),
  });
}

const loc = (vi: string | null, en: string | null) => (vi ? { vi, ...(en ? { en } : {}) } : undefined);

export const planAdminRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.deps.database.db;

  app.addContentTypeParser(
    ["application/yaml", "application/x-yaml", "text/yaml"],
    { parseAs: "string" },
    (_req, body, done) => done(null, body),
  );

  app.post(
    "/plans",
    {
      config: { access: planAdmins },
      bodyLimit: app.deps.config.MAX_UPLOAD_MB * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Create or update a plan from a plan-definition file (JSON body, or YAML with Content-Type application/yaml)",
        querystring: z.strictObject({
          dryRun: z.enum(["true", "false"]).optional(),
          reason: z.string().max(TEXT_LIMITS.reason).optional(),
        }),
        body: z.unknown(),
        response: {
          200: importSummary,
          201: importSummary,
          ...errorResponses,
          403: errorResponses[400],
          422: errorResponses[400],
        },
      },
    },
    async (req, reply) => {
      const file = parseDefinitionText(
        typeof req.body === "string" ? req.body : JSON.stringify(req.body ?? null, null, 2),
      );
      const def = validateFile(file, planDefinition);
      const [existing] = await db().select().from(plans).where(eq(plans.code, def.code));
      if (existing) requirePlanAdmin(req.principal, existing.id);
      else authorize(req.principal, "plan.create", null);
      const ctx = changeContext(req, req.query.reason ?? "plan-definition file");
      if (req.query.dryRun === "true") {
        let summary: z.output<typeof importSummary> | undefined;
        class Rollback extends Error {}
        await db()
          .transaction(async (tx) => {
            summary = await importPlanDefinition(tx, def, { ...ctx, onAudit: undefined }, file);
            throw new Rollback();
          })
          .catch((err: unknown) => {
            if (!(err instanceof Rollback)) throw err;
          });
        if (!summary) throw new AppError("INTERNAL");
        return reply.status(200).send(summary);
      }
      const summary = await importPlanDefinition(db(), def, ctx, file);
      return reply.status(summary.created ? 201 : 200).send(summary);
    },
  );

  app.delete(
    "/plans/:code",
    {
      config: { access: { signedIn: true, roles: ["system_admin"] } },
      schema: {
        tags,
        summary: "Retire a plan (kept, read-only)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const plan = await getPlanByCode(db(), req.params.code);
      authorize(req.principal, "plan.retire", { planId: plan.id });
      await retirePlan(db(), plan.code, changeContext(req, req.query.reason));
      return reply.status(204).send(null);
    },
  );

  const importOne = async (
    req: { principal: Principal },
    planCode: string,
    part: Partial<PlanDefinition>,
    ctxReason: ReturnType<typeof changeContext>,
  ) => {
    const plan = await getPlanByCode(db(), planCode);
    requirePlanAdmin(req.principal, plan.id);
    const def = { ...shell(plan), ...part };
    return importPlanDefinition(db(), def, ctxReason);
  };

  app.post(
    "/plans/:code/systems",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Add or replace a system",
        params: z.object({ code: codeParam }),
        body: systemDef,
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      importOne(req, req.params.code, { systems: [req.body] }, changeContext(req, `system ${req.body.code}`)),
  );

  app.patch(
    "/plans/:code/systems/:system",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change a system",
        params: z.object({ code: codeParam, system: codeParam }),
        // No defaults in a patch: a missing kind must not reset it.
        body: systemDef
          .omit({ code: true, kind: true })
          .partial()
          .extend({ kind: z.enum(systemKinds).optional() }),
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.params.code);
      requirePlanAdmin(req.principal, plan.id);
      const [s] = await db()
        .select()
        .from(systems)
        .where(and(eq(systems.planId, plan.id), eq(systems.code, req.params.system)));
      if (!s) throw notFound("system", req.params.system);
      const current = systemDef.parse({
        code: s.code,
        number: s.number,
        kind: s.kind,
        name: loc(s.nameVi, s.nameEn),
        ...(s.mainContentVi ? { mainContent: loc(s.mainContentVi, s.mainContentEn) } : {}),
        ...(s.strategicRoleVi ? { strategicRole: loc(s.strategicRoleVi, s.strategicRoleEn) } : {}),
      });
      return importOne(
        req,
        plan.code,
        { systems: [{ ...current, ...req.body }] },
        changeContext(req, `system ${s.code}`),
      );
    },
  );

  app.delete(
    "/plans/:code/systems/:system",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire a system",
        params: z.object({ code: codeParam, system: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const plan = await getPlanByCode(db(), req.params.code);
      requirePlanAdmin(req.principal, plan.id);
      await retireSystem(db(), plan.code, req.params.system, changeContext(req, req.query.reason));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/plans/:code/initiatives",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Add or replace an initiative",
        params: z.object({ code: codeParam }),
        body: initiativeDef,
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      importOne(
        req,
        req.params.code,
        { initiatives: [req.body] },
        changeContext(req, `initiative ${req.body.code}`),
      ),
  );

  app.patch(
    "/plans/:code/initiatives/:initiative",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change an initiative",
        params: z.object({ code: codeParam, initiative: codeParam }),
        body: initiativeDef.omit({ code: true }).partial(),
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.params.code);
      requirePlanAdmin(req.principal, plan.id);
      const [i] = await db()
        .select({ row: initiatives, system: systems.code })
        .from(initiatives)
        .innerJoin(systems, eq(systems.id, initiatives.systemId))
        .where(and(eq(initiatives.planId, plan.id), eq(initiatives.code, req.params.initiative)));
      if (!i) throw notFound("initiative", req.params.initiative);
      const r = i.row;
      const [lead] = r.leadUnitId
        ? await db().select({ code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.id, r.leadUnitId))
        : [];
      const current = initiativeDef.parse({
        ...(lead ? { leadUnit: lead.code } : {}),
        code: r.code,
        number: r.number,
        system: i.system,
        title: loc(r.titleVi, r.titleEn),
        ...(r.shortTitleVi ? { shortTitle: loc(r.shortTitleVi, r.shortTitleEn) } : {}),
        ...(r.objectiveVi ? { objective: loc(r.objectiveVi, r.objectiveEn) } : {}),
        ...(r.contentVi ? { content: loc(r.contentVi, r.contentEn) } : {}),
      });
      return importOne(
        req,
        plan.code,
        { initiatives: [{ ...current, ...req.body }] },
        changeContext(req, `initiative ${r.code}`),
      );
    },
  );

  app.delete(
    "/plans/:code/initiatives/:initiative",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire an initiative",
        params: z.object({ code: codeParam, initiative: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const plan = await getPlanByCode(db(), req.params.code);
      requirePlanAdmin(req.principal, plan.id);
      await retireInitiative(db(), plan.code, req.params.initiative, changeContext(req, req.query.reason));
      return reply.status(204).send(null);
    },
  );

  app.post(
    "/plans/:code/indicators",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Add an indicator to the catalogue, owned by this plan",
        params: z.object({ code: codeParam }),
        body: indicatorDef,
        response: { 200: importSummary, ...errorResponses },
      },
    },
    async (req) =>
      importOne(
        req,
        req.params.code,
        { indicators: [req.body] },
        changeContext(req, `indicator ${req.body.code}`),
      ),
  );

  /** Indicators are administered by the Standing Office of the plan that owns (defined) them. */
  const requireIndicatorAdmin = async (
    p: Principal,
    code: string,
    action: "indicator.edit" | "indicator.retire",
  ) => {
    const indicator = await loadIndicatorContext(db(), code);
    // Only the plan that defined the indicator administers it; plans that link it do not.
    if (indicator.ownerPlanIds.length === 0) throw notFound("indicator", code);
    authorize(p, action, indicator);
  };

  app.patch(
    "/indicators/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change an indicator's definition (versioned; a reason is required)",
        params: z.object({ code: codeParam }),
        body: indicatorPatch.extend({ reason }),
        response: { 200: z.object({ code: z.string(), version: z.number() }), ...errorResponses },
      },
    },
    async (req) => {
      await requireIndicatorAdmin(req.principal, req.params.code, "indicator.edit");
      const { reason: why, ...patch } = req.body;
      const version = await updateIndicator(db(), req.params.code, patch, changeContext(req, why));
      return { code: req.params.code, version };
    },
  );

  app.delete(
    "/indicators/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire an indicator (kept with its history)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ reason }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await requireIndicatorAdmin(req.principal, req.params.code, "indicator.retire");
      await retireIndicator(db(), req.params.code, changeContext(req, req.query.reason));
      return reply.status(204).send(null);
    },
  );

  app.put(
    "/plans/:code/indicators/:indicator/targets",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary:
          "Set a target for a year, nationally or as one unit's own target (versioned; a reason is required)",
        params: z.object({ code: codeParam, indicator: codeParam }),
        body: z.strictObject({ target: targetValueDef, reason }),
        response: { 200: z.object({ version: z.number() }), ...errorResponses },
      },
    },
    async (req) => {
      const plan = await getPlanByCode(db(), req.params.code);
      // The indicator's target in this plan (setTarget refuses an indicator the plan does not track).
      authorize(req.principal, "indicator.setTarget", { planIds: [plan.id] });
      const { orgUnit, ...target } = req.body.target;
      const r = await setTarget(
        db(),
        { indicator: req.params.indicator, plan: plan.code, orgUnit, target },
        changeContext(req, req.body.reason),
      );
      return { version: r.version };
    },
  );

  app.post(
    "/org-units",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Create an org unit",
        body: orgUnitDef,
        response: { 201: z.object({ code: z.string() }), ...errorResponses },
      },
    },
    async (req, reply) => {
      authorize(req.principal, "orgUnit.create", null);
      await createOrgUnit(db(), req.body, changeContext(req), {
        validFrom: "body.validFrom",
        validTo: "body.validTo",
      });
      return reply.status(201).send({ code: req.body.code });
    },
  );

  app.patch(
    "/org-units/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Change an org unit: name, parent (cycles refused), validity, administrative code",
        params: z.object({ code: codeParam }),
        body: z.strictObject({
          name: z
            .strictObject({
              vi: z.string().min(1).max(TEXT_LIMITS.name),
              en: z.string().max(TEXT_LIMITS.name).optional(),
            })
            .optional(),
          parent: codeParam.nullable().optional(),
          validFrom: z.iso.date().nullable().optional(),
          validTo: z.iso.date().nullable().optional(),
          adminCode: z.string().max(16).nullable().optional(),
        }),
        response: { 200: z.object({ code: z.string() }), ...errorResponses },
      },
    },
    async (req) => {
      authorize(req.principal, "orgUnit.edit", null);
      await updateOrgUnit(db(), req.params.code, req.body, changeContext(req), {
        validFrom: "body.validFrom",
        validTo: "body.validTo",
      });
      return { code: req.params.code };
    },
  );

  app.delete(
    "/org-units/:code",
    {
      config: { access: planAdmins },
      schema: {
        tags,
        summary: "Retire an org unit from a date (kept for history and lineage)",
        params: z.object({ code: codeParam }),
        querystring: z.strictObject({ validTo: z.iso.date() }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      authorize(req.principal, "orgUnit.retire", null);
      await retireOrgUnit(db(), req.params.code, req.query.validTo, changeContext(req), {
        validFrom: "querystring.validFrom",
        validTo: "querystring.validTo",
      });
      return reply.status(204).send(null);
    },
  );
};
