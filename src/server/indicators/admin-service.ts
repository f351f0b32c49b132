/**
 * Administration of indicators and targets outside plan import: edit a definition, set or retire
 * a target, retire an indicator. Every change writes a version with who, when and why; a reason
 * is required because the Standing Office adjusts targets "flexibly" (plan V.1.c) and must say why.
 * Used by the CLI now and by the HTTP routes of the access issue.
 */
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, Executor } from "../../db/client.js";
import { indicators, planIndicators, plans } from "../../db/schema/index.js";
import { checkFormula } from "../../domain/formula/check.js";
import { type FormulaError, parseFormula, references } from "../../domain/formula/parse.js";
import {
  aggregationRules,
  forecastMinPoints,
  indicatorBounds,
  indicatorDirections,
  localizedText,
  localizedUnit,
  reportedByValues,
  reportingFrequencies,
  targetKinds,
  targetValueDef,
} from "../../domain/plan-definition/schema.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { AppError, notFound } from "../core/errors.js";
import { unitIdByCode } from "../org-units/index.js";
import { rebuildIndicatorRollups } from "../rollups/index.js";
import { writeTarget } from "./targets.js";
import { diffSnapshots, invalidateDefinitionHash, recordVersion, rowSnapshot } from "./versioning.js";

function requireReason(ctx: ChangeContext): void {
  if (!ctx.reason || ctx.reason.trim().length < 3)
    throw new AppError("VALIDATION_FAILED", { summary: "reason: a reason for the change is required" });
}

/**
 * Fields of an indicator definition that can be edited (code and tier are identity). Written out
 * rather than derived from the definition schema: its defaults must not fill in fields a patch
 * leaves out (a patch of `published` alone must not reset the frequency).
 */
export const indicatorPatch = z
  .object({
    name: localizedText,
    definition: localizedText,
    /** A bare string is Vietnamese only; null clears the unit. */
    unit: localizedUnit.nullable(),
    direction: z.enum(indicatorDirections),
    kind: z.enum(targetKinds),
    baseline: z.object({ value: z.number(), year: z.number().int().min(1900).max(2200) }).strict(),
    dataSource: localizedText,
    responsibleUnit: z.string().min(1).max(64),
    reportedBy: z.enum(reportedByValues),
    bounds: indicatorBounds.nullable(),
    forecastMinPoints: forecastMinPoints.nullable(),
    frequency: z.enum(reportingFrequencies),
    aggregation: z.enum(aggregationRules),
    aggregationComponents: z
      .object({
        numerator: z.string().max(64).optional(),
        denominator: z.string().max(64).optional(),
        weight: z.string().max(64).optional(),
      })
      .strict(),
    timeAggregation: z
      .enum(["sum", "mean", "weighted_mean", "ratio_of_sums", "latest", "min", "max"])
      .nullable(),
    disaggregations: z
      .record(
        z
          .string()
          .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
          .max(64),
        z
          .array(
            z
              .string()
              .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/)
              .max(64),
          )
          .min(1)
          .max(100),
      )
      .nullable(),
    formula: z.string().max(2000),
    published: z.boolean(),
    proposed: z.boolean(),
  })
  .partial()
  .strict();

async function plansTracking(tx: Executor, indicatorId: string): Promise<string[]> {
  return (
    await tx
      .select({ id: planIndicators.planId })
      .from(planIndicators)
      .where(eq(planIndicators.indicatorId, indicatorId))
  ).map((r) => r.id);
}

/** A new formula or aggregation components must name existing indicators, type-check and close no cycle. */
async function checkFormulaAndComponents(
  tx: Executor,
  code: string,
  p: z.output<typeof indicatorPatch>,
): Promise<void> {
  const codes = new Set<string>();
  if (p.formula !== undefined) {
    try {
      for (const r of references(parseFormula(p.formula))) codes.add(r);
    } catch {
      // Reported by checkFormula below.
    }
  }
  for (const c of [
    p.aggregationComponents?.numerator,
    p.aggregationComponents?.denominator,
    p.aggregationComponents?.weight,
  ])
    if (c) codes.add(c);
  const rows = codes.size
    ? await tx
        .select({ code: indicators.code, formula: indicators.formula })
        .from(indicators)
        .where(inArray(indicators.code, [...codes]))
    : [];
  const known = new Map(rows.map((r) => [r.code, r.formula]));
  for (const c of [
    p.aggregationComponents?.numerator,
    p.aggregationComponents?.denominator,
    p.aggregationComponents?.weight,
  ])
    if (c && !known.has(c))
      throw new AppError("INVALID_REFERENCE", { summary: `aggregationComponents: unknown indicator ${c}` });
  if (p.formula === undefined) return;
  const refsOf = async (c: string): Promise<string[] | undefined> => {
    const f = known.get(c);
    if (!f) return undefined;
    try {
      return references(parseFormula(f));
    } catch {
      return undefined;
    }
  };
  // Cycles: walk the formulas of the operands (loaded on demand, depth-limited by the catalogue).
  const graph = new Map<string, string[]>();
  const queue = [...known.keys()];
  while (queue.length > 0 && graph.size < 5000) {
    const c = queue.shift() as string;
    if (graph.has(c)) continue;
    const refs = await refsOf(c);
    graph.set(c, refs ?? []);
    const missing = (refs ?? []).filter((r) => !known.has(r));
    if (missing.length) {
      for (const r of await tx
        .select({ code: indicators.code, formula: indicators.formula })
        .from(indicators)
        .where(inArray(indicators.code, missing)))
        known.set(r.code, r.formula);
      queue.push(...missing);
    }
  }
  const result = checkFormula(code, p.formula, {
    known: (c) => known.has(c),
    formulaRefs: (c) => graph.get(c),
  });
  if (!result.ok) {
    const e = result.errors[0] as FormulaError;
    throw new AppError(
      "VALIDATION_FAILED",
      { summary: `formula, column ${e.column}: ${e.message}` },
      result.errors.map((err) => ({
        path: "body.formula",
        column: err.column,
        message: `công thức, cột ${err.column}: ${err.messageVi}`,
        messageEn: `formula, column ${err.column}: ${err.message}`,
      })),
    );
  }
}

export async function updateIndicator(
  db: Db,
  code: string,
  patch: unknown,
  ctx: ChangeContext,
): Promise<number> {
  requireReason(ctx);
  const parsed = indicatorPatch.safeParse(patch);
  if (!parsed.success)
    throw new AppError("VALIDATION_FAILED", {
      summary: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicators).where(eq(indicators.code, code)).for("update");
    if (!row) throw notFound("indicator", code);
    const prev = rowSnapshot(row);
    await checkFormulaAndComponents(tx, row.code, parsed.data);
    let responsibleUnitId = row.responsibleUnitId;
    if (parsed.data.responsibleUnit !== undefined) {
      const id = await unitIdByCode(tx, parsed.data.responsibleUnit);
      if (!id) throw notFound("org_unit", parsed.data.responsibleUnit);
      responsibleUnitId = id;
    }
    const p = parsed.data;
    const next = {
      ...prev,
      ...(p.name ? { nameVi: p.name.vi, nameEn: p.name.en ?? null } : {}),
      ...(p.definition ? { definitionVi: p.definition.vi, definitionEn: p.definition.en ?? null } : {}),
      ...(p.unit !== undefined ? { unit: p.unit?.vi ?? null, unitEn: p.unit?.en ?? null } : {}),
      ...(p.direction ? { direction: p.direction } : {}),
      ...(p.kind ? { kind: p.kind } : {}),
      ...(p.baseline ? { baselineValue: p.baseline.value, baselineYear: p.baseline.year } : {}),
      ...(p.dataSource ? { dataSourceVi: p.dataSource.vi, dataSourceEn: p.dataSource.en ?? null } : {}),
      responsibleUnitId,
      ...(p.reportedBy ? { reportedBy: p.reportedBy } : {}),
      ...(p.bounds !== undefined ? { boundMin: p.bounds?.min ?? null, boundMax: p.bounds?.max ?? null } : {}),
      ...(p.forecastMinPoints !== undefined ? { forecastMinPoints: p.forecastMinPoints } : {}),
      ...(p.frequency ? { frequency: p.frequency } : {}),
      ...(p.aggregation ? { aggregation: p.aggregation } : {}),
      ...(p.aggregationComponents ? { aggregationComponents: p.aggregationComponents } : {}),
      ...(p.timeAggregation !== undefined ? { timeAggregation: p.timeAggregation } : {}),
      ...(p.disaggregations !== undefined ? { disaggregations: p.disaggregations } : {}),
      ...(p.formula !== undefined ? { formula: p.formula } : {}),
      ...(p.published !== undefined ? { published: p.published } : {}),
      ...(p.proposed !== undefined ? { proposed: p.proposed } : {}),
    };
    const changes = diffSnapshots(prev, next);
    if (Object.keys(changes).length === 0) return row.version;
    const version = row.version + 1;
    // Tier is identity: never changed by an edit.
    const values: Record<string, unknown> = { ...next };
    delete values.tier;
    await tx
      .update(indicators)
      .set({ ...(values as Partial<typeof indicators.$inferInsert>), version, updatedAt: new Date() })
      .where(eq(indicators.id, row.id));
    await recordVersion(tx, {
      entityType: "indicator",
      entityId: row.id,
      indicatorId: row.id,
      version,
      action: "update",
      snapshot: next,
      changes,
      ctx,
    });
    await invalidateDefinitionHash(tx, await plansTracking(tx, row.id));
    if (changes.aggregation || changes.aggregationComponents) {
      // What each value contributes depends on the rule (weights of weighted means): recount it.
      const weight = next.aggregation === "weighted_mean" ? next.aggregationComponents?.weight : undefined;
      await tx.execute(sql`update observations o set rollup_weight = (
          select w.value from observations w join indicators wi on wi.id = w.indicator_id
          where ${weight ?? null}::text is not null and wi.code = ${weight ?? null} and w.org_unit_id = o.org_unit_id
            and w.period = o.period and w.disagg_key = o.disagg_key and w.deleted_at is null)
        where o.indicator_id = ${row.id}`);
      await rebuildIndicatorRollups(tx, row.id);
    }
    await audit(tx, ctx, {
      action: "indicator.update",
      entityType: "indicator",
      entityId: code,
      before: prev,
      after: { ...next, reason: ctx.reason },
    });
    return version;
  });
}

export interface SetTargetInput {
  indicator: string;
  plan: string;
  /** Org unit code for a unit's own target; national when absent. */
  orgUnit?: string;
  target: unknown;
}

/** Sets (creates or changes) the target of an indicator for a year, nationally or for one unit. */
export async function setTarget(
  db: Db,
  input: SetTargetInput,
  ctx: ChangeContext,
): Promise<{ version: number }> {
  requireReason(ctx);
  const parsed = targetValueDef.safeParse(input.target);
  if (!parsed.success)
    throw new AppError("VALIDATION_FAILED", {
      summary: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
    });
  const t = parsed.data;
  return db.transaction(async (tx) => {
    const [ind] = await tx.select().from(indicators).where(eq(indicators.code, input.indicator));
    if (!ind) throw notFound("indicator", input.indicator);
    const [plan] = await tx.select().from(plans).where(eq(plans.code, input.plan));
    if (!plan) throw notFound("plan", input.plan);
    if (t.year < plan.startYear || t.year > plan.endYear)
      throw new AppError("TARGET_YEAR_OUTSIDE_PLAN", {
        year: t.year,
        plan: plan.code,
        start: plan.startYear,
        end: plan.endYear,
      });
    // A plan sets targets only for indicators it tracks.
    const [tracked] = await tx
      .select({ planId: planIndicators.planId })
      .from(planIndicators)
      .where(and(eq(planIndicators.planId, plan.id), eq(planIndicators.indicatorId, ind.id)));
    if (!tracked)
      throw new AppError("INVALID_REFERENCE", {
        summary: `${input.indicator} is not tracked by plan ${plan.code}`,
      });
    let orgUnitId: string | null = null;
    if (input.orgUnit) {
      const id = await unitIdByCode(tx, input.orgUnit);
      if (!id) throw notFound("org_unit", input.orgUnit);
      orgUnitId = id;
    }
    const result = await writeTarget(tx, { indicatorId: ind.id, planId: plan.id, orgUnitId, target: t }, ctx);
    if (result.outcome !== "unchanged") await invalidateDefinitionHash(tx, [plan.id]);
    if (result.outcome !== "unchanged")
      await audit(tx, ctx, {
        action: "target.set",
        entityType: "indicator_target",
        entityId: `${input.indicator}/${input.plan}/${t.year}${input.orgUnit ? `/${input.orgUnit}` : ""}`,
        before: result.before,
        after: { ...t, version: result.version, reason: ctx.reason },
      });
    return result;
  });
}

/** Retires an indicator: it stays in the catalogue and its history, marked retired. */
export async function retireIndicator(db: Db, code: string, ctx: ChangeContext): Promise<void> {
  requireReason(ctx);
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(indicators).where(eq(indicators.code, code)).for("update");
    if (!row) throw notFound("indicator", code);
    if (row.retiredAt) return;
    const version = row.version + 1;
    await tx
      .update(indicators)
      .set({ status: "retired", retiredAt: new Date(), version, updatedAt: new Date() })
      .where(eq(indicators.id, row.id));
    await recordVersion(tx, {
      entityType: "indicator",
      entityId: row.id,
      indicatorId: row.id,
      version,
      action: "retire",
      snapshot: { ...rowSnapshot(row), status: "retired" },
      changes: { status: { from: row.status, to: "retired" } },
      ctx,
    });
    await invalidateDefinitionHash(tx, await plansTracking(tx, row.id));
    await audit(tx, ctx, {
      action: "indicator.retire",
      entityType: "indicator",
      entityId: code,
      after: { reason: ctx.reason },
    });
  });
}
