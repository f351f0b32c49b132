/**
 * Reporting completeness of one unit over recent periods (pure), by the rule data quality uses:
 * a unit is expected to report an indicator from the first period it reported it on; a period
 * counts as reported once a value is submitted (a draft is not reported).
 */

export interface UnitIndicatorReports {
  indicator: string;
  /** The first period (same kind) the unit has a value for, whatever its state. */
  first: string;
  /** Periods with a submitted or approved value. */
  reported: ReadonlySet<string>;
}

export interface PeriodCompleteness {
  period: string;
  expected: number;
  reported: number;
  /** Expected indicators without a submitted value, by code. */
  missing: string[];
}

/**
 * `periods` are codes of one kind, which order as text ("2026-03" < "2026-10", "2026-Q1" < "2026-Q2").
 * An indicator is expected in a period at or after its first one.
 */
export function unitCompleteness(
  periods: readonly string[],
  reports: readonly UnitIndicatorReports[],
): PeriodCompleteness[] {
  return periods.map((period) => {
    const expected = reports.filter((r) => r.first <= period);
    const missing = expected
      .filter((r) => !r.reported.has(period))
      .map((r) => r.indicator)
      .sort();
    return { period, expected: expected.length, reported: expected.length - missing.length, missing };
  });
}
