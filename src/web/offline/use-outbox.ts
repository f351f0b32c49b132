/**
 * useOutbox(userId): the grid's handle on the user's pending values — what is waiting per cell,
 * whether the browser is online, and put/discard/sync. Values are in IndexedDB before put()
 * resolves; while a component uses the outbox it syncs by itself (see browser.ts).
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { attachOutbox, outboxFor, syncSoon } from "./browser.js";
import type { Snapshot } from "./engine.js";
import { registerServiceWorker } from "./register-sw.js";
import type { Outbox, ValueWrite } from "./types.js";

function subscribeOnline(onChange: () => void): () => void {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** Whether the browser believes it is online (it can be wrong one way: "online" behind a dead link). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}

/** The outbox's state without the actions: for indicators such as SyncStatus. */
export function useOutboxSnapshot(userId: string): Snapshot {
  const engine = useMemo(() => outboxFor(userId), [userId]);
  return useSyncExternalStore(engine.subscribe, engine.snapshot, engine.snapshot);
}

export function useOutbox(userId: string): Outbox {
  const engine = useMemo(() => outboxFor(userId), [userId]);
  const snap = useSyncExternalStore(engine.subscribe, engine.snapshot, engine.snapshot);
  const online = useOnline();
  useEffect(() => attachOutbox(userId), [userId]);
  // A page that queues input is a page that must open offline next time.
  useEffect(registerServiceWorker, []);

  const put = useCallback(
    async (write: ValueWrite) => {
      await engine.put(write);
      syncSoon(userId);
    },
    [engine, userId],
  );
  const discard = useCallback((key: string) => engine.discard(key), [engine]);
  const sync = useCallback(() => engine.sync(), [engine]);

  return useMemo(
    () => ({
      pending: snap.pending,
      online,
      syncing: snap.syncing,
      lastSyncedAt: snap.lastSyncedAt,
      signedOut: snap.signedOut,
      put,
      discard,
      sync,
    }),
    [snap, online, put, discard, sync],
  );
}
