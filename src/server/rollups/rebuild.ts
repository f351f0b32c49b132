/**
 * Rebuilding every roll-up cell from the values (`npm run cli -- rollup:rebuild`), and the
 * closure of the unit hierarchy the cells follow. Rebuilding gives the same cells as the
 * incremental path; the property test in test/rollups checks exactly that.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import { addExcluded, recomputeStale } from "./apply.js";

/** The cells as a rebuild would produce them (shared by rebuild and the consistency check). */
const rebuiltCells = sql.raw(`
  select v.indicator_id, rc.ancestor_id as unit_id, v.period, v.disagg_key, v.layer,
    count(*)::int as count, sum(v.v) as sum, sum(v.w) as weight_sum, sum(v.v * v.w) as weighted_sum,
    count(*) filter (where rc.ancestor_id = v.org_unit_id)::int as own_count,
    coalesce(sum(v.v) filter (where rc.ancestor_id = v.org_unit_id), 0) as own_sum,
    min(v.v) as min, max(v.v) as max,
    (array_agg(v.v order by v.at desc, v.v desc))[1] as latest, max(v.at) as latest_at
  from rollup_values v
  join rollup_closure rc on rc.unit_id = v.org_unit_id
  group by v.indicator_id, rc.ancestor_id, v.period, v.disagg_key, v.layer`);

export async function rebuildRollups(tx: Executor): Promise<{ cells: number }> {
  await syncRollupClosure(tx, { moveValues: false });
  await tx.execute(sql`delete from rollup_cells`);
  await tx.execute(sql`insert into rollup_cells (indicator_id, unit_id, period, disagg_key, layer, count, sum,
      weight_sum, weighted_sum, own_count, own_sum, min, max, latest, latest_at) ${rebuiltCells}`);
  const [n] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from rollup_cells`);
  return { cells: n?.n ?? 0 };
}

export interface RollupDifference {
  key: string;
  stored: Record<string, number | null> | null;
  rebuilt: Record<string, number | null> | null;
}

/** Cells where the stored roll-up differs from a rebuild (relative tolerance for float sums). */
export async function compareWithRebuild(tx: Executor, tolerance = 1e-9): Promise<RollupDifference[]> {
  type Cell = Record<string, string | number | null>;
  const stored = await queryRows<Cell>(
    tx,
    sql`select indicator_id, unit_id, period, disagg_key, layer, count, sum, weight_sum, weighted_sum, own_count,
      own_sum, min, max, latest, latest_at from rollup_cells`,
  );
  const rebuilt = await queryRows<Cell>(tx, rebuiltCells);
  const key = (c: Cell) => `${c.indicator_id}|${c.unit_id}|${c.period}|${c.disagg_key}|${c.layer}`;
  const nums = (c: Cell) => {
    const out: Record<string, number | null> = {};
    for (const f of [
      "count",
      "sum",
      "weight_sum",
      "weighted_sum",
      "own_count",
      "own_sum",
      "min",
      "max",
      "latest",
      "latest_at",
    ])
      out[f] = c[f] === null || c[f] === undefined ? null : Number(c[f]);
    return out;
  };
  const a = new Map(stored.map((c) => [key(c), nums(c)]));
  const b = new Map(rebuilt.map((c) => [key(c), nums(c)]));
  const out: RollupDifference[] = [];
  const close = (x: number | null, y: number | null) =>
    x === y ||
    (x !== null && y !== null && Math.abs(x - y) <= tolerance * Math.max(1, Math.abs(x), Math.abs(y)));
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const s = a.get(k) ?? null;
    const r = b.get(k) ?? null;
    if (!s || !r || Object.keys(s).some((f) => !close(s[f] ?? null, r[f] ?? null)))
      out.push({ key: k, stored: s, rebuilt: r });
  }
  return out;
}

/** The unit hierarchy's closure as it should be: parents, lineage (merged into, renamed to), the country root. */
const desiredClosure = sql.raw(`
  with recursive edges(child, parent) as (
    select id, parent_id from org_units where parent_id is not null
    union
    select from_unit_id, to_unit_id from org_unit_lineage where kind in ('merged_into', 'renamed_to')
    union
    select u.id, r.id from org_units u cross join org_units r
    where r.kind = 'country' and u.id <> r.id
  ),
  closure(unit_id, ancestor_id) as (
    select id, id from org_units
    union
    select c.unit_id, e.parent from closure c join edges e on e.child = c.ancestor_id
  )
  select unit_id, ancestor_id from closure`);

/**
 * Brings rollup_closure up to date with the org units. With `moveValues` (the default), the values
 * of every unit whose ancestors changed (a merge, a new parent) are taken out of the cells they no
 * longer count toward and added to the new ones, in the same transaction.
 */
export async function syncRollupClosure(
  tx: Executor,
  opts: { moveValues?: boolean } = {},
): Promise<{ added: number; removed: number }> {
  await tx.execute(sql`lock table rollup_closure in share row exclusive mode`);
  await tx.execute(sql`create temporary table if not exists rollup_closure_next
    (unit_id uuid not null, ancestor_id uuid not null) on commit drop`);
  await tx.execute(sql`delete from rollup_closure_next`);
  await tx.execute(sql`insert into rollup_closure_next ${desiredClosure}`);
  const removed = await queryRows<{ unit_id: string; ancestor_id: string }>(
    tx,
    sql`select unit_id, ancestor_id from rollup_closure except select unit_id, ancestor_id from rollup_closure_next`,
  );
  const added = await queryRows<{ unit_id: string; ancestor_id: string }>(
    tx,
    sql`select unit_id, ancestor_id from rollup_closure_next except select unit_id, ancestor_id from rollup_closure`,
  );
  if (removed.length === 0 && added.length === 0) return { added: 0, removed: 0 };
  if (opts.moveValues !== false) {
    await movePairs(tx, removed, -1);
    await movePairs(tx, added, 1);
  }
  await tx.execute(sql`delete from rollup_closure`);
  await tx.execute(sql`insert into rollup_closure select unit_id, ancestor_id from rollup_closure_next`);
  if (opts.moveValues !== false) {
    await tx.execute(sql`delete from rollup_cells where count <= 0`);
    await recomputeStale(tx);
  }
  return { added: added.length, removed: removed.length };
}

/** Adds (sign 1) or takes away (-1) the values of `unit_id` to or from the cells of `ancestor_id`. */
async function movePairs(
  tx: Executor,
  pairs: readonly { unit_id: string; ancestor_id: string }[],
  sign: 1 | -1,
): Promise<void> {
  if (pairs.length === 0) return;
  const json = JSON.stringify(pairs);
  const p = sql`jsonb_to_recordset(${json}::jsonb) as p(unit_id uuid, ancestor_id uuid)`;
  const s = sql.raw(String(sign));
  await tx.execute(sql`insert into rollup_cells as c (indicator_id, unit_id, period, disagg_key, layer, count, sum,
      weight_sum, weighted_sum, own_count, own_sum, min, max, latest, latest_at, extremes_stale)
    select v.indicator_id, p.ancestor_id, v.period, v.disagg_key, v.layer, ${s} * count(*)::int, ${s} * sum(v.v),
      ${s} * sum(v.w), ${s} * sum(v.v * v.w),
      ${s} * (count(*) filter (where p.ancestor_id = v.org_unit_id))::int,
      ${s} * coalesce(sum(v.v) filter (where p.ancestor_id = v.org_unit_id), 0),
      min(v.v), max(v.v), (array_agg(v.v order by v.at desc, v.v desc))[1], max(v.at), ${sign < 0 ? sql`true` : sql`false`}
    from ${p} join rollup_values v on v.org_unit_id = p.unit_id
    group by v.indicator_id, p.ancestor_id, v.period, v.disagg_key, v.layer
    on conflict (indicator_id, unit_id, period, disagg_key, layer) do update set ${addExcluded},
      extremes_stale = c.extremes_stale or excluded.extremes_stale,
      min = case when excluded.extremes_stale then c.min else least(c.min, excluded.min) end,
      max = case when excluded.extremes_stale then c.max else greatest(c.max, excluded.max) end,
      latest = case when excluded.extremes_stale then c.latest
        when excluded.latest_at > c.latest_at or (excluded.latest_at = c.latest_at and excluded.latest > c.latest)
        then excluded.latest else c.latest end,
      latest_at = case when excluded.extremes_stale then c.latest_at else greatest(c.latest_at, excluded.latest_at) end,
      updated_at = now()`);
}

/** Rebuilds the cells of one indicator (after its aggregation rule changed what its values contribute). */
export async function rebuildIndicatorRollups(tx: Executor, indicatorId: string): Promise<void> {
  await tx.execute(sql`delete from rollup_cells where indicator_id = ${indicatorId}`);
  await tx.execute(sql`insert into rollup_cells (indicator_id, unit_id, period, disagg_key, layer, count, sum,
      weight_sum, weighted_sum, own_count, own_sum, min, max, latest, latest_at)
    select * from (${rebuiltCells}) c where c.indicator_id = ${indicatorId}`);
}
