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

interface GroupState {
  id: string;
  /** Not computed, or a period mark or the definitions changed since: recompute it whole. */
  whole: boolean;
  /** Units marked since the group's snapshot, at or after their earliest period written. */
  units: string[];
  /** `xmin@computed` of the facts in the table (null: never computed). */
  version: string | null;
}

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
  const rows = await queryRows<{
    id: string;
    whole: boolean;
    units: string[] | null;
    v: string | null;
    d: string;
  }>(
    db,
    sql`select i.id, (g.indicator_id is null
          or g.definitions_version <> d.version
          or exists (select 1 from quality_marks m where m.indicator_id = i.id and m.period <= ${period}
            and length(m.period) = ${period.length} and m.xid >= g.snapshot_xmin)) as whole,
          (select array_agg(x.org_unit_id) from (select u.org_unit_id from quality_unit_marks u
            where u.indicator_id = i.id and u.xid >= g.snapshot_xmin and u.period_length = ${period.length}
              and u.from_period <= ${period} limit ${WHOLE_GROUP_AT + 1}) x) as units,
          ${groupVersion} as v, d.version::text as d
        from unnest(${pgArray(ids)}::uuid[]) with ordinality as i(id, n)
        cross join definitions_version d
        left join quality_groups g on g.indicator_id = i.id and g.period = ${period}
        order by i.n`,
  );
  return {
    definitions: rows[0]?.d ?? "",
    groups: rows.map((r) => {
      const units = r.units ?? [];
      return { id: r.id, whole: r.whole || units.length > WHOLE_GROUP_AT, units, version: r.v };
    }),
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

/** What to compute: an indicator's whole group, or some of its units. */
interface Target {
  indicatorId: string;
  units: string[] | null;
}

/** The facts of these groups or units at `period`, computed from the values as they are. */
async function computeFacts(db: Executor, targets: Target[], period: Period): Promise<Fact[]> {
  const code = formatPeriod(period);
  const prior: string[] = [];
  let p = period;
  for (let k = 0; k < HISTORY; k++) {
    p = previous(p);
    prior.push(formatPeriod(p));
  }
  const start = `${period.year}-01-01`;
  const whole = targets.filter((t) => t.units === null).map((t) => t.indicatorId);
  const pairs = targets.flatMap((t) =>
    (t.units ?? []).map((unitId) => ({ indicatorId: t.indicatorId, unitId })),
  );
  const [currentWhole, currentSome, expectedWhole, expectedSome] = await Promise.all([
    whole.length ? Q.periodValues(db, whole, code) : [],
    Q.periodValuesOf(db, pairs, code),
    whole.length ? Q.expectedUnits(db, whole, code, start) : [],
    Q.expectedUnitsOf(db, pairs, code, start),
  ]);
  const current = [...currentWhole, ...currentSome];
  // The history of the values there are (a z-score is computed for those only).
  const withValue = new Map<string, { indicatorId: string; unitId: string }>();
  for (const r of current)
    if (r.value !== null)
      withValue.set(`${r.indicator_id}|${r.org_unit_id}`, {
        indicatorId: r.indicator_id,
        unitId: r.org_unit_id,
      });
  const history = new Map<string, { period: string; v: number }[]>();
  for (const r of await Q.historyValues(db, [...withValue.values()], prior)) {
    const k = `${r.indicator_id}|${r.org_unit_id}`;
    const list = history.get(k) ?? [];
    list.push({ period: r.period, v: Number(r.value) });
    history.set(k, list);
  }
  const facts = new Map<string, Fact>();
  for (const e of [...expectedWhole, ...expectedSome])
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
    if (r.value !== null) {
      const own = (history.get(key) ?? []).sort((a, b) => (a.period < b.period ? -1 : 1)).map((h) => h.v);
      fact.zOwn = robustZ(Number(r.value), own) ?? null;
    }
    facts.set(key, fact);
  }
  return [...facts.values()];
}

async function writeFacts(db: Executor, targets: Target[], period: string, facts: Fact[]) {
  const whole = targets.filter((t) => t.units === null).map((t) => t.indicatorId);
  const pairs = targets.flatMap((t) => (t.units ?? []).map((u) => [t.indicatorId, u] as const));
  if (whole.length)
    await db.execute(
      sql`delete from quality_values where indicator_id = any(${pgArray(whole)}::uuid[]) and period = ${period}`,
    );
  if (pairs.length)
    await db.execute(sql`delete from quality_values q
      using unnest(${pgArray(pairs.map((x) => x[0]))}::uuid[], ${pgArray(pairs.map((x) => x[1]))}::uuid[]) as c(i, u)
      where q.indicator_id = c.i and q.org_unit_id = c.u and q.period = ${period}`);
  for (let k = 0; k < facts.length; k += CHUNK) {
    const part = facts.slice(k, k + CHUNK);
    const col = <T>(f: (x: Fact) => T) => part.map(f);
    await db.execute(sql`insert into quality_values (indicator_id, period, org_unit_id, expected, observation_id,
        reporter_unit_id, status, value, first_submitted_at, revised, z_own)
      select t.i, ${period}, t.u, t.e, t.o, t.r, t.s, t.v, t.f, t.rv, t.zo
      from unnest(${pgArray(col((x) => x.indicatorId))}::uuid[], ${pgArray(col((x) => x.orgUnitId))}::uuid[],
        ${pgArray(col((x) => x.expected))}::boolean[], ${pgArray(col((x) => x.row?.id))}::uuid[],
        ${pgArray(col((x) => x.row?.reporter_unit_id))}::uuid[], ${pgArray(col((x) => x.row?.status))}::text[],
        ${pgArray(col((x) => (x.row?.value == null ? null : String(x.row.value))))}::numeric[],
        ${pgArray(col((x) => (x.row?.first_submitted_at == null ? null : new Date(x.row.first_submitted_at).toISOString())))}::timestamptz[],
        ${pgArray(col((x) => x.row?.revised ?? false))}::boolean[],
        ${pgArray(col((x) => x.zOwn))}::float8[])
        as t(i, u, e, o, r, s, v, f, rv, zo)`);
  }
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
export async function freshenGroups(db: Executor, ids: string[], period: Period): Promise<Freshness> {
  const code = formatPeriod(period);
  if (ids.length === 0) return { definitions: "", versions: [], recomputed: [] };
  const before = await groupStates(db, ids, code);
  const due = (s: GroupState) => s.whole || s.units.length > 0;
  if (!before.groups.some(due))
    return {
      definitions: before.definitions,
      versions: before.groups.map((g) => g.version ?? "-"),
      recomputed: [],
    };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`quality:${code}`}))`);
    const [snap] = await queryRows<{ xmin: string; version: string }>(
      tx,
      sql`select txid_snapshot_xmin(txid_current_snapshot())::text as xmin,
            (select version from definitions_version)::text as version`,
    );
    const now = await groupStates(tx, ids, code);
    const stale = now.groups.filter(due);
    if (stale.length === 0 || !snap)
      return {
        definitions: now.definitions,
        versions: now.groups.map((g) => g.version ?? "-"),
        recomputed: [],
      };
    const targets: Target[] = stale.map((g) => ({ indicatorId: g.id, units: g.whole ? null : g.units }));
    const facts = await computeFacts(tx, targets, period);
    await writeFacts(tx, targets, code, facts);
    // computed_at is the clock's, not the transaction's: a version the memos can tell apart.
    const written = await queryRows<{ id: string; v: string }>(
      tx,
      sql`insert into quality_groups as g (indicator_id, period, snapshot_xmin, definitions_version, computed_at)
        select i, ${code}, ${snap.xmin}::bigint, ${snap.version}::bigint, clock_timestamp()
        from unnest(${pgArray(stale.map((g) => g.id))}::uuid[]) as i
        on conflict (indicator_id, period) do update set snapshot_xmin = excluded.snapshot_xmin,
          definitions_version = excluded.definitions_version, computed_at = clock_timestamp()
        returning g.indicator_id as id, ${groupVersion} as v`,
    );
    const versionOf = new Map(written.map((w) => [w.id, w.v]));
    const factsOf = new Map<string, Fact[]>();
    for (const f of facts) {
      const list = factsOf.get(f.indicatorId);
      if (list) list.push(f);
      else factsOf.set(f.indicatorId, [f]);
    }
    return {
      definitions: snap.version,
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
