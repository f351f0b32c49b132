/**
 * Reporting periods. One canonical code per period:
 *
 *   month      YYYY-MM    2026-03
 *   quarter    YYYY-Qn    2026-Q1
 *   half-year  YYYY-Hn    2026-H1
 *   year       YYYY       2026
 *
 * A month belongs to its quarter, half-year and year; a quarter to its half-year and year; a
 * half-year to its year. Pure functions, no I/O; shared with the web app.
 */

export const periodKinds = ["month", "quarter", "half_year", "year"] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  kind: PeriodKind;
  year: number;
  /** 1..12 for months, 1..4 quarters, 1..2 half-years, 1 for years. */
  index: number;
}

/** The years a period code may name: anything else is a typing mistake, not a reporting period. */
export const PERIOD_YEARS = { min: 1900, max: 2200 } as const;

/** The period kind each reporting frequency reports in: the one home of this map. */
export const frequencyPeriodKind: Readonly<Record<string, PeriodKind | undefined>> = {
  monthly: "month",
  quarterly: "quarter",
  half_yearly: "half_year",
  yearly: "year",
};

/** How a message names a kind of period: "báo cáo theo quý" / "reported quarterly". */
export const periodKindWords: Readonly<Record<PeriodKind, { vi: string; en: string }>> = {
  month: { vi: "tháng", en: "monthly" },
  quarter: { vi: "quý", en: "quarterly" },
  half_year: { vi: "6 tháng", en: "half-yearly" },
  year: { vi: "năm", en: "yearly" },
};

/** The frequency whose reports are periods of `kind`. */
export function frequencyOfPeriodKind(kind: PeriodKind): string {
  return Object.entries(frequencyPeriodKind).find(([, k]) => k === kind)?.[0] ?? "yearly";
}

/** An example code of each period kind, for messages and templates. */
export const PERIOD_EXAMPLES: Readonly<Record<PeriodKind, string>> = {
  month: "2026-03",
  quarter: "2026-Q1",
  half_year: "2026-H1",
  year: "2026",
};

/** How a period code is written, in the words every message uses (the one home of this text). */
export const PERIOD_FORMAT = {
  vi: "2026, 2026-H1, 2026-Q1 hoặc 2026-03",
  en: "2026, 2026-H1, 2026-Q1 or 2026-03",
} as const;

const perYear: Record<PeriodKind, number> = { month: 12, quarter: 4, half_year: 2, year: 1 };
const monthsIn: Record<PeriodKind, number> = { month: 1, quarter: 3, half_year: 6, year: 12 };

export class PeriodError extends Error {
  constructor(
    message: string,
    /** What is wrong: the code's shape, or its year (outside PERIOD_YEARS). */
    readonly reason: "format" | "year" | "kind" = "format",
  ) {
    super(message);
    this.name = "PeriodError";
  }
}

/**
 * The period of a canonical code. Strict: no surrounding spaces or other spellings, so that one
 * period has one code — a padded " 2026-12" would otherwise be stored as a period of its own.
 */
export function parsePeriod(code: string): Period {
  const m = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/.exec(code);
  if (!m) throw new PeriodError(`"${code}" is not a period code (YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM)`);
  const year = Number(m[1]);
  if (year < PERIOD_YEARS.min || year > PERIOD_YEARS.max)
    throw new PeriodError(`year ${year} is out of range (${PERIOD_YEARS.min}–${PERIOD_YEARS.max})`, "year");
  if (m[2]) return { kind: "month", year, index: Number(m[2]) };
  if (m[3]) return { kind: "quarter", year, index: Number(m[3]) };
  if (m[4]) return { kind: "half_year", year, index: Number(m[4]) };
  return { kind: "year", year, index: 1 };
}

export function formatPeriod(p: Period): string {
  switch (p.kind) {
    case "month":
      return `${p.year}-${String(p.index).padStart(2, "0")}`;
    case "quarter":
      return `${p.year}-Q${p.index}`;
    case "half_year":
      return `${p.year}-H${p.index}`;
    case "year":
      return String(p.year);
  }
}

/** First and last month (1..12) of the period within its year. */
export function monthRange(p: Period): [number, number] {
  const first = (p.index - 1) * monthsIn[p.kind] + 1;
  return [first, first + monthsIn[p.kind] - 1];
}

/** The period of `kind` that contains `p` (p's kind must be at least as fine). */
export function containing(p: Period, kind: PeriodKind): Period {
  if (monthsIn[kind] < monthsIn[p.kind])
    throw new PeriodError(`a ${p.kind} is not inside one ${kind}`, "kind");
  const [firstMonth] = monthRange(p);
  return { kind, year: p.year, index: Math.floor((firstMonth - 1) / monthsIn[kind]) + 1 };
}

/** True when `inner` lies inside `outer` (a period contains itself). */
export function contains(outer: Period, inner: Period): boolean {
  if (outer.year !== inner.year || monthsIn[outer.kind] < monthsIn[inner.kind]) return false;
  const [a, b] = monthRange(outer);
  const [c, d] = monthRange(inner);
  return a <= c && d <= b;
}

/** Every period of `kind` inside `p`, in order. */
export function subdivide(p: Period, kind: PeriodKind): Period[] {
  if (monthsIn[kind] > monthsIn[p.kind]) throw new PeriodError(`a ${p.kind} holds no whole ${kind}`, "kind");
  const [first, last] = monthRange(p);
  const out: Period[] = [];
  for (let m = first; m <= last; m += monthsIn[kind])
    out.push({ kind, year: p.year, index: (m - 1) / monthsIn[kind] + 1 });
  return out;
}

/** The next period of the same kind. */
export function next(p: Period): Period {
  return p.index < perYear[p.kind] ? { ...p, index: p.index + 1 } : { ...p, year: p.year + 1, index: 1 };
}

export function previous(p: Period): Period {
  return p.index > 1 ? { ...p, index: p.index - 1 } : { ...p, year: p.year - 1, index: perYear[p.kind] };
}

/** Total order within a kind: months since year 0 of the period's first month. */
export function ordinal(p: Period): number {
  return p.year * 12 + monthRange(p)[0] - 1;
}

export function comparePeriods(a: Period, b: Period): number {
  return ordinal(a) - ordinal(b) || monthsIn[a.kind] - monthsIn[b.kind];
}

/** Decimal year at the period's midpoint, for trend fitting (2026-Q1 → 2026.125). */
export function midYear(p: Period): number {
  const [first, last] = monthRange(p);
  return p.year + (first - 1 + last) / 2 / 12;
}

/** The period of `kind` containing a calendar date given as year and month. */
export function periodOf(kind: PeriodKind, year: number, month: number): Period {
  return containing({ kind: "month", year, index: month }, kind);
}

export interface DueRule {
  /** Day of the month after which the period's value is late (default 25, plan V.2). */
  day: number;
  /** Months after the period's last month in which that day falls (0: the period's last month). */
  monthsAfter: number;
}

export const defaultDueRule: DueRule = { day: 25, monthsAfter: 0 };

/**
 * When a period's value is due: 23:59:59 Asia/Ho_Chi_Minh (UTC+7, no daylight saving) on the
 * rule's day of the period's last month (plus `monthsAfter`). Default: monthly values are due on
 * the 25th of the month they describe. Days past the month's end fall on its last day.
 */
export function dueAt(p: Period, rule: DueRule = defaultDueRule): Date {
  const [, lastMonth] = monthRange(p);
  const total = p.year * 12 + (lastMonth - 1) + rule.monthsAfter;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(rule.day, daysInMonth);
  // 23:59:59 at UTC+7 is 16:59:59 UTC the same day.
  return new Date(Date.UTC(year, month - 1, day, 16, 59, 59));
}
