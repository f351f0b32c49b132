/**
 * Values in the API's shapes: a value (as it is, or as a past revision showed it) with the
 * caller's `can` flags, and a revision. Pure mapping of what read.ts loaded; no queries, and the
 * flags come from the access module (the rules the commands authorize with).
 */
import type { z } from "zod";
import type { ValueCan } from "../../../contracts/can.js";
import { type Principal, valueCan } from "../../access/index.js";
import type { RevisionRow } from "./model.js";
import type { ValueView } from "./read.js";
import type { observation, revision } from "./schema.js";

export type Observation = z.output<typeof observation>;
/** A value's own fields, without the caller's flags (what an export writes). */
export type ObservationFields = Omit<Observation, "can">;
export type PresentedRevision = z.output<typeof revision>;

const noActions: ValueCan = {
  write: false,
  submit: false,
  recall: false,
  approve: false,
  return: false,
  revise: false,
  delete: false,
};

/** A value with what the caller may do with it now (its current version, even in an `asOf` view). */
export function presentObservation(v: ValueView, principal: Principal): Observation {
  return { ...presentValueFields(v), can: v.context ? valueCan(principal, v.context) : noActions };
}

export function presentValueFields(v: ValueView): ObservationFields {
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
