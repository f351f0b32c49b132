/**
 * Applying a staged import set-wise: the rows of `import_rows` (checked while the upload streamed)
 * are written to the values with their revisions, rolled up and announced by a fixed number of
 * statements per chunk, whatever its size — the database does the per-row work. A chunk is a
 * range of `seq`; the caller decides whether chunks share one transaction (PostgreSQL) or commit
 * one by one (the embedded database, so other requests are answered in between). Each staged row
 * keeps the value as it was before (`previous`), which is what `revertImport` restores when an
 * import that committed chunks cannot finish.
 */
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Executor, queryRows } from "../../../db/client.js";
import { checkedRows } from "../../core/checked-rows.js";
import { type ChangedValue, recordObservationChanges } from "../../events/index.js";
import { applyDeltaTable, lockClosureShared, startDeltas } from "../../rollups/index.js";
import { valueLocked } from "../values/commands/value-errors.js";
import { staleVersionError, staleVersionSql } from "../values/version.js";
import { lockedAgainstUnitSql, unchangedSql } from "../values/write-rules.js";
import { inRange, match } from "./queries.js";

/** The import being applied, as the apply statements need it. */
export interface ApplyingImport {
  id: string;
  actor: string;
  status: "draft" | "submitted";
  /** The change time every value of the import carries. */
  writtenAt: Date;
}

/** What a stale row's 409 shows of a value stored as `to_jsonb(observations)`. */
const storedValue = z.object({
  version: z.number(),
  value: z.number().nullable(),
  value_bool: z.boolean().nullable(),
  status: z.string(),
  updated_by: z.string(),
});

/**
 * Refuses the import when a row names another version than the current one (0: create only):
 * 409 with the first such row's current value. `lookup` reads the current values (dry runs and
 * the check before anything is applied); otherwise `previous` has been recorded already.
 */
async function checkExpectedVersions(tx: Executor, scope: SQL, lookup: boolean): Promise<void> {
  const current = lookup
    ? sql`(select to_jsonb(o) from observations o where ${match("s", "o")} and o.deleted_at is null)`
    : sql`s.previous`;
  const [stale] = await checkedRows(
    tx,
    sql`select row_no, current from (select s.row_no, s.seq, s.expected_version, ${current} as current
        from import_rows s where ${scope} and s.expected_version is not null) x
      where ${staleVersionSql(sql`(current->>'version')::int`, sql`expected_version`)}
      order by seq limit 1`,
    z.object({ row_no: z.number(), current: storedValue.nullable() }),
  );
  if (!stale) return;
  const c = stale.current;
  throw staleVersionError(
    c
      ? { version: c.version, value: c.value ?? c.value_bool, status: c.status, updatedBy: c.updated_by }
      : undefined,
  );
}

/** Checks every staged row's expected version before anything is written. */
export function checkStagedVersions(tx: Executor, importId: string): Promise<void> {
  return checkExpectedVersions(tx, sql`s.import_id = ${importId}::uuid`, true);
}

/**
 * The roll-up deltas of a set of value changes, into `rollup_delta`: `changes` selects rows shaped
 * like observations plus a `sign` (+1 the value as it now counts, -1 as it counted before). What
 * each counts for is `rollup_contributions()` (src/db/sql), as for the `rollup_values` view. The
 * latest value is the one with the greatest (time, value) pair — the largest `array[at, v]`, which
 * needs no sort per cell.
 */
async function deltasOf(tx: Executor, changes: SQL): Promise<void> {
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
  await applyDeltaTable(tx);
}

const OBSERVATION_SHAPE = `indicator_id, org_unit_id, period, disagg_key, status, value, value_bool, rollup_weight,
  updated_at, deleted_at`;

/**
 * Records a change batch of the values `rows` selects, named as `ChangedValue`'s fields (id,
 * indicatorId, orgUnitId, reporterUnitId, period, status). A hot path (a chunk's every written
 * value): the rows are typed by that schema-derived type, not checked one by one.
 */
async function announce(tx: Executor, rows: SQL): Promise<number[]> {
  return recordObservationChanges(tx, await queryRows<ChangedValue>(tx, rows));
}

/** Applies staged rows `from` ≤ seq < `to`: values, revisions, roll-ups, change batch (its ids returned). */
export async function applyStagedRange(
  tx: Executor,
  imp: ApplyingImport,
  from: number,
  to: number,
): Promise<number[]> {
  const range = inRange(imp.id, from, to);
  const at = imp.writtenAt.toISOString();
  const submittedAt = imp.status === "submitted" ? at : null;
  await lockClosureShared(tx);
  // The current values, locked in id order (concurrent writers queue instead of deadlocking).
  await tx.execute(sql`select 1 from import_rows s join observations o on ${match("s", "o")} and o.deleted_at is null
    where ${range} order by o.id for update of o`);
  // Rows meeting one change it or leave it; the others stay `created` as staged. Joined to the
  // values themselves, not to the locked set: the planner never has statistics for a new import's
  // rows (it expects one), and a join of them with a CTE is a nested loop over both — quadratic
  // in the chunk (issue 10). Against `observations` the same estimate gives index look-ups.
  await tx.execute(sql`update import_rows s set observation_id = o.id, previous = to_jsonb(o),
      outcome = case when ${unchangedSql(imp.status)} then 'unchanged' else 'updated' end
    from observations o where ${range} and ${match("s", "o")} and o.deleted_at is null`);
  await checkExpectedVersions(tx, range, false);
  // A value submitted or approved (or taken by another reporter) since the rows were checked.
  const [late] = await checkedRows(
    tx,
    sql`select s.row_no, s.previous->>'status' as status from import_rows s where ${range} and s.outcome = 'updated'
      and (${lockedAgainstUnitSql(sql`s.previous->>'status'`, sql`s.outcome = 'unchanged'`)}
        or (s.previous->>'reporter_unit_id')::uuid <> s.reporter_unit_id)
      order by s.seq limit 1`,
    z.object({ row_no: z.number(), status: z.string() }),
  );
  if (late) throw valueLocked(late.status, null, `items.${late.row_no - 1}.value`);
  // Weighted means count with the weight indicator's value for the same unit, period and disaggregation.
  await tx.execute(sql`update import_rows s set rollup_weight = w.value::float8
    from indicators i, indicators wi, observations w
    where ${range} and i.id = s.indicator_id and i.aggregation = 'weighted_mean'
      and wi.code = i.aggregation_components->>'weight' and w.indicator_id = wi.id and w.org_unit_id = s.org_unit_id
      and w.period = s.period and w.disagg_key = s.disagg_key and w.deleted_at is null`);
  await tx.execute(sql`insert into observations (id, indicator_id, org_unit_id, reporter_unit_id, period, period_kind,
      disaggregation, disagg_key, value, value_bool, source, comment, evidence_url, status, first_submitted_at,
      rollup_weight, created_by, updated_by, created_at, updated_at)
    select s.observation_id, s.indicator_id, s.org_unit_id, s.reporter_unit_id, s.period, s.period_kind,
      s.disaggregation, s.disagg_key, s.value, s.value_bool, s.source, s.comment, s.evidence_url, ${imp.status},
      ${submittedAt}::timestamptz, s.rollup_weight, ${imp.actor}, ${imp.actor}, ${at}::timestamptz, ${at}::timestamptz
    from import_rows s where ${range} and s.outcome = 'created' order by s.seq`);
  await tx.execute(sql`update observations o set value = s.value, value_bool = s.value_bool, source = s.source,
      comment = s.comment, evidence_url = s.evidence_url, status = ${imp.status}, version = o.version + 1,
      rollup_weight = s.rollup_weight,
      first_submitted_at = coalesce(o.first_submitted_at, ${submittedAt}::timestamptz),
      updated_by = ${imp.actor}, updated_at = ${at}::timestamptz
    from import_rows s where ${range} and s.outcome = 'updated' and o.id = s.observation_id`);
  await tx.execute(sql`update observation_revisions r set valid_to = ${at}::timestamptz
    from import_rows s where ${range} and s.outcome = 'updated' and r.observation_id = s.observation_id
      and r.valid_to is null`);
  // The new version of each written value is what the staged row holds.
  await tx.execute(sql`insert into observation_revisions (observation_id, version, value, value_bool, status, source,
      comment, evidence_url, changed_by, valid_from, import_id)
    select s.observation_id, coalesce((s.previous->>'version')::int, 0) + 1, s.value, s.value_bool, ${imp.status},
      s.source, s.comment, s.evidence_url, ${imp.actor}, ${at}::timestamptz, ${imp.id}::uuid
    from import_rows s where ${range} and s.outcome in ('created', 'updated') order by s.seq`);
  await deltasOf(
    tx,
    sql`select s.indicator_id, s.org_unit_id, s.period, s.disagg_key, ${imp.status}::text as status, s.value,
        s.value_bool, s.rollup_weight, ${at}::timestamptz as updated_at, null::timestamptz as deleted_at, 1 as sign
      from import_rows s where ${range} and s.outcome in ('created', 'updated')
      union all
      select ${sql.raw(OBSERVATION_SHAPE.replace(/(\w+)/g, "p.$1"))}, -1
      from import_rows s cross join lateral jsonb_populate_record(null::observations, s.previous) p
      where ${range} and s.outcome = 'updated'`,
  );
  const batches = await announce(
    tx,
    sql`select s.observation_id as id, s.indicator_id as "indicatorId", s.org_unit_id as "orgUnitId",
        s.reporter_unit_id as "reporterUnitId", s.period, ${imp.status}::text as status
      from import_rows s where ${range} and s.outcome in ('created', 'updated') order by s.seq`,
  );
  await tx.execute(sql`update value_imports set applied_rows = ${to} where id = ${imp.id}::uuid`);
  return batches;
}

/**
 * Takes back the applied rows `from` ≤ seq < `to` of an import that cannot finish: new values are
 * removed, changed ones get their previous value, version and revision history back, and the
 * roll-ups follow. A value someone changed after the import wrote it is left as they made it.
 */
export async function revertStagedRange(
  tx: Executor,
  imp: { id: string; status: string; writtenAt: Date },
  from: number,
  to: number,
): Promise<void> {
  const range = inRange(imp.id, from, to);
  const at = imp.writtenAt.toISOString();
  await lockClosureShared(tx);
  await tx.execute(sql`select 1 from import_rows s join observations o on o.id = s.observation_id
    where ${range} order by o.id for update of o`);
  // Only the values still as this import wrote them.
  await tx.execute(sql`update import_rows s set outcome = 'revert_' || s.outcome
    from observations o
    where ${range} and s.outcome in ('created', 'updated') and o.id = s.observation_id and o.deleted_at is null
      and o.updated_at = ${at}::timestamptz and o.version = coalesce((s.previous->>'version')::int, 0) + 1`);
  await tx.execute(sql`update observations o set reporter_unit_id = p.reporter_unit_id, value = p.value,
      value_bool = p.value_bool, status = p.status, source = p.source, comment = p.comment,
      evidence_url = p.evidence_url, version = p.version, updated_by = p.updated_by, updated_at = p.updated_at,
      deleted_at = p.deleted_at, first_submitted_at = p.first_submitted_at, rollup_weight = p.rollup_weight
    from import_rows s cross join lateral jsonb_populate_record(null::observations, s.previous) p
    where ${range} and s.outcome = 'revert_updated' and o.id = s.observation_id`);
  await tx.execute(sql`delete from observation_revisions r using import_rows s
    where ${range} and s.outcome = 'revert_updated' and r.observation_id = s.observation_id
      and r.version > (s.previous->>'version')::int`);
  await tx.execute(sql`update observation_revisions r set valid_to = null from import_rows s
    where ${range} and s.outcome = 'revert_updated' and r.observation_id = s.observation_id
      and r.version = (s.previous->>'version')::int`);
  // Announce the restored values (and the removed ones, by their last state) before removing.
  await announce(
    tx,
    sql`select o.id, o.indicator_id as "indicatorId", o.org_unit_id as "orgUnitId",
        o.reporter_unit_id as "reporterUnitId", o.period, o.status
      from import_rows s join observations o on o.id = s.observation_id
      where ${range} and s.outcome in ('revert_created', 'revert_updated') order by s.seq`,
  );
  await tx.execute(sql`delete from observation_revisions r using import_rows s
    where ${range} and s.outcome = 'revert_created' and r.observation_id = s.observation_id`);
  await tx.execute(sql`delete from observations o using import_rows s
    where ${range} and s.outcome = 'revert_created' and o.id = s.observation_id`);
  // Roll-ups last, so extremes recomputed from the values see them restored. What the import
  // wrote is known from its staged rows (only values still as written are taken back).
  await deltasOf(
    tx,
    sql`select s.indicator_id, s.org_unit_id, s.period, s.disagg_key, ${imp.status}::text as status, s.value,
        s.value_bool, s.rollup_weight, ${at}::timestamptz as updated_at, null::timestamptz as deleted_at, -1 as sign
      from import_rows s where ${range} and s.outcome in ('revert_created', 'revert_updated')
      union all
      select ${sql.raw(OBSERVATION_SHAPE.replace(/(\w+)/g, "p.$1"))}, 1
      from import_rows s cross join lateral jsonb_populate_record(null::observations, s.previous) p
      where ${range} and s.outcome = 'revert_updated'`,
  );
  await tx.execute(sql`update import_rows s set outcome = 'reverted' where ${range}
    and s.outcome in ('revert_created', 'revert_updated')`);
}
