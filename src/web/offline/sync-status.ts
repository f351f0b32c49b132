/**
 * What the sync indicator says, from the outbox's state: one message, most urgent first — a
 * session that ended with values waiting, no connection, a run in progress, values the user must
 * look at, values the server has not taken yet, and only then when everything last reached it.
 */
import type { PendingValue } from "./types.js";

export interface StatusInput {
  pending: ReadonlyMap<string, PendingValue>;
  online: boolean;
  syncing: boolean;
  lastSyncedAt?: string | null;
  signedOut?: boolean;
}

export type Tone = "offline" | "busy" | "warn" | "ok";

export type StatusMessage =
  | { key: "signedOut" | "offlinePending" | "pending" | "attention"; count: number; tone: Tone }
  | { key: "offline" | "syncing" | "synced"; tone: Tone }
  | { key: "syncedAt"; at: string; tone: Tone };

export function syncStatus(s: StatusInput): StatusMessage {
  const all = [...s.pending.values()];
  const waiting = all.filter((v) => v.state === "queued" || v.state === "sending").length;
  const attention = all.length - waiting;
  if (s.signedOut && waiting > 0) return { key: "signedOut", count: waiting, tone: "warn" };
  if (!s.online)
    return all.length
      ? { key: "offlinePending", count: all.length, tone: "offline" }
      : { key: "offline", tone: "offline" };
  if (s.syncing) return { key: "syncing", tone: "busy" };
  if (attention > 0) return { key: "attention", count: attention, tone: "warn" };
  if (waiting > 0) return { key: "pending", count: waiting, tone: "warn" };
  if (s.lastSyncedAt) return { key: "syncedAt", at: s.lastSyncedAt, tone: "ok" };
  return { key: "synced", tone: "ok" };
}
