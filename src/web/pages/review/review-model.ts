/**
 * The review queue's pure parts: the list query a view's filters make, the change from the period
 * before (a jump betrays a typo), the selection of rows for a move in bulk, the items a batch sends
 * and the rows a stale-batch refusal names. No DOM, no requests: tested in test/web/review-model.test.ts.
 */

export type ReviewTab = "submitted" | "approved";

/** The filters in the page's URL. */
export interface ReviewFilters {
  unit?: string | undefined;
  indicator?: string | undefined;
  period?: string | undefined;
}

/** A page of the queue: at most this many rows (a batch may hold 1,000; a page is what one reads). */
export const PAGE_SIZE = 50;

/**
 * GET /observations's query for a tab: the submitted values the caller may approve or return, or
 * the approved values they review (the same `reviewable` rule, another state), each with the
 * cell's value in the period before. `under` includes the unit's subtree.
 */
export function listQuery(tab: ReviewTab, f: ReviewFilters, cursor?: string) {
  return {
    status: tab,
    reviewable: "true" as const,
    previous: "true" as const,
    limit: PAGE_SIZE,
    ...(f.unit ? { under: f.unit } : {}),
    ...(f.indicator ? { indicator: f.indicator } : {}),
    ...(f.period ? { from: f.period, to: f.period } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export interface Change {
  /** value − previous. */
  delta: number;
  /** delta / |previous|; null when the previous figure is 0. */
  ratio: number | null;
  /** Large enough to look twice: at least half again or half less, or from 0 to something. */
  large: boolean;
}

/** A value's change from the period before; null when either is missing or not a number. */
export function changeFrom(
  value: number | boolean,
  previous: number | boolean | null | undefined,
): Change | null {
  if (typeof value !== "number" || typeof previous !== "number") return null;
  const delta = value - previous;
  const ratio = previous === 0 ? null : delta / Math.abs(previous);
  const large = ratio === null ? delta !== 0 : Math.abs(ratio) >= 0.5;
  return { delta, ratio, large };
}

/** A row as the selection needs it. */
export interface Selectable {
  id: string;
  version: number;
  can: { approve: boolean; return: boolean };
}

/** Rows that some bulk move applies to (the others show no checkbox). */
export function movable(r: Selectable): boolean {
  return r.can.approve || r.can.return;
}

export function toggle(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The page's header checkbox: every movable row of the page selected, some, or none. */
export function pageSelection(
  rows: readonly Selectable[],
  selected: ReadonlySet<string>,
): "all" | "some" | "none" {
  const ids = rows.filter(movable).map((r) => r.id);
  const n = ids.filter((id) => selected.has(id)).length;
  if (n === 0) return "none";
  return n === ids.length ? "all" : "some";
}

/** The header checkbox pressed: selects every movable row of the page, or clears them when all were. */
export function togglePage(rows: readonly Selectable[], selected: ReadonlySet<string>): Set<string> {
  const all = pageSelection(rows, selected) === "all";
  const next = new Set(selected);
  for (const r of rows.filter(movable)) {
    if (all) next.delete(r.id);
    else next.add(r.id);
  }
  return next;
}

/** The selection kept after the list changed (a refresh, another page): only rows still shown and movable. */
export function keepShown(rows: readonly Selectable[], selected: ReadonlySet<string>): Set<string> {
  const shown = new Set(rows.filter(movable).map((r) => r.id));
  const next = new Set([...selected].filter((id) => shown.has(id)));
  // Same contents: the same set, so React sees no change.
  return next.size === selected.size ? (selected as Set<string>) : next;
}

export type Move = "approve" | "return";

/**
 * The batch for a move: each selected row the move applies to, with the version the reviewer saw
 * (a newer one refuses the whole batch, STALE_BATCH). `skipped` counts selected rows it does not apply to.
 */
export function batchItems(
  rows: readonly Selectable[],
  selected: ReadonlySet<string>,
  move: Move,
): { items: { id: string; expectedVersion: number }[]; skipped: number } {
  const chosen = rows.filter((r) => selected.has(r.id));
  const items = chosen.filter((r) => r.can[move]).map((r) => ({ id: r.id, expectedVersion: r.version }));
  return { items, skipped: chosen.length - items.length };
}

export interface ErrorDetail {
  path?: string;
  message: string;
  messageEn?: string;
}

/** The ids of a batch's items that a refusal's details name (by `body.items.<n>…`), in order. */
export function namedItems(details: readonly unknown[], items: readonly { id: string }[]): string[] {
  const out: string[] = [];
  for (const d of details) {
    const path = typeof d === "object" && d !== null ? (d as { path?: unknown }).path : undefined;
    const m = typeof path === "string" ? /^body\.items\.(\d+)(\.|$)/.exec(path) : null;
    const id = m ? items[Number(m[1])]?.id : undefined;
    if (id && !out.includes(id)) out.push(id);
  }
  return out;
}

/** A refusal's detail lines in the page's language (the server writes both). */
export function detailLines(details: readonly unknown[], lang: "vi" | "en"): string[] {
  return details
    .filter(
      (d): d is ErrorDetail =>
        typeof d === "object" && d !== null && typeof (d as ErrorDetail).message === "string",
    )
    .map((d) => (lang === "en" && d.messageEn ? d.messageEn : d.message));
}

/** A reason as the server takes it: trimmed, and required to return or revise. */
export function reasonProblem(
  reason: string,
  min: number,
  max: number,
): "required" | "short" | "long" | null {
  const r = reason.trim();
  if (r.length === 0) return "required";
  if (r.length < min) return "short";
  if (r.length > max) return "long";
  return null;
}
