/**
 * Import (create or update) a plan from a plan definition, in one transaction. Used by the
 * first-start seed (NQ57), `npm run cli -- plan:import FILE` and, with the access issue,
 * `POST /api/v1/plans`. Re-importing the same definition changes nothing and writes no versions.
 * Items absent from the file are kept, not deleted: retiring is an explicit administrative act.
 */
import { createHash } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { yieldToEventLoop } from "../../db/chunked.js";
import type { Db, Tx } from "../../db/client.js";
import {
  indicatorAssignments,
  indicatorLinks,
  indicators,
  initiatives,
  orgUnits,
  phaseFocusItems,
  phases,
  planIndicators,
  planRoles,
  plans,
  projectInitiatives,
  projects,
  systems,
  tasks,
} from "../../db/schema/index.js";
import { parseFormula, references } from "../../domain/formula/parse.js";
import type { IndicatorDef, PlanDefinition, TargetValueDef } from "../../domain/plan-definition/schema.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { detailAt, invalidFile, type ParsedFile } from "../core/definition-files.js";
import { AppError } from "../core/errors.js";
import {
  diffSnapshots,
  recordVersion,
  rowSnapshot,
  type Snapshot,
  writeTarget,
} from "../indicators/index.js";
import { type CatalogueEntry, checkPlanDefinition } from "./check-plan-definition.js";

export interface ImportSummary {
  plan: string;
  created: boolean;
  unchanged: boolean;
  counts: {
    phases: number;
    systems: number;
    initiatives: number;
    projects: number;
    tasks: number;
    roles: number;
    indicatorsCreated: number;
    indicatorsUpdated: number;
    indicatorsUnchanged: number;
    targetsCreated: number;
    targetsUpdated: number;
    linkedIndicators: number;
  };
}

export function definitionHash(def: PlanDefinition): string {
  return createHash("sha256").update(JSON.stringify(def)).digest("hex");
}

async function loadCatalogue(db: Db | Tx, codes: string[]): Promise<Map<string, CatalogueEntry>> {
  const map = new Map<string, CatalogueEntry>();
  if (codes.length === 0) return map;
  const rows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      tier: indicators.tier,
      planCode: plans.code,
      owner: planIndicators.owner,
    })
    .from(indicators)
    .leftJoin(planIndicators, eq(planIndicators.indicatorId, indicators.id))
    .leftJoin(plans, eq(plans.id, planIndicators.planId))
    .where(inArray(indicators.code, codes));
  for (const r of rows) {
    const entry = map.get(r.code) ?? { id: r.id, tier: r.tier, ownerPlans: [] };
    if (r.owner && r.planCode) entry.ownerPlans.push(r.planCode);
    map.set(r.code, entry);
  }
  return map;
}

function referencedIndicatorCodes(def: PlanDefinition): string[] {
  const codes = new Set<string>();
  for (const ind of def.indicators) {
    codes.add(ind.code);
    if (ind.formula)
      try {
        for (const r of references(parseFormula(ind.formula))) codes.add(r);
      } catch {
        // A formula that does not parse is reported by the checks.
      }
    for (const p of ind.parents) codes.add(p.code);
    const c = ind.aggregationComponents;
    for (const v of [c?.numerator, c?.denominator, c?.weight]) if (v) codes.add(v);
  }
  for (const l of def.linkIndicators) codes.add(l.code);
  return [...codes];
}

export function indicatorSnapshot(ind: IndicatorDef, responsibleUnitId: string | null): Snapshot {
  return {
    tier: ind.tier,
    nameVi: ind.name.vi,
    nameEn: ind.name.en ?? null,
    definitionVi: ind.definition?.vi ?? null,
    definitionEn: ind.definition?.en ?? null,
    unit: ind.unit ?? null,
    direction: ind.direction,
    kind: ind.kind,
    baselineValue: ind.baseline?.value ?? null,
    baselineYear: ind.baseline?.year ?? null,
    dataSourceVi: ind.dataSource?.vi ?? null,
    dataSourceEn: ind.dataSource?.en ?? null,
    responsibleUnitId,
    reportedBy: ind.reportedBy,
    boundMin: ind.bounds?.min ?? null,
    boundMax: ind.bounds?.max ?? null,
    frequency: ind.frequency,
    aggregation: ind.aggregation,
    aggregationComponents: ind.aggregationComponents ?? null,
    timeAggregation: ind.timeAggregation ?? null,
    disaggregations: ind.disaggregations ?? null,
    formula: ind.formula ?? null,
    published: ind.published,
    proposed: ind.proposed,
    sourceQuote: ind.sourceQuote ?? null,
    sourceRef: ind.sourceRef ?? null,
  };
}

type IndicatorRow = typeof indicators.$inferSelect;

export async function importPlanDefinition(
  db: Db | Tx,
  def: PlanDefinition,
  ctx: ChangeContext,
  file?: ParsedFile,
): Promise<ImportSummary> {
  // Validate everything first so that a bad file writes nothing.
  const unitRows = await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
  const unitId = new Map(unitRows.map((u) => [u.code, u.id]));
  const catalogue = await loadCatalogue(db, referencedIndicatorCodes(def));
  const [existingPlan] = await db.select().from(plans).where(eq(plans.code, def.code));
  const codesOf = (rows: { code: string }[]) => new Set(rows.map((r) => r.code));
  const planId0 = existingPlan?.id ?? "00000000-0000-0000-0000-000000000000";
  const existing = {
    systems: codesOf(
      await db.select({ code: systems.code }).from(systems).where(eq(systems.planId, planId0)),
    ),
    initiatives: codesOf(
      await db.select({ code: initiatives.code }).from(initiatives).where(eq(initiatives.planId, planId0)),
    ),
    projects: codesOf(
      await db.select({ code: projects.code }).from(projects).where(eq(projects.planId, planId0)),
    ),
  };
  const problems = checkPlanDefinition(def, {
    orgUnitCodes: new Set(unitId.keys()),
    catalogue,
    existing,
  });
  if (problems.length > 0) {
    const noFile: ParsedFile = { data: def, lineOf: () => undefined };
    throw invalidFile(problems.map((p) => detailAt(file ?? noFile, p.path, p.vi, p.en)));
  }

  const hash = definitionHash(def);
  const summary: ImportSummary = {
    plan: def.code,
    created: !existingPlan,
    unchanged: existingPlan?.definitionHash === hash,
    counts: {
      phases: def.phases.length,
      systems: def.systems.length,
      initiatives: def.initiatives.length,
      projects: def.projects.length,
      tasks: def.tasks.length,
      roles: def.roles.length,
      indicatorsCreated: 0,
      indicatorsUpdated: 0,
      indicatorsUnchanged: 0,
      targetsCreated: 0,
      targetsUpdated: 0,
      linkedIndicators: def.linkIndicators.length,
    },
  };
  if (summary.unchanged) {
    summary.counts.indicatorsUnchanged = def.indicators.length;
    return summary;
  }
  const uid = (code: string | undefined): string | null => (code ? (unitId.get(code) ?? null) : null);

  await db.transaction(async (tx) => {
    const planValues = {
      code: def.code,
      nameVi: def.name.vi,
      nameEn: def.name.en ?? null,
      shortNameVi: def.shortName?.vi ?? null,
      shortNameEn: def.shortName?.en ?? null,
      documentNumber: def.documentNumber ?? null,
      issuedByVi: def.issuedBy?.vi ?? null,
      issuedByEn: def.issuedBy?.en ?? null,
      issuedOn: def.issuedOn ?? null,
      startYear: def.startYear,
      endYear: def.endYear,
      baselineYear: def.baselineYear ?? null,
      descriptionVi: def.description?.vi ?? null,
      descriptionEn: def.description?.en ?? null,
      generalObjectiveVi: def.generalObjective?.vi ?? null,
      generalObjectiveEn: def.generalObjective?.en ?? null,
      definitionHash: hash,
      updatedAt: new Date(),
    };
    const [plan] = await tx
      .insert(plans)
      .values(planValues)
      .onConflictDoUpdate({ target: plans.code, set: planValues })
      .returning({ id: plans.id });
    if (!plan) throw new AppError("INTERNAL");
    const planId = plan.id;

    const systemIds = new Map<string, string>();
    for (const s of def.systems) {
      const v = {
        planId,
        code: s.code,
        number: s.number,
        kind: s.kind,
        nameVi: s.name.vi,
        nameEn: s.name.en ?? null,
        mainContentVi: s.mainContent?.vi ?? null,
        mainContentEn: s.mainContent?.en ?? null,
        strategicRoleVi: s.strategicRole?.vi ?? null,
        strategicRoleEn: s.strategicRole?.en ?? null,
        updatedAt: new Date(),
        retiredAt: null,
      };
      const [row] = await tx
        .insert(systems)
        .values(v)
        .onConflictDoUpdate({ target: [systems.planId, systems.code], set: v })
        .returning({ id: systems.id });
      if (row) systemIds.set(s.code, row.id);
    }
    for (const r of await tx
      .select({ id: systems.id, code: systems.code })
      .from(systems)
      .where(eq(systems.planId, planId)))
      systemIds.set(r.code, r.id);
    const sysId = (code: string): string => {
      const id = systemIds.get(code);
      if (!id) throw new AppError("INVALID_REFERENCE", { summary: `system ${code}` });
      return id;
    };

    for (const it of def.initiatives) {
      const v = {
        planId,
        systemId: sysId(it.system),
        code: it.code,
        number: it.number,
        titleVi: it.title.vi,
        titleEn: it.title.en ?? null,
        shortTitleVi: it.shortTitle?.vi ?? null,
        shortTitleEn: it.shortTitle?.en ?? null,
        objectiveVi: it.objective?.vi ?? null,
        objectiveEn: it.objective?.en ?? null,
        contentVi: it.content?.vi ?? null,
        contentEn: it.content?.en ?? null,
        leadUnitId: uid(it.leadUnit),
        updatedAt: new Date(),
        retiredAt: null,
      };
      await tx
        .insert(initiatives)
        .values(v)
        .onConflictDoUpdate({ target: [initiatives.planId, initiatives.code], set: v });
    }
    const initiativeIds = new Map(
      (
        await tx
          .select({ id: initiatives.id, code: initiatives.code })
          .from(initiatives)
          .where(eq(initiatives.planId, planId))
      ).map((r) => [r.code, r.id] as const),
    );

    for (const [seq, p] of def.phases.entries()) {
      const v = {
        planId,
        code: p.code,
        seq: seq + 1,
        nameVi: p.name.vi,
        nameEn: p.name.en ?? null,
        startYear: p.startYear,
        endYear: p.endYear,
        summaryVi: p.summary?.vi ?? null,
        summaryEn: p.summary?.en ?? null,
        updatedAt: new Date(),
      };
      const [row] = await tx
        .insert(phases)
        .values(v)
        .onConflictDoUpdate({ target: [phases.planId, phases.code], set: v })
        .returning({ id: phases.id });
      if (!row) continue;
      // Focus items are part of the phase's definition: replaced as a whole.
      await tx.delete(phaseFocusItems).where(eq(phaseFocusItems.phaseId, row.id));
      if (p.focus.length > 0)
        await tx.insert(phaseFocusItems).values(
          p.focus.map((f, i) => ({
            phaseId: row.id,
            seq: i + 1,
            titleVi: f.title.vi,
            titleEn: f.title.en ?? null,
            descriptionVi: f.description?.vi ?? null,
            descriptionEn: f.description?.en ?? null,
            systemIds: f.systems.map(sysId),
            initiativeIds: f.initiatives.map((c) => initiativeIds.get(c) ?? ""),
          })),
        );
    }

    for (const p of def.projects) {
      const v = {
        planId,
        code: p.code,
        kind: p.kind,
        nameVi: p.name.vi,
        nameEn: p.name.en ?? null,
        descriptionVi: p.description?.vi ?? null,
        descriptionEn: p.description?.en ?? null,
        systemId: p.system ? sysId(p.system) : null,
        ownerUnitId: uid(p.ownerUnit),
        hasStdxComponent: p.hasStdxComponent,
        chiefArchitect: p.chiefArchitect ?? null,
        reportsTo: p.reportsTo ?? null,
        updatedAt: new Date(),
        retiredAt: null,
      };
      const [row] = await tx
        .insert(projects)
        .values(v)
        .onConflictDoUpdate({ target: [projects.planId, projects.code], set: v })
        .returning({ id: projects.id });
      if (!row) continue;
      await tx.delete(projectInitiatives).where(eq(projectInitiatives.projectId, row.id));
      const links = p.initiatives.map((c) => initiativeIds.get(c)).filter((x): x is string => !!x);
      if (links.length > 0)
        await tx
          .insert(projectInitiatives)
          .values(links.map((initiativeId) => ({ projectId: row.id, initiativeId })));
    }
    const projectIds = new Map(
      (
        await tx
          .select({ id: projects.id, code: projects.code })
          .from(projects)
          .where(eq(projects.planId, planId))
      ).map((r) => [r.code, r.id] as const),
    );

    for (const t of def.tasks) {
      const v = {
        planId,
        code: t.code,
        titleVi: t.title.vi,
        titleEn: t.title.en ?? null,
        descriptionVi: t.description?.vi ?? null,
        descriptionEn: t.description?.en ?? null,
        initiativeId: t.initiative ? (initiativeIds.get(t.initiative) ?? null) : null,
        projectId: t.project ? (projectIds.get(t.project) ?? null) : null,
        leadUnitId: uid(t.leadUnit),
        dueDate: t.dueDate ?? null,
        outputVi: t.output?.vi ?? null,
        outputEn: t.output?.en ?? null,
        updatedAt: new Date(),
      };
      await tx
        .insert(tasks)
        .values(v)
        .onConflictDoUpdate({ target: [tasks.planId, tasks.code], set: v });
    }

    for (const [seq, r] of def.roles.entries()) {
      const v = {
        planId,
        code: r.code,
        seq: seq + 1,
        nameVi: r.name.vi,
        nameEn: r.name.en ?? null,
        sourceRef: r.sourceRef ?? null,
        responsibilities: r.responsibilities.map((x) => (x.en ? { vi: x.vi, en: x.en } : { vi: x.vi })),
        unitIds: r.units.map((c) => uid(c) ?? ""),
        reportingVi: r.reporting?.vi ?? null,
        reportingEn: r.reporting?.en ?? null,
      };
      await tx
        .insert(planRoles)
        .values(v)
        .onConflictDoUpdate({ target: [planRoles.planId, planRoles.code], set: v });
    }

    await importIndicators(tx, def, planId, { sysId, initiativeIds, projectIds, uid }, ctx, summary);
    // A bulk operation is one audit entry: what was imported, how much, and the file's hash.
    await audit(tx, ctx, {
      action: summary.created ? "plan.create" : "plan.update",
      entityType: "plan",
      entityId: def.code,
      after: { counts: summary.counts, reason: ctx.reason ?? null },
      rowCount:
        def.phases.length +
        def.systems.length +
        def.initiatives.length +
        def.projects.length +
        def.tasks.length +
        def.roles.length +
        def.indicators.length,
      fileHash: hash,
    });
  });
  return summary;
}

async function importIndicators(
  tx: Tx,
  def: PlanDefinition,
  planId: string,
  refs: {
    sysId: (code: string) => string;
    initiativeIds: Map<string, string>;
    projectIds: Map<string, string>;
    uid: (code: string | undefined) => string | null;
  },
  ctx: ChangeContext,
  summary: ImportSummary,
): Promise<void> {
  const codes = def.indicators.map((i) => i.code);
  const existing = new Map<string, IndicatorRow>();
  if (codes.length > 0)
    for (const row of await tx.select().from(indicators).where(inArray(indicators.code, codes)))
      existing.set(row.code, row);

  const ids = new Map<string, string>();
  let n = 0;
  for (const ind of def.indicators) {
    // Long imports on the embedded database yield so that health checks keep answering.
    if (++n % 50 === 0) await yieldToEventLoop();
    const responsibleUnitId = refs.uid(ind.responsibleUnit);
    const snap = indicatorSnapshot(ind, responsibleUnitId);
    const values = {
      code: ind.code,
      ...(snap as Omit<typeof indicators.$inferInsert, "code">),
      aggregationComponents: ind.aggregationComponents ?? null,
    };
    const prev = existing.get(ind.code);
    if (!prev) {
      const [row] = await tx.insert(indicators).values(values).returning({ id: indicators.id });
      if (!row) throw new AppError("INTERNAL");
      ids.set(ind.code, row.id);
      await recordVersion(tx, {
        entityType: "indicator",
        entityId: row.id,
        indicatorId: row.id,
        version: 1,
        action: "create",
        snapshot: snap,
        ctx,
      });
      summary.counts.indicatorsCreated++;
    } else {
      ids.set(ind.code, prev.id);
      const changes = diffSnapshots(rowSnapshot(prev), snap);
      if (Object.keys(changes).length === 0) summary.counts.indicatorsUnchanged++;
      else {
        const version = prev.version + 1;
        await tx
          .update(indicators)
          .set({ ...values, version, updatedAt: new Date() })
          .where(eq(indicators.id, prev.id));
        await recordVersion(tx, {
          entityType: "indicator",
          entityId: prev.id,
          indicatorId: prev.id,
          version,
          action: "update",
          snapshot: snap,
          changes,
          ctx,
        });
        summary.counts.indicatorsUpdated++;
      }
    }
  }

  // Parent links may point at indicators defined in this file or already in the catalogue.
  const allCodes = new Set<string>(codes);
  for (const ind of def.indicators) for (const p of ind.parents) allCodes.add(p.code);
  for (const l of def.linkIndicators) allCodes.add(l.code);
  const missing = [...allCodes].filter((c) => !ids.has(c));
  if (missing.length > 0)
    for (const r of await tx
      .select({ id: indicators.id, code: indicators.code })
      .from(indicators)
      .where(inArray(indicators.code, missing)))
      ids.set(r.code, r.id);
  const id = (code: string): string => {
    const v = ids.get(code);
    if (!v) throw new AppError("INVALID_REFERENCE", { summary: `indicator ${code}` });
    return v;
  };

  for (const [i, ind] of def.indicators.entries()) {
    if (i % 50 === 49) await yieldToEventLoop();
    const indicatorId = id(ind.code);
    await tx
      .insert(planIndicators)
      .values({ planId, indicatorId, owner: true })
      .onConflictDoUpdate({
        target: [planIndicators.planId, planIndicators.indicatorId],
        set: { owner: true },
      });
    await tx.delete(indicatorLinks).where(eq(indicatorLinks.childId, indicatorId));
    if (ind.parents.length > 0)
      await tx
        .insert(indicatorLinks)
        .values(ind.parents.map((p) => ({ parentId: id(p.code), childId: indicatorId, weight: p.weight })));
    await tx
      .delete(indicatorAssignments)
      .where(and(eq(indicatorAssignments.indicatorId, indicatorId), eq(indicatorAssignments.planId, planId)));
    const assignments = [
      ...ind.systems.map((c) => ({ indicatorId, planId, systemId: refs.sysId(c) })),
      ...ind.initiatives.map((c) => ({
        indicatorId,
        planId,
        initiativeId: refs.initiativeIds.get(c) ?? null,
      })),
      ...ind.projects.map((c) => ({ indicatorId, planId, projectId: refs.projectIds.get(c) ?? null })),
    ];
    if (assignments.length > 0)
      await tx.insert(indicatorAssignments).values(assignments).onConflictDoNothing();
    await importTargets(tx, planId, indicatorId, ind.targets, refs.uid, ctx, summary);
  }

  for (const l of def.linkIndicators) {
    const indicatorId = id(l.code);
    await tx.insert(planIndicators).values({ planId, indicatorId, owner: false }).onConflictDoNothing();
    const assignments = [
      ...l.systems.map((c) => ({ indicatorId, planId, systemId: refs.sysId(c) })),
      ...l.initiatives.map((c) => ({ indicatorId, planId, initiativeId: refs.initiativeIds.get(c) ?? null })),
    ];
    if (assignments.length > 0)
      await tx.insert(indicatorAssignments).values(assignments).onConflictDoNothing();
  }
}

async function importTargets(
  tx: Tx,
  planId: string,
  indicatorId: string,
  targets: TargetValueDef[],
  uid: (code: string | undefined) => string | null,
  ctx: ChangeContext,
  summary: ImportSummary,
): Promise<void> {
  for (const target of targets) {
    const { outcome } = await writeTarget(
      tx,
      { indicatorId, planId, orgUnitId: uid(target.orgUnit), target },
      ctx,
    );
    if (outcome === "created") summary.counts.targetsCreated++;
    else if (outcome === "updated") summary.counts.targetsUpdated++;
  }
}
