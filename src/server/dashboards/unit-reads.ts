/**
 * What a page for one org unit shows: its latest value of each indicator with the status judged
 * against its own targets (the country: the national ones), from its roll-up cells; and how
 * completely it reported over recent periods, from its own values only.
 */
import type { Executor } from "../../db/client.js";
import { unitCompleteness } from "../../domain/completeness.js";
import { IndicatorValues } from "../../domain/indicator-values.js";
import { assessIndicator, assessmentSeries } from "../../domain/overview.js";
import {
  formatPeriod,
  frequencyOfPeriodKind,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodOf,
  previous,
} from "../../domain/periods.js";
import type { Layer } from "../../domain/rollup.js";
import { authorize, dataGapScope, type Principal } from "../access/index.js";
import { AppError } from "../core/errors.js";
import { stateKey } from "./cache.js";
import { loadCells } from "./load.js";
import { catalogueAt } from "./memos.js";
import { presentAssessment } from "./presenter.js";
import { unitByCode, unitReportRows } from "./queries.js";
import { currentMonth } from "./service.js";
import { hiddenFor } from "./visibility.js";

const tierOrder = ["objective", "target", "kpi", "operational"];

/** The unit's latest value of every indicator of the plan it has one for, with its assessment. */
export async function unitValues(
  db: Executor,
  planId: string,
  unitCode: string,
  principal: Principal,
  layer: Layer,
  clock = new Date(),
) {
  const cat = await catalogueAt(db, planId, await stateKey(db));
  const unit = await unitByCode(db, unitCode);
  const cells = (await loadCells(db, cat, [unit.id], layer)).get(unit.id);
  if (!cells) throw new AppError("INTERNAL");
  const hidden = hiddenFor(principal, cat, unit.id, layer);
  const values = new IndicatorValues(cat.specs, cells, hidden);
  const now = currentMonth(clock);
  const items = [];
  for (const ind of cat.byCode.values()) {
    if (hidden(ind.code)) continue;
    const targets = unit.kind === "country" ? ind.targets : (ind.unitTargets.get(unit.id) ?? []);
    const forUnit = { ...ind, targets };
    if (!assessmentSeries(values, forUnit, now).latest) continue;
    const a = presentAssessment(assessIndicator(values, forUnit, now, clock, cat.thresholds), cat);
    items.push({ indicator: a.code, tier: a.tier, status: a.status, latest: a.latest, assessment: a });
  }
  items.sort(
    (a, b) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier) || a.indicator.localeCompare(b.indicator),
  );
  const counts = { on_track: 0, at_risk: 0, off_track: 0, achieved: 0, no_data: 0 };
  for (const i of items) counts[i.status]++;
  return {
    unit: { code: unit.code, name: { vi: unit.nameVi, en: unit.nameEn }, kind: unit.kind },
    basis: layer,
    period: formatPeriod(now),
    counts,
    items,
  };
}

/** The current period of a kind in Viet Nam. */
function currentPeriod(kind: PeriodKind, clock: Date): Period {
  const m = currentMonth(clock);
  return periodOf(kind, m.year, m.index);
}

/**
 * Expected and reported indicators of one unit in the last `count` periods of a kind up to `to`:
 * what the caller reviews of the plan, or everything when the unit is one of theirs.
 */
export async function unitReportingCompleteness(
  db: Executor,
  planId: string,
  unitCode: string,
  principal: Principal,
  q: { kind?: PeriodKind; count: number; to?: string },
  clock = new Date(),
) {
  const cat = await catalogueAt(db, planId, await stateKey(db));
  const unit = await unitByCode(db, unitCode);
  const given = q.to ? parsePeriod(q.to) : undefined;
  const kind = q.kind ?? given?.kind ?? "month";
  if (given && given.kind !== kind)
    throw new AppError("VALIDATION_FAILED", { summary: `to: ${formatPeriod(given)} ≠ ${kind}` }, [
      {
        path: "querystring.to",
        message: `kỳ “${formatPeriod(given)}” không phải kỳ loại ${kind}`,
        messageEn: `period “${formatPeriod(given)}” is not a ${kind}`,
      },
    ]);
  const frequency = frequencyOfPeriodKind(kind);
  // Entered indicators of that frequency (computed ones are never reported).
  const inds = [...cat.byCode.values()].filter(
    (i) => i.spec.frequency === frequency && !i.spec.formula && i.tier !== "objective",
  );
  const subject = {
    planId,
    indicators: inds.map((i) => ({ id: i.id, code: i.code, systemIds: i.systemIds })),
  };
  authorize(principal, "dataQuality.read", subject);
  const scope = dataGapScope(principal, subject);
  const visible = inds.filter(
    (i) => scope.indicatorIds.has(i.id) && (scope.reviewed.has(i.id) || scope.units.has(unit.id)),
  );
  if (inds.length > 0 && visible.length === 0) throw new AppError("FORBIDDEN");
  const to = given ?? currentPeriod(kind, clock);
  const periods: Period[] = [to];
  while (periods.length < q.count) periods.unshift(previous(periods[0] as Period));
  const codes = periods.map(formatPeriod);
  const rows = visible.length
    ? await unitReportRows(
        db,
        unit.id,
        kind,
        visible.map((i) => i.id),
        codes[0] as string,
        codes[codes.length - 1] as string,
      )
    : [];
  const reports = rows.map((r) => ({
    indicator: cat.byId.get(r.indicator_id)?.code ?? r.indicator_id,
    first: r.first,
    reported: new Set(r.reported ? r.reported.split(",") : []),
  }));
  return {
    unit: { code: unit.code, name: { vi: unit.nameVi, en: unit.nameEn }, kind: unit.kind },
    kind,
    indicators: visible.length,
    periods: unitCompleteness(codes, reports),
  };
}
