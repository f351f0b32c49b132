/**
 * Progress of running imports, for the web app's progress bar: keyed by the caller and the
 * upload's Idempotency-Key, polled at GET /observations/imports/{key}. Kept by the process that
 * runs the import (behind a load balancer, polls need the same instance: sticky sessions) and
 * forgotten ten minutes after it ends.
 */
export type ImportPhase = "reading" | "writing" | "done" | "failed";

export interface ImportProgress {
  phase: ImportPhase;
  /** Rows read from the file, or written in the writing phase. */
  done: number;
  /** Rows to write (known once the file is read). */
  total: number | null;
  startedAt: string;
  updatedAt: string;
}

const KEEP_MS = 10 * 60_000;

export class ImportProgressRegistry {
  private readonly entries = new Map<string, ImportProgress & { expires?: number }>();

  private key(actor: string, idempotencyKey: string) {
    return `${actor}\u0000${idempotencyKey}`;
  }

  start(actor: string, idempotencyKey: string): (patch: Partial<ImportProgress>) => void {
    this.sweep();
    const now = new Date().toISOString();
    const k = this.key(actor, idempotencyKey);
    this.entries.set(k, { phase: "reading", done: 0, total: null, startedAt: now, updatedAt: now });
    return (patch) => {
      const e = this.entries.get(k);
      if (!e) return;
      Object.assign(e, patch, { updatedAt: new Date().toISOString() });
      if (patch.phase === "done" || patch.phase === "failed") e.expires = Date.now() + KEEP_MS;
    };
  }

  get(actor: string, idempotencyKey: string): ImportProgress | undefined {
    this.sweep();
    const e = this.entries.get(this.key(actor, idempotencyKey));
    if (!e) return undefined;
    const { expires: _expires, ...rest } = e;
    return rest;
  }

  private sweep() {
    const now = Date.now();
    for (const [k, e] of this.entries) if (e.expires !== undefined && e.expires < now) this.entries.delete(k);
  }
}
