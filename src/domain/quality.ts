/**
 * Data-quality flags of reported values (pure):
 *
 * - missing: a unit expected to report an indicator for a period has no value; overdue once the
 *   due time has passed.
 * - late: first submitted after the due time (or still not submitted once it passed).
 * - outlier: robust z-score beyond 3.5 against the unit's own history (its earlier periods) or
 *   against its peers (the same indicator and period in units of the same kind; the caller
 *   scores all peers at once with `robustZAgainstOthers`).
 * - revised: the value changed after it was first submitted.
 *
 * Who is expected: every unit that has reported the indicator before (from its first period on),
 * and, for an indicator nobody has reported yet, its responsible unit — so gaps appear without a
 * separate table of obligations; a plan can add explicit obligations later.
 */
import { OUTLIER_Z, robustZ } from "./aggregation.js";
import { type DueRule, defaultDueRule, dueAt, type Period } from "./periods.js";

export type Flag = "late" | "outlier" | "revised";

export interface ValueFacts {
  value: number | null;
  firstSubmittedAt: Date | null;
  status: string;
  revised: boolean;
  /** The same unit's values for earlier periods (most recent last). */
  history: readonly number[];
  /**
   * Robust z-score against other units' values for the same indicator and period (units of the
   * same kind), from `robustZAgainstOthers`; undefined when there are too few or no spread.
   */
  peerZ: number | undefined;
}

export interface FlagResult {
  flags: Flag[];
  due: Date;
  zOwn: number | null;
  zPeers: number | null;
}

export function dueRuleOf(
  indicatorRule: DueRule | null | undefined,
  planRule: DueRule | null | undefined,
): DueRule {
  return indicatorRule ?? planRule ?? defaultDueRule;
}

export function flagValue(period: Period, rule: DueRule, facts: ValueFacts, now: Date): FlagResult {
  const zOwn = facts.value === null ? null : (robustZ(facts.value, facts.history) ?? null);
  const zPeers = facts.value === null ? null : (facts.peerZ ?? null);
  return flagScored(period, rule, { ...facts, zOwn, zPeers }, now);
}

/** The facts of a value with its z-scores already computed (null for no value or no score). */
export interface ScoredFacts {
  value: number | null;
  firstSubmittedAt: Date | null;
  revised: boolean;
  zOwn: number | null;
  zPeers: number | null;
}

/** `flagValue` of a value whose z-scores were computed when it was written (decision 0012). */
export function flagScored(period: Period, rule: DueRule, facts: ScoredFacts, now: Date): FlagResult {
  return flagScoredDue(dueAt(period, rule), facts, now);
}

/** `flagScored` with the due time already known (one per indicator and period, not per value). */
export function flagScoredDue(due: Date, facts: ScoredFacts, now: Date): FlagResult {
  const flags: Flag[] = [];
  const submitted = facts.firstSubmittedAt;
  if ((submitted && submitted > due) || (!submitted && now > due)) flags.push("late");
  const zOwn = facts.value === null ? null : facts.zOwn;
  const zPeers = facts.value === null ? null : facts.zPeers;
  if ((zOwn !== null && Math.abs(zOwn) > OUTLIER_Z) || (zPeers !== null && Math.abs(zPeers) > OUTLIER_Z))
    flags.push("outlier");
  if (facts.revised) flags.push("revised");
  return { flags, due, zOwn, zPeers };
}

/** Which (unit) of the expected ones have no value for the period. */
export function missingUnits(expected: ReadonlySet<string>, reported: ReadonlySet<string>): string[] {
  return [...expected].filter((u) => !reported.has(u)).sort();
}
