/**
 * Memo of dashboard answers, keyed by the state they were computed from: the last change batch
 * (every committed value change makes one) and the definitions version (bumped by triggers on
 * every definition table), read with one small query (shared by concurrent requests, see
 * `stateKey`). A new value or definition gives a new key, so an answer is
 * never stale, and every instance of a cluster computes the same keys. Concurrent misses of the
 * same key share one computation.
 */
import type { Executor } from "../../db/client.js";
import { cellFingerprintRows, stateKeyRow } from "./queries.js";

export { AnswerCache } from "../core/answer-cache.js";

// definitions_version is bumped by statement triggers on every table an answer is computed
// from besides the values (plans, systems, indicators and their targets and links, org units,
// lineage, the roll-up closure): see the definitions_version migration.
const readStateKey = stateKeyRow;

interface Flights {
  /** The read sent to the database, if any. */
  current?: Promise<string>;
  /** The read that will be sent when the current one answers, shared by everyone who asks meanwhile. */
  next?: Promise<string>;
}
const flights = new WeakMap<Executor, Flights>();

/**
 * The current state key. Concurrent callers share reads, but only reads sent after they asked:
 * a read already sent may have taken its snapshot before a write the caller has seen commit (its
 * own, say), so callers arriving meanwhile wait for the next read instead. Under load that is one
 * read at a time, whatever the number of readers; alone, one read per call.
 */
export function stateKey(db: Executor): Promise<string> {
  let f = flights.get(db);
  if (!f) {
    f = {};
    flights.set(db, f);
  }
  const state = f;
  const send = (): Promise<string> => {
    const p = readStateKey(db).finally(() => {
      if (state.current === p) state.current = undefined;
    });
    state.current = p;
    return p;
  };
  if (!state.current) return send();
  if (!state.next) {
    const after = state.current.then(
      () => undefined,
      () => undefined,
    );
    state.next = after.then(() => {
      state.next = undefined;
      return send();
    });
  }
  return state.next;
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
  const rows = await cellFingerprintRows(db, unitId, layer);
  return new Map(rows.map((r) => [r.indicator_id, r.f]));
}
