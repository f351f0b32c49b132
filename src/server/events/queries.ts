/** What announcing a change reads beyond the changed rows. */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";

/**
 * What each indicator feeds, transitively (OI -> KPI -> target -> objective), and their systems:
 * (indicator id, fed indicator's code, system code) rows, the code null for an indicator's own
 * systems. Hand-typed: a recursive query's union, which no table describes.
 */
export function feedRows(
  tx: Executor,
  indicatorIds: readonly string[],
): Promise<{ id: string; code: string | null; system: string | null }[]> {
  return queryRows<{ id: string; code: string | null; system: string | null }>(
    tx,
    sql`with recursive up(id, ancestor) as (
          select child_id, parent_id from indicator_links where child_id = any(${`{${indicatorIds.join(",")}}`}::uuid[])
          union select up.id, l.parent_id from up join indicator_links l on l.child_id = up.ancestor)
        select up.id, i.code, s.code as system from up join indicators i on i.id = up.ancestor
          left join indicator_assignments a on a.indicator_id = up.ancestor and a.system_id is not null
          left join systems s on s.id = a.system_id
        union
        select a.indicator_id, null, s.code from indicator_assignments a join systems s on s.id = a.system_id
          where a.indicator_id = any(${`{${indicatorIds.join(",")}}`}::uuid[])`,
  );
}
