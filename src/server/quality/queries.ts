/**
 * What the data-quality report reads: the plan's reported indicators of one frequency, the values
 * of the period asked and of the periods before it, which units ever reported, and the units named.
 */
import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays.js";
import { type Executor, queryRows } from "../../db/client.js";
import { indicators, orgUnits, planIndicators } from "../../db/schema/index.js";

/** Indicators entered (not computed, not objectives) of one frequency, with the plan's systems they serve. */
export function reportedIndicators(db: Executor, planId: string, frequency: string) {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      nameVi: indicators.nameVi,
      nameEn: indicators.nameEn,
      responsibleUnitId: indicators.responsibleUnitId,
      dueRule: indicators.dueRule,
      published: indicators.published,
      systemIds: sql<string[] | null>`(select array_agg(a.system_id) from indicator_assignments a
        where a.indicator_id = ${indicators.id} and a.plan_id = ${planId} and a.system_id is not null)`,
    })
    .from(indicators)
    .innerJoin(
      planIndicators,
      and(eq(planIndicators.indicatorId, indicators.id), eq(planIndicators.planId, planId)),
    )
    .where(
      and(
        isNull(indicators.retiredAt),
        isNull(indicators.formula),
        ne(indicators.tier, "objective"),
        eq(indicators.frequency, frequency),
      ),
    )
    .orderBy(asc(indicators.code));
}
export type ReportedIndicator = Awaited<ReturnType<typeof reportedIndicators>>[number];

/** The version of the definitions (bumped by a trigger on every definition table). */
export async function definitionsVersion(db: Executor): Promise<string> {
  const [row] = await queryRows<{ v: string }>(db, sql`select version::text as v from definitions_version`);
  return row?.v ?? "";
}

/**
 * A value of the period asked or of the history before it, as the driver returns it. Hand-typed:
 * `revised` is computed (no table describes it), and the numeric and timestamp columns come back
 * as the driver gives them (string or number, Date or string), read through Number() and Date.
 */
export interface PeriodValue {
  id: string;
  indicator_id: string;
  org_unit_id: string;
  reporter_unit_id: string;
  period: string;
  value: string | number | null;
  status: string;
  first_submitted_at: Date | string | null;
  revised: boolean;
}

/** The values of the period asked (with whether each was revised since first submitted). */
export function periodValues(db: Executor, indicatorIds: string[], period: string): Promise<PeriodValue[]> {
  return queryRows<PeriodValue>(
    db,
    sql`select o.id, o.indicator_id, o.org_unit_id, o.reporter_unit_id, o.period, o.value, o.status,
          o.first_submitted_at,
          (o.first_submitted_at is not null
            and (select count(distinct coalesce(r.value::text, r.value_bool::text))
            from observation_revisions r where r.observation_id = o.id
              and r.valid_from >= o.first_submitted_at) > 1) as revised
        from observations o
        where o.indicator_id = any(${pgArray(indicatorIds)}::uuid[]) and o.deleted_at is null and o.disagg_key = ''
          and o.period = ${period}`,
  );
}

/**
 * For some (indicator, unit) pairs at one period, in one query: whether the unit is expected
 * (as `expectedUnits`), its value of the period if any (as `periodValues`) and its earlier
 * values of the `prior` periods (as `historyValues`).
 */
export function unitFactRows(
  db: Executor,
  pairs: { indicatorId: string; unitId: string }[],
  period: string,
  start: string,
  prior: string[],
) {
  return queryRows<{
    indicator_id: string;
    org_unit_id: string;
    expected: boolean;
    id: string | null;
    reporter_unit_id: string | null;
    value: string | number | null;
    status: string | null;
    first_submitted_at: Date | string | null;
    revised: boolean | null;
    history: (string | number)[] | null;
  }>(
    db,
    sql`select c.i as indicator_id, c.u as org_unit_id,
          exists (select 1 from quality_reporters r join org_units u on u.id = r.org_unit_id
            where r.indicator_id = c.i and r.org_unit_id = c.u and r.period_length = ${period.length}
              and r.first_period < ${period} and (u.valid_to is null or u.valid_to >= ${start}::date)) as expected,
          o.id, o.reporter_unit_id, o.value, o.status, o.first_submitted_at,
          (o.first_submitted_at is not null
            and (select count(distinct coalesce(r.value::text, r.value_bool::text))
            from observation_revisions r where r.observation_id = o.id
              and r.valid_from >= o.first_submitted_at) > 1) as revised,
          (select array_agg(h.value::text) from observations h
            where h.indicator_id = c.i and h.org_unit_id = c.u and h.period = any(${pgArray(prior)}::text[])
              and h.deleted_at is null and h.disagg_key = '' and h.value is not null) as history
        from unnest(${pgArray(pairs.map((p) => p.indicatorId))}::uuid[], ${pgArray(pairs.map((p) => p.unitId))}::uuid[])
          as c(i, u)
        left join observations o on o.indicator_id = c.i and o.org_unit_id = c.u and o.period = ${period}
          and o.deleted_at is null and o.disagg_key = ''`,
  );
}

/**
 * The earlier values (any status) of these (indicator, unit) pairs in the `prior` periods: the
 * history a value of the period is compared with. Only pairs with a value are asked, so a period
 * few have reported yet reads little.
 */
export function historyValues(
  db: Executor,
  pairs: { indicatorId: string; unitId: string }[],
  prior: string[],
): Promise<{ indicator_id: string; org_unit_id: string; period: string; value: string | number }[]> {
  if (pairs.length === 0) return Promise.resolve([]);
  return queryRows(
    db,
    sql`select o.indicator_id, o.org_unit_id, o.period, o.value
        from unnest(${pgArray(pairs.map((p) => p.indicatorId))}::uuid[], ${pgArray(pairs.map((p) => p.unitId))}::uuid[])
          as c(i, u)
        join observations o on o.indicator_id = c.i and o.org_unit_id = c.u
        where o.period = any(${pgArray(prior)}::text[]) and o.deleted_at is null and o.disagg_key = ''
          and o.value is not null`,
  );
}

/**
 * The (indicator, unit) pairs reported in an earlier period of the same kind (same length of code),
 * by units still in existence on `start`: from `quality_reporters`, the first period of each.
 */
export function expectedUnits(db: Executor, indicatorIds: string[], period: string, start: string) {
  return queryRows<{ indicator_id: string; org_unit_id: string }>(
    db,
    sql`select r.indicator_id, r.org_unit_id from quality_reporters r join org_units u on u.id = r.org_unit_id
        where r.indicator_id = any(${pgArray(indicatorIds)}::uuid[]) and r.period_length = ${period.length}
          and r.first_period < ${period} and (u.valid_to is null or u.valid_to >= ${start}::date)`,
  );
}

/** Every org unit, for the answers to name units by index (at national scale ~12,000). */
export function allUnits(db: Executor) {
  return queryRows<{ id: string; code: string; name_vi: string; name_en: string | null; kind: string }>(
    db,
    sql`select id, code, name_vi, name_en, kind from org_units`,
  );
}

/** The country and the units with these ids (at national scale only those an answer names). */
export function namedUnits(db: Executor, unitIds: string[]) {
  return db
    .select({
      id: orgUnits.id,
      code: orgUnits.code,
      nameVi: orgUnits.nameVi,
      nameEn: orgUnits.nameEn,
      kind: orgUnits.kind,
    })
    .from(orgUnits)
    .where(or(eq(orgUnits.kind, "country"), sql`${orgUnits.id} = any(${`{${unitIds.join(",")}}`}::uuid[])`));
}
