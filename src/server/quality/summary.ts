/**
 * The maintained facts of data quality (decision 0012): per (indicator, period), a row per unit
 * expected or reporting in `quality_values`, with the value's status, first submission, revised
 * flag and robust z-scores. Statement triggers record in `quality_marks` which transaction last
 * wrote an (indicator, period) (src/db/sql/quality-summary.sql); a group is recomputed when it is
 * read and a mark at or before its period is not older than the snapshot it was computed from, or
 * when the definitions (units, their kinds and validity) changed. The recompute is the former
 * from-scratch computation restricted to one period's indicators, so the answer is the same.
 */
import { sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays.js";
import { type Executor, queryRows } from "../../db/client.js";
import { robustZ, robustZAgainstOthers } from "../../domain/aggregation.js";
import { formatPeriod, type Period, previous } from "../../domain/periods.js";
import * as Q from "./queries.js";

const HISTORY = 12;
const CHUNK = 5000;

/**
 * The groups of these indicators at `period` that must be computed before they are read, and
 * what the period's facts are now: the version of each group (its snapshot and when it was
 * computed) and of the definitions. The facts change only when a group is recomputed.
 */
async function groupStates(
  db: Executor,
  ids: string[],
  period: string,
): Promise<{ stale: string[]; version: string }> {
  const rows = await queryRows<{ id: string; stale: boolean; v: string | null; d: string }>(
    db,
    sql`select i.id, (g.indicator_id is null
          or g.definitions_version <> d.version
          or exists (select 1 from quality_marks m where m.indicator_id = i.id and m.period <= ${period}
            and length(m.period) = ${period.length} and m.xid >= g.snapshot_xmin)) as stale,
          g.snapshot_xmin::text || '@' || (extract(epoch from g.computed_at) * 1000000)::bigint::text as v,
          d.version::text as d
        from unnest(${pgArray(ids)}::uuid[]) with ordinality as i(id, n)
        cross join definitions_version d
        left join quality_groups g on g.indicator_id = i.id and g.period = ${period}
        order by i.n`,
  );
  return {
    stale: rows.filter((r) => r.stale).map((r) => r.id),
    version: `${rows[0]?.d ?? ""}|${rows.map((r) => r.v ?? "-").join(",")}`,
  };
}

interface Fact {
  indicatorId: string;
  orgUnitId: string;
  expected: boolean;
  row: Q.PeriodValue | undefined;
  zOwn: number | null;
  zPeers: number | null;
}

/** The facts of the groups (indicators at `period`), computed from the values as they are. */
async function computeFacts(db: Executor, ids: string[], period: Period): Promise<Fact[]> {
  const code = formatPeriod(period);
  const prior: string[] = [];
  let p = period;
  for (let k = 0; k < HISTORY; k++) {
    p = previous(p);
    prior.push(formatPeriod(p));
  }
  const current = await Q.periodValues(db, ids, code);
  const expected = await Q.expectedUnits(db, ids, code, `${period.year}-01-01`);
  const kinds = new Map(
    (await Q.unitKinds(db, [...new Set(current.map((r) => r.org_unit_id))])).map((u) => [u.id, u.kind]),
  );
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
  // Peers: the same indicator and period, reported (not draft), units of the same kind.
  const groups = new Map<string, Q.PeriodValue[]>();
  for (const o of current)
    if (o.status !== "draft" && o.value !== null) {
      const k = `${o.indicator_id}|${kinds.get(o.org_unit_id)}`;
      const group = groups.get(k);
      if (group) group.push(o);
      else groups.set(k, [o]);
    }
  const peerZ = new Map<string, number | undefined>();
  for (const group of groups.values()) {
    const z = robustZAgainstOthers(group.map((o) => Number(o.value)));
    group.forEach((o, k) => {
      peerZ.set(o.id, z[k]);
    });
  }
  const facts = new Map<string, Fact>();
  for (const e of expected)
    facts.set(`${e.indicator_id}|${e.org_unit_id}`, {
      indicatorId: e.indicator_id,
      orgUnitId: e.org_unit_id,
      expected: true,
      row: undefined,
      zOwn: null,
      zPeers: null,
    });
  for (const r of current) {
    const key = `${r.indicator_id}|${r.org_unit_id}`;
    const fact = facts.get(key) ?? {
      indicatorId: r.indicator_id,
      orgUnitId: r.org_unit_id,
      expected: false,
      row: undefined,
      zOwn: null,
      zPeers: null,
    };
    fact.row = r;
    if (r.value !== null) {
      const own = (history.get(key) ?? []).sort((a, b) => (a.period < b.period ? -1 : 1)).map((h) => h.v);
      fact.zOwn = robustZ(Number(r.value), own) ?? null;
      fact.zPeers = peerZ.get(r.id) ?? null;
    }
    facts.set(key, fact);
  }
  return [...facts.values()];
}

async function writeFacts(db: Executor, ids: string[], period: string, facts: Fact[]) {
  await db.execute(
    sql`delete from quality_values where indicator_id = any(${pgArray(ids)}::uuid[]) and period = ${period}`,
  );
  for (let k = 0; k < facts.length; k += CHUNK) {
    const part = facts.slice(k, k + CHUNK);
    const col = <T>(f: (x: Fact) => T) => part.map(f);
    await db.execute(sql`insert into quality_values (indicator_id, period, org_unit_id, expected, observation_id,
        reporter_unit_id, status, value, first_submitted_at, revised, z_own, z_peers)
      select t.i, ${period}, t.u, t.e, t.o, t.r, t.s, t.v, t.f, t.rv, t.zo, t.zp
      from unnest(${pgArray(col((x) => x.indicatorId))}::uuid[], ${pgArray(col((x) => x.orgUnitId))}::uuid[],
        ${pgArray(col((x) => x.expected))}::boolean[], ${pgArray(col((x) => x.row?.id))}::uuid[],
        ${pgArray(col((x) => x.row?.reporter_unit_id))}::uuid[], ${pgArray(col((x) => x.row?.status))}::text[],
        ${pgArray(col((x) => (x.row?.value == null ? null : String(x.row.value))))}::numeric[],
        ${pgArray(col((x) => (x.row?.first_submitted_at == null ? null : new Date(x.row.first_submitted_at).toISOString())))}::timestamptz[],
        ${pgArray(col((x) => x.row?.revised ?? false))}::boolean[],
        ${pgArray(col((x) => x.zOwn))}::float8[], ${pgArray(col((x) => x.zPeers))}::float8[])
        as t(i, u, e, o, r, s, v, f, rv, zo, zp)`);
  }
}

/**
 * Makes the groups of these indicators at `period` current: those stale are recomputed in one
 * transaction, from a snapshot whose xmin is recorded (a write not visible to it has a mark not
 * older than that xmin, so the group is seen stale again). Returns the version of the facts now
 * current (see `groupStates`): answers computed from the same version are the same.
 */
export async function freshenGroups(db: Executor, ids: string[], period: Period): Promise<string> {
  const code = formatPeriod(period);
  if (ids.length === 0) return "";
  const before = await groupStates(db, ids, code);
  if (before.stale.length === 0) return before.version;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`quality:${code}`}))`);
    const [snap] = await queryRows<{ xmin: string; version: string }>(
      tx,
      sql`select txid_snapshot_xmin(txid_current_snapshot())::text as xmin,
            (select version from definitions_version)::text as version`,
    );
    const { stale, version } = await groupStates(tx, ids, code);
    if (stale.length === 0 || !snap) return version;
    const facts = await computeFacts(tx, stale, period);
    await writeFacts(tx, stale, code, facts);
    // computed_at is the clock's, not the transaction's: a version the memos can tell apart.
    await tx.execute(sql`insert into quality_groups (indicator_id, period, snapshot_xmin, definitions_version, computed_at)
      select i, ${code}, ${snap.xmin}::bigint, ${snap.version}::bigint, clock_timestamp()
      from unnest(${pgArray(stale)}::uuid[]) as i
      on conflict (indicator_id, period) do update set snapshot_xmin = excluded.snapshot_xmin,
        definitions_version = excluded.definitions_version, computed_at = clock_timestamp()`);
    return (await groupStates(tx, ids, code)).version;
  });
}
