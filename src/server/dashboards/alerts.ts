/**
 * The alerts a Steering Committee reads first, in one answer: targets off track (and why, since
 * when), targets whose latest value changed their status, units that have not reported the
 * period, and outlying and revised values. Composed from the overview (memoised) and the
 * period's data quality, so it says nothing those two do not, and hides what they hide.
 */
import type { Executor } from "../../db/client.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { dataQuality } from "../quality/index.js";
import { planOverview } from "./service.js";

type Quality = Awaited<ReturnType<typeof dataQuality>>;
type Overview = Awaited<ReturnType<typeof planOverview>>;
type TargetRow = Overview["targets"][number];

/** How many of each list are listed (the counts give the whole). */
export const ALERTS_LIMIT = 20;

function targetAlert(t: TargetRow) {
  return {
    code: t.code,
    name: t.name,
    systems: t.systems,
    status: t.status,
    previousStatus: t.previousStatus,
    changedAt: t.changedAt,
    probability: t.probability,
    reason: t.reason,
    basedOn: t.basedOn,
  };
}

export async function planAlerts(
  db: Executor,
  plan: { id: string; code: string; dueRule: Parameters<typeof dataQuality>[1]["dueRule"] },
  period: Parameters<typeof dataQuality>[2],
  principal: Principal,
  layer: Layer,
  now = new Date(),
) {
  // Data quality authorizes itself (who may see which gaps); the overview hides what it must.
  const quality: Quality = await dataQuality(db, plan, period, principal, now);
  const overview = await planOverview(db, plan.id, principal, layer, now);
  const offTrack = overview.targets
    .filter((t) => t.status === "off_track")
    .sort((a, b) => (a.probability ?? 0) - (b.probability ?? 0));
  // A status its target's latest value brought (changedAt is the period of the value that moved it).
  const changed = overview.targets.filter(
    (t) => t.previousStatus !== null && t.changedAt !== null && t.changedAt === t.latest?.period,
  );
  const notReported = quality.byUnit.filter((u) => u.missing.length > 0);
  const flaggedAs = (flag: "outlier" | "revised") => quality.flagged.filter((f) => f.flags.includes(flag));
  const outliers = flaggedAs("outlier");
  const revised = flaggedAs("revised");
  return {
    plan: plan.code,
    period: quality.period,
    basis: layer,
    generatedAt: now.toISOString(),
    lastEventId: overview.lastEventId,
    counts: {
      offTrack: offTrack.length,
      statusChanges: changed.length,
      unitsNotReported: notReported.length,
      missingValues: quality.summary.missing,
      outliers: outliers.length,
      revised: revised.length,
    },
    offTrack: offTrack.slice(0, ALERTS_LIMIT).map(targetAlert),
    statusChanges: changed.slice(0, ALERTS_LIMIT).map(targetAlert),
    notReported: notReported.slice(0, ALERTS_LIMIT).map((u) => ({
      unit: u.unit,
      expected: u.expected,
      reported: u.reported,
      missing: u.missing,
    })),
    outliers: outliers.slice(0, ALERTS_LIMIT),
    revised: revised.slice(0, ALERTS_LIMIT),
  };
}
