/**
 * The facts of a group (indicator, period) as the read uses them, memoised by the group's version
 * (summary.ts): one row per unit expected or reporting, ordered by unit code, with the score
 * against peers computed here from the group's values (it changes with every peer's value, so it
 * is not stored per row). A group recomputed by this process is patched from the facts written
 * instead of being read back: after one value is written, the read touches one unit's row.
 */
import { sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays.js";
import { type Executor, queryRows } from "../../db/client.js";
import { robustZAgainstOthers } from "../../domain/aggregation.js";
import { AnswerCache } from "../core/answer-cache.js";
import * as Q from "./queries.js";
import type { Fact, Freshness } from "./summary.js";

/** Every org unit, in code order (the order answers list units in), with its index. */
export interface UnitCatalogue {
  ids: string[];
  codes: string[];
  nameVi: string[];
  nameEn: (string | null)[];
  kinds: string[];
  index: Map<string, number>;
  byCode: Map<string, number>;
  /** The country's index (-1: none). */
  country: number;
}

/** A unit's facts in one group. */
export interface GroupRow {
  /** The unit's index in the catalogue. */
  unit: number;
  expected: boolean;
  observationId: string | null;
  reporterUnitId: string | null;
  status: string | null;
  value: number | null;
  submittedAt: Date | null;
  revised: boolean;
  zOwn: number | null;
  zPeers: number | null;
}

export interface Group {
  indicatorId: string;
  version: string;
  /** Ordered by unit index. */
  rows: GroupRow[];
}

/** Least recently used evicted; synchronous, as the groups are built or patched in place. */
class Lru<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly capacity: number) {}
  peek(key: string): T | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }
  set(key: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

interface Memos {
  catalogues: AnswerCache<UnitCatalogue>;
  groups: Lru<Group>;
}
/** Per database (versions are only unique within one). */
const memoTable = new WeakMap<Executor, Memos>();
function memosOf(db: Executor): Memos {
  let m = memoTable.get(db);
  if (!m) {
    // A national group is ~11,500 rows (a few MB): a few periods of every monthly indicator.
    m = { catalogues: new AnswerCache(2), groups: new Lru(64) };
    memoTable.set(db, m);
  }
  return m;
}

const collator = new Intl.Collator();

/** The unit catalogue at a definitions version (units change only with the definitions). */
export function unitCatalogue(db: Executor, definitions: string): Promise<UnitCatalogue> {
  return memosOf(db).catalogues.get(definitions, async () => {
    const rows = (await Q.allUnits(db)).sort((a, b) => collator.compare(a.code, b.code));
    const index = new Map(rows.map((r, k) => [r.id, k]));
    return {
      ids: rows.map((r) => r.id),
      codes: rows.map((r) => r.code),
      nameVi: rows.map((r) => r.name_vi),
      nameEn: rows.map((r) => r.name_en),
      kinds: rows.map((r) => r.kind),
      index,
      byCode: new Map(rows.map((r, k) => [r.code, k])),
      country: rows.findIndex((r) => r.kind === "country"),
    };
  });
}

const groupKey = (definitions: string, indicatorId: string, period: string, version: string) =>
  `${definitions}|${indicatorId}|${period}|${version}`;

function rowOfFact(units: UnitCatalogue, f: Fact): GroupRow | null {
  const unit = units.index.get(f.orgUnitId);
  if (unit === undefined) return null;
  const r = f.row;
  return {
    unit,
    expected: f.expected,
    observationId: r?.id ?? null,
    reporterUnitId: r?.reporter_unit_id ?? null,
    status: r?.status ?? null,
    value: r?.value == null ? null : Number(r.value),
    submittedAt: r?.first_submitted_at == null ? null : new Date(r.first_submitted_at),
    revised: r?.revised ?? false,
    zOwn: f.zOwn,
    zPeers: null,
  };
}

const reportedValue = (r: GroupRow) => r.status !== null && r.status !== "draft" && r.value !== null;

/**
 * Scores each reported value against its peers: the same indicator and period, reported (not a
 * draft), units of the same kind (`robustZAgainstOthers`, as the from-scratch computation). Only
 * the kinds in `only` when given (the rows of those kinds are the caller's own copies).
 */
function scorePeers(units: UnitCatalogue, rows: GroupRow[], only?: ReadonlySet<string>): void {
  const byKind = new Map<string, GroupRow[]>();
  for (const r of rows) {
    if (!reportedValue(r)) continue;
    const kind = units.kinds[r.unit] as string;
    if (only && !only.has(kind)) continue;
    const list = byKind.get(kind);
    if (list) list.push(r);
    else byKind.set(kind, [r]);
  }
  for (const list of byKind.values()) {
    const z = robustZAgainstOthers(list.map((r) => r.value as number));
    list.forEach((r, k) => {
      r.zPeers = z[k] ?? null;
    });
  }
}

function group(units: UnitCatalogue, indicatorId: string, version: string, rows: GroupRow[]): Group {
  rows.sort((a, b) => a.unit - b.unit);
  scorePeers(units, rows);
  return { indicatorId, version, rows };
}

/**
 * A group patched with the facts of the units recomputed. The other rows are shared with the
 * version it came from, except the reported values of the recomputed units' kinds: their scores
 * against peers change, so they are copied and scored again.
 */
function patched(
  units: UnitCatalogue,
  from: Group,
  version: string,
  changed: string[],
  facts: Fact[],
): Group {
  const gone = new Set<number>();
  const kinds = new Set<string>();
  for (const id of changed) {
    const u = units.index.get(id);
    if (u === undefined) continue;
    gone.add(u);
    kinds.add(units.kinds[u] as string);
  }
  const fresh = facts
    .map((f) => rowOfFact(units, f))
    .filter((x): x is GroupRow => x !== null)
    .sort((a, b) => a.unit - b.unit);
  const rows: GroupRow[] = [];
  let j = 0;
  for (const r of from.rows) {
    while (j < fresh.length && (fresh[j] as GroupRow).unit < r.unit) rows.push(fresh[j++] as GroupRow);
    if (gone.has(r.unit)) continue;
    rows.push(reportedValue(r) && kinds.has(units.kinds[r.unit] as string) ? { ...r } : r);
  }
  while (j < fresh.length) rows.push(fresh[j++] as GroupRow);
  scorePeers(units, rows, kinds);
  return { indicatorId: from.indicatorId, version, rows };
}

/**
 * The groups of these indicators at `period`, at the versions `freshness` says are current: from
 * the memo, patched or built from what this call just recomputed, or read from `quality_values`.
 */
export async function groupsAt(
  db: Executor,
  ids: string[],
  period: string,
  freshness: Freshness,
  units: UnitCatalogue,
): Promise<Group[]> {
  const memo = memosOf(db).groups;
  const defs = freshness.definitions;
  for (const r of freshness.recomputed) {
    const key = groupKey(defs, r.indicatorId, period, r.version);
    if (memo.peek(key)) continue;
    const before = r.from === null ? undefined : memo.peek(groupKey(defs, r.indicatorId, period, r.from));
    if (r.units === null) {
      const rows = r.facts.map((f) => rowOfFact(units, f)).filter((x): x is GroupRow => x !== null);
      memo.set(key, group(units, r.indicatorId, r.version, rows));
    } else if (before) memo.set(key, patched(units, before, r.version, r.units, r.facts));
  }
  const missing = ids.filter((id, k) => !memo.peek(groupKey(defs, id, period, freshness.versions[k] ?? "-")));
  if (missing.length > 0) {
    const loaded = await loadGroups(db, missing, period, units);
    for (const g of loaded) memo.set(groupKey(defs, g.indicatorId, period, g.version), g);
    const byId = new Map(loaded.map((g) => [g.indicatorId, g]));
    // A group read at a newer version than asked (recomputed meanwhile) is used as read.
    return ids.map((id, k) => {
      const key = groupKey(defs, id, period, freshness.versions[k] ?? "-");
      return memo.peek(key) ?? byId.get(id) ?? { indicatorId: id, version: "-", rows: [] };
    });
  }
  return ids.map((id, k) => memo.peek(groupKey(defs, id, period, freshness.versions[k] ?? "-")) as Group);
}

/** The groups' rows as the table holds them, each with the version read in the same statement. */
async function loadGroups(
  db: Executor,
  ids: string[],
  period: string,
  units: UnitCatalogue,
): Promise<Group[]> {
  const rows = await queryRows<{
    indicator_id: string;
    v: string;
    org_unit_id: string | null;
    expected: boolean | null;
    observation_id: string | null;
    reporter_unit_id: string | null;
    status: string | null;
    value: string | number | null;
    first_submitted_at: Date | string | null;
    revised: boolean | null;
    z_own: number | null;
  }>(
    db,
    sql`select g.indicator_id, g.snapshot_xmin::text || '@' || (extract(epoch from g.computed_at) * 1000000)::bigint::text as v,
          q.org_unit_id, q.expected, q.observation_id, q.reporter_unit_id, q.status, q.value, q.first_submitted_at,
          q.revised, q.z_own
        from quality_groups g
        left join quality_values q on q.indicator_id = g.indicator_id and q.period = g.period
        where g.indicator_id = any(${pgArray(ids)}::uuid[]) and g.period = ${period}`,
  );
  const byId = new Map<string, { version: string; rows: GroupRow[] }>();
  for (const r of rows) {
    let g = byId.get(r.indicator_id);
    if (!g) {
      g = { version: r.v, rows: [] };
      byId.set(r.indicator_id, g);
    }
    const unit = r.org_unit_id === null ? undefined : units.index.get(r.org_unit_id);
    if (unit === undefined) continue;
    g.rows.push({
      unit,
      expected: r.expected === true,
      observationId: r.observation_id,
      reporterUnitId: r.reporter_unit_id,
      status: r.status,
      value: r.value === null ? null : Number(r.value),
      submittedAt: r.first_submitted_at === null ? null : new Date(r.first_submitted_at),
      revised: r.revised === true,
      zOwn: r.z_own === null ? null : Number(r.z_own),
      zPeers: null,
    });
  }
  return [...byId.entries()].map(([id, g]) => group(units, id, g.version, g.rows));
}
