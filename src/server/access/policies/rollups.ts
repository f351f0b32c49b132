/**
 * Rolled-up values (dashboards): the `approved` layer of a published indicator is public. The
 * approved layer of unpublished indicators, and the `reported` layer (submitted values not yet
 * approved), are read by those who review the plan's values: administrators, the Standing Office,
 * Steering Committee and Advisory Council members of the plan, the Chief Engineer of a system the
 * indicator belongs to — and, for their own units only, the unit's people (reporter, approver,
 * provincial committee). API tokens read only with `observations:read`, within their indicators and unit.
 */
import type { Layer } from "../../../domain/rollup.js";
import { ownUnits, type Principal, readsWholePlan } from "../roles.js";

export interface RollupSubject {
  planId: string;
  published: boolean;
  systemIds: readonly string[];
  /** The unit whose roll-up is read. */
  unitId: string;
  indicatorCode: string;
}

export function reviewsIndicator(p: Principal, s: Pick<RollupSubject, "planId" | "systemIds">): boolean {
  if (readsWholePlan(p, s.planId)) return true;
  return (
    p.kind === "user" &&
    p.grants.some(
      (g) => g.role === "chief_engineer" && g.systemId !== null && s.systemIds.includes(g.systemId),
    )
  );
}

export function canReadRollup(p: Principal, s: RollupSubject, layer: Layer): boolean {
  // A token reads roll-ups only with `observations:read`, within its indicators and unit.
  if (p.kind === "token")
    return (
      p.actions.has("observations:read") &&
      (p.indicators === "*" || p.indicators.has(s.indicatorCode)) &&
      p.unitIds.has(s.unitId)
    );
  if (layer === "approved" && s.published) return true;
  return reviewsIndicator(p, s) || ownUnits(p).has(s.unitId);
}

/** Whether the caller may ask for the `reported` layer at all (else 403 rather than an empty answer). */
export function mayReadReportedLayer(p: Principal): boolean {
  return p.kind === "token" || (p.kind === "user" && p.grants.some((g) => g.role !== "proposer"));
}
