/**
 * Live data for a page: while mounted, change events from /api/v1/events mark the affected
 * TanStack queries stale (the visible ones refetch at once: numbers, tiles and colours update
 * without a reload). Returns the stream's state and the time of the last update for the cue.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";
import { useSession } from "../api/session.js";
import { type LiveSnapshot, liveConnection } from "./connection.js";
import { affectedIndicators, isAffected, isSlow } from "./live-keys.js";

export type { LiveSnapshot, LiveState } from "./connection.js";

export function useLiveUpdates(): LiveSnapshot {
  const qc = useQueryClient();
  const session = useSession();
  // Wait for the session so the stream is opened once, for the right user.
  const who = session.isPending ? null : (session.data?.user.id ?? "anonymous");

  useEffect(() => {
    if (who === null) return;
    return liveConnection.attach((events) => {
      const affected = affectedIndicators(events);
      const hit = (key: readonly unknown[]) => isAffected(key, affected);
      // Numbers and tiles first; the data-gap reads once those are in.
      void qc
        .invalidateQueries({ predicate: (q) => hit(q.queryKey) && !isSlow(q.queryKey) })
        .finally(() => qc.invalidateQueries({ predicate: (q) => hit(q.queryKey) && isSlow(q.queryKey) }));
    }, who);
  }, [qc, who]);

  return useSyncExternalStore(liveConnection.subscribe, liveConnection.getSnapshot);
}
