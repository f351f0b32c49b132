/** What the data-quality answer reads from the maintained facts (`quality_values`) of one period. */
import { sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays.js";
import { type Executor, queryRows } from "../../db/client.js";

/** Who sees a gap: the indicator's reviewers (reviewed) and the unit's own people (units). */
export interface Visibility {
  reviewed: string[];
  units: string[];
}
const visible = (v: Visibility) =>
  sql`(q.indicator_id = any(${pgArray(v.reviewed)}::uuid[]) or q.org_unit_id = any(${pgArray(v.units)}::uuid[]))`;

/** Per indicator: expected and reported units in all and as seen, reported values by status. */
export function indicatorCounts(db: Executor, ids: string[], period: string, v: Visibility) {
  return queryRows<{
    indicator_id: string;
    expected: number;
    reported: number;
    expected_seen: number;
    submitted_seen: number;
    approved_seen: number;
  }>(
    db,
    sql`select q.indicator_id, count(*) filter (where q.expected)::int as expected,
          count(*) filter (where q.status is not null and q.status <> 'draft')::int as reported,
          count(*) filter (where q.expected and ${visible(v)})::int as expected_seen,
          count(*) filter (where q.status = 'submitted' and ${visible(v)})::int as submitted_seen,
          count(*) filter (where q.status = 'approved' and ${visible(v)})::int as approved_seen
        from quality_values q where q.indicator_id = any(${pgArray(ids)}::uuid[]) and q.period = ${period}
        group by q.indicator_id`,
  );
}

/** Per unit with a visible expected value: how many, how many reported, which indicators are missing. */
export function unitGaps(db: Executor, ids: string[], period: string, v: Visibility) {
  return queryRows<{
    org_unit_id: string;
    code: string;
    name_vi: string;
    name_en: string | null;
    expected: number;
    reported: number;
    missing: string[] | null;
  }>(
    db,
    sql`select q.org_unit_id, u.code, u.name_vi, u.name_en, count(*)::int as expected,
          count(*) filter (where q.status is not null and q.status <> 'draft')::int as reported,
          array_agg(q.indicator_id) filter (where q.status is null or q.status = 'draft') as missing
        from quality_values q join org_units u on u.id = q.org_unit_id
        where q.indicator_id = any(${pgArray(ids)}::uuid[]) and q.period = ${period} and q.expected and ${visible(v)}
        group by q.org_unit_id, u.code, u.name_vi, u.name_en`,
  );
}

/** A value that may carry a flag (a superset: the caller decides with the same rule as before). */
export interface Candidate {
  indicator_id: string;
  org_unit_id: string;
  unit_code: string;
  name_vi: string;
  name_en: string | null;
  observation_id: string;
  reporter_unit_id: string;
  status: string;
  value: string | number | null;
  first_submitted_at: Date | string | null;
  revised: boolean;
  z_own: number | null;
  z_peers: number | null;
}

export function flagCandidates(db: Executor, ids: string[], dues: Date[], period: string, z: number) {
  return queryRows<Candidate>(
    db,
    sql`select q.indicator_id, q.org_unit_id, u.code as unit_code, u.name_vi, u.name_en, q.observation_id, q.reporter_unit_id,
          q.status, q.value, q.first_submitted_at, q.revised, q.z_own, q.z_peers
        from quality_values q
        join unnest(${pgArray(ids)}::uuid[], ${pgArray(dues.map((d) => d.toISOString()))}::timestamptz[]) as d(id, due)
          on d.id = q.indicator_id
        join org_units u on u.id = q.org_unit_id
        where q.period = ${period} and q.observation_id is not null
          and (q.revised or abs(q.z_own) > ${z} or abs(q.z_peers) > ${z}
            or q.first_submitted_at is null or q.first_submitted_at >= d.due)
        order by u.code`,
  );
}

/** Reported values of these indicators seen as gaps, for the read rule when it depends on the unit. */
export function reportedValues(db: Executor, ids: string[], period: string, v: Visibility) {
  return queryRows<{ indicator_id: string; org_unit_id: string; reporter_unit_id: string; status: string }>(
    db,
    sql`select q.indicator_id, q.org_unit_id, q.reporter_unit_id, q.status from quality_values q
        where q.indicator_id = any(${pgArray(ids)}::uuid[]) and q.period = ${period}
          and q.status in ('submitted', 'approved') and ${visible(v)}`,
  );
}
