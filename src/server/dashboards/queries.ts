/**
 * What dashboards read, and only that: a plan's catalogue (indicators, targets, links, system
 * assignments, systems), units, and roll-up cells. Catalogue and unit reads go through the query
 * builder (row types come from the schema); the roll-up cell reads are hand-written SQL on the hot
 * path, their rows typed by hand because they are what the driver returns (see `CellRow`).
 */
import { and, asc, eq, inArray, isNotNull, isNull, lte, ne, notExists, sql } from "drizzle-orm";
import { z } from "zod";
import { type Executor, queryRows } from "../../db/client.js";
import {
  indicatorAssignments,
  indicatorLinks,
  indicators,
  indicatorTargets,
  orgUnitLineage,
  orgUnits,
  planIndicators,
  plans,
  systems,
} from "../../db/schema/index.js";
import type { Layer } from "../../domain/rollup.js";
import { checkedRows } from "../core/checked-rows.js";
import { AppError } from "../core/errors.js";
import { getOrgUnitByCode } from "../org-units/index.js";

/** The plan's indicators in force, by code. */
export function catalogueIndicators(db: Executor, planId: string) {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      tier: indicators.tier,
      nameVi: indicators.nameVi,
      nameEn: indicators.nameEn,
      unit: indicators.unit,
      unitEn: indicators.unitEn,
      direction: indicators.direction,
      kind: indicators.kind,
      baselineValue: indicators.baselineValue,
      baselineYear: indicators.baselineYear,
      frequency: indicators.frequency,
      aggregation: indicators.aggregation,
      timeAggregation: indicators.timeAggregation,
      aggregationComponents: indicators.aggregationComponents,
      formula: indicators.formula,
      published: indicators.published,
      proposed: indicators.proposed,
      boundMin: indicators.boundMin,
      boundMax: indicators.boundMax,
      forecastMinPoints: indicators.forecastMinPoints,
    })
    .from(indicators)
    .innerJoin(planIndicators, eq(planIndicators.indicatorId, indicators.id))
    .where(and(eq(planIndicators.planId, planId), isNull(indicators.retiredAt)))
    .orderBy(asc(indicators.code));
}
export type CatalogueIndicatorRow = Awaited<ReturnType<typeof catalogueIndicators>>[number];

/** The plan's chance thresholds for the statuses (null: the defaults). */
export async function catalogueThresholds(db: Executor, planId: string) {
  const [row] = await db.select({ t: plans.statusThresholds }).from(plans).where(eq(plans.id, planId));
  return row?.t ?? null;
}

/** The plan's targets in force, national (no org unit) and units' own. */
export function catalogueTargets(db: Executor, planId: string) {
  return db
    .select({
      indicatorId: indicatorTargets.indicatorId,
      orgUnitId: indicatorTargets.orgUnitId,
      year: indicatorTargets.year,
      comparator: indicatorTargets.comparator,
      value: indicatorTargets.value,
      valueMax: indicatorTargets.valueMax,
      achieved: indicatorTargets.achieved,
      noteVi: indicatorTargets.noteVi,
    })
    .from(indicatorTargets)
    .where(and(eq(indicatorTargets.planId, planId), isNull(indicatorTargets.retiredAt)));
}

/** Links whose parent belongs to the plan: which indicators measure which, with weights. */
export function catalogueLinks(db: Executor, planId: string) {
  return db
    .select({
      parentId: indicatorLinks.parentId,
      childId: indicatorLinks.childId,
      weight: indicatorLinks.weight,
    })
    .from(indicatorLinks)
    .innerJoin(
      planIndicators,
      and(eq(planIndicators.indicatorId, indicatorLinks.parentId), eq(planIndicators.planId, planId)),
    );
}

/** The plan's indicator → system assignments, with weights. */
export async function catalogueSystemAssignments(db: Executor, planId: string) {
  const rows = await db
    .select({
      indicatorId: indicatorAssignments.indicatorId,
      systemId: indicatorAssignments.systemId,
      weight: indicatorAssignments.weight,
    })
    .from(indicatorAssignments)
    .where(and(eq(indicatorAssignments.planId, planId), isNotNull(indicatorAssignments.systemId)));
  return rows.map((r) => ({ ...r, systemId: r.systemId as string }));
}

/** The plan's systems in force, in their order. */
export function catalogueSystems(db: Executor, planId: string) {
  return db
    .select({ id: systems.id, code: systems.code, nameVi: systems.nameVi, nameEn: systems.nameEn })
    .from(systems)
    .where(and(eq(systems.planId, planId), isNull(systems.retiredAt)))
    .orderBy(asc(systems.number), asc(systems.code));
}

const unitColumns = {
  id: orgUnits.id,
  code: orgUnits.code,
  nameVi: orgUnits.nameVi,
  nameEn: orgUnits.nameEn,
  kind: orgUnits.kind,
};
export type DashboardUnit = { id: string; code: string; nameVi: string; nameEn: string | null; kind: string };

export async function countryUnitId(db: Executor): Promise<string> {
  const [row] = await db
    .select({ id: orgUnits.id })
    .from(orgUnits)
    .where(eq(orgUnits.kind, "country"))
    .limit(1);
  if (!row) throw new AppError("INTERNAL");
  return row.id;
}

export async function unitByCode(db: Executor, code: string): Promise<DashboardUnit> {
  const u = await getOrgUnitByCode(db, code);
  return { id: u.id, code: u.code, nameVi: u.nameVi, nameEn: u.nameEn, kind: u.kind };
}

/**
 * The units directly under `parent` still in existence on `start` (YYYY-MM-DD). Under the
 * country: every top-level unit, less those merged into or renamed to another by then.
 */
export function childUnits(db: Executor, parent: DashboardUnit, start: string): Promise<DashboardUnit[]> {
  const current = sql`(${orgUnits.validTo} is null or ${orgUnits.validTo} >= ${start}::date)`;
  const where =
    parent.kind === "country"
      ? and(
          isNull(orgUnits.parentId),
          ne(orgUnits.kind, "country"),
          current,
          notExists(
            db
              .select({ one: sql`1` })
              .from(orgUnitLineage)
              .where(
                and(
                  eq(orgUnitLineage.fromUnitId, orgUnits.id),
                  inArray(orgUnitLineage.kind, ["merged_into", "renamed_to"]),
                  lte(orgUnitLineage.effectiveOn, sql`${start}::date`),
                ),
              ),
          ),
        )
      : and(eq(orgUnits.parentId, parent.id), current);
  return db.select(unitColumns).from(orgUnits).where(where).orderBy(asc(orgUnits.code));
}

/** The newest change batch's id, as text (none: null). Read once per computed overview: checked. */
export async function lastChangeBatchId(db: Executor): Promise<string | null> {
  const [batch] = await checkedRows(
    db,
    sql`select max(id)::text as id from change_batches`,
    z.object({ id: z.string().nullable() }),
  );
  return batch?.id ?? null;
}

/**
 * A roll-up cell as the driver returns it. Hand-typed on purpose: this read is on the dashboard's
 * hot path (thousands of rows, no per-row check), and raw rows are not what the schema's
 * `$inferSelect` describes (the drivers give bigint and double columns as strings or numbers), so
 * every numeric field is read through `Number()`.
 */
export interface CellRow {
  indicator_id: string;
  unit_id: string;
  period: string;
  count: number | string;
  sum: number | string;
  weight_sum: number | string;
  weighted_sum: number | string;
  min: number | string | null;
  max: number | string | null;
  latest: number | string | null;
  latest_at: number | string | null;
  own_count: number | string;
  own_sum: number | string;
}

/** Roll-up cells of some units and indicators in one layer, without disaggregation. */
export function cellRows(
  db: Executor,
  unitIds: readonly string[],
  layer: Layer,
  indicatorIds: readonly string[],
): Promise<CellRow[]> {
  return queryRows<CellRow>(
    db,
    sql`select indicator_id, unit_id, period, count, sum, weight_sum, weighted_sum, min, max, latest, latest_at,
          own_count, own_sum
        from rollup_cells
        where unit_id = any(${`{${unitIds.join(",")}}`}::uuid[]) and layer = ${layer} and disagg_key = ''
          and indicator_id = any(${`{${indicatorIds.join(",")}}`}::uuid[])`,
  );
}

/** A content fingerprint of each indicator's cells of one unit and layer (md5 over the cells, by period). */
export function cellFingerprintRows(
  db: Executor,
  unitId: string,
  layer: string,
): Promise<{ indicator_id: string; f: string }[]> {
  return queryRows<{ indicator_id: string; f: string }>(
    db,
    sql`select indicator_id, md5(string_agg(concat_ws(':', period, count, sum, min, max, latest, latest_at, own_count, own_sum), ','
          order by period)) as f
        from rollup_cells where unit_id = ${unitId} and layer = ${layer} and disagg_key = ''
        group by indicator_id`,
  );
}

/**
 * The state every dashboard answer is computed from, in one small query: the last change batch
 * and the definitions version (bumped by statement triggers on every definition table).
 */
export async function stateKeyRow(db: Executor): Promise<string> {
  const [row] = await queryRows<{ k: string }>(
    db,
    sql`select concat_ws('|', (select max(id) from change_batches),
        (select version from definitions_version)) as k`,
  );
  return row?.k ?? "";
}

/** The kinds of unit each level of the laggards names: provinces; ministries and ministry-level agencies. */
export const levelKinds = {
  province: ["province"],
  ministry: ["ministry", "ministry_level_agency"],
} as const;

/** The units of one level valid on `date` (YYYY-MM-DD), by code: at most a few dozen, by the kind index. */
export function unitsAtLevel(
  db: Executor,
  level: keyof typeof levelKinds,
  date: string,
): Promise<DashboardUnit[]> {
  return db
    .select(unitColumns)
    .from(orgUnits)
    .where(
      and(
        inArray(orgUnits.kind, [...levelKinds[level]]),
        sql`(${orgUnits.validFrom} is null or ${orgUnits.validFrom} <= ${date}::date)`,
        sql`(${orgUnits.validTo} is null or ${orgUnits.validTo} >= ${date}::date)`,
      ),
    )
    .orderBy(asc(orgUnits.code));
}

/**
 * One unit's reporting of some indicators in periods of one kind up to `to`: per indicator, the
 * first period it has a value for (any state) and the periods in [from, to] with a submitted or
 * approved one. Reads that unit's values only (the unit's index), never other units'. Hand-typed
 * row: the aggregate's columns, text as the driver returns it.
 */
export function unitReportRows(
  db: Executor,
  unitId: string,
  periodKind: string,
  indicatorIds: readonly string[],
  from: string,
  to: string,
): Promise<{ indicator_id: string; first: string; reported: string | null }[]> {
  return queryRows(
    db,
    sql`select indicator_id, min(period) as first,
          string_agg(distinct period, ',') filter (where status <> 'draft' and period >= ${from}) as reported
        from observations
        where org_unit_id = ${unitId} and period_kind = ${periodKind} and deleted_at is null
          and period <= ${to} and indicator_id = any(${`{${indicatorIds.join(",")}}`}::uuid[])
        group by indicator_id`,
  );
}

/** The disaggregations an indicator declares (dimension → option codes), or null. */
export async function indicatorDisaggregations(
  db: Executor,
  indicatorId: string,
): Promise<Record<string, string[]> | null> {
  const [row] = await db
    .select({ d: indicators.disaggregations })
    .from(indicators)
    .where(eq(indicators.id, indicatorId));
  return row?.d ?? null;
}

/**
 * One unit's disaggregated roll-up cells (every key but the total's "") of some indicators in one
 * layer, all periods: through the unit index, a few rows per (indicator, period, category).
 */
export function disaggregatedCellRows(
  db: Executor,
  unitId: string,
  layer: Layer,
  indicatorIds: readonly string[],
): Promise<(CellRow & { disagg_key: string })[]> {
  return queryRows<CellRow & { disagg_key: string }>(
    db,
    sql`select indicator_id, unit_id, period, disagg_key, count, sum, weight_sum, weighted_sum, min, max,
          latest, latest_at, own_count, own_sum
        from rollup_cells
        where unit_id = ${unitId} and layer = ${layer} and disagg_key <> ''
          and indicator_id = any(${`{${indicatorIds.join(",")}}`}::uuid[])`,
  );
}
