/**
 * A memo of answers keyed by the state they were computed from (least recently used evicted;
 * concurrent misses of one key share one computation; a failed computation is forgotten). Used
 * by the dashboards (overview, catalogues) and data quality.
 */
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
