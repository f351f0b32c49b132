/**
 * The units pulling an indicator's target down: at one level (provinces, or ministries), the units
 * whose latest value (or the value of a given period) is furthest on the wrong side of the target
 * they are judged against — their own target when they have one, else the national one (not for
 * additive indicators: a province's count is not the country's). From roll-up cells of those
 * units only, with what the caller may not see left out.
 */
import type { Executor } from "../../db/client.js";
import { shortfall } from "../../domain/assessment/target.js";
import { assessmentSeries, currentTarget, type TargetRow } from "../../domain/overview.js";
import { formatPeriod, monthRange, type Period, parsePeriod } from "../../domain/periods.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { notFound } from "../core/errors.js";
import { definitionsPart, stateKey } from "./cache.js";
import { type Catalogue, type CatalogueIndicator, dependencies, loadCells } from "./load.js";
import { catalogueAt, memosOf } from "./memos.js";
import { round } from "./presenter.js";
import { type DashboardUnit, type levelKinds, unitsAtLevel } from "./queries.js";
import { unitReader } from "./unit-reader.js";
import { hiddenFor } from "./visibility.js";

export interface LaggardsQuery {
  level: keyof typeof levelKinds;
  period?: string;
  layer: Layer;
  limit: number;
}

/** The last day of a period (YYYY-MM-DD): the units of a period are those in existence at its end. */
function lastDay(p: Period): string {
  const [, last] = monthRange(p);
  return new Date(Date.UTC(p.year, last, 0)).toISOString().slice(0, 10);
}

const presentTarget = (t: TargetRow) => ({
  year: t.year,
  comparator: t.comparator,
  value: t.value,
  valueMax: t.valueMax ?? null,
  kind: t.kind,
});

/**
 * Memoised like the overview (issue 13: the call sat at the 100 ms bar under load): by the state
 * key (every committed value change and definition change gives a new one), the query, the day
 * (units in existence, the current month) and what the caller may see at each unit, the only way
 * who asks enters the answer. A repeated read costs the state key and the units of the level;
 * the computation itself loads the level's cells of the indicator and its components (4,500 at
 * national scale, from a plan costly enough to be JIT-compiled) and assesses every unit.
 */
export async function indicatorLaggards(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: LaggardsQuery,
  clock = new Date(),
) {
  const key = await stateKey(db);
  const cat = await catalogueAt(db, planId, key);
  const ind = cat.byCode.get(code);
  if (!ind) throw notFound("indicator", code);
  const today = new Date(clock.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  const date = q.period ? lastDay(parsePeriod(q.period)) : today;
  const units = await memosOf(db).levels.get(`${definitionsPart(key)}|${q.level}|${date}`, () =>
    unitsAtLevel(db, q.level, date),
  );
  const codes = [...dependencies(cat, code)];
  const seen = units
    .map((u) => {
      const hidden = hiddenFor(principal, cat, u.id, q.layer);
      return codes.map((c) => (hidden(c) ? "1" : "0")).join("");
    })
    .join(",");
  const memoKey = `${planId}|${key}|${code}|${q.level}|${q.period ?? ""}|${q.layer}|${q.limit}|${today}|${seen}`;
  return memosOf(db).laggards.get(memoKey, () =>
    computeLaggards(db, cat, ind, units, codes, principal, q, clock),
  ) as ReturnType<typeof computeLaggards>;
}

async function computeLaggards(
  db: Executor,
  cat: Catalogue,
  ind: CatalogueIndicator,
  units: DashboardUnit[],
  codes: string[],
  principal: Principal,
  q: LaggardsQuery,
  clock: Date,
) {
  const code = ind.code;
  const period = q.period ? parsePeriod(q.period) : null;
  const deps = codes.map((c) => cat.byCode.get(c)?.id).filter((x): x is string => !!x);
  const sources = await loadCells(
    db,
    cat,
    units.map((u) => u.id),
    q.layer,
    deps,
  );
  const reader = unitReader(cat, ind, sources, principal, q.layer, clock);
  const year = period?.year ?? reader.now.year;
  const national = currentTarget(ind.targets, year);
  const additive = ind.spec.aggregation === "sum";
  const counts = { units: units.length, hidden: 0, noValue: 0, noTarget: 0, meeting: 0, short: 0 };
  const short: {
    unit: DashboardUnit;
    value: number;
    period: string;
    partial: boolean;
    target: TargetRow;
    source: "unit" | "national";
    gap: number;
  }[] = [];
  for (const u of units) {
    const values = reader.valuesOf(u.id);
    if (!values) {
      counts.hidden++;
      continue;
    }
    const own = currentTarget(ind.unitTargets.get(u.id) ?? [], year);
    const target = own ?? (additive ? null : national);
    const seen = period
      ? { ...values.value(code, period), period: formatPeriod(period) }
      : assessmentSeries(values, { ...ind, targets: reader.targetsOf(u) }, reader.now).latest;
    if (!seen || seen.value === null) counts.noValue++;
    else if (!target) counts.noTarget++;
    else {
      const gap = shortfall({ ...target, unit: ind.unit }, seen.value);
      if (gap === null) counts.noTarget++;
      else if (gap === 0) counts.meeting++;
      else {
        counts.short++;
        short.push({
          unit: u,
          value: seen.value,
          period: seen.period,
          partial: seen.partial === true,
          target,
          source: own ? "unit" : "national",
          gap,
        });
      }
    }
  }
  // Someone who may see the indicator at none of these units learns nothing of it.
  if (units.length > 0 && counts.hidden === units.length) throw notFound("indicator", code);
  short.sort((a, b) => b.gap - a.gap || a.unit.code.localeCompare(b.unit.code));
  const total = short.reduce((s, x) => s + x.gap, 0);
  return {
    indicator: { code, name: { vi: ind.nameVi, en: ind.nameEn }, unit: ind.unit },
    level: q.level,
    period: period ? formatPeriod(period) : null,
    basis: q.layer,
    nationalTarget: national ? presentTarget(national) : null,
    counts,
    totalShortfall: round(total) as number,
    items: short.slice(0, q.limit).map((x, k) => {
      const assessment = reader.unitAssessment(x.unit);
      return {
        rank: k + 1,
        unit: { code: x.unit.code, name: { vi: x.unit.nameVi, en: x.unit.nameEn }, kind: x.unit.kind },
        value: round(x.value) as number,
        period: x.period,
        partial: x.partial,
        target: { ...presentTarget(x.target), source: x.source },
        gap: round(x.gap) as number,
        shortfallShare: round(total > 0 ? x.gap / total : 0) as number,
        status: assessment?.status ?? "no_data",
        assessment,
      };
    }),
  };
}
