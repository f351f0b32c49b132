/**
 * Values of indicators for one unit and layer, from roll-up cells (pure). Three rules, in order:
 *
 * 1. An indicator with a formula is computed from the indicators it names, each taken for the
 *    same unit and period (a monthly operational indicator feeding a quarterly KPI is first
 *    combined over the quarter's months by its time rule).
 * 2. Otherwise its own cells: the unit's own reported value takes precedence (a national figure
 *    reported for the country), else the cell's aggregate under the indicator's unit rule (sum,
 *    mean, weighted mean, min, max, latest; ratio of sums from its numerator and denominator).
 * 3. A coarser period than the indicator's frequency combines its periods by the time rule
 *    (sum for flows, latest for stocks and ranks, mean, min, max, ratio of sums); a period with
 *    some sub-periods missing is marked partial.
 *
 * A missing operand gives no value and a reason, never a silent 0.
 */
import { type AggregationRule, type Summary, summaryValue } from "./aggregation.js";
import { evaluate, type Point } from "./formula/evaluate.js";
import { type Node, references } from "./formula/parse.js";
import {
  comparePeriods,
  containing,
  formatPeriod,
  frequencyPeriodKind,
  midYear,
  monthRange,
  next,
  ordinal,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodKindWords,
  subdivide,
} from "./periods.js";

export type UnitRule = AggregationRule | "none";

export interface IndicatorSpec {
  code: string;
  frequency: string;
  aggregation: UnitRule;
  timeAggregation?: string | null;
  components?: { numerator?: string; denominator?: string; weight?: string } | null;
  /** Parsed formula (null: the indicator is reported, not computed). */
  formula: Node | null;
}

/** A roll-up cell as read from rollup_cells. */
export interface CellSummary extends Summary {
  ownCount: number;
  ownSum: number;
}

export interface Reason {
  vi: string;
  en: string;
}

export type ValueResult =
  | { value: number; partial?: boolean; reason?: undefined }
  | { value: null; partial?: undefined; reason: Reason };

const monthsOf: Record<PeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

export type TimeRule = "sum" | "mean" | "latest" | "min" | "max" | "ratio_of_sums" | "weighted_mean";

/** How values combine over periods when the indicator does not say: flows add up, everything else takes the latest. */
export function timeRuleOf(spec: IndicatorSpec): TimeRule {
  const explicit = spec.timeAggregation;
  if (
    explicit &&
    ["sum", "mean", "latest", "min", "max", "ratio_of_sums", "weighted_mean"].includes(explicit)
  )
    return explicit as TimeRule;
  if (spec.aggregation === "sum") return "sum";
  if (spec.aggregation === "ratio_of_sums" && spec.components?.numerator && spec.components.denominator)
    return "ratio_of_sums";
  if (spec.aggregation === "mean" || spec.aggregation === "weighted_mean") return "mean";
  if (spec.aggregation === "min" || spec.aggregation === "max") return spec.aggregation;
  return "latest";
}

/** Reads of one unit's cells (in one layer): `cell(code, period)` or undefined when nothing rolled up. */
export interface CellSource {
  cell(code: string, period: string): CellSummary | undefined;
  /** The periods with cells for an indicator, any order. */
  periods(code: string): readonly string[];
}

const noValue = (code: string, period: string): ValueResult => ({
  value: null,
  reason: { vi: `chưa có số liệu ${code} kỳ ${period}`, en: `no value of ${code} for ${period}` },
});

export class IndicatorValues {
  private readonly memo = new Map<string, ValueResult>();
  private readonly depth = new Set<string>();

  constructor(
    private readonly specs: ReadonlyMap<string, IndicatorSpec>,
    private readonly cells: CellSource,
    /** Indicators whose values the reader may not see: treated as missing, with that reason. */
    private readonly hidden: (code: string) => boolean = () => false,
  ) {}

  /** The indicator's own period kind (null: ad hoc, any period). */
  kindOf(code: string): PeriodKind | null {
    const spec = this.specs.get(code);
    return spec ? (frequencyPeriodKind[spec.frequency] ?? null) : null;
  }

  value(code: string, period: Period): ValueResult {
    const key = `${code}|${formatPeriod(period)}`;
    const hit = this.memo.get(key);
    if (hit) return hit;
    if (this.depth.has(key))
      return {
        value: null,
        reason: { vi: `công thức vòng tròn ở ${code}`, en: `circular formula at ${code}` },
      };
    this.depth.add(key);
    try {
      const out = this.compute(code, period);
      this.memo.set(key, out);
      return out;
    } finally {
      this.depth.delete(key);
    }
  }

  private compute(code: string, period: Period): ValueResult {
    const spec = this.specs.get(code);
    if (!spec)
      return { value: null, reason: { vi: `không có chỉ tiêu ${code}`, en: `unknown indicator ${code}` } };
    if (this.hidden(code))
      return {
        value: null,
        reason: { vi: `số liệu ${code} chưa được công bố`, en: `values of ${code} are not published` },
      };
    if (spec.formula) {
      let partial = false;
      const r = evaluate(spec.formula, {
        value: (ref) => {
          const v = this.value(ref, period);
          if (v.partial) partial = true;
          return v.value;
        },
        series: (ref) => this.series(ref, period),
      });
      if (r.value === null) return { value: null, reason: r.reason };
      return partial ? { value: r.value, partial } : { value: r.value };
    }
    const own = this.kindOf(code);
    if (own === null || own === period.kind) return this.cellValue(spec, formatPeriod(period));
    if (monthsOf[own] > monthsOf[period.kind])
      return {
        value: null,
        reason: {
          vi: `${code} báo cáo theo kỳ ${periodKindWords[own].vi}, không có số liệu kỳ ${formatPeriod(period)}`,
          en: `${code} is reported per ${own.replace("_", "-")}, not for ${formatPeriod(period)}`,
        },
      };
    return this.overTime(spec, period, own);
  }

  private cellValue(spec: IndicatorSpec, period: string): ValueResult {
    if (spec.aggregation === "ratio_of_sums" && spec.components?.numerator && spec.components.denominator) {
      const own = this.cells.cell(spec.code, period);
      if (own && own.ownCount > 0) return { value: own.ownSum };
      const num = this.cells.cell(spec.components.numerator, period);
      const den = this.cells.cell(spec.components.denominator, period);
      if (!num) return noValue(spec.components.numerator, period);
      if (!den) return noValue(spec.components.denominator, period);
      const n = num.ownCount > 0 ? num.ownSum : num.sum;
      const d = den.ownCount > 0 ? den.ownSum : den.sum;
      if (d === 0)
        return { value: null, reason: { vi: "tổng mẫu số bằng 0", en: "the denominators sum to 0" } };
      return { value: (n / d) * 100 };
    }
    const c = this.cells.cell(spec.code, period);
    if (!c || c.count === 0) return noValue(spec.code, period);
    if (c.ownCount > 0) return { value: c.ownSum };
    const rule: AggregationRule = spec.aggregation === "none" ? "latest" : spec.aggregation;
    const r = summaryValue(rule, c);
    return r.value === null ? { value: null, reason: r.reason } : { value: r.value };
  }

  /** Combines the indicator's own periods inside a coarser one. */
  private overTime(spec: IndicatorSpec, period: Period, own: PeriodKind): ValueResult {
    const parts = subdivide(period, own);
    const values: { v: number; p: Period }[] = [];
    for (const p of parts) {
      const r = this.value(spec.code, p);
      if (r.value !== null) values.push({ v: r.value, p });
    }
    const code = formatPeriod(period);
    if (values.length === 0) return noValue(spec.code, code);
    const partial = values.length < parts.length;
    const rule = timeRuleOf(spec);
    let v: number;
    switch (rule) {
      case "sum":
        v = values.reduce((s, x) => s + x.v, 0);
        break;
      case "mean":
      case "weighted_mean":
        v = values.reduce((s, x) => s + x.v, 0) / values.length;
        break;
      case "min":
        v = Math.min(...values.map((x) => x.v));
        break;
      case "max":
        v = Math.max(...values.map((x) => x.v));
        break;
      case "latest":
        v = (values[values.length - 1] as { v: number }).v;
        break;
      case "ratio_of_sums": {
        const num = spec.components?.numerator;
        const den = spec.components?.denominator;
        const n = num ? this.value(num, period) : null;
        const d = den ? this.value(den, period) : null;
        if (!n || n.value === null) return n ?? noValue(spec.code, code);
        if (!d || d.value === null) return d ?? noValue(spec.code, code);
        if (d.value === 0)
          return { value: null, reason: { vi: "mẫu số bằng 0", en: "the denominator is 0" } };
        v = (n.value / d.value) * 100;
        break;
      }
    }
    return partial ? { value: v, partial: true } : { value: v };
  }

  /**
   * The indicator's values up to the end of `upTo`, oldest first, at its own frequency (or at the
   * frequency of `upTo` for computed indicators), as points in decimal years.
   */
  series(code: string, upTo: Period, from?: Period): Point[] {
    return this.periodSeries(code, upTo, from)
      .filter((p) => p.value !== null)
      .map((p) => ({ t: midYear(p.period), v: p.value as number }));
  }

  /** Every period of the indicator's own kind from `from` (default: its first cell) to `upTo`. */
  periodSeries(
    code: string,
    upTo: Period,
    from?: Period,
    kind?: PeriodKind,
  ): { period: Period; value: number | null; partial?: boolean; reason?: Reason }[] {
    const k = kind ?? this.kindOf(code) ?? upTo.kind;
    const begin = from ?? this.firstPeriod(code);
    if (!begin) return [];
    const out: { period: Period; value: number | null; partial?: boolean; reason?: Reason }[] = [];
    const lastMonth = (p: Period) => ordinal(p) + monthRange(p)[1] - monthRange(p)[0];
    const end = lastMonth(upTo);
    let p = containing({ kind: "month", year: begin.year, index: monthRange(begin)[0] }, k);
    if (ordinal(p) < ordinal(begin)) p = next(p);
    for (let guard = 0; lastMonth(p) <= end && guard < 5000; guard++, p = next(p)) {
      const r = this.value(code, p);
      out.push(
        r.value === null
          ? { period: p, value: null, reason: r.reason }
          : r.partial
            ? { period: p, value: r.value, partial: true }
            : { period: p, value: r.value },
      );
    }
    return out;
  }

  /** The earliest period with a cell for the indicator or any indicator its formula names. */
  firstPeriod(code: string, seen = new Set<string>()): Period | undefined {
    if (seen.has(code)) return undefined;
    seen.add(code);
    const spec = this.specs.get(code);
    const candidates: Period[] = [];
    for (const p of this.cells.periods(code)) candidates.push(parsePeriod(p));
    const refs = spec?.formula ? references(spec.formula) : [];
    for (const c of [...refs, spec?.components?.numerator, spec?.components?.denominator])
      if (c) {
        const p = this.firstPeriod(c, seen);
        if (p) candidates.push(p);
      }
    candidates.sort((a, b) => a.year - b.year || comparePeriods(a, b));
    const first = candidates[0];
    return first ? { kind: "year", year: first.year, index: 1 } : undefined;
  }
}

/** A milestone indicator takes yes/no values: the one home of this rule (SQL twin: indicators' queries). */
export function isMilestoneIndicator(ind: { direction?: string | null; kind?: string | null }): boolean {
  return ind.direction === "milestone" || ind.kind === "milestone";
}
