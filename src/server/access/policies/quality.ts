/**
 * Data quality of a plan's period (data gaps, late, outlier and revised values): each indicator's
 * gaps are seen by its reviewers (the whole plan's readers, the system's Chief Engineer), and every
 * indicator's gaps for a unit by that unit's own people (or its API token). The values themselves
 * follow the one read rule of values (observations.ts).
 */
import { ownUnits, type Principal, readsWholePlan } from "../roles.js";
import { tokenMayReadBeyondOwnValues } from "./observations.js";
import { reviewsIndicator } from "./rollups.js";

export interface DataQualitySubject {
  planId: string;
  /** The plan's indicators checked for the period, with the systems each belongs to in that plan. */
  indicators: readonly { id: string; code: string; systemIds: readonly string[] }[];
}

export interface DataGapScope {
  /** Indicators whose gaps are shown at all (a token sees only its own indicators). */
  indicatorIds: Set<string>;
  /** Indicators whose gaps are shown for every unit. */
  reviewed: Set<string>;
  /** Units whose gaps are shown for every indicator. */
  units: Set<string>;
}

export function dataGapScope(p: Principal, s: DataQualitySubject): DataGapScope {
  const wholePlan = readsWholePlan(p, s.planId);
  const shown = s.indicators.filter(
    (i) => p.kind !== "token" || p.indicators === "*" || p.indicators.has(i.code),
  );
  return {
    indicatorIds: new Set(shown.map((i) => i.id)),
    reviewed: new Set(
      shown
        .filter((i) => wholePlan || reviewsIndicator(p, { planId: s.planId, systemIds: i.systemIds }))
        .map((i) => i.id),
    ),
    units: ownUnits(p),
  };
}

/** Reading a plan's data quality: someone who reviews the plan or one of its indicators, or whose unit reports. */
export function canReadDataQuality(p: Principal, s: DataQualitySubject): boolean {
  if (!tokenMayReadBeyondOwnValues(p)) return false;
  const scope = dataGapScope(p, s);
  return readsWholePlan(p, s.planId) || scope.reviewed.size > 0 || scope.units.size > 0;
}
