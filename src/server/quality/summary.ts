/**
 * The maintained facts of data quality (decision 0012): per (indicator, period), a row per unit
 * expected or reporting in `quality_values`, with the value's status, first submission, revised
 * flag and robust z-score against the unit's own history. Statement triggers record which
 * transaction last wrote (src/db/sql/quality-summary.sql): a small write marks its (indicator,
 * unit) in `quality_unit_marks`, a large one its (indicator, period) in `quality_marks`. When a
 * group is read, the units marked since the snapshot it was computed from are recomputed (one
 * value written: one unit's row), and the whole group when a period mark or the definitions
 * (units, their kinds and validity) changed. The recompute is the former from-scratch computation
 * restricted to those units, so the facts are the same. Scores against peers change with every
 * peer's value: the read computes them from the group's values (groups.ts).
 */
import { sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays.js";
import { type Executor, queryRows } from "../../db/client.js";
import { robustZ } from "../../domain/aggregation.js";
import { formatPeriod, type Period, previous } from "../../domain/periods.js";
import * as Q from "./queries.js";

const HISTORY = 12;
const CHUNK = 5000;
/** Past this many units marked, a group is recomputed whole (one pass is then cheaper). */
const WHOLE_GROUP_AT = 2000;

/** The version of a group's facts in SQL: the snapshot it was computed from and when. */
const groupVersion = sql`g.snapshot_xmin::text || '@' || (extract(epoch from g.computed_at) * 1000000)::bigint::text`;

export interface GroupState {
  id: string;
  /** Not computed, or a period mark or the definitions changed since: recompute it whole. */
  whole: boolean;
  /** Units marked since the group's snapshot, at or after their earliest period written. */
  units: string[];
  /** `xmin@computed` of the facts in the table (null: never computed). */
  version: string | null;
}

/** What a group's state is, in SQL over `i(id)` and its group `g` (see `GroupState`). */
const stateColumns = (period: string) => sql`(g.indicator_id is null
    or g.definitions_version <> d.version
    or exists (select 1 from quality_marks m where m.indicator_id = i.id and m.period <= ${period}
      and length(m.period) = ${period.length} and m.xid >= g.snapshot_xmin)) as whole,
  (select array_agg(x.org_unit_id) from (select u.org_unit_id from quality_unit_marks u
    where u.indicator_id = i.id and u.xid >= g.snapshot_xmin and u.period_length = ${period.length}
      and u.from_period <= ${period} limit ${WHOLE_GROUP_AT + 1}) x) as units,
  ${groupVersion} as v, d.version::text as d`;

interface StateRow {
  id: string | null;
  whole: boolean;
  units: string[] | null;
  v: string | null;
  d: string;
}
const stateOf = (r: StateRow & { id: string }): GroupState => {
  const units = r.units ?? [];
  return { id: r.id, whole: r.whole || units.length > WHOLE_GROUP_AT, units, version: r.v };
};

/**
 * The state of these indicators' groups at `period`: what must be computed before they are read,
 * and the version of each group's facts and of the definitions. The facts change only when a
 * group is recomputed (whole or some units), which gives it a new version.
 */
async function groupStates(
  db: Executor,
  ids: string[],
  period: string,
): Promise<{ groups: GroupState[]; definitions: string }> {
  const rows = await queryRows<StateRow & { id: string }>(
    db,
    sql`select i.id, ${stateColumns(period)}
        from unnest(${pgArray(ids)}::uuid[]) with ordinality as i(id, n)
        cross join definitions_version d
        left join quality_groups g on g.indicator_id = i.id and g.period = ${period}
        order by i.n`,
  );
  return { definitions: rows[0]?.d ?? "", groups: rows.map(stateOf) };
}

export interface PlanStates {
  /** Null: no plan has this code. */
  planId: string | null;
  definitions: string;
  /** Every reported indicator of the plan at the period's frequency (entered, not objectives). */
  groups: GroupState[];
}

/**
 * `groupStates` of a plan's reported indicators of one frequency, with the plan's id and the
 * definitions version, in one query: what a read of a period nobody wrote since costs.
 */
export async function planGroupStates(
  db: Executor,
  planCode: string,
  frequency: string,
  period: string,
): Promise<PlanStates> {
  const rows = await queryRows<StateRow & { plan_id: string | null }>(
    db,
    sql`select p.id as plan_id, i.id, ${stateColumns(period)}
        from definitions_version d
        left join plans p on p.code = ${planCode}
        left join lateral (select x.id from indicators x join plan_indicators pi on pi.indicator_id = x.id
          where pi.plan_id = p.id and x.retired_at is null and x.formula is null and x.tier <> 'objective'
            and x.frequency = ${frequency}) i on true
        left join quality_groups g on g.indicator_id = i.id and g.period = ${period}`,
  );
  return {
    planId: rows[0]?.plan_id ?? null,
    definitions: rows[0]?.d ?? "",
    groups: rows
      .filter((r): r is StateRow & { plan_id: string | null; id: string } => r.id !== null)
      .map(stateOf),
  };
}

/** The facts of one unit in one group. */
export interface Fact {
  indicatorId: string;
  orgUnitId: string;
  expected: boolean;
  row: Q.PeriodValue | undefined;
  zOwn: number | null;
}

/** The twelve periods before `period` (the history a value is compared with). */
function priorOf(period: Period): string[] {
  const prior: string[] = [];
  let p = period;
  for (let k = 0; k < HISTORY; k++) {
    p = previous(p);
    prior.push(formatPeriod(p));
  }
  return prior;
}

/** The facts of whole groups at `period`, computed from the values as they are. */
async function groupFacts(db: Executor, ids: string[], period: Period): Promise<Fact[]> {
  const code = formatPeriod(period);
  const start = `${period.year}-01-01`;
  const [current, expected] = await Promise.all([
    Q.periodValues(db, ids, code),
    Q.expectedUnits(db, ids, code, start),
  ]);
  // The history of the values there are (a z-score is computed for those only).
  const withValue = new Map<string, { indicatorId: string; unitId: string }>();
  for (const r of current)
    if (r.value !== null)
      withValue.set(`${r.indicator_id}|${r.org_unit_id}`, {
        indicatorId: r.indicator_id,
        unitId: r.org_unit_id,
      });
  const history = new Map<string, number[]>();
  for (const r of await Q.historyValues(db, [...withValue.values()], priorOf(period))) {
    const k = `${r.indicator_id}|${r.org_unit_id}`;
    const list = history.get(k);
    if (list) list.push(Number(r.value));
    else history.set(k, [Number(r.value)]);
  }
  const facts = new Map<string, Fact>();
  for (const e of expected)
    facts.set(`${e.indicator_id}|${e.org_unit_id}`, {
      indicatorId: e.indicator_id,
      orgUnitId: e.org_unit_id,
      expected: true,
      row: undefined,
      zOwn: null,
    });
  for (const r of current) {
    const key = `${r.indicator_id}|${r.org_unit_id}`;
    const fact = facts.get(key) ?? {
      indicatorId: r.indicator_id,
      orgUnitId: r.org_unit_id,
      expected: false,
      row: undefined,
      zOwn: null,
    };
    fact.row = r;
    // The median and its deviation do not depend on the history's order.
    if (r.value !== null) fact.zOwn = robustZ(Number(r.value), history.get(key) ?? []) ?? null;
    facts.set(key, fact);
  }
  return [...facts.values()];
}

/** The facts of some units in their groups at `period` (the same rules as `groupFacts`, one query). */
async function unitFacts(db: Executor, pairs: { indicatorId: string; unitId: string }[], period: Period) {
  const rows = await Q.unitFactRows(db, pairs, formatPeriod(period), `${period.year}-01-01`, priorOf(period));
  const facts: Fact[] = [];
  for (const r of rows) {
    if (!r.expected && r.id === null) continue;
    const row: Q.PeriodValue | undefined =
      r.id === null
        ? undefined
        : {
            id: r.id,
            indicator_id: r.indicator_id,
            org_unit_id: r.org_unit_id,
            reporter_unit_id: r.reporter_unit_id as string,
            period: formatPeriod(period),
            value: r.value,
            status: r.status as string,
            first_submitted_at: r.first_submitted_at,
            revised: r.revised === true,
          };
    facts.push({
      indicatorId: r.indicator_id,
      orgUnitId: r.org_unit_id,
      expected: r.expected,
      row,
      zOwn:
        row && row.value !== null
          ? (robustZ(Number(row.value), (r.history ?? []).map(Number)) ?? null)
          : null,
    });
  }
  return facts;
}

/** The columns of facts as arrays, for `unnest`. */
function factColumns(facts: Fact[]) {
  const col = <T>(f: (x: Fact) => T) => facts.map(f);
  return sql`${pgArray(col((x) => x.indicatorId))}::uuid[], ${pgArray(col((x) => x.orgUnitId))}::uuid[],
    ${pgArray(col((x) => x.expected))}::boolean[], ${pgArray(col((x) => x.row?.id))}::uuid[],
    ${pgArray(col((x) => x.row?.reporter_unit_id))}::uuid[], ${pgArray(col((x) => x.row?.status))}::text[],
    ${pgArray(col((x) => (x.row?.value == null ? null : String(x.row.value))))}::numeric[],
    ${pgArray(col((x) => (x.row?.first_submitted_at == null ? null : new Date(x.row.first_submitted_at).toISOString())))}::timestamptz[],
    ${pgArray(col((x) => x.row?.revised ?? false))}::boolean[],
    ${pgArray(col((x) => x.zOwn))}::float8[]`;
}

/** Whole groups: their rows deleted, the facts inserted (in chunks: a group is ~11,500 rows). */
async function writeGroups(db: Executor, ids: string[], period: string, facts: Fact[]) {
  await db.execute(
    sql`delete from quality_values where indicator_id = any(${pgArray(ids)}::uuid[]) and period = ${period}`,
  );
  for (let k = 0; k < facts.length; k += CHUNK)
    await db.execute(sql`insert into quality_values (indicator_id, period, org_unit_id, expected, observation_id,
        reporter_unit_id, status, value, first_submitted_at, revised, z_own)
      select t.i, ${period}, t.u, t.e, t.o, t.r, t.s, t.v, t.f, t.rv, t.zo
      from unnest(${factColumns(facts.slice(k, k + CHUNK))}) as t(i, u, e, o, r, s, v, f, rv, zo)`);
}

/**
 * Some units' rows replaced by their facts (a unit neither expected nor reporting any more has
 * its row removed), and every recomputed group's version recorded, in one statement: the upsert
 * and the removal touch different rows. Returns each group's new version.
 */
async function writeUnitsAndVersions(
  db: Executor,
  pairs: { indicatorId: string; unitId: string }[],
  period: string,
  facts: Fact[],
  groups: string[],
  snap: { xmin: string; version: string },
) {
  return queryRows<{ id: string; v: string }>(
    db,
    sql`with facts as (
          select * from unnest(${factColumns(facts)}) as t(i, u, e, o, r, s, v, f, rv, zo)
        ), upserted as (
          insert into quality_values as q (indicator_id, period, org_unit_id, expected, observation_id,
            reporter_unit_id, status, value, first_submitted_at, revised, z_own)
          select t.i, ${period}, t.u, t.e, t.o, t.r, t.s, t.v, t.f, t.rv, t.zo from facts t
          on conflict (indicator_id, period, org_unit_id) do update set expected = excluded.expected,
            observation_id = excluded.observation_id, reporter_unit_id = excluded.reporter_unit_id,
            status = excluded.status, value = excluded.value, first_submitted_at = excluded.first_submitted_at,
            revised = excluded.revised, z_own = excluded.z_own
          returning 1
        ), removed as (
          delete from quality_values q
          using unnest(${pgArray(pairs.map((x) => x.indicatorId))}::uuid[], ${pgArray(pairs.map((x) => x.unitId))}::uuid[]) as c(i, u)
          where q.indicator_id = c.i and q.org_unit_id = c.u and q.period = ${period}
            and not exists (select 1 from facts t where t.i = c.i and t.u = c.u)
          returning 1
        )
        insert into quality_groups as g (indicator_id, period, snapshot_xmin, definitions_version, computed_at)
        select i, ${period}, ${snap.xmin}::bigint, ${snap.version}::bigint, clock_timestamp()
        from unnest(${pgArray(groups)}::uuid[]) as i
        on conflict (indicator_id, period) do update set snapshot_xmin = excluded.snapshot_xmin,
          definitions_version = excluded.definitions_version, computed_at = clock_timestamp()
        returning g.indicator_id as id, ${groupVersion} as v`,
  );
}

/** A group this call recomputed: its new version, and the facts written (to patch a memo with). */
export interface Recomputed {
  indicatorId: string;
  version: string;
  /** The version the units were recomputed from (null: recomputed whole). */
  from: string | null;
  /** The units recomputed (null: all), and their facts as written. */
  units: string[] | null;
  facts: Fact[];
}

export interface Freshness {
  /** The definitions version and each group's version, in the order asked. */
  definitions: string;
  versions: string[];
  recomputed: Recomputed[];
}

/**
 * Makes the groups of these indicators at `period` current: units marked since a group's snapshot
 * are recomputed, or the group whole (not computed yet, a period mark, new definitions), in one
 * transaction, from a snapshot whose xmin is recorded (a write not visible to it has a mark not
 * older than that xmin, so its units are seen marked again). Returns the version of the facts now
 * current: answers computed from the same versions are the same.
 */
export async function freshenGroups(
  db: Executor,
  ids: string[],
  period: Period,
  /** The states read already (`planGroupStates`), to spare the query when nothing is stale. */
  known?: { definitions: string; groups: GroupState[] },
): Promise<Freshness> {
  const code = formatPeriod(period);
  if (ids.length === 0) return { definitions: known?.definitions ?? "", versions: [], recomputed: [] };
  const byId = known && new Map(known.groups.map((g) => [g.id, g]));
  const before =
    known && byId && ids.every((id) => byId.has(id))
      ? { definitions: known.definitions, groups: ids.map((id) => byId.get(id) as GroupState) }
      : await groupStates(db, ids, code);
  const due = (s: GroupState) => s.whole || s.units.length > 0;
  if (!before.groups.some(due))
    return {
      definitions: before.definitions,
      versions: before.groups.map((g) => g.version ?? "-"),
      recomputed: [],
    };
  return db.transaction(async (tx) => {
    // One recompute of a period at a time (no two whole groups inserted at once). The snapshot
    // is the statement's: taken before the lock is granted, an xmin older than the facts then
    // computed is only more cautious (more marks count as not seen).
    const [snap] = await queryRows<{ xmin: string; version: string }>(
      tx,
      sql`select pg_advisory_xact_lock(hashtext(${`quality:${code}`})) is null as locked,
            txid_snapshot_xmin(txid_current_snapshot())::text as xmin,
            (select version from definitions_version)::text as version`,
    );
    // What is stale now that the lock is held (another reader may just have recomputed it).
    const now = await groupStates(tx, ids, code);
    const stale = now.groups.filter(due);
    if (stale.length === 0 || !snap)
      return {
        definitions: now.definitions,
        versions: now.groups.map((g) => g.version ?? "-"),
        recomputed: [],
      };
    const whole = stale.filter((g) => g.whole).map((g) => g.id);
    const pairs = stale.flatMap((g) =>
      g.whole ? [] : g.units.map((unitId) => ({ indicatorId: g.id, unitId })),
    );
    const wholeFacts = whole.length ? await groupFacts(tx, whole, period) : [];
    if (whole.length) await writeGroups(tx, whole, code, wholeFacts);
    const someFacts = pairs.length ? await unitFacts(tx, pairs, period) : [];
    const facts = [...wholeFacts, ...someFacts];
    // computed_at is the clock's, not the transaction's: a version the memos can tell apart.
    const written = await writeUnitsAndVersions(
      tx,
      pairs,
      code,
      someFacts,
      stale.map((g) => g.id),
      snap,
    );
    const versionOf = new Map(written.map((w) => [w.id, w.v]));
    const factsOf = new Map<string, Fact[]>();
    for (const f of facts) {
      const list = factsOf.get(f.indicatorId);
      if (list) list.push(f);
      else factsOf.set(f.indicatorId, [f]);
    }
    return {
      definitions: now.definitions,
      versions: now.groups.map((g) => versionOf.get(g.id) ?? g.version ?? "-"),
      recomputed: stale.map((g) => ({
        indicatorId: g.id,
        version: versionOf.get(g.id) as string,
        from: g.whole ? null : g.version,
        units: g.whole ? null : g.units,
        facts: factsOf.get(g.id) ?? [],
      })),
    };
  });
}
