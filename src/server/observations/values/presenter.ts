/**
 * Values in the API's shapes: a value (as it is, or as a past revision showed it) and a revision.
 * Pure mapping of what read.ts loaded; no queries, no permission rules.
 */
import type { z } from "zod";
import type { RevisionRow } from "./model.js";
import type { ValueView } from "./read.js";
import type { observation, revision } from "./schema.js";

export type Observation = z.output<typeof observation>;
export type PresentedRevision = z.output<typeof revision>;

export function presentObservation(v: ValueView): Observation {
  const { row: r, revision: rev } = v;
  const shown = rev ?? r;
  return {
    id: r.id,
    indicator: v.indicatorCode,
    unit: v.unitCode,
    reporterUnit: v.reporterUnitCode,
    period: r.period,
    disaggregation: r.disaggregation,
    value: shown.valueBool ?? (shown.value as number),
    status: shown.status as Observation["status"],
    source: shown.source,
    comment: shown.comment,
    evidenceUrl: shown.evidenceUrl,
    version: rev ? rev.version : r.version,
    updatedBy: rev ? rev.changedBy : r.updatedBy,
    updatedAt: (rev ? rev.validFrom : r.updatedAt).toISOString(),
  };
}

export function presentObservations(views: readonly ValueView[]): Observation[] {
  return views.map(presentObservation);
}

export function presentRevision(r: RevisionRow): PresentedRevision {
  return {
    version: r.version,
    value: r.valueBool ?? (r.value as number),
    status: r.status,
    comment: r.comment,
    changedBy: r.changedBy,
    validFrom: r.validFrom.toISOString(),
    validTo: r.validTo?.toISOString() ?? null,
  };
}
