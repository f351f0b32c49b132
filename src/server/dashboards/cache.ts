/**
 * Memo of dashboard answers, keyed by the state they were computed from: the last change batch
 * (every committed value change makes one) and the definitions version (bumped by triggers on
 * every definition table), both read with one small query per request. A new value or definition gives a new key, so an answer is
 * never stale, and every instance of a cluster computes the same keys. Concurrent misses of the
 * same key share one computation.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";

export async function stateKey(db: Executor): Promise<string> {
  // definitions_version is bumped by statement triggers on every table an answer is computed
  // from besides the values (plans, systems, indicators and their targets and links, org units,
  // lineage, the roll-up closure): see the definitions_version migration.
  const [row] = await queryRows<{ k: string }>(
    db,
    sql`select concat_ws('|', (select max(id) from change_batches),
        (select version from definitions_version)) as k`,
  );
  return row?.k ?? "";
}

/** The part of a state key that changes with definitions only (not with every value written). */
export function definitionsPart(key: string): string {
  return key.slice(key.indexOf("|") + 1);
}

/**
 * A content fingerprint of each indicator's cells of one unit and layer: a target's assessment
 * can be reused while the cells it depends on are unchanged (a write touches a few indicators).
 */
export async function cellFingerprints(
  db: Executor,
  unitId: string,
  layer: string,
): Promise<Map<string, string>> {
  const rows = await queryRows<{ indicator_id: string; f: string }>(
    db,
    sql`select indicator_id, md5(string_agg(concat_ws(':', period, count, sum, min, max, latest, latest_at, own_count, own_sum), ','
          order by period)) as f
        from rollup_cells where unit_id = ${unitId} and layer = ${layer} and disagg_key = ''
        group by indicator_id`,
  );
  return new Map(rows.map((r) => [r.indicator_id, r.f]));
}

export class AnswerCache<T> {
  private readonly entries = new Map<string, Promise<T>>();

  constructor(private readonly capacity = 64) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const p = compute();
    this.entries.set(key, p);
    p.catch(() => this.entries.delete(key));
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return p;
  }
}
