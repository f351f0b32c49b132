/** What the audit trail keeps of a value: enough to see what it was and what it became. */
import type { ObservationRow } from "../model.js";

export function valueSnapshot(row: ObservationRow): Record<string, unknown> {
  return {
    indicatorId: row.indicatorId,
    orgUnitId: row.orgUnitId,
    reporterUnitId: row.reporterUnitId,
    period: row.period,
    disaggregation: row.disaggregation,
    value: row.valueBool ?? row.value,
    status: row.status,
    source: row.source,
    comment: row.comment,
    evidenceUrl: row.evidenceUrl,
    version: row.version,
    deleted: row.deletedAt !== null,
  };
}
