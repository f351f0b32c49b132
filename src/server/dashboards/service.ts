/**
 * The plan overview dashboard: each system and target with status, progress and forecast, from
 * the country's roll-up cells, with what the caller may not see left out and saying so. Answers
 * are memoised by the state they were computed from (memos.ts, cache.ts). An indicator's own
 * reads (series, breakdown, comparison) are in indicator-reads.ts.
 */
import type { Executor } from "../../db/client.js";
import { type CellSource, IndicatorValues } from "../../domain/indicator-values.js";
import { assessTarget, rollUpStatus } from "../../domain/overview.js";
import { formatPeriod, type Period, periodOf } from "../../domain/periods.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { AppError } from "../core/errors.js";
import { type EncodedJson, encodeJson } from "../core/http/encoded.js";
import { getPlanByCode } from "../plans/index.js";
import { cellFingerprints, definitionsPart, stateKey } from "./cache.js";
import { type Catalogue, dependencies, loadCatalogue, loadCells } from "./load.js";
import { catalogueAt, catalogueId, memosOf } from "./memos.js";
import { presentAssessment, round } from "./presenter.js";
import { countryUnitId, lastChangeBatchId } from "./queries.js";
import { hiddenFor, unreadableFor } from "./visibility.js";

export type { Catalogue };

/** The current month in Viet Nam (UTC+7). */
export function currentMonth(clock = new Date()): Period {
  const local = new Date(clock.getTime() + 7 * 3600_000);
  return periodOf("month", local.getUTCFullYear(), local.getUTCMonth() + 1);
}

/** What an overview depends on: the plan's catalogue at the current state, and the memo key. */
async function overviewState(
  db: Executor,
  planId: string,
  principal: Principal,
  layer: Layer,
  clock: Date,
  key?: string,
) {
  key ??= await stateKey(db);
  const cat = await catalogueAt(db, planId, key);
  const vn = await memosOf(db).countries.get(key, () => countryUnitId(db));
  const hidden = hiddenFor(principal, cat, vn, layer);
  const unreadable = unreadableFor(principal, cat);
  const fingerprint = `${[...cat.byCode.keys()].filter(hidden).join(",")}|${[...cat.byCode.keys()].filter(unreadable).join(",")}`;
  const period = formatPeriod(currentMonth(clock));
  return { cat, memoKey: `${planId}|${key}|${layer}|${period}|${fingerprint}` };
}

/**
 * The overview encoded (JSON bytes, gzip, ETag), memoised like `planOverview`: repeated reads of
 * an unchanged state cost one small query and no serialisation. `check` validates the answer
 * once, when computed.
 */
export async function planOverviewJson(
  db: Executor,
  planCode: string,
  principal: Principal,
  layer: Layer,
  check: (value: unknown) => unknown,
  clock = new Date(),
): Promise<EncodedJson> {
  // One query per read of an unchanged state: the state key; the plan's id comes from a memo
  // keyed by the definitions it belongs to (an unknown code is not remembered).
  const key = await stateKey(db);
  const planId = await memosOf(db).planIds.get(
    `${definitionsPart(key)}|${planCode}`,
    async () => (await getPlanByCode(db, planCode)).id,
  );
  const { cat, memoKey } = await overviewState(db, planId, principal, layer, clock, key);
  return memosOf(db).overviewJson.get(memoKey, async () =>
    encodeJson(check(await computeOverview(db, cat, principal, layer, clock))),
  );
}

export async function planOverview(
  db: Executor,
  planId: string,
  principal: Principal,
  layer: Layer,
  clock = new Date(),
  /** Reads the country's cells another way (the benchmark's naive GROUP BY over raw values); not memoised. */
  countryCells?: (cat: Catalogue, unitId: string) => Promise<CellSource>,
): Promise<Awaited<ReturnType<typeof computeOverview>>> {
  if (countryCells)
    return computeOverview(db, await loadCatalogue(db, planId), principal, layer, clock, countryCells);
  const { cat, memoKey } = await overviewState(db, planId, principal, layer, clock);
  return memosOf(db).overviews.get(memoKey, () =>
    computeOverview(db, cat, principal, layer, clock),
  ) as Promise<Awaited<ReturnType<typeof computeOverview>>>;
}

async function computeOverview(
  db: Executor,
  cat: Catalogue,
  principal: Principal,
  layer: Layer,
  clock: Date,
  countryCells?: (cat: Catalogue, unitId: string) => Promise<CellSource>,
) {
  const vn = await countryUnitId(db);
  const cells = countryCells ? await countryCells(cat, vn) : (await loadCells(db, cat, [vn], layer)).get(vn);
  if (!cells) throw new AppError("INTERNAL");
  const hidden = hiddenFor(principal, cat, vn, layer);
  const unreadable = unreadableFor(principal, cat);
  const values = new IndicatorValues(cat.specs, cells, hidden);
  const now = currentMonth(clock);
  const prints = countryCells ? undefined : await cellFingerprints(db, vn, layer);
  const targets = await Promise.all(
    [...cat.byCode.values()]
      .filter((i) => i.tier === "target" && !unreadable(i.code))
      .map((target) => {
        // Judged on the KPIs the caller may know of: an unpublished one is not named to the public.
        const i = { ...target, measuredBy: target.measuredBy.filter((m) => !unreadable(m.code)) };
        const compute = async () => assessTarget(values, i, cat.byCode, now, clock, cat.thresholds);
        if (!prints) return compute();
        const deps = new Set<string>();
        for (const c of [i.code, ...i.measuredBy.map((m) => m.code)]) dependencies(cat, c, deps);
        const depKey = [...deps]
          .sort()
          .map((c) => `${c}:${hidden(c) ? "h" : (prints.get(cat.byCode.get(c)?.id ?? "") ?? "-")}`)
          .join(",");
        // The catalogue object is per definitions state: a definitions change gives a new one.
        return memosOf(db).targets.get(
          `${catalogueId(cat)}|${layer}|${formatPeriod(now)}|${clock.getUTCFullYear()}|${i.code}|${i.measuredBy.map((m) => m.code).join(",")}|${depKey}`,
          compute,
        );
      }),
  );
  const byTarget = new Map(targets.map((t) => [t.code, t]));
  const systems = cat.systems.map((s) => {
    const parts = s.targets
      .map((t) => {
        const a = byTarget.get(t.code);
        return a ? { status: a.status, progress: a.progress, weight: t.weight } : null;
      })
      .filter((x): x is NonNullable<typeof x> => x !== null);
    const r = rollUpStatus(parts);
    return {
      code: s.code,
      name: { vi: s.nameVi, en: s.nameEn },
      status: r.status,
      progress: round(r.progress),
      counts: r.counts,
      targets: s.targets.filter((t) => !unreadable(t.code)).map((t) => t.code),
    };
  });
  const plan = rollUpStatus(systems.map((s) => ({ status: s.status, progress: s.progress, weight: 1 })));
  return {
    basis: layer,
    period: formatPeriod(now),
    generatedAt: clock.toISOString(),
    lastEventId: await lastChangeBatchId(db),
    status: plan.status,
    progress: round(plan.progress),
    counts: rollUpStatus(targets.map((t) => ({ status: t.status, progress: t.progress, weight: 1 }))).counts,
    systems,
    targets: targets.map((t) => ({
      ...presentAssessment(t, cat),
      measuredBy: t.measuredBy.map((k) => ({ ...presentAssessment(k, cat), weight: k.weight })),
    })),
  };
}
