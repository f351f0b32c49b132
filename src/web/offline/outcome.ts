/**
 * What one answer of PUT /observations means for a pending value: sent (drop it), kept for a
 * later try (no connection, server trouble), marked for the user (invalid, conflict, refused), or
 * the session is gone (stop, keep everything). Pure: the sync loop and its tests share it.
 */
import type { PendingValue, ValueWrite } from "./types.js";

/** What the transport got back: an HTTP answer (status and parsed JSON body), or no answer at all. */
export type Answer = { status: number; body: unknown } | { status: "network" };

export type Outcome =
  /** The server has it; `version` is the value's version now (to chain a newer pending write). */
  | { kind: "sent"; version: number | null }
  /** Try again later; stop this run (the server or the connection is not answering). */
  | { kind: "retry" }
  | { kind: "signedOut" }
  | {
      kind: "invalid" | "conflict" | "refused";
      error: NonNullable<PendingValue["error"]>;
      server?: PendingValue["server"];
    };

interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    details?: { path?: string; message?: string; value?: unknown }[];
  };
}

const asRecord = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The value now on the server, from a STALE_VERSION answer's details (version 0: deleted). */
export function staleServerValue(body: unknown): PendingValue["server"] | undefined {
  const details = (body as ErrorBody | null)?.error?.details ?? [];
  for (const d of details) {
    const v = asRecord(d.value);
    if (v && typeof v.version === "number") {
      const value = v.value;
      return {
        value: typeof value === "number" || typeof value === "boolean" ? value : null,
        version: v.version,
        updatedBy: typeof v.updatedBy === "string" ? v.updatedBy : null,
        updatedAt: typeof v.updatedAt === "string" ? v.updatedAt : null,
      };
    }
  }
  return undefined;
}

function errorOf(status: number, body: unknown): NonNullable<PendingValue["error"]> {
  const e = (body as ErrorBody | null)?.error;
  const first = e?.details?.[0];
  return {
    code: e?.code ?? `HTTP_${status}`,
    // The server's message is already in the request's language (Accept-Language).
    message:
      first?.message && e?.code === "VALIDATION_FAILED" ? first.message : (e?.message ?? `HTTP ${status}`),
    ...(first?.path ? { field: first.path } : {}),
  };
}

/**
 * The outcome of sending `write`. A 409 STALE_VERSION whose current value is the one we sent is
 * taken as sent: our own earlier try reached the server but its answer did not reach us (the PUT
 * has no Idempotency-Key; expectedVersion makes the replay safe, and this makes it quiet).
 */
export function outcomeOf(write: ValueWrite, answer: Answer): Outcome {
  if (answer.status === "network") return { kind: "retry" };
  const { status, body } = answer;
  if (status === 200 || status === 201) {
    const version = asRecord(body)?.version;
    return { kind: "sent", version: typeof version === "number" ? version : null };
  }
  if (status === 401) return { kind: "signedOut" };
  const error = errorOf(status, body);
  if (status === 409 && error.code === "STALE_VERSION") {
    const server = staleServerValue(body);
    if (server && server.version > 0 && server.value === write.value)
      return { kind: "sent", version: server.version };
    return { kind: "conflict", error, ...(server ? { server } : {}) };
  }
  if (status === 400 || status === 422) return { kind: "invalid", error };
  // 408, 429, 5xx: the server may take it later.
  if (status === 408 || status === 429 || status >= 500) return { kind: "retry" };
  // 403 (not this unit's cell, no right to write), 404 (no such indicator or unit), 409 (locked;
  // a concurrent write of the same cell is not retried blindly either): trying again won't help.
  return { kind: "refused", error };
}
