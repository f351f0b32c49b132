/**
 * What a value is in this module: the input a writer gives, the rows it is stored as (types from
 * the Drizzle schema), the cell key of a disaggregation, and the workflow's transitions.
 */
import type { indicators, observationRevisions, observations, orgUnits } from "../../../db/schema/index.js";
import { type ValueTransition, valueTransitions } from "../../../domain/value-rules.js";

export interface ObservationInput {
  indicator: string;
  unit: string;
  /** Defaults to `unit`. */
  reporterUnit?: string;
  period: string;
  disaggregation?: Record<string, string>;
  value: number | boolean;
  source?: string | null;
  comment?: string | null;
  evidenceUrl?: string | null;
  /** The version the writer last saw; a newer current version refuses the write (409). 0: create only. */
  expectedVersion?: number;
}

export type IndicatorRow = typeof indicators.$inferSelect;
export type UnitRow = typeof orgUnits.$inferSelect;
export type ObservationRow = typeof observations.$inferSelect;
export type RevisionRow = typeof observationRevisions.$inferSelect;

/** The status a write leaves a value in: a draft, submitted in one step, or a reviewer's approved revision. */
export type WriteStatus = "draft" | "submitted" | "approved";

/** An indicator with the earliest baseline year of the plans tracking it (values before it are refused). */
export type RefIndicator = IndicatorRow & { valuesFrom: number | null };

/** The indicators and units a set of inputs names, looked up once (by code, and units by id). */
export interface Refs {
  indicators: Map<string, RefIndicator>;
  units: Map<string, UnitRow>;
  unitsById: Map<string, UnitRow>;
}

export function disaggKey(d: Record<string, string> | undefined): string {
  if (!d) return "";
  return Object.keys(d)
    .sort()
    .map((k) => `${k}=${d[k]}`)
    .join(";");
}

export type Transition = ValueTransition;
/** The state table lives in the domain (value-rules.ts): the commands and the `can` flags read it. */
export const transitions = valueTransitions;
