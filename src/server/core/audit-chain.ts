/**
 * The audit hash chain (pure): each entry's hash covers the previous entry's hash and the entry's
 * canonical JSON, so editing or removing any entry breaks every later link.
 */
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so the same value always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export interface ChainedFields {
  at: string;
  actorUserId: string | null;
  actor: string;
  role: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  rowCount: number | null;
  fileHash: string | null;
  requestId: string | null;
  ip: string | null;
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(canonicalJson(fields)).digest("hex");
}

const SECRET_KEY = /pass(word)?|secret|token|hash|totp|cookie|authorization/i;

/** Leaves secrets out of before/after snapshots. */
export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        SECRET_KEY.test(k) ? "[redacted]" : redactSecrets(v),
      ]),
    );
  }
  return value;
}

/** The newest entry of the chain: what the anchor file keeps. */
export interface AuditHead {
  seq: number;
  hash: string;
}
