/**
 * One indicator's share of the data-quality answer (view.ts), as one caller sees it: its group's
 * facts (groups.ts) read with the caller's visibility (whose gaps they see) and the read rule of
 * values, into counts, the units expected and missing, and the values flagged. A part depends on
 * its group's version and who asks: after one value is written, only that indicator's is built
 * again.
 */
import { type Flag, flagScoredDue } from "../../domain/quality.js";
import { canReadValue, type Principal } from "../access/index.js";
import type { Group, GroupRow, UnitCatalogue } from "./groups.js";
import type { ReportedIndicator } from "./queries.js";

/** No unit has this id: a value readable with it is readable whatever its units. */
const NO_UNIT = "00000000-0000-0000-0000-000000000000";
export const LATE = 1;
export const OUTLIER = 2;
export const REVISED = 4;
export const FLAG_BIT: Record<Flag, number> = { late: LATE, outlier: OUTLIER, revised: REVISED };

/** One indicator's share of the answer, as one caller sees it. */
export interface Part {
  indicator: ReportedIndicator;
  due: Date;
  /** Listed in `byIndicator`: someone is expected, or someone reported. */
  included: boolean;
  expected: number;
  reported: number;
  /** Units expected and visible (ascending index), and whether each reported. */
  seenUnits: Int32Array;
  seenReported: Uint8Array;
  /** Units expected, visible and not reported (ascending index). */
  missing: Int32Array;
  /** Flagged values the caller reads: reported ones by unit, then the caller's drafts by unit. */
  flaggedRows: GroupRow[];
  flaggedBits: Uint8Array;
  /** Where the drafts start in `flaggedRows`. */
  draftsFrom: number;
  /** Units with a flagged value (ascending index). */
  flaggedUnits: Int32Array;
  late: number;
  outliers: number;
  revised: number;
}

export interface PartContext {
  plan: { id: string };
  principal: Principal;
  units: UnitCatalogue;
  /** Whether the caller sees this indicator's gaps at every unit (they review it). */
  reviewed: boolean;
  /** Units whose gaps the caller sees anyway (their own). */
  unitScope: ReadonlySet<string>;
  now: Date;
}

function sortedInts(xs: number[]): Int32Array {
  const a = Int32Array.from(xs);
  a.sort();
  return a;
}

/** The part of one indicator: its group's rows read with the caller's visibility and read rule. */
export function buildPart(g: Group, ind: ReportedIndicator, due: Date, c: PartContext): Part {
  const { units, principal } = c;
  const readable = (r: { unit: number; reporterUnitId: string | null; status: string }) =>
    canReadValue(principal, {
      orgUnitId: units.ids[r.unit] as string,
      reporterUnitId: r.reporterUnitId ?? NO_UNIT,
      status: r.status,
      indicatorCode: ind.code,
      indicatorPublished: ind.published,
      responsibleUnitId: ind.responsibleUnitId,
      planIds: [c.plan.id],
      systemIds: ind.systemIds ?? [],
    });
  const readsAll = (status: string) =>
    canReadValue(principal, {
      orgUnitId: NO_UNIT,
      reporterUnitId: NO_UNIT,
      status,
      indicatorCode: ind.code,
      indicatorPublished: ind.published,
      responsibleUnitId: ind.responsibleUnitId,
      planIds: [c.plan.id],
      systemIds: ind.systemIds ?? [],
    });
  const allSubmitted = readsAll("submitted");
  const allApproved = readsAll("approved");
  const visible = (unit: number) => c.reviewed || c.unitScope.has(units.ids[unit] as string);

  let expectedAll = 0;
  let reportedAll = 0;
  let expected = 0;
  let reported = 0;
  const seen: number[] = [];
  const seenReported: number[] = [];
  const missing: number[] = [];
  const flagged: GroupRow[] = [];
  const bits: number[] = [];
  const drafts: GroupRow[] = [];
  const draftBits: number[] = [];
  const flaggedUnits: number[] = [];
  let late = 0;
  let outliers = 0;
  let revised = 0;
  for (const r of g.rows) {
    const isReported = r.status !== null && r.status !== "draft";
    if (isReported) reportedAll++;
    if (r.expected) {
      expectedAll++;
      if (visible(r.unit)) {
        expected++;
        seen.push(r.unit);
        seenReported.push(isReported ? 1 : 0);
        if (!isReported) missing.push(r.unit);
      }
    }
    if (r.observationId === null || r.status === null) continue;
    const status = r.status;
    const reads =
      status === "submitted" && allSubmitted
        ? true
        : status === "approved" && allApproved
          ? true
          : readable({ unit: r.unit, reporterUnitId: r.reporterUnitId, status });
    if (!reads) continue;
    if (isReported && visible(r.unit)) reported++;
    // Flags on what the caller may read: reported values, and their own unit's drafts.
    const f = flagScoredDue(
      due,
      { value: r.value, firstSubmittedAt: r.submittedAt, revised: r.revised, zOwn: r.zOwn, zPeers: r.zPeers },
      c.now,
    );
    if (f.flags.length === 0) continue;
    let b = 0;
    for (const x of f.flags) b |= FLAG_BIT[x];
    if (b & LATE) late++;
    if (b & OUTLIER) outliers++;
    if (b & REVISED) revised++;
    flaggedUnits.push(r.unit);
    if (isReported) {
      flagged.push(r);
      bits.push(b);
    } else {
      drafts.push(r);
      draftBits.push(b);
    }
  }
  // Nobody has reported it yet: its responsible body is expected, as the country.
  if (expectedAll === 0 && reportedAll === 0 && units.country >= 0 && ind.responsibleUnitId) {
    expectedAll = 1;
    if (visible(units.country)) {
      expected = 1;
      seen.push(units.country);
      seenReported.push(0);
      missing.push(units.country);
    }
  }
  return {
    indicator: ind,
    due,
    included: expectedAll > 0 || reportedAll > 0,
    expected,
    reported,
    seenUnits: Int32Array.from(seen),
    seenReported: Uint8Array.from(seenReported),
    missing: Int32Array.from(missing),
    flaggedRows: [...flagged, ...drafts],
    flaggedBits: Uint8Array.from([...bits, ...draftBits]),
    draftsFrom: flagged.length,
    flaggedUnits: sortedInts(flaggedUnits),
    late,
    outliers,
    revised,
  };
}
