/**
 * A cell's last twelve periods beside it, as DHIS2 shows them: a typo (an extra digit, a decimal
 * point in the wrong place) stands far outside the cell's own history. Pure.
 */
import type { EntryCell } from "../../api/entry-types.js";

/** The numeric figures of the history, oldest first (milestones and gaps left out). */
export function historyFigures(history: EntryCell["history"]): number[] {
  const out: number[] = [];
  for (const h of history)
    if (h && typeof h.value === "number" && Number.isFinite(h.value)) out.push(h.value);
  return out;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/**
 * Whether `value` lies far outside the range of at least three earlier figures: beyond the range
 * by more than the range itself or half the median, whichever is larger (at least 1). A count
 * growing month on month stays inside; 270 090 typed for 27 009, or 2,7 for 27, does not.
 */
export function farFromHistory(
  value: number | boolean | null | undefined,
  figures: readonly number[],
): boolean {
  if (typeof value !== "number" || !Number.isFinite(value) || figures.length < 3) return false;
  const lo = Math.min(...figures);
  const hi = Math.max(...figures);
  const margin = Math.max(hi - lo, Math.abs(median(figures)) / 2, 1);
  return value < lo - margin || value > hi + margin;
}

/** Points of a sparkline `width` × `height` for the figures in their slots (null: a gap), plus the bounds. */
export function sparkPoints(
  slots: readonly (number | null)[],
  width: number,
  height: number,
): { x: number; y: number }[] {
  const nums = slots.filter((v): v is number => v !== null);
  if (nums.length === 0) return [];
  const lo = Math.min(...nums);
  const hi = Math.max(...nums);
  const span = hi - lo || 1;
  const step = slots.length > 1 ? width / (slots.length - 1) : 0;
  const pts: { x: number; y: number }[] = [];
  slots.forEach((v, i) => {
    if (v === null) return;
    // Flat history: a line across the middle rather than along the bottom edge.
    const y = hi === lo ? height / 2 : height - ((v - lo) / span) * height;
    pts.push({ x: Math.round(i * step * 10) / 10, y: Math.round(y * 10) / 10 });
  });
  return pts;
}
