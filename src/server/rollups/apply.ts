/**
 * Applying value changes to the roll-up cells inside the writing transaction, one value or a
 * million, by one path: what each value contributes is `rollup_contributions()` (src/db/sql;
 * domain/rollup.ts is its test oracle); the deltas are written with row locks taken in key order
 * (so concurrent writers on overlapping cells queue rather than deadlock), then stale extremes
 * are recomputed for the few cells whose min, max or latest value went away.
 */
import { type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import type { ContributionSource, ValueChange } from "../../domain/rollup.js";

/**
 * Values move along the closure only while no hierarchy change is rewriting it (that takes SHARE
 * ROW EXCLUSIVE): writers share this lock among themselves.
 */
export async function lockClosureShared(tx: Executor): Promise<void> {
  await tx.execute(sql`lock table rollup_closure in share mode`);
}

export async function applyValueChanges(tx: Executor, changes: readonly ValueChange[]): Promise<number> {
  const rows: ChangeRow[] = [];
  for (const c of changes) {
    if (c.before) rows.push(changeRow(c.before, -1));
    if (c.after) rows.push(changeRow(c.after, 1));
  }
  if (rows.length === 0) return 0;
  await lockClosureShared(tx);
  const json = JSON.stringify(rows);
  return applyContributionChanges(
    tx,
    sql`select * from jsonb_to_recordset(${json}::jsonb) as c(indicator_id uuid, org_unit_id uuid, period text,
      disagg_key text, status text, value numeric, value_bool boolean, rollup_weight float8,
      updated_at timestamptz, deleted_at timestamptz, sign int)`,
  );
}

interface ChangeRow {
  indicator_id: string;
  org_unit_id: string;
  period: string;
  disagg_key: string;
  status: string;
  value: number | null;
  value_bool: boolean | null;
  rollup_weight: number | null;
  updated_at: string;
  deleted_at: string | null;
  sign: 1 | -1;
}

function changeRow(s: ContributionSource, sign: 1 | -1): ChangeRow {
  return {
    indicator_id: s.indicatorId,
    org_unit_id: s.orgUnitId,
    period: s.period,
    disagg_key: s.disaggKey,
    status: s.status,
    value: s.value,
    value_bool: s.valueBool,
    rollup_weight: s.rollupWeight,
    updated_at: s.updatedAt.toISOString(),
    deleted_at: s.deletedAt ? s.deletedAt.toISOString() : null,
    sign,
  };
}

/**
 * Applies a set of value changes to the roll-up cells, one row or a million: their deltas into
 * `rollup_delta`, then onto the cells. `changes` selects rows shaped
 * like observations plus a `sign` (+1 the value as it now counts, -1 as it counted before). What
 * each counts for is `rollup_contributions()` (src/db/sql), as for the `rollup_values` view. The
 * latest value is the one with the greatest (time, value) pair — the largest `array[at, v]`, which
 * needs no sort per cell.
 */
export async function applyContributionChanges(tx: Executor, changes: SQL): Promise<number> {
  await startDeltas(tx);
  await tx.execute(sql`insert into rollup_delta
    with changes as (${changes}),
    contrib as (
      select c.indicator_id, c.org_unit_id, c.period, c.disagg_key, r.layer, c.sign, r.v, r.w, r.at
      from changes c
      join indicators i on i.id = c.indicator_id
      cross join lateral rollup_contributions(c.status, c.value, c.value_bool, c.rollup_weight, c.updated_at,
        c.deleted_at, i.aggregation) r
    )
    select x.indicator_id, rc.ancestor_id, x.period, x.disagg_key, x.layer,
      sum(x.sign)::int, sum(x.sign * x.v), sum(x.sign * x.w), sum(x.sign * x.v * x.w),
      coalesce(sum(x.sign) filter (where rc.ancestor_id = x.org_unit_id), 0)::int,
      coalesce(sum(x.sign * x.v) filter (where rc.ancestor_id = x.org_unit_id), 0),
      count(*) filter (where x.sign > 0)::int,
      min(x.v) filter (where x.sign > 0), max(x.v) filter (where x.sign > 0),
      (max(array[x.at, x.v]) filter (where x.sign > 0))[2],
      max(x.at) filter (where x.sign > 0),
      min(x.v) filter (where x.sign < 0), max(x.v) filter (where x.sign < 0), max(x.at) filter (where x.sign < 0)
    from contrib x
    join rollup_closure rc on rc.unit_id = x.org_unit_id
    group by x.indicator_id, rc.ancestor_id, x.period, x.disagg_key, x.layer`);
  return applyDeltaTable(tx);
}

/** The additive part of merging a cell into an existing one (`c` the cell, `excluded` the new part). */
export const addExcluded = sql.raw(`count = c.count + excluded.count,
  sum = c.sum + excluded.sum,
  weight_sum = c.weight_sum + excluded.weight_sum,
  weighted_sum = c.weighted_sum + excluded.weighted_sum,
  own_count = c.own_count + excluded.own_count,
  own_sum = c.own_sum + excluded.own_sum`);

const cols = `indicator_id uuid, unit_id uuid, period text, disagg_key text, layer text, count int,
  sum float8, weight_sum float8, weighted_sum float8, own_count int, own_sum float8,
  add_count int, add_min float8, add_max float8, add_latest float8, add_latest_at float8,
  rem_min float8, rem_max float8, rem_latest_at float8`;

const deltaTable = sql.raw(`create temporary table if not exists rollup_delta (${cols}) on commit drop`);

/** An empty `rollup_delta` (a temporary table dropped at commit) for the caller to fill. */
export async function startDeltas(tx: Executor): Promise<void> {
  await tx.execute(deltaTable);
  await tx.execute(sql`truncate rollup_delta`);
}

/**
 * Adds the deltas in `rollup_delta` to the cells: existing cells locked in key order first (so
 * concurrent writers queue instead of deadlocking), new cells inserted, emptied cells deleted, and
 * cells whose extreme went away recomputed.
 */
export async function applyDeltaTable(tx: Executor): Promise<number> {
  // Analysed, so the planner looks cells up by key instead of scanning them.
  await tx.execute(sql`analyze rollup_delta`);
  const [flags] = await queryRows<{ n: number; negative: boolean; removed: boolean }>(
    tx,
    sql`select count(*)::int as n, coalesce(bool_or(count < 0), false) as negative,
      coalesce(bool_or(rem_min is not null), false) as removed from rollup_delta`,
  );
  if (!flags?.n) return 0;
  const match = sql.raw(`c.indicator_id = d.indicator_id and c.unit_id = d.unit_id and c.period = d.period
    and c.disagg_key = d.disagg_key and c.layer = d.layer`);
  await tx.execute(sql`select 1 from rollup_delta d join rollup_cells c on ${match}
    order by c.indicator_id, c.unit_id, c.period, c.disagg_key, c.layer for update of c`);
  // One statement: cells that exist are updated, the others inserted. As two statements, a cell
  // another writer created and committed between them was in neither (READ COMMITTED takes a new
  // snapshot per statement) and the delta was lost; here an insert that meets a cell committed
  // meanwhile waits for it and adds to it.
  await tx.execute(sql`with upd as (
    update rollup_cells c set
      count = c.count + d.count,
      sum = c.sum + d.sum,
      weight_sum = c.weight_sum + d.weight_sum,
      weighted_sum = c.weighted_sum + d.weighted_sum,
      own_count = c.own_count + d.own_count,
      own_sum = c.own_sum + d.own_sum,
      -- Every earlier contribution replaced: the extremes are exactly those of the added ones.
      extremes_stale = case when c.count + d.count = d.add_count then false
        else c.extremes_stale or (d.rem_min is not null and
          (d.rem_min <= c.min or d.rem_max >= c.max or d.rem_latest_at >= c.latest_at)) end,
      min = case when c.count + d.count = d.add_count then d.add_min
        when d.add_min is null then c.min else least(c.min, d.add_min) end,
      max = case when c.count + d.count = d.add_count then d.add_max
        when d.add_max is null then c.max else greatest(c.max, d.add_max) end,
      latest = case when c.count + d.count = d.add_count then d.add_latest
        when d.add_latest_at is not null and (c.latest_at is null or d.add_latest_at > c.latest_at
        or (d.add_latest_at = c.latest_at and d.add_latest > c.latest)) then d.add_latest else c.latest end,
      latest_at = case when c.count + d.count = d.add_count then d.add_latest_at
        when d.add_latest_at is not null and (c.latest_at is null or d.add_latest_at > c.latest_at
        or (d.add_latest_at = c.latest_at and d.add_latest > c.latest)) then d.add_latest_at else c.latest_at end,
      updated_at = now()
    from rollup_delta d where ${match}
    returning c.indicator_id, c.unit_id, c.period, c.disagg_key, c.layer
  )
  insert into rollup_cells as c (indicator_id, unit_id, period, disagg_key, layer, count, sum,
      weight_sum, weighted_sum, own_count, own_sum, min, max, latest, latest_at)
    select d.indicator_id, d.unit_id, d.period, d.disagg_key, d.layer, d.count, d.sum, d.weight_sum,
      d.weighted_sum, d.own_count, d.own_sum, d.add_min, d.add_max, d.add_latest, d.add_latest_at
    from rollup_delta d
    where d.count > 0 and not exists (select 1 from upd u where u.indicator_id = d.indicator_id
      and u.unit_id = d.unit_id and u.period = d.period and u.disagg_key = d.disagg_key and u.layer = d.layer)
    order by d.indicator_id, d.unit_id, d.period, d.disagg_key, d.layer
    on conflict (indicator_id, unit_id, period, disagg_key, layer) do update set ${addExcluded},
      min = least(c.min, excluded.min),
      max = greatest(c.max, excluded.max),
      latest = case when excluded.latest_at > c.latest_at or (excluded.latest_at = c.latest_at
        and excluded.latest > c.latest) then excluded.latest else c.latest end,
      latest_at = greatest(c.latest_at, excluded.latest_at),
      updated_at = now()`);
  if (flags.negative)
    await tx.execute(sql`delete from rollup_cells c using rollup_delta d where ${match} and c.count <= 0`);
  if (flags.removed) await recomputeStale(tx, sql`exists (select 1 from rollup_delta d where ${match})`);
  return flags.n;
}

/**
 * Recomputes min, max and latest of stale cells from the values of their units: one cell at a
 * time through the closure and the values' cell index, so the plan never depends on how many
 * cells are stale (statistics taken before a large write misjudge that badly).
 */
export async function recomputeStale(tx: Executor, scope = sql`true`): Promise<void> {
  await tx.execute(sql`update rollup_cells c set min = x.mn, max = x.mx, latest = x.lt, latest_at = x.la,
      extremes_stale = false
    from rollup_cells s
    cross join lateral (
      select min(v.v) as mn, max(v.v) as mx, (array_agg(v.v order by v.at desc, v.v desc))[1] as lt,
        max(v.at) as la
      from rollup_closure rc
      join rollup_values v on v.org_unit_id = rc.unit_id and v.indicator_id = s.indicator_id
        and v.period = s.period and v.disagg_key = s.disagg_key and v.layer = s.layer
      where rc.ancestor_id = s.unit_id
    ) x
    where s.extremes_stale and c.indicator_id = s.indicator_id and c.unit_id = s.unit_id and c.period = s.period
      and c.disagg_key = s.disagg_key and c.layer = s.layer and ${scope}`);
}
