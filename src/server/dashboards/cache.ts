/**
 * Memo of dashboard answers, keyed by the state they were computed from: the last change batch
 * (every committed value change makes one) and a fingerprint of the plan's definitions, both read
 * with one small query per request. A new value or definition gives a new key, so an answer is
 * never stale, and every instance of a cluster computes the same keys. Concurrent misses of the
 * same key share one computation.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";

export async function stateKey(db: Executor, planId: string): Promise<string> {
  const [row] = await queryRows<{ k: string }>(
    db,
    sql`select concat_ws('|',
        (select max(id) from change_batches),
        (select max(updated_at)::text from indicators),
        (select count(*) || ':' || coalesce(max(updated_at)::text, '') from indicator_targets where plan_id = ${planId}),
        (select count(*) from indicator_links),
        (select count(*) || ':' || coalesce(sum(weight), 0) from indicator_assignments where plan_id = ${planId}),
        (select max(updated_at)::text from systems where plan_id = ${planId}),
        (select count(*) from rollup_closure),
        (select count(*) from org_unit_lineage),
        (select max(updated_at)::text from org_units)) as k`,
  );
  return row?.k ?? "";
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
