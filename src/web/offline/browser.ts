/**
 * The outbox of each user in this tab, wired to the browser: IndexedDB, the API, Web Locks so two
 * tabs never send the same value at once, a BroadcastChannel so every tab shows what the others
 * typed or sent, and the moments a sync starts by itself — the connection returns, the page is
 * shown again, a value is typed while online, a failed run's back-off ends.
 */
import { queryClient } from "../app/query-client.js";
import { OutboxEngine, type WithLock } from "./engine.js";
import { idbOutboxStore, type OutboxStore } from "./store.js";
import { sendWrite } from "./transport.js";

const CHANNEL = "chinam-outbox";
const engines = new Map<string, OutboxEngine>();
let store: OutboxStore | undefined;
let channel: BroadcastChannel | undefined;

export const outboxStore = (): OutboxStore => (store ??= idbOutboxStore());

/** Web Locks when the browser has them (every current one); otherwise this tab's own queue. */
const webLock: WithLock | undefined =
  typeof navigator !== "undefined" && navigator.locks
    ? <T>(name: string, fn: () => Promise<T>) => navigator.locks.request(name, () => fn()) as Promise<T>
    : undefined;

function announce(userId: string): void {
  channel?.postMessage({ userId });
}

function listen(): void {
  if (channel || typeof BroadcastChannel === "undefined") return;
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (e: MessageEvent<{ userId?: string }>) => {
    const engine = e.data.userId ? engines.get(e.data.userId) : undefined;
    void engine?.reload();
  };
}

const syncedAtKey = (userId: string) => `chinam.outbox.syncedAt.${userId}`;

/**
 * The entry sheet's queries: keys whose first element is "org-unit-entry" (api/entry.ts) or starts
 * with "entry". Invalidated after a run that delivered something, so the grid shows the versions
 * the server gave the values.
 */
export const isEntrySheetKey = (key: readonly unknown[]): boolean =>
  typeof key[0] === "string" && (key[0] === "org-unit-entry" || key[0].startsWith("entry"));

export function invalidateEntrySheets(): void {
  void queryClient.invalidateQueries({ predicate: (q) => isEntrySheetKey(q.queryKey) });
}

export function outboxFor(userId: string): OutboxEngine {
  let engine = engines.get(userId);
  if (!engine) {
    listen();
    engine = new OutboxEngine(userId, {
      store: outboxStore(),
      send: sendWrite,
      withLock: webLock,
      onSent: invalidateEntrySheets,
      announce: () => announce(userId),
      syncedAt: {
        get: () => safeStorage(() => localStorage.getItem(syncedAtKey(userId))) ?? null,
        set: (iso) =>
          safeStorage(() =>
            iso
              ? localStorage.setItem(syncedAtKey(userId), iso)
              : localStorage.removeItem(syncedAtKey(userId)),
          ),
      },
    });
    engines.set(userId, engine);
  }
  return engine;
}

/** The engine if this tab has one (no database is opened just to ask). */
export const existingOutbox = (userId: string): OutboxEngine | undefined => engines.get(userId);

function safeStorage<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined; // storage blocked: the time is simply not remembered
  }
}

const isOnline = () => typeof navigator === "undefined" || navigator.onLine !== false;

/* ---- automatic runs ---- */

interface Runner {
  users: number;
  timer?: ReturnType<typeof setTimeout>;
  backoff: number;
  detach: () => void;
}
const runners = new Map<string, Runner>();
const FIRST_RETRY_MS = 5_000;
const LAST_RETRY_MS = 120_000;

/** Runs a sync soon (a burst of typing or a paste becomes one run) and plans a retry if it stopped. */
export function syncSoon(userId: string, delay = 800): void {
  const runner = runners.get(userId);
  if (!runner || !isOnline()) return;
  clearTimeout(runner.timer);
  runner.timer = setTimeout(() => void runAndPlan(userId), delay);
}

async function runAndPlan(userId: string): Promise<void> {
  const engine = outboxFor(userId);
  await engine.sync();
  const runner = runners.get(userId);
  if (!runner) return;
  if (engine.lastStopped && isOnline()) {
    // The connection says it is up but the server did not answer: try again, less and less often.
    clearTimeout(runner.timer);
    runner.timer = setTimeout(() => void runAndPlan(userId), runner.backoff);
    runner.backoff = Math.min(runner.backoff * 2, LAST_RETRY_MS);
  } else runner.backoff = FIRST_RETRY_MS;
}

/**
 * Starts the automatic runs of a user's outbox while some component uses it; returns the stop.
 * Mounting is itself a moment to sync: the page just opened, or the user just signed in again.
 */
export function attachOutbox(userId: string): () => void {
  let runner = runners.get(userId);
  if (!runner) {
    const wake = () => {
      const r = runners.get(userId);
      if (r) r.backoff = FIRST_RETRY_MS;
      syncSoon(userId, 0);
    };
    const visible = () => {
      if (document.visibilityState !== "visible") return;
      void outboxFor(userId).reload();
      wake();
    };
    window.addEventListener("online", wake);
    document.addEventListener("visibilitychange", visible);
    runner = {
      users: 0,
      backoff: FIRST_RETRY_MS,
      detach: () => {
        window.removeEventListener("online", wake);
        document.removeEventListener("visibilitychange", visible);
      },
    };
    runners.set(userId, runner);
  }
  runner.users++;
  syncSoon(userId, 0);
  return () => {
    const r = runners.get(userId);
    if (!r || --r.users > 0) return;
    clearTimeout(r.timer);
    r.detach();
    runners.delete(userId);
  };
}
