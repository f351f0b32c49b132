/**
 * The pure part of the audit page: the URL's filters read and turned into GET /audit's query
 * (days as the user's local days), where an entity's own page is, what an entry's reason is, and
 * the chain's verification told in words (i18n keys with their values).
 */

/** The entity types the trail records (what the filter offers; the server accepts any). */
export const ENTITY_TYPES = [
  "api_token",
  "focal_person",
  "indicator",
  "indicator_target",
  "initiative",
  "observation",
  "org_unit",
  "plan",
  "project",
  "system",
  "user",
] as const;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  /** Local days, YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day YYYY-MM-DD that exists, or undefined. */
export function day(v: unknown): string | undefined {
  if (typeof v !== "string") return undefined;
  const m = DAY.exec(v);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
    ? v
    : undefined;
}

/** Free text for a filter (an id, a username): trimmed, printable, at most `max` characters. */
export function text(v: unknown, max: number): string | undefined {
  if (typeof v === "number") return text(String(v), max);
  if (typeof v !== "string") return undefined;
  const s = v.trim();
  const control = [...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127);
  return s.length > 0 && s.length <= max && !control ? s : undefined;
}

/** Whether the range runs backwards (the page says so instead of asking). */
export function badRange(f: AuditFilters): boolean {
  return !!f.from && !!f.to && f.from > f.to;
}

function localDay(d: string, end: boolean): string {
  const [y, m, dd] = d.split("-").map(Number) as [number, number, number];
  const date = end ? new Date(y, m - 1, dd, 23, 59, 59, 999) : new Date(y, m - 1, dd, 0, 0, 0, 0);
  return date.toISOString();
}

export interface AuditListQuery {
  limit: number;
  cursor?: string;
  entityType?: string;
  entityId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

/** GET /audit's query for the filters: the days from the start of `from` to the end of `to`, locally. */
export function auditQuery(f: AuditFilters, limit: number, cursor?: string): AuditListQuery {
  const q: AuditListQuery = { limit };
  if (cursor) q.cursor = cursor;
  if (f.entityType) q.entityType = f.entityType;
  if (f.entityId) q.entityId = f.entityId;
  if (f.actor) q.actor = f.actor;
  if (f.from) q.from = localDay(f.from, false);
  if (f.to) q.to = localDay(f.to, true);
  return q;
}

/** Where an entity is shown in the app, if anywhere. */
export type EntityLink =
  | { to: "/indicators/$code"; params: { code: string } }
  | { to: "/org-units/$code"; params: { code: string } }
  | { to: "/plans/$plan/systems/$system"; params: { plan: string; system: string } }
  | { to: "/plans/$plan/initiatives/$initiative"; params: { plan: string; initiative: string } }
  | { to: "/admin/users/$id"; params: { id: string } };

export function entityLink(type: string, id: string | null): EntityLink | null {
  if (!id) return null;
  const parts = id.split("/");
  switch (type) {
    case "indicator":
      return { to: "/indicators/$code", params: { code: id } };
    // "INDICATOR/PLAN/YEAR[/UNIT]": the indicator's page holds its targets.
    case "indicator_target":
      return parts[0] ? { to: "/indicators/$code", params: { code: parts[0] } } : null;
    case "org_unit":
      return { to: "/org-units/$code", params: { code: id } };
    case "system":
      return parts.length === 2 && parts[0] && parts[1]
        ? { to: "/plans/$plan/systems/$system", params: { plan: parts[0], system: parts[1] } }
        : null;
    case "initiative":
      return parts.length === 2 && parts[0] && parts[1]
        ? { to: "/plans/$plan/initiatives/$initiative", params: { plan: parts[0], initiative: parts[1] } }
        : null;
    case "user":
      return { to: "/admin/users/$id", params: { id } };
    default:
      return null;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** The reason recorded with a change: commands put it in the `after` side (or, for a removal, `before`). */
export function reasonOf(e: { before: unknown; after: unknown }): string | null {
  for (const side of [e.after, e.before])
    if (isRecord(side) && typeof side.reason === "string" && side.reason.trim()) return side.reason;
  return null;
}

/** A bulk entry (an import): GET /audit/{seq} lists the rows it wrote. */
export function isBulk(e: { after: unknown }): boolean {
  return isRecord(e.after) && typeof e.after.importId === "string";
}

export interface VerifyResultLike {
  ok: boolean;
  entries: number;
  head: { seq: number; hash: string } | null;
  brokenAt?: { seq: number; kind: string };
  anchor?: { seq: number; status: string };
}

export interface Line {
  key: string;
  values: Record<string, string | number>;
}

/**
 * The verification in sentences: intact with the count, or broken at an entry and how; then the
 * newest entry checked; then what the anchor says (or that there is none yet).
 */
export function verifyLines(r: VerifyResultLike): Line[] {
  const lines: Line[] = [];
  if (r.ok) lines.push({ key: "verify.intact", values: { count: r.entries } });
  else if (r.brokenAt) {
    lines.push({ key: "verify.broken", values: { seq: r.brokenAt.seq } });
    // A broken anchor is told by the anchor's own line below.
    if (!r.brokenAt.kind.startsWith("anchor_"))
      lines.push({ key: `verify.kind.${r.brokenAt.kind}`, values: {} });
  }
  if (r.head) lines.push({ key: "verify.head", values: { seq: r.head.seq, hash: r.head.hash.slice(0, 16) } });
  lines.push(
    r.anchor
      ? { key: `verify.anchor.${r.anchor.status}`, values: { seq: r.anchor.seq } }
      : { key: "verify.anchor.none", values: {} },
  );
  return lines;
}
