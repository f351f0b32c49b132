/**
 * One version of an indicator's definition or target as the before and after a field diff shows
 * (components/ChangeDiff): a change gives what moved, from and to; a creation has no before and
 * its snapshot's filled fields as the after (a target's year and unit are in its heading).
 */
import type { IndicatorHistory } from "../../api/indicator-types.js";

export type HistoryEntry = IndicatorHistory["items"][number];

export interface VersionChange {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const IN_HEADING = new Set(["year", "orgUnitId"]);

export function versionChange(entry: HistoryEntry): VersionChange {
  if (entry.changes) {
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [field, c] of Object.entries(entry.changes)) {
      before[field] = c.from;
      after[field] = c.to;
    }
    return { before, after };
  }
  const after: Record<string, unknown> = {};
  for (const [field, v] of Object.entries(entry.snapshot))
    if (v !== null && v !== undefined && !(entry.entity === "target" && IN_HEADING.has(field)))
      after[field] = v;
  return { before: null, after };
}

/** The top-level field of a diff path ("aggregationComponents.weight" → "aggregationComponents"). */
export function fieldOf(path: string): { field: string; rest: string } {
  const dot = path.indexOf(".");
  return dot < 0 ? { field: path, rest: "" } : { field: path.slice(0, dot), rest: path.slice(dot + 1) };
}
