/**
 * The contract between the entry grid (pages/entry) and the outbox (offline/): what a typed value
 * waiting to reach the server looks like, and what the grid may ask of the outbox. Unsent input
 * lives in IndexedDB per user until the server has it (issue 14, "nothing typed is lost").
 */
import type { BodyOf } from "../api/types.js";

/** The PUT /observations body, exactly as it will be sent (value, comment, source, expectedVersion). */
export type ValueWrite = BodyOf<"/api/v1/observations", "put">;

/** Where a pending value stands. */
export type PendingState =
  /** Typed, not yet sent (offline, or not yet saved). */
  | "queued"
  /** On its way. */
  | "sending"
  /** The server refused it for its content (400/422): the message is shown next to the cell. */
  | "invalid"
  /** Someone changed the value meanwhile (409 STALE_VERSION): the grid shows both and lets the user choose. */
  | "conflict"
  /** Refused for another reason that retrying will not cure (403 NOT_CELL_REPORTER, 409 VALUE_LOCKED…). */
  | "refused";

export interface PendingValue {
  /** cellKey(write): one pending value per cell; typing again replaces it. */
  key: string;
  write: ValueWrite;
  state: PendingState;
  /** ISO time it was typed (last change). */
  typedAt: string;
  /** The server's answer for invalid/conflict/refused: its stable code and its message in the UI language. */
  error?: { code: string; message: string; field?: string };
  /** On a conflict: the value now on the server, for the side-by-side choice. */
  server?: {
    value: number | boolean | null;
    version: number;
    updatedBy?: string | null;
    updatedAt?: string | null;
  };
}

/** The cell a write belongs to: unit, indicator, period and disaggregation (keys sorted). */
export function cellKey(w: Pick<ValueWrite, "unit" | "indicator" | "period" | "disaggregation">): string {
  const d = w.disaggregation ?? {};
  const dis = Object.keys(d)
    .sort()
    .map((k) => `${k}=${d[k]}`)
    .join("&");
  return `${w.unit}|${w.indicator}|${w.period}|${dis}`;
}

export interface SyncReport {
  sent: number;
  failed: number;
  /** The session ended (401): the queue is kept and resumes after signing in again. */
  signedOut: boolean;
}

/** What useOutbox(userId) returns to a page. */
export interface Outbox {
  /** Pending values of this user, by cell key (every state). */
  pending: ReadonlyMap<string, PendingValue>;
  /** Whether the browser believes it is online (navigator.onLine + online/offline events). */
  online: boolean;
  syncing: boolean;
  /** ISO time of the last sync that left nothing queued (null: none yet in this browser). Optional: added after the first contract. */
  lastSyncedAt?: string | null;
  /** The last sync stopped at a 401: the queue is kept until the user signs in again. */
  signedOut?: boolean;
  /** Queue (or replace) the value typed in a cell; kept in IndexedDB before this resolves. */
  put(write: ValueWrite): Promise<void>;
  /** Drop a cell's pending value (the user chose the server's value, or undid their input). */
  discard(key: string): Promise<void>;
  /** Send every queued value now (in order typed); also runs by itself when the connection returns. */
  sync(): Promise<SyncReport>;
}
