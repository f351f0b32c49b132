/**
 * The outbox rebuilds every pending value's object on each change (a snapshot per emit); the
 * grid's rows are memoised on theirs. Keeping the previous object when nothing in it changed
 * means a paste of 200 values redraws each row once, not 200 times. Pure.
 */
import type { PendingValue } from "../../offline/types.js";

function same(a: PendingValue, b: PendingValue): boolean {
  return (
    a.key === b.key &&
    a.state === b.state &&
    a.typedAt === b.typedAt &&
    (a.write === b.write || JSON.stringify(a.write) === JSON.stringify(b.write)) &&
    a.error?.code === b.error?.code &&
    a.error?.message === b.error?.message &&
    a.error?.field === b.error?.field &&
    JSON.stringify(a.server ?? null) === JSON.stringify(b.server ?? null)
  );
}

/** `next`, with each value that equals its namesake in `prev` replaced by that older object; `prev` itself when nothing changed. */
export function stablePending(
  prev: ReadonlyMap<string, PendingValue>,
  next: ReadonlyMap<string, PendingValue>,
): ReadonlyMap<string, PendingValue> {
  let changed = prev.size !== next.size;
  const out = new Map<string, PendingValue>();
  for (const [key, v] of next) {
    const old = prev.get(key);
    if (old && same(old, v)) out.set(key, old);
    else {
      out.set(key, v);
      changed = true;
    }
  }
  return changed ? out : prev;
}
