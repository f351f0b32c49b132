/**
 * What a cell shows, from what the server said (its value, status, lock, return), what waits in
 * the outbox for it, and a text the grid itself refused. Pure, so every combination is tested
 * without a browser; the row component only draws the answer.
 */
import type { EntryCell } from "../../api/entry-types.js";
import type { Lang } from "../../lib/format.js";
import type { PendingValue } from "../../offline/types.js";
import type { Bilingual } from "./cell-input.js";
import { inputText, readOnlyText } from "./cell-input.js";
import { farFromHistory, historyFigures } from "./history.js";

/** A text the grid refused before sending (not a number, out of bounds): kept in the cell, in red. */
export interface LocalInvalid {
  text: string;
  message: Bilingual;
}

export type Badge = "empty" | "draft" | "submitted" | "approved" | "returned";
export type Sync = "queued" | "sending" | "invalid" | "conflict" | "refused" | null;

export interface CellView {
  /** The input's text when not being edited. */
  text: string;
  /** The value that text stands for (the pending one first), for the history check. */
  value: number | boolean | null;
  badge: Badge;
  sync: Sync;
  /** Nobody at the unit may type here now: the lock's words (who may change it), or no write right. */
  readOnly: boolean;
  lockMessage: string | null;
  /** The red message beside the cell: the grid's own check, or the server's refusal. */
  error: string | null;
  /** A reviewer sent it back: their reason (null when they gave none, which the server now refuses). */
  returned: { reason: string | null; by: string; at: string } | null;
  /** Far outside the cell's last twelve periods: worth a second look before saving. */
  suspicious: boolean;
}

export function cellView(
  cell: EntryCell,
  pending: PendingValue | undefined,
  invalid: LocalInvalid | undefined,
  lang: Lang,
): CellView {
  const saved = cell.value;
  const readOnly = cell.lock !== null || !cell.can.write;
  const lockMessage = cell.lock ? (lang === "vi" ? cell.lock.message : cell.lock.messageEn) : null;
  const returned = saved?.status === "draft" && cell.returned ? cell.returned : null;
  const badge: Badge = saved ? (returned ? "returned" : saved.status) : "empty";
  const value = pending ? pending.write.value : (saved?.value ?? null);
  let text = readOnly && !pending ? readOnlyText(value, lang) : inputText(value, lang);
  let error: string | null = null;
  if (invalid) {
    text = invalid.text;
    error = lang === "vi" ? invalid.message.vi : invalid.message.en;
  } else if (pending && (pending.state === "invalid" || pending.state === "refused"))
    error = pending.error?.message ?? null;
  return {
    text,
    value,
    badge,
    sync: invalid ? "invalid" : (pending?.state ?? null),
    readOnly,
    lockMessage,
    error,
    returned,
    suspicious: !invalid && farFromHistory(value, historyFigures(cell.history)),
  };
}
