/**
 * One EventSource on /api/v1/events shared by every component that wants live data (the
 * dashboard, the meeting page): opened by the first subscriber, closed after the last leaves.
 * The browser reconnects by itself and sends Last-Event-ID, so the server replays what was missed;
 * when the stream is closed for good (the server restarted and answered an error), a new one is
 * opened after a pause with ?lastEventId= the last id seen, to the same effect.
 */
import { type ChangeEvent, parseChangeEvent } from "./live-keys.js";

export type LiveState = "connecting" | "open" | "reconnecting";

export interface LiveSnapshot {
  state: LiveState;
  /** When the last change reached this page (the server's commit time), or null before any. */
  lastUpdate: Date | null;
}

type Listener = () => void;
type ChangeHandler = (events: ChangeEvent[]) => void;

/** Events arriving close together (a batch of approvals) refresh the queries once. */
const COALESCE_MS = 50;
const RETRY_MS = [1000, 3000, 10_000, 30_000];

class LiveConnection {
  private source: EventSource | null = null;
  private snapshot: LiveSnapshot = { state: "connecting", lastUpdate: null };
  private readonly listeners = new Set<Listener>();
  private readonly handlers = new Set<ChangeHandler>();
  private lastEventId: string | null = null;
  private pending: ChangeEvent[] = [];
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  /** Who the stream was opened for: a new sign-in needs a stream filtered for the new user. */
  private who: string | null = null;

  getSnapshot = (): LiveSnapshot => this.snapshot;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Registers a change handler and opens the stream if needed; returns the release function. */
  attach(handler: ChangeHandler, who: string): () => void {
    this.handlers.add(handler);
    if (this.who !== who) {
      // Another user: their stream starts afresh (their queries were cleared on signing in).
      if (this.source) this.close();
      this.lastEventId = null;
    }
    this.who = who;
    if (!this.source && this.retryTimer === null) this.open();
    return () => {
      this.handlers.delete(handler);
      if (this.handlers.size === 0) this.close();
    };
  }

  private set(next: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const l of this.listeners) l();
  }

  private open(): void {
    if (typeof EventSource === "undefined") return;
    const url =
      this.lastEventId === null
        ? "/api/v1/events"
        : `/api/v1/events?lastEventId=${encodeURIComponent(this.lastEventId)}`;
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener("open", () => {
      this.retries = 0;
      this.set({ state: "open" });
    });
    source.addEventListener("change", (e: MessageEvent<string>) => {
      if (e.lastEventId) this.lastEventId = e.lastEventId;
      const event = parseChangeEvent(e.data);
      if (!event) return;
      this.pending.push(event);
      this.flushTimer ??= setTimeout(() => this.flush(), COALESCE_MS);
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) {
        // The browser gave up (an error answer): try again ourselves, slower each time.
        source.close();
        this.source = null;
        const wait = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)] ?? 30_000;
        this.retries += 1;
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          if (this.handlers.size > 0) this.open();
        }, wait);
      }
      this.set({ state: "reconnecting" });
    });
  }

  private flush(): void {
    this.flushTimer = null;
    const events = this.pending;
    this.pending = [];
    if (events.length === 0) return;
    for (const h of this.handlers) h(events);
    const latest = events.reduce((t, e) => Math.max(t, Date.parse(e.at) || 0), 0);
    this.set({ lastUpdate: new Date(latest || Date.now()) });
  }

  private close(): void {
    this.source?.close();
    this.source = null;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = [];
    this.retries = 0;
    this.set({ state: "connecting" });
  }
}

export const liveConnection = new LiveConnection();
