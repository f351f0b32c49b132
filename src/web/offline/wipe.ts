/**
 * What signing out on a shared computer leaves behind: nothing of the user. Their pending values
 * (IndexedDB), the time of their last sync and the service worker's copies of their session and
 * entry sheets are deleted. An expired session (401) deletes none of it: the queue resumes after
 * signing in again.
 */
import { existingOutbox, outboxStore } from "./browser.js";
import { USER_DATA_CACHES } from "./cache-names.js";

/** How many of the user's values the server does not have yet (every state: each is unsent input). */
export async function pendingCount(userId: string): Promise<number> {
  const engine = existingOutbox(userId);
  if (engine) {
    await engine.ready;
    return engine.snapshot().pending.size;
  }
  try {
    return (await outboxStore().load(userId)).length;
  } catch {
    return 0; // no IndexedDB (private mode in some browsers): nothing can be pending either
  }
}

export async function wipeOutbox(userId: string): Promise<void> {
  existingOutbox(userId)?.clear();
  try {
    localStorage.removeItem(`chinam.outbox.syncedAt.${userId}`);
  } catch {
    // storage blocked: nothing was kept there
  }
  await Promise.all([
    outboxStore()
      .wipe(userId)
      .catch(() => undefined),
    clearUserCaches(),
  ]);
}

/** Empties the service worker's caches of user data (the session, the entry sheets). */
export async function clearUserCaches(): Promise<void> {
  if (typeof caches === "undefined") return;
  await Promise.all(USER_DATA_CACHES.map((name) => caches.delete(name).catch(() => false)));
}
