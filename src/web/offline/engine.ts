/**
 * One user's outbox in this tab: the pending values in memory (a snapshot React can subscribe
 * to), mirrored to IndexedDB before anything else happens, and the sync loop that sends them in
 * the order typed. Nothing here knows the browser's events or the API client: the transport, the
 * store, the lock and the "something was sent" hook are handed in, so tests drive it directly.
 */
import { type Answer, outcomeOf } from "./outcome.js";
import type { OutboxStore, StoredValue } from "./store.js";
import { cellKey, type PendingValue, type SyncReport, type ValueWrite } from "./types.js";

export type Send = (write: ValueWrite) => Promise<Answer>;

/** Runs `fn` while holding the named lock (across tabs when the browser has Web Locks). */
export type WithLock = <T>(name: string, fn: () => Promise<T>) => Promise<T>;

export interface Snapshot {
  pending: ReadonlyMap<string, PendingValue>;
  syncing: boolean;
  /** ISO time of the last run that left nothing queued (null: not yet in this browser). */
  lastSyncedAt: string | null;
  /** The last run stopped at a 401: the queue waits for the user to sign in again. */
  signedOut: boolean;
}

export interface EngineDeps {
  store: OutboxStore;
  send: Send;
  withLock?: WithLock;
  /** Called after a run that delivered at least one value (the grid's data is stale then). */
  onSent?: () => void;
  /** Told to other tabs after a change, so they read the store again. */
  announce?: () => void;
  now?: () => Date;
  /** Where lastSyncedAt is kept across reloads (localStorage in the browser). */
  syncedAt?: { get(): string | null; set(iso: string | null): void };
}

/** Merely serializes within this tab: the default when no cross-tab lock is given. */
function tabLock(): WithLock {
  let tail: Promise<unknown> = Promise.resolve();
  return (_name, fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => undefined);
    return run;
  };
}

export class OutboxEngine {
  private values = new Map<string, StoredValue>();
  /** Cells whose put() is still being written: a reload from the store must not undo them. */
  private saving = new Map<string, StoredValue>();
  private snap: Snapshot;
  private listeners = new Set<() => void>();
  private running: Promise<SyncReport> | undefined;
  private again = false;
  private lastSeq = 0;
  private readonly withLock: WithLock;
  readonly ready: Promise<void>;

  constructor(
    readonly userId: string,
    private readonly deps: EngineDeps,
  ) {
    this.withLock = deps.withLock ?? tabLock();
    this.snap = {
      pending: new Map(),
      syncing: false,
      lastSyncedAt: deps.syncedAt?.get() ?? null,
      signedOut: false,
    };
    this.ready = this.reload();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  snapshot = (): Snapshot => this.snap;

  private emit(patch: Partial<Snapshot> = {}): void {
    const pending = new Map<string, PendingValue>();
    for (const v of [...this.values.values()].sort((a, b) => a.seq - b.seq)) {
      // An unchanged value keeps its object, so a grid row memoised on it does not redraw.
      const was = this.snap.pending.get(v.key);
      const same =
        was &&
        was.state === v.state &&
        was.write === v.write &&
        was.typedAt === v.typedAt &&
        was.error === v.error &&
        was.server === v.server;
      pending.set(v.key, same ? was : toPending(v));
    }
    this.snap = { ...this.snap, ...patch, pending };
    for (const l of this.listeners) l();
  }

  /** Reads the store again (another tab may have typed or sent), keeping puts still on their way. */
  async reload(): Promise<void> {
    const stored = await this.deps.store.load(this.userId);
    const fresh = new Map<string, StoredValue>();
    for (const v of stored) {
      const mine = this.values.get(v.key);
      // The value this tab is sending right now stays as it is until its answer comes.
      if (mine && mine.seq === v.seq && mine.state === "sending") fresh.set(v.key, mine);
      else {
        // Stored as "sending" by a tab that closed mid-send: not confirmed, so send it again.
        if (v.state === "sending") v.state = "queued";
        fresh.set(v.key, v);
      }
      this.lastSeq = Math.max(this.lastSeq, v.seq);
    }
    for (const [k, v] of this.saving) fresh.set(k, v);
    this.values = fresh;
    this.emit();
  }

  async put(write: ValueWrite): Promise<void> {
    await this.ready;
    const key = cellKey(write);
    const now = (this.deps.now?.() ?? new Date()).getTime();
    // Later typing replays later; within a tab strictly increasing even in the same millisecond.
    this.lastSeq = Math.max(now, this.lastSeq + 1);
    const value: StoredValue = {
      key,
      write,
      state: "queued",
      typedAt: new Date(now).toISOString(),
      seq: this.lastSeq,
    };
    this.saving.set(key, value);
    this.values.set(key, value);
    this.emit({ signedOut: false });
    try {
      await this.deps.store.save(this.userId, value);
    } finally {
      if (this.saving.get(key) === value) this.saving.delete(key);
    }
    this.deps.announce?.();
  }

  async discard(key: string): Promise<void> {
    await this.ready;
    this.values.delete(key);
    this.saving.delete(key);
    this.emit();
    await this.deps.store.remove(this.userId, key);
    this.deps.announce?.();
  }

  /** Forgets everything in memory (the store is wiped by the caller). */
  clear(): void {
    this.values.clear();
    this.saving.clear();
    this.deps.syncedAt?.set(null);
    this.emit({ lastSyncedAt: null, signedOut: false });
  }

  /** Sends every queued value, oldest first. A call during a run makes that run go round again. */
  sync(): Promise<SyncReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
      this.emit({ syncing: false });
    });
    return this.running;
  }

  private async loop(): Promise<SyncReport> {
    await this.ready;
    const total: SyncReport = { sent: 0, failed: 0, signedOut: false };
    this.emit({ syncing: true });
    let stopped = false;
    do {
      this.again = false;
      const run = await this.withLock(`chinam-outbox:${this.userId}`, () => this.runOnce());
      total.sent += run.sent;
      total.failed += run.failed;
      total.signedOut ||= run.signedOut;
      stopped = run.stopped;
    } while (this.again && !stopped);
    if (total.sent > 0) this.deps.onSent?.();
    const left = [...this.values.values()].some((v) => v.state === "queued");
    const patch: Partial<Snapshot> = { signedOut: total.signedOut };
    if (!stopped && !left) {
      const at = (this.deps.now?.() ?? new Date()).toISOString();
      this.deps.syncedAt?.set(at);
      patch.lastSyncedAt = at;
    }
    this.emit(patch);
    this.lastStopped = stopped && !total.signedOut;
    return total;
  }

  /** Whether the last run stopped for want of a connection or a working server (retry later). */
  lastStopped = false;

  private async runOnce(): Promise<SyncReport & { stopped: boolean }> {
    const out = { sent: 0, failed: 0, signedOut: false, stopped: false };
    // Under the lock the store is the truth: another tab may have sent some values already.
    await this.reload();
    const batch = [...this.values.values()].filter((v) => v.state === "queued").sort((a, b) => a.seq - b.seq);
    for (const { key, seq } of batch) {
      // Replaced, discarded or already answered (by another tab) since the batch was read: skip.
      const item = this.values.get(key);
      if (!item || item.seq !== seq || item.state !== "queued") continue;
      item.state = "sending";
      this.emit();
      const outcome = outcomeOf(item.write, await this.deps.send(item.write));
      const now = this.values.get(key);
      const same = now?.seq === seq;
      if (outcome.kind === "sent") {
        out.sent++;
        if (same) {
          this.values.delete(key);
          await this.deps.store.remove(this.userId, key);
        } else if (
          now &&
          outcome.version !== null &&
          now.write.expectedVersion === item.write.expectedVersion
        ) {
          // Typed again while the earlier value was on its way, against the same version: the
          // newer one follows our own write, not someone else's.
          now.write = { ...now.write, expectedVersion: outcome.version };
          await this.deps.store.save(this.userId, now);
        }
      } else if (outcome.kind === "retry" || outcome.kind === "signedOut") {
        if (now && same) now.state = "queued";
        out.signedOut = outcome.kind === "signedOut";
        out.stopped = true;
      } else {
        out.failed++;
        if (now && same) {
          now.state = outcome.kind;
          now.error = outcome.error;
          if (outcome.server) now.server = outcome.server;
          else delete now.server;
          await this.deps.store.save(this.userId, now);
        }
      }
      this.emit();
      if (out.stopped) break;
    }
    if (out.sent + out.failed > 0) this.deps.announce?.();
    return out;
  }
}

function toPending(v: StoredValue): PendingValue {
  const { seq: _seq, ...rest } = v;
  return rest;
}
