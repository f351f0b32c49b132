/**
 * The rows of a bulk audit entry (an import): each value it wrote with what it was before and what
 * it became, read from the revisions the import wrote (`observation_revisions.import_id`) and the
 * revision each replaced.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";

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
  const raw = await queryRows<{
    id: number | string;
    observation_id: string;
    indicator: string;
    unit: string;
    period: string;
    disaggregation: Record<string, string>;
    value: string | number | null;
    value_bool: boolean | null;
    status: string;
    version: number;
    p_value: string | number | null;
    p_value_bool: boolean | null;
    p_status: string | null;
    p_version: number | null;
  }>(
    db,
    sql`select r.id, r.observation_id, i.code as indicator, u.code as unit, o.period, o.disaggregation,
        r.value, r.value_bool, r.status, r.version,
        p.value as p_value, p.value_bool as p_value_bool, p.status as p_status, p.version as p_version
      from observation_revisions r
      join observations o on o.id = r.observation_id
      join indicators i on i.id = o.indicator_id
      join org_units u on u.id = o.org_unit_id
      left join observation_revisions p on p.observation_id = r.observation_id and p.version = r.version - 1
      where r.import_id = ${importId}::uuid and r.id > ${afterRevision ?? 0}
      order by r.id limit ${limit}`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from observation_revisions where import_id = ${importId}::uuid`,
  );
  const num = (v: string | number | null, b: boolean | null) => b ?? (v === null ? null : Number(v));
  return {
    total: count?.n ?? 0,
    rows: raw.map((r) => ({
      revisionId: Number(r.id),
      observationId: r.observation_id,
      indicator: r.indicator,
      unit: r.unit,
      period: r.period,
      disaggregation: r.disaggregation,
      before:
        r.p_status === null
          ? null
          : { value: num(r.p_value, r.p_value_bool), status: r.p_status, version: Number(r.p_version) },
      after: { value: num(r.value, r.value_bool), status: r.status, version: Number(r.version) },
    })),
  };
}
