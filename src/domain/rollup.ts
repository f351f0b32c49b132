/**
 * Roll-up deltas (pure). A value contributes to the roll-up cells of its unit and every unit
 * above it (see rollup_closure), once per layer it belongs to: `approved` holds approved values,
 * `reported` holds submitted and approved ones; drafts contribute nothing. A change of a value is
 * its old contribution taken away and its new one added, so cells are updated by adding deltas —
 * order-independent and safe under concurrent writers. Sums and counts are exact under deltas;
 * min, max and latest are too when a value is added, and when the extreme value itself is taken
 * away the cell is marked stale and recomputed from its units' values in the same transaction.
 */

export const layers = ["approved", "reported"] as const;
export type Layer = (typeof layers)[number];

export interface ContributionSource {
  indicatorId: string;
  orgUnitId: string;
  period: string;
  disaggKey: string;
  status: string;
  value: number | null;
  valueBool: boolean | null;
  /** The weight for weighted-mean indicators (null: no weight known, the value cannot count). */
  rollupWeight: number | null;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface Contribution {
  /** The value (yes/no values count as 1/0, so a sum counts the units that reached a milestone). */
  v: number;
  /** Its weight: 1, or the weight indicator's value for weighted means. */
  w: number;
  /** Epoch milliseconds of its last change, for "latest". */
  at: number;
}

export function inLayer(status: string, layer: Layer): boolean {
  return layer === "approved" ? status === "approved" : status === "approved" || status === "submitted";
}

export function contribution(
  src: ContributionSource | null | undefined,
  layer: Layer,
  weighted: boolean,
): Contribution | null {
  if (!src || src.deletedAt || !inLayer(src.status, layer)) return null;
  const v = src.value ?? (src.valueBool === null ? null : src.valueBool ? 1 : 0);
  if (v === null || !Number.isFinite(v)) return null;
  const w = weighted ? src.rollupWeight : 1;
  if (w === null || !Number.isFinite(w)) return null;
  return { v, w, at: Math.floor(src.updatedAt.getTime()) };
}

export interface CellDelta {
  indicatorId: string;
  unitId: string;
  period: string;
  disaggKey: string;
  layer: Layer;
  count: number;
  sum: number;
  weightSum: number;
  weightedSum: number;
  ownCount: number;
  ownSum: number;
  /** How many contributions were added: when that is all the cell holds afterwards, its extremes are theirs. */
  addCount: number;
  /** Extremes of the added contributions (null: none added). */
  addMin: number | null;
  addMax: number | null;
  addLatest: number | null;
  addLatestAt: number | null;
  /** Extremes of the removed contributions (null: none removed): the cell is stale if one was its extreme. */
  remMin: number | null;
  remMax: number | null;
  remLatestAt: number | null;
}

export interface ValueChange {
  before: ContributionSource | null | undefined;
  after: ContributionSource | null | undefined;
}

export const cellKey = (c: Pick<CellDelta, "indicatorId" | "unitId" | "period" | "disaggKey" | "layer">) =>
  `${c.indicatorId}|${c.unitId}|${c.period}|${c.disaggKey}|${c.layer}`;

/** Whether (v, at) is later than (latest, latestAt): later time wins, then the larger value. */
export function laterThan(at: number, v: number, latestAt: number | null, latest: number | null): boolean {
  if (latestAt === null || latest === null) return true;
  return at > latestAt || (at === latestAt && v > latest);
}

/**
 * The deltas a set of value changes makes to roll-up cells. `ancestors(unitId)` lists the unit
 * itself and every unit its values count toward; `weighted(indicatorId)` says whether the
 * indicator aggregates as a weighted mean. Cells whose deltas cancel out are left out.
 */
export function cellDeltas(
  changes: readonly ValueChange[],
  ancestors: (unitId: string) => readonly string[],
  weighted: (indicatorId: string) => boolean,
): CellDelta[] {
  const cells = new Map<string, CellDelta>();
  const touch = (src: ContributionSource, unitId: string, layer: Layer): CellDelta => {
    const probe = {
      indicatorId: src.indicatorId,
      unitId,
      period: src.period,
      disaggKey: src.disaggKey,
      layer,
    };
    const k = cellKey(probe);
    let d = cells.get(k);
    if (!d) {
      d = {
        ...probe,
        count: 0,
        sum: 0,
        weightSum: 0,
        weightedSum: 0,
        ownCount: 0,
        ownSum: 0,
        addCount: 0,
        addMin: null,
        addMax: null,
        addLatest: null,
        addLatestAt: null,
        remMin: null,
        remMax: null,
        remLatestAt: null,
      };
      cells.set(k, d);
    }
    return d;
  };
  const apply = (src: ContributionSource, c: Contribution, layer: Layer, sign: 1 | -1) => {
    for (const unitId of ancestors(src.orgUnitId)) {
      const d = touch(src, unitId, layer);
      d.count += sign;
      d.sum += sign * c.v;
      d.weightSum += sign * c.w;
      d.weightedSum += sign * c.v * c.w;
      if (unitId === src.orgUnitId) {
        d.ownCount += sign;
        d.ownSum += sign * c.v;
      }
      if (sign > 0) {
        d.addCount++;
        d.addMin = d.addMin === null ? c.v : Math.min(d.addMin, c.v);
        d.addMax = d.addMax === null ? c.v : Math.max(d.addMax, c.v);
        if (laterThan(c.at, c.v, d.addLatestAt, d.addLatest)) {
          d.addLatest = c.v;
          d.addLatestAt = c.at;
        }
      } else {
        d.remMin = d.remMin === null ? c.v : Math.min(d.remMin, c.v);
        d.remMax = d.remMax === null ? c.v : Math.max(d.remMax, c.v);
        d.remLatestAt = d.remLatestAt === null ? c.at : Math.max(d.remLatestAt, c.at);
      }
    }
  };
  for (const ch of changes) {
    const src = ch.after ?? ch.before;
    if (!src) continue;
    const w = weighted(src.indicatorId);
    for (const layer of layers) {
      const before = contribution(ch.before, layer, w);
      const after = contribution(ch.after, layer, w);
      if (before && after && before.v === after.v && before.w === after.w && before.at === after.at) continue;
      if (before && ch.before) apply(ch.before, before, layer, -1);
      if (after && ch.after) apply(ch.after, after, layer, 1);
    }
  }
  return [...cells.values()];
}
