/**
 * Indicators: published ones are public. Unpublished ones (e.g. proposed KPIs under review) are
 * read by people working on the plan, and by API tokens scoped to them; not by the public or by
 * outside proposers.
 */
import type { Principal } from "../roles.js";

export function canReadUnpublishedIndicators(p: Principal): boolean {
  return p.kind === "user" && p.grants.some((g) => g.role !== "proposer");
}

export function tokenCoversIndicator(p: Principal, code: string, action: string): boolean {
  return p.kind === "token" && p.actions.has(action) && (p.indicators === "*" || p.indicators.has(code));
}

export function canReadIndicator(p: Principal, indicator: { code: string; published: boolean }): boolean {
  return (
    indicator.published ||
    canReadUnpublishedIndicators(p) ||
    tokenCoversIndicator(p, indicator.code, "indicators:read")
  );
}
