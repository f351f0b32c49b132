/**
 * The rows of a bulk audit entry (an import): each value it wrote with what it was before and what
 * it became, read from the revisions the import wrote (`observation_revisions.import_id`) and the
 * revision each replaced.
 */
import type { Executor } from "../../db/client.js";
import { importRevisionCount, importRevisions } from "./queries.js";

export interface BulkRow {
  observationId: string;
  indicator: string;
  unit: string;
  period: string;
  disaggregation: Record<string, string>;
  before: { value: number | boolean | null; status: string; version: number } | null;
  after: { value: number | boolean | null; status: string; version: number };
}

export async function bulkRows(
  db: Executor,
  importId: string,
  afterRevision: number | undefined,
  limit: number,
): Promise<{ rows: (BulkRow & { revisionId: number })[]; total: number }> {
  const raw = await importRevisions(db, importId, afterRevision ?? 0, limit);
  const total = await importRevisionCount(db, importId);
  const num = (v: number | null, b: boolean | null) => b ?? v;
  return {
    total,
    rows: raw.map((r) => ({
      revisionId: r.id,
      observationId: r.observationId,
      indicator: r.indicator,
      unit: r.unit,
      period: r.period,
      disaggregation: r.disaggregation,
      before:
        r.previous === null
          ? null
          : {
              value: num(r.previous.value, r.previous.valueBool),
              status: r.previous.status,
              version: r.previous.version,
            },
      after: { value: num(r.value, r.valueBool), status: r.status, version: r.version },
    })),
  };
}
