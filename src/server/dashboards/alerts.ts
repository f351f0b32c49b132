/**
 * The alerts a Steering Committee reads first, in one answer: targets off track (and why, since
 * when), targets whose latest value changed their status, units that have not reported the
 * period, and outlying and revised values. Composed from the overview (memoised) and the
 * period's data quality, so it says nothing those two do not, and hides what they hide.
 */
import type { Executor } from "../../db/client.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { qualityView } from "../quality/index.js";
import { planOverview } from "./service.js";

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
  plan: { id: string; code: string },
  period: Parameters<typeof qualityView>[2],
  principal: Principal,
  layer: Layer,
  now = new Date(),
) {
  // Data quality authorizes itself (who may see which gaps); the overview hides what it must.
  const quality = await qualityView(db, plan, period, principal, now);
  const overview = await planOverview(db, plan.id, principal, layer, now);
  const offTrack = overview.targets
    .filter((t) => t.status === "off_track")
    .sort((a, b) => (a.probability ?? 0) - (b.probability ?? 0));
  // A status its target's latest value brought (changedAt is the period of the value that moved it).
  const changed = overview.targets.filter(
    (t) => t.previousStatus !== null && t.changedAt !== null && t.changedAt === t.latest?.period,
  );
  // The data-quality view pages its lists: the first of each, the counts whole.
  const summary = quality.view.summary();
  const notReported = quality.view.unitsPage({}, ALERTS_LIMIT, undefined, true);
  const outliers = quality.view.flaggedPage({ flag: "outlier" }, ALERTS_LIMIT, undefined);
  const revised = quality.view.flaggedPage({ flag: "revised" }, ALERTS_LIMIT, undefined);
  return {
    plan: plan.code,
    period: quality.period,
    basis: layer,
    generatedAt: now.toISOString(),
    lastEventId: overview.lastEventId,
    counts: {
      offTrack: offTrack.length,
      statusChanges: changed.length,
      unitsNotReported: summary.unitsWithGaps,
      missingValues: summary.missing,
      outliers: outliers.total,
      revised: revised.total,
    },
    offTrack: offTrack.slice(0, ALERTS_LIMIT).map(targetAlert),
    statusChanges: changed.slice(0, ALERTS_LIMIT).map(targetAlert),
    notReported: notReported.items.map((u) => ({
      unit: u.unit,
      expected: u.expected,
      reported: u.reported,
      missing: u.missing,
    })),
    outliers: outliers.items,
    revised: revised.items,
  };
}
