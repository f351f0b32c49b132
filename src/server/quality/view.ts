/**
 * Data quality of one period as one caller sees it, composed from the indicators' parts
 * (parts.ts): the summary and the two lists (units with their gaps, flagged values), each list
 * filtered and paged. The lists are composed over unit indexes (typed arrays), not by grouping
 * rows: after one value is written, only that indicator's part is built again.
 */
import type { z } from "zod";
import { type Flag, flagScoredDue } from "../../domain/quality.js";
import { AppError } from "../core/errors.js";
import { decodeCursor, encodeCursor } from "../core/http/pagination.js";
import type { GroupRow, UnitCatalogue } from "./groups.js";
import { FLAG_BIT, LATE, OUTLIER, type Part } from "./parts.js";
import type { flaggedValue } from "./schema.js";

type FlaggedValue = z.infer<typeof flaggedValue>;

/** Whether a sorted array holds `x`. */
function has(a: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo < a.length && a[lo] === x;
}

/** What the lists are filtered by: some indicators (codes), one unit (code), one flag. */
export interface ListFilter {
  indicators?: readonly string[];
  unit?: string;
  flag?: Flag;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export interface UnitGaps {
  unit: { code: string; name: { vi: string; en: string | null } };
  expected: number;
  reported: number;
  missing: string[];
  flagged: string[];
}

/** Units listed (expected and visible, or with a flagged value), most missing first, then by code. */
interface UnitList {
  order: Int32Array;
  missing: Int32Array;
  expected: Int32Array;
  reported: Int32Array;
  withGaps: number;
}

export class QualityView {
  private readonly unitLists = new Map<string, UnitList>();

  constructor(
    readonly parts: Part[],
    readonly units: UnitCatalogue,
    readonly now: Date,
  ) {}

  /** The parts the lists are made of (filtered by indicator), in indicator order. */
  private listed(f: ListFilter): Part[] {
    if (!f.indicators) return this.parts;
    const want = new Set(f.indicators);
    return this.parts.filter((p) => want.has(p.indicator.code));
  }

  /** The unit filter as an index: null for none, -1 for a code no unit has (nothing matches). */
  private unitOf(f: ListFilter): number | null {
    if (f.unit === undefined) return null;
    return this.units.byCode.get(f.unit) ?? -1;
  }

  summary() {
    const included = this.parts.filter((p) => p.included);
    const sum = (f: (p: Part) => number) => included.reduce((s, p) => s + f(p), 0);
    return {
      indicators: included.length,
      expected: sum((p) => p.expected),
      reported: sum((p) => p.reported),
      missing: sum((p) => p.missing.length),
      overdue: this.parts.reduce((s, p) => s + (this.now > p.due ? p.missing.length : 0), 0),
      late: sum((p) => p.late),
      outliers: sum((p) => p.outliers),
      revised: sum((p) => p.revised),
      flagged: sum((p) => p.flaggedRows.length),
      unitsWithGaps: this.unitList({}).withGaps,
    };
  }

  byIndicator() {
    return this.parts
      .filter((p) => p.included)
      .map((p) => ({
        indicator: { code: p.indicator.code, name: { vi: p.indicator.nameVi, en: p.indicator.nameEn } },
        due: p.due.toISOString(),
        expected: p.expected,
        reported: p.reported,
        missing: p.missing.length,
        late: p.late,
        outliers: p.outliers,
        revised: p.revised,
        flagged: p.flaggedRows.length,
      }));
  }

  private unitList(f: ListFilter): UnitList {
    const key = JSON.stringify([f.indicators ?? null, f.unit ?? null]);
    const hit = this.unitLists.get(key);
    if (hit) return hit;
    const n = this.units.ids.length;
    const expected = new Int32Array(n);
    const reported = new Int32Array(n);
    const missing = new Int32Array(n);
    const listed = new Uint8Array(n);
    const only = this.unitOf(f);
    const parts = this.listed(f);
    for (const p of parts) {
      const s = p.seenUnits;
      for (let k = 0; k < s.length; k++) {
        const u = s[k] as number;
        if (only !== null && u !== only) continue;
        expected[u] = (expected[u] as number) + 1;
        reported[u] = (reported[u] as number) + (p.seenReported[k] as number);
        listed[u] = 1;
      }
      for (const u of p.missing) if (only === null || u === only) missing[u] = (missing[u] as number) + 1;
      for (const u of p.flaggedUnits) if (only === null || u === only) listed[u] = 1;
    }
    // Most missing first, then by code (the unit index): a counting sort over the counts.
    const buckets: number[][] = Array.from({ length: parts.length + 1 }, () => []);
    for (let u = 0; u < n; u++) if (listed[u]) buckets[missing[u] as number]?.push(u);
    const order: number[] = [];
    for (let m = buckets.length - 1; m >= 0; m--) for (const u of buckets[m] ?? []) order.push(u);
    const list = {
      order: Int32Array.from(order),
      missing,
      expected,
      reported,
      withGaps: order.length - (buckets[0]?.length ?? 0),
    };
    if (this.unitLists.size >= 16) this.unitLists.clear();
    this.unitLists.set(key, list);
    return list;
  }

  /** Units with their gaps, most missing first, then by code; keyset-paged on (missing, code). */
  unitsPage(f: ListFilter, limit: number, cursor: string | undefined, onlyGaps = false): Page<UnitGaps> {
    const list = this.unitList(f);
    const total = onlyGaps ? list.withGaps : list.order.length;
    let start = 0;
    const key = decodeCursor(cursor, 2);
    if (key) {
      const [m, code] = key;
      const u0 = typeof code === "string" ? this.units.byCode.get(code) : undefined;
      if (typeof m !== "number" || u0 === undefined) throw new AppError("INVALID_CURSOR");
      // The first unit after (m, u0) in the order (missing descending, index ascending).
      let lo = 0;
      let hi = list.order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const u = list.order[mid] as number;
        const mu = list.missing[u] as number;
        if (mu > m || (mu === m && u <= u0)) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const end = Math.min(total, start + limit);
    const parts = this.listed(f);
    const items: UnitGaps[] = [];
    for (let k = start; k < end; k++) {
      const u = list.order[k] as number;
      items.push({
        unit: {
          code: this.units.codes[u] as string,
          name: { vi: this.units.nameVi[u] as string, en: this.units.nameEn[u] ?? null },
        },
        expected: list.expected[u] as number,
        reported: list.reported[u] as number,
        missing: parts.filter((p) => has(p.missing, u)).map((p) => p.indicator.code),
        flagged: parts.filter((p) => has(p.flaggedUnits, u)).map((p) => p.indicator.code),
      });
    }
    const last = list.order[end - 1];
    return {
      items,
      total,
      nextCursor:
        end < total && last !== undefined
          ? encodeCursor([list.missing[last] as number, this.units.codes[last] as string])
          : null,
    };
  }

  /** Flagged values in indicator order, reported before drafts, then by unit code; keyset-paged. */
  flaggedPage(f: ListFilter, limit: number, cursor: string | undefined): Page<FlaggedValue> {
    const parts = this.listed(f);
    const only = this.unitOf(f);
    const want = f.flag ? FLAG_BIT[f.flag] : 0;
    const matches = (p: Part, k: number) =>
      (only === null || p.flaggedRows[k]?.unit === only) &&
      (want === 0 || ((p.flaggedBits[k] as number) & want) !== 0);
    let total = 0;
    for (const p of parts) {
      if (only === null && want === 0) total += p.flaggedRows.length;
      else if (only === null) total += want === LATE ? p.late : want === OUTLIER ? p.outliers : p.revised;
      else for (let k = 0; k < p.flaggedRows.length; k++) if (matches(p, k)) total++;
    }
    let partAt = 0;
    let rowAt = 0;
    const key = decodeCursor(cursor, 3);
    if (key) {
      const [code, draft, unitCode] = key;
      const at = typeof code === "string" ? parts.findIndex((p) => p.indicator.code === code) : -1;
      const u0 = typeof unitCode === "string" ? this.units.byCode.get(unitCode) : undefined;
      if (at < 0 || (draft !== 0 && draft !== 1) || u0 === undefined) throw new AppError("INVALID_CURSOR");
      const p = parts[at] as Part;
      // The first value after (draft, unit) within the indicator.
      let lo = draft === 0 ? 0 : p.draftsFrom;
      let hi = draft === 0 ? p.draftsFrom : p.flaggedRows.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((p.flaggedRows[mid]?.unit as number) <= u0) lo = mid + 1;
        else hi = mid;
      }
      partAt = at;
      rowAt = lo;
    }
    const items: FlaggedValue[] = [];
    let next: (string | number)[] | null = null;
    for (let pi = partAt; pi < parts.length && next === null; pi++) {
      const p = parts[pi] as Part;
      for (let k = pi === partAt ? rowAt : 0; k < p.flaggedRows.length; k++) {
        if (!matches(p, k)) continue;
        const r = p.flaggedRows[k] as GroupRow;
        if (items.length === limit) {
          const prev = items[items.length - 1] as FlaggedValue;
          next = [prev.indicator, prev.status === "draft" ? 1 : 0, prev.unit];
          break;
        }
        items.push(this.flaggedValue(p, r));
      }
    }
    return { items, total, nextCursor: next ? encodeCursor(next) : null };
  }

  private flaggedValue(p: Part, r: GroupRow): FlaggedValue {
    const f = flagScoredDue(
      p.due,
      { value: r.value, firstSubmittedAt: r.submittedAt, revised: r.revised, zOwn: r.zOwn, zPeers: r.zPeers },
      this.now,
    );
    return {
      observationId: r.observationId as string,
      indicator: p.indicator.code,
      unit: this.units.codes[r.unit] as string,
      value: r.value,
      status: r.status as string,
      flags: f.flags,
      zOwn: f.zOwn === null ? null : Math.round(f.zOwn * 100) / 100,
      zPeers: f.zPeers === null ? null : Math.round(f.zPeers * 100) / 100,
      submittedAt: r.submittedAt ? r.submittedAt.toISOString() : null,
      due: f.due.toISOString(),
    };
  }
}
