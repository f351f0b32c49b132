/**
 * A target as the assessment reads it, and the two rules every reader of a target shares: which
 * way is better, and whether a value meets it.
 */

export type TargetKind = "value" | "range" | "rank" | "growth_rate" | "milestone" | "qualitative";
export type Comparator = ">" | ">=" | "<" | "<=" | "=" | "between" | "top";

export interface TargetSpec {
  kind: TargetKind;
  comparator: Comparator;
  year: number;
  value: number | null;
  valueMax?: number | null;
  achieved?: boolean | null;
  unit?: string | null;
}

const EPS = 1e-9;

/** True when a higher value is better for this target. */
export function higherIsBetter(t: TargetSpec): boolean {
  return !(t.comparator === "top" || t.comparator === "<" || t.comparator === "<=");
}

/** Whether a value meets the target. */
export function meets(t: TargetSpec, v: number): boolean {
  const goal = t.value ?? 0;
  switch (t.comparator) {
    case ">":
      return v > goal + EPS;
    case ">=":
    case "between":
      return v >= goal - EPS;
    case "<":
      return v < goal - EPS;
    case "<=":
    case "top":
      return v <= goal + EPS;
    case "=":
      return Math.abs(v - goal) <= EPS * Math.max(1, Math.abs(goal));
  }
}
