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
import { pgArray } from "../../db/arrays.js";
import { type Executor, queryRows } from "../../db/client.js";
import { uuidV7s } from "../../db/ids.js";
import { type ChangedValue, recordObservationChanges } from "../events/index.js";
import { applyDeltaTable, lockClosureShared, startDeltas } from "../rollups/index.js";
import { valueLocked } from "./commands/value-errors.js";
import { staleVersionError } from "./service.js";

/** A checked row, ready to stage. */
export interface StagedRow {
  seq: number;
  rowNo: number;
  indicatorId: string;
  orgUnitId: string;
  reporterUnitId: string;
  period: string;
  periodKind: string;
  disaggregation: Record<string, string>;
  disaggKey: string;
  value: number | null;
  valueBool: boolean | null;
  source: string | null;
  comment: string | null;
  evidenceUrl: string | null;
  expectedVersion: number | null;
}

/** The import being applied, as the apply statements need it. */
export interface ApplyingImport {
  id: string;
  actor: string;
  status: "draft" | "submitted";
  /** The change time every value of the import carries. */
  writtenAt: Date;
}

/**
 * Stages checked rows, each column as one array parameter. Each row gets the id its value will
 * have if it is new (time-ordered) and the outcome `created`; applying re-classifies only the rows
 * that meet a current value, so the rows of new values are written once.
 */
export async function stageRows(tx: Executor, importId: string, rows: readonly StagedRow[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T extends string | number | boolean | null>(f: (r: StagedRow) => T) => pgArray(rows.map(f));
  const ids = uuidV7s(rows.length);
  await tx.execute(sql`insert into import_rows (import_id, seq, row_no, indicator_id, org_unit_id, reporter_unit_id,
      period, period_kind, disaggregation, disagg_key, value, value_bool, source, comment, evidence_url,
      expected_version, observation_id, outcome)
    select ${importId}::uuid, d.*, 'created' from unnest(${col((r) => r.seq)}::int[], ${col((r) => r.rowNo)}::int[],
      ${col((r) => r.indicatorId)}::uuid[], ${col((r) => r.orgUnitId)}::uuid[], ${col((r) => r.reporterUnitId)}::uuid[],
      ${col((r) => r.period)}::text[], ${col((r) => r.periodKind)}::text[],
      ${col((r) => JSON.stringify(r.disaggregation))}::jsonb[], ${col((r) => r.disaggKey)}::text[],
      ${col((r) => r.value)}::numeric[], ${col((r) => r.valueBool)}::boolean[], ${col((r) => r.source)}::text[],
      ${col((r) => r.comment)}::text[], ${col((r) => r.evidenceUrl)}::text[], ${col((r) => r.expectedVersion)}::int[],
      ${pgArray(ids)}::uuid[]) as d`);
}

/** Rows naming a value cell an earlier row of the same import already named: which value would win? */
export async function duplicateRows(
  tx: Executor,
  importId: string,
  limit: number,
): Promise<{ rows: { row: number; first: number }[]; count: number }> {
  const rows = await queryRows<{ row: number; first: number; n: number }>(
    tx,
    sql`select row_no as row, first, count(*) over ()::int as n from (
        select row_no, min(row_no) over (partition by indicator_id, org_unit_id, period, disagg_key) as first
        from import_rows where import_id = ${importId}::uuid) d
      where row_no <> first order by row_no limit ${limit}`,
  );
  return { rows: rows.map((r) => ({ row: r.row, first: r.first })), count: rows[0]?.n ?? 0 };
}

const match = (s: string, o: string) =>
  sql.raw(`${o}.indicator_id = ${s}.indicator_id and ${o}.org_unit_id = ${s}.org_unit_id
    and ${o}.period = ${s}.period and ${o}.disagg_key = ${s}.disagg_key`);

const inRange = (importId: string, from: number, to: number) =>
  sql`s.import_id = ${importId}::uuid and s.seq >= ${from} and s.seq < ${to}`;

/** Whether a staged row's value equals the current one `o` (then nothing is written for it). */
const sameAsCurrent = (status: string) => sql`o.value is not distinct from s.value
  and o.value_bool is not distinct from s.value_bool and o.source is not distinct from s.source
  and o.comment is not distinct from s.comment and o.evidence_url is not distinct from s.evidence_url
  and (${status}::text = 'draft' or o.status <> 'draft')`;

/** A staged row that meets a value its import may not change. */
export interface RefusedRow {
  row: number;
  /** `locked`: the value is submitted or approved and the row changes it; `reporter`: another unit reports the cell. */
  reason: "locked" | "reporter";
  status: string;
  reporter: { code: string; nameVi: string; nameEn: string | null };
}

/**
 * Rows meeting a current value that the import may not change: a submitted or approved value the
 * row would change (rows equal to it are simply unchanged), or a value another unit reports.
 */
export async function refusedRows(
  tx: Executor,
  importId: string,
  status: "draft" | "submitted",
  limit: number,
): Promise<RefusedRow[]> {
  const rows = await queryRows<{
    row_no: number;
    status: string;
    foreign: boolean;
    code: string;
    name_vi: string;
    name_en: string | null;
  }>(
    tx,
    sql`select s.row_no, o.status, o.reporter_unit_id <> s.reporter_unit_id as foreign, u.code, u.name_vi, u.name_en
      from import_rows s
      join observations o on ${match("s", "o")} and o.deleted_at is null
      join org_units u on u.id = o.reporter_unit_id
      where s.import_id = ${importId}::uuid
        and (o.reporter_unit_id <> s.reporter_unit_id or (o.status <> 'draft' and not (${sameAsCurrent(status)})))
      order by s.row_no limit ${limit}`,
  );
  return rows.map((r) => ({
    row: r.row_no,
    reason: r.foreign ? "reporter" : "locked",
    status: r.status,
    reporter: { code: r.code, nameVi: r.name_vi, nameEn: r.name_en },
  }));
}

/** What a dry run reports: how many rows would create, change or leave a value as it is. */
export async function stagedOutcomes(
  tx: Executor,
  importId: string,
  status: "draft" | "submitted",
): Promise<{ created: number; updated: number; unchanged: number }> {
  await checkExpectedVersions(tx, sql`s.import_id = ${importId}::uuid`, true);
  const [r] = await queryRows<{ created: number; updated: number; unchanged: number }>(
    tx,
    sql`select count(*) filter (where o.id is null)::int as created,
        count(*) filter (where o.id is not null and ${sameAsCurrent(status)})::int as unchanged,
        count(*) filter (where o.id is not null and not (${sameAsCurrent(status)}))::int as updated
      from import_rows s
      left join observations o on ${match("s", "o")} and o.deleted_at is null
      where s.import_id = ${importId}::uuid`,
  );
  return r ?? { created: 0, updated: 0, unchanged: 0 };
}

/**
 * Refuses the import when a row names another version than the current one (0: create only):
 * 409 with the first such row's current value. `lookup` reads the current values (dry runs and
 * the check before anything is applied); otherwise `previous` has been recorded already.
 */
async function checkExpectedVersions(tx: Executor, scope: SQL, lookup: boolean): Promise<void> {
  const current = lookup
    ? sql`(select to_jsonb(o) from observations o where ${match("s", "o")} and o.deleted_at is null)`
    : sql`s.previous`;
  const [stale] = await queryRows<{ row_no: number; current: Record<string, unknown> | null }>(
    tx,
    sql`select row_no, current from (select s.row_no, s.seq, s.expected_version, ${current} as current
        from import_rows s where ${scope} and s.expected_version is not null) x
      where (current is null and expected_version <> 0)
        or (current is not null and (current->>'version')::int <> expected_version)
      order by seq limit 1`,
  );
  if (!stale) return;
  const c = stale.current;
  throw staleVersionError(
    c
      ? {
          version: Number(c.version),
          value: c.value === null ? (c.value_bool as boolean | null) : Number(c.value),
          status: String(c.status),
          updatedBy: String(c.updated_by),
        }
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

/** Records a change batch of the values `rows` selects (id, indicator, units, period, status). */
async function announce(tx: Executor, rows: SQL): Promise<number[]> {
  const changed = await queryRows<{
    id: string;
    indicator_id: string;
    org_unit_id: string;
    reporter_unit_id: string;
    period: string;
    status: string;
  }>(tx, rows);
  return recordObservationChanges(
    tx,
    changed.map(
      (r): ChangedValue => ({
        id: r.id,
        indicatorId: r.indicator_id,
        orgUnitId: r.org_unit_id,
        reporterUnitId: r.reporter_unit_id,
        period: r.period,
        status: r.status,
      }),
    ),
  );
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
      outcome = case when ${sameAsCurrent(imp.status)} then 'unchanged' else 'updated' end
    from observations o where ${range} and ${match("s", "o")} and o.deleted_at is null`);
  await checkExpectedVersions(tx, range, false);
  // A value submitted or approved (or taken by another reporter) since the rows were checked.
  const [late] = await queryRows<{ row_no: number; status: string }>(
    tx,
    sql`select s.row_no, s.previous->>'status' as status from import_rows s where ${range} and s.outcome = 'updated'
      and (s.previous->>'status' <> 'draft' or (s.previous->>'reporter_unit_id')::uuid <> s.reporter_unit_id)
      order by s.seq limit 1`,
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
    sql`select s.observation_id as id, s.indicator_id, s.org_unit_id, s.reporter_unit_id, s.period,
        ${imp.status}::text as status
      from import_rows s where ${range} and s.outcome in ('created', 'updated') order by s.seq`,
  );
  await tx.execute(sql`update value_imports set applied_rows = ${to} where id = ${imp.id}::uuid`);
  return batches;
}

/** Counts of what the applied rows did. */
export async function appliedOutcomes(
  tx: Executor,
  importId: string,
): Promise<{ created: number; updated: number; unchanged: number }> {
  const [r] = await queryRows<{ created: number; updated: number; unchanged: number }>(
    tx,
    sql`select count(*) filter (where outcome = 'created')::int as created,
      count(*) filter (where outcome = 'updated')::int as updated,
      count(*) filter (where outcome = 'unchanged')::int as unchanged
    from import_rows where import_id = ${importId}::uuid`,
  );
  return r ?? { created: 0, updated: 0, unchanged: 0 };
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
    sql`select o.id, o.indicator_id, o.org_unit_id, o.reporter_unit_id, o.period, o.status
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
