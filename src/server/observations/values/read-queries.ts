/**
 * The SQL of value reads: the values a principal may read (the observations policy's SQL rule)
 * narrowed by indicator, unit (or subtree), period range, status and what they may review; a page
 * of them in id order, their count, the unit codes and revisions that presenting them needs. Row
 * types come from the Drizzle schema.
 */
import { and, asc, count, eq, gte, inArray, lte, type SQL, sql } from "drizzle-orm";
import { pgArray } from "../../../db/arrays.js";
import { type Executor, queryRows } from "../../../db/client.js";
import { indicators, observationRevisions, observations, orgUnits } from "../../../db/schema/index.js";
import { formatPeriod, parsePeriod, previous } from "../../../domain/periods.js";
import type { Principal } from "../../access/index.js";
import { readableValues, reviewableValues } from "../../access/index.js";
import { AppError } from "../../core/errors.js";
import type { ObservationRow, RevisionRow } from "./model.js";

export interface ValueQuery {
  indicator?: string | undefined;
  unit?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  status?: "draft" | "submitted" | "approved" | undefined;
  asOf?: string | undefined;
  /** A unit code: its values and those of every unit below it. */
  under?: string | undefined;
  /** "true": only values the principal may review (approve, return). */
  reviewable?: "true" | "false" | undefined;
  /** "true": each value with the same cell's value in the period before (read by listValues). */
  previous?: "true" | "false" | undefined;
}

/**
 * Values of a unit (by code) and of every unit below it, with former units whose lineage leads
 * into them — the units a grant on it covers (auth's subtree rule). The country stands above
 * every unit, as in the roll-ups: under it, every value.
 */
function underUnit(code: string): SQL {
  return sql`(exists (select 1 from org_units where code = ${code} and kind = 'country')
    or ${observations.orgUnitId} in (with recursive tree(id, depth) as (
      select id, 0 from org_units where code = ${code}
      union
      select e.child, tree.depth + 1 from tree
      join (select id as child, parent_id as parent from org_units where parent_id is not null
            union all select from_unit_id, to_unit_id from org_unit_lineage) e on e.parent = tree.id
      where tree.depth < 32)
    select id from tree))`;
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
export function valueFilter(principal: Principal, q: ValueQuery): SQL | undefined {
  const conds: (SQL | undefined)[] = [sql`${observations.deletedAt} is null`, readableValues(principal)];
  if (q.indicator) conds.push(eq(indicators.code, q.indicator));
  if (q.unit) conds.push(sql`${observations.orgUnitId} = (select id from org_units where code = ${q.unit})`);
  if (q.under) conds.push(underUnit(q.under));
  if (q.reviewable === "true") conds.push(reviewableValues(principal));
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

/** Up to `limit` values matching `where` after the id `after`, in id order (keyset pages). */
export async function valuePage(
  db: Executor,
  where: SQL | undefined,
  /** The last id of the page before (as a cursor decodes it). */
  after: string | number | undefined,
  limit: number,
): Promise<ObservationRow[]> {
  const rows = await db
    .select({ o: observations })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(and(where, after ? sql`${observations.id}::text > ${after}` : undefined))
    .orderBy(asc(sql`${observations.id}::text`))
    .limit(limit);
  return rows.map((r) => r.o);
}

export async function countValues(db: Executor, where: SQL | undefined): Promise<number> {
  const [total] = await db
    .select({ n: count() })
    .from(observations)
    .innerJoin(indicators, eq(indicators.id, observations.indicatorId))
    .where(where);
  return Number(total?.n ?? 0);
}

/** The codes of units by id. */
export async function unitCodes(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const units = ids.length
    ? await db
        .select({ id: orgUnits.id, code: orgUnits.code })
        .from(orgUnits)
        .where(inArray(orgUnits.id, [...ids]))
    : [];
  return new Map(units.map((u) => [u.id, u.code]));
}

/** The revision of each observation valid at `asOf` (for reproducing past reports). */
export async function revisionsAsOf(
  db: Executor,
  ids: readonly string[],
  asOf: Date,
): Promise<Map<string, RevisionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(observationRevisions)
    .where(
      and(
        inArray(observationRevisions.observationId, [...ids]),
        sql`${observationRevisions.validFrom} <= ${asOf.toISOString()}::timestamptz`,
        sql`(${observationRevisions.validTo} is null or ${observationRevisions.validTo} > ${asOf.toISOString()}::timestamptz)`,
      ),
    );
  return new Map(rows.map((r) => [r.observationId, r]));
}

/** Every revision of a value, oldest first. */
export function revisionsOf(db: Executor, observationId: string): Promise<RevisionRow[]> {
  return db
    .select()
    .from(observationRevisions)
    .where(eq(observationRevisions.observationId, observationId))
    .orderBy(asc(observationRevisions.version));
}

/** A cell's value in the period before a listed value's, as the caller may read it. */
export interface PreviousValue {
  period: string;
  value: number | boolean;
  status: "draft" | "submitted" | "approved";
}

/**
 * For each of `rows`, the same cell's value (indicator, unit, disaggregation) in the period before,
 * if the principal may read it — one statement for the page. The read rule is the list's own SQL
 * (`readableValues`), applied to the earlier value: a reviewer sees the unit's submitted and
 * approved figures, never its drafts.
 */
export async function previousValues(
  db: Executor,
  principal: Principal,
  rows: readonly ObservationRow[],
): Promise<Map<string, PreviousValue>> {
  if (rows.length === 0) return new Map();
  const ids = rows.map((r) => r.id);
  const before = rows.map((r) => formatPeriod(previous(parsePeriod(r.period))));
  // `observations` and `indicators` stay unaliased: readableValues names their columns.
  const found = await queryRows<{
    for_id: string;
    period: string;
    value: string | number | null;
    value_bool: boolean | null;
    status: PreviousValue["status"];
  }>(
    db,
    sql`select x.for_id, ${observations.period} as period, ${observations.value} as value,
      ${observations.valueBool} as value_bool, ${observations.status} as status
    from unnest(${pgArray(ids)}::uuid[], ${pgArray(before)}::text[]) as x(for_id, before)
    join observations c on c.id = x.for_id
    join ${observations} on ${observations.period} = x.before
      and ${observations.indicatorId} = c.indicator_id
      and ${observations.orgUnitId} = c.org_unit_id
      and ${observations.disaggKey} = c.disagg_key
      and ${observations.deletedAt} is null
    join ${indicators} on ${indicators.id} = ${observations.indicatorId}
    where ${readableValues(principal)}`,
  );
  const out = new Map<string, PreviousValue>();
  for (const r of found)
    out.set(r.for_id, {
      period: r.period,
      value: r.value_bool ?? Number(r.value),
      status: r.status,
    });
  return out;
}
