/**
 * Dashboard reads: the plan overview, an indicator's series with target line and forecast band,
 * its breakdown by unit and a comparison of units — all from roll-up cells, with what the caller
 * may not see left out and saying so.
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import { forecast } from "../../domain/assessment/forecast.js";
import { type CellSource, IndicatorValues } from "../../domain/indicator-values.js";
import {
  assessIndicator,
  assessmentSeries,
  assessTarget,
  currentTarget,
  rollUpStatus,
  type TargetOverview,
} from "../../domain/overview.js";
import { formatPeriod, type Period, type PeriodKind, parsePeriod, periodOf } from "../../domain/periods.js";
import type { Layer } from "../../domain/rollup.js";
import type { Principal } from "../access/index.js";
import { canReadRollup } from "../access/index.js";
import { AppError, notFound } from "../core/errors.js";
import { type EncodedJson, encodeJson } from "../core/http/encoded.js";
import { getPlanByCode } from "../plans/index.js";
import { AnswerCache, cellFingerprints, definitionsPart, stateKey } from "./cache.js";
import { type Catalogue, type CatalogueIndicator, dependencies, loadCatalogue, loadCells } from "./load.js";

export type { Catalogue };

/** The current month in Viet Nam (UTC+7). */
export function currentMonth(clock = new Date()): Period {
  const local = new Date(clock.getTime() + 7 * 3600_000);
  return periodOf("month", local.getUTCFullYear(), local.getUTCMonth() + 1);
}

export async function countryUnitId(db: Executor): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    db,
    sql`select id from org_units where kind = 'country' limit 1`,
  );
  if (!row) throw new AppError("INTERNAL");
  return row.id;
}

export async function unitByCode(db: Executor, code: string) {
  const [row] = await queryRows<{
    id: string;
    code: string;
    name_vi: string;
    name_en: string | null;
    kind: string;
  }>(db, sql`select id, code, name_vi, name_en, kind from org_units where code = ${code}`);
  if (!row) throw notFound("org_unit", code);
  return row;
}

function hiddenFor(p: Principal, cat: Catalogue, unitId: string, layer: Layer) {
  return (code: string) => {
    const ind = cat.byCode.get(code);
    if (!ind) return false;
    return !canReadRollup(
      p,
      { planId: cat.planId, published: ind.published, systemIds: ind.systemIds, unitId, indicatorCode: code },
      layer,
    );
  };
}

const round = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1e6) / 1e6;

function presentAssessment(a: Omit<TargetOverview, "measuredBy">, cat: Catalogue) {
  const ind = cat.byCode.get(a.code) as CatalogueIndicator;
  return {
    code: a.code,
    tier: ind.tier,
    name: { vi: ind.nameVi, en: ind.nameEn },
    unit: ind.unit,
    systems: ind.systemCodes,
    status: a.status,
    progress: round(a.progress),
    latest: a.latest ? { ...a.latest, value: round(a.latest.value) as number } : null,
    target: a.target
      ? {
          year: a.target.year,
          comparator: a.target.comparator,
          value: a.target.value,
          valueMax: a.target.valueMax ?? null,
          kind: a.target.kind,
        }
      : null,
    forecast: a.forecast
      ? {
          method: a.forecast.method,
          year: a.forecast.year,
          value: round(a.forecast.value) as number,
          low: round(a.forecast.low) as number,
          high: round(a.forecast.high) as number,
        }
      : null,
    reachedYear: a.reachedYear,
    reason: a.reason,
    basedOn: a.basedOn,
  };
}

/**
 * The memos of one database. State keys (last change batch, definitions version) are only
 * unique within a database, so memos are never shared between two (tests and the benchmark open
 * several in one process; a server has one). Called with a transaction, memos last as long as it.
 */
interface Memos {
  catalogues: AnswerCache<Catalogue>;
  overviews: AnswerCache<unknown>;
  overviewJson: AnswerCache<EncodedJson>;
  countries: AnswerCache<string>;
  planIds: AnswerCache<string>;
  /** Target assessments reused while the cells they depend on are unchanged. */
  targets: AnswerCache<TargetOverview>;
}
const memoTable = new WeakMap<Executor, Memos>();
function memosOf(db: Executor): Memos {
  let m = memoTable.get(db);
  if (!m) {
    m = {
      catalogues: new AnswerCache(16),
      overviews: new AnswerCache(64),
      overviewJson: new AnswerCache(64),
      countries: new AnswerCache(4),
      planIds: new AnswerCache(64),
      targets: new AnswerCache(4000),
    };
    memoTable.set(db, m);
  }
  return m;
}

/** The plan's catalogue, recomputed only when values or definitions changed (see cache.ts). */
async function catalogueAt(db: Executor, planId: string, key: string): Promise<Catalogue> {
  return memosOf(db).catalogues.get(`${planId}|${definitionsPart(key)}`, () => loadCatalogue(db, planId));
}

const catalogueIds = new WeakMap<Catalogue, number>();
let nextCatalogueId = 0;
function catalogueId(cat: Catalogue): number {
  let id = catalogueIds.get(cat);
  if (id === undefined) {
    id = nextCatalogueId++;
    catalogueIds.set(cat, id);
  }
  return id;
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
  const fingerprint = [...cat.byCode.keys()].filter(hidden).join(",");
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
  const values = new IndicatorValues(cat.specs, cells, hidden);
  const now = currentMonth(clock);
  const prints = countryCells ? undefined : await cellFingerprints(db, vn, layer);
  const targets = await Promise.all(
    [...cat.byCode.values()]
      .filter((i) => i.tier === "target")
      .map((i) => {
        const compute = async () => assessTarget(values, i, cat.byCode, now, clock);
        if (!prints) return compute();
        const deps = new Set<string>();
        for (const c of [i.code, ...i.measuredBy.map((m) => m.code)]) dependencies(cat, c, deps);
        const depKey = [...deps]
          .sort()
          .map((c) => `${c}:${hidden(c) ? "h" : (prints.get(cat.byCode.get(c)?.id ?? "") ?? "-")}`)
          .join(",");
        // The catalogue object is per definitions state: a definitions change gives a new one.
        return memosOf(db).targets.get(
          `${catalogueId(cat)}|${layer}|${formatPeriod(now)}|${clock.getUTCFullYear()}|${i.code}|${depKey}`,
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
      targets: s.targets.map((t) => t.code),
    };
  });
  const plan = rollUpStatus(systems.map((s) => ({ status: s.status, progress: s.progress, weight: 1 })));
  const [batch] = await queryRows<{ id: string | null }>(
    db,
    sql`select max(id)::text as id from change_batches`,
  );
  return {
    basis: layer,
    period: formatPeriod(now),
    generatedAt: clock.toISOString(),
    lastEventId: batch?.id ?? null,
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

export interface SeriesQuery {
  unit: string;
  layer: Layer;
  from?: string;
  to?: string;
  frequency?: PeriodKind;
}

/** One indicator's series for one unit, with its targets and, when there is a trend, the forecast band by year. */
export async function indicatorSeries(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: SeriesQuery,
  clock = new Date(),
) {
  const cat = await catalogueAt(db, planId, await stateKey(db));
  const ind = cat.byCode.get(code);
  if (!ind) throw notFound("indicator", code);
  const unit = await unitByCode(db, q.unit);
  const hidden = hiddenFor(principal, cat, unit.id, q.layer);
  if (hidden(code)) throw notFound("indicator", code);
  const deps = [...dependencies(cat, code)].map((c) => cat.byCode.get(c)?.id).filter((x): x is string => !!x);
  const cells = (await loadCells(db, cat, [unit.id], q.layer, deps)).get(unit.id);
  if (!cells) throw new AppError("INTERNAL");
  const values = new IndicatorValues(cat.specs, cells, hidden);
  const now = currentMonth(clock);
  const to = q.to ? parsePeriod(q.to) : now;
  const from = q.from ? parsePeriod(q.from) : undefined;
  const rows = values.periodSeries(code, to, from, q.frequency);
  const targets = unit.kind === "country" ? ind.targets : (ind.unitTargets.get(unit.id) ?? []);
  const forUnit = { ...ind, targets };
  const assessment = assessIndicator(values, forUnit, now, clock);
  const target = currentTarget(targets, now.year);
  const band: { year: number; value: number; low: number; high: number }[] = [];
  if (target && assessment.forecast) {
    const { points } = assessmentSeries(values, forUnit, now);
    for (let y = now.year; y <= target.year; y++) {
      const f = forecast(points, y);
      if (f.ok)
        band.push({
          year: y,
          value: round(f.forecast.value) as number,
          low: round(f.forecast.low) as number,
          high: round(f.forecast.high) as number,
        });
    }
  }
  return {
    indicator: {
      code,
      name: { vi: ind.nameVi, en: ind.nameEn },
      unit: ind.unit,
      frequency: ind.spec.frequency,
    },
    unit: { code: unit.code, name: { vi: unit.name_vi, en: unit.name_en } },
    basis: q.layer,
    points: rows.map((r) => ({
      period: formatPeriod(r.period),
      value: round(r.value),
      partial: r.partial === true,
      reason: r.reason ?? null,
    })),
    targets: targets.map((t) => ({
      year: t.year,
      comparator: t.comparator,
      value: t.value,
      valueMax: t.valueMax ?? null,
      kind: t.kind,
    })),
    baseline: ind.baseline,
    assessment: presentAssessment(assessment, cat),
    forecastBand: band,
  };
}

/** The indicator's value for each unit directly under `parent` (the country: every top-level unit). */
export async function indicatorBreakdown(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: { parent: string; period: string; layer: Layer },
) {
  const cat = await catalogueAt(db, planId, await stateKey(db));
  const ind = cat.byCode.get(code);
  if (!ind) throw notFound("indicator", code);
  const parent = await unitByCode(db, q.parent);
  const period = parsePeriod(q.period);
  const start = `${period.year}-01-01`;
  const children = await queryRows<{
    id: string;
    code: string;
    name_vi: string;
    name_en: string | null;
    kind: string;
  }>(
    db,
    parent.kind === "country"
      ? sql`select id, code, name_vi, name_en, kind from org_units
          where parent_id is null and kind <> 'country' and (valid_to is null or valid_to >= ${start}::date)
            and not exists (select 1 from org_unit_lineage l where l.from_unit_id = org_units.id
              and l.kind in ('merged_into', 'renamed_to') and l.effective_on <= ${start}::date)
          order by code`
      : sql`select id, code, name_vi, name_en, kind from org_units
          where parent_id = ${parent.id} and (valid_to is null or valid_to >= ${start}::date) order by code`,
  );
  const deps = [...dependencies(cat, code)].map((c) => cat.byCode.get(c)?.id).filter((x): x is string => !!x);
  const all = [parent, ...children];
  const sources = await loadCells(
    db,
    cat,
    all.map((u) => u.id),
    q.layer,
    deps,
  );
  const unitValue = (unitId: string) => {
    const hidden = hiddenFor(principal, cat, unitId, q.layer);
    if (hidden(code)) return null;
    const src = sources.get(unitId);
    if (!src) return null;
    const r = new IndicatorValues(cat.specs, src, hidden).value(code, period);
    return r;
  };
  const total = unitValue(parent.id);
  if (total === null && children.every((c) => unitValue(c.id) === null)) throw notFound("indicator", code);
  const items = children
    .map((c) => {
      const r = unitValue(c.id);
      return {
        unit: { code: c.code, name: { vi: c.name_vi, en: c.name_en }, kind: c.kind },
        value: r ? round(r.value) : null,
        partial: r?.partial === true,
        reason: r === null ? { vi: "không được xem", en: "not visible to you" } : (r.reason ?? null),
      };
    })
    .filter((i) => i.value !== null || i.reason !== null);
  const ranked = [...items]
    .filter((i) => i.value !== null)
    .sort((a, b) => (b.value as number) - (a.value as number));
  const rank = new Map(ranked.map((i, k) => [i.unit.code, k + 1]));
  return {
    indicator: { code, name: { vi: ind.nameVi, en: ind.nameEn }, unit: ind.unit },
    parent: { code: parent.code, name: { vi: parent.name_vi, en: parent.name_en } },
    period: formatPeriod(period),
    basis: q.layer,
    total: total
      ? { value: round(total.value), partial: total.partial === true, reason: total.reason ?? null }
      : null,
    items: items
      .filter((i) => i.value !== null)
      .concat(items.filter((i) => i.value === null))
      .map((i) => ({ ...i, rank: rank.get(i.unit.code) ?? null })),
  };
}

/** Series of several units side by side. */
export async function compareUnits(
  db: Executor,
  planId: string,
  code: string,
  principal: Principal,
  q: { units: string[]; layer: Layer; from?: string; to?: string },
  clock = new Date(),
) {
  // An unknown indicator is 404, as for series; so is one the caller sees for none of the units
  // (series answers each of them 404): a comparison does not reveal that a hidden code exists.
  const cat = await catalogueAt(db, planId, await stateKey(db));
  if (!cat.byCode.has(code)) throw notFound("indicator", code);
  const out = [];
  for (const u of q.units) {
    try {
      const s = await indicatorSeries(
        db,
        planId,
        code,
        principal,
        { unit: u, layer: q.layer, from: q.from, to: q.to },
        clock,
      );
      out.push({ unit: s.unit, points: s.points, assessment: s.assessment });
    } catch (err) {
      if (
        err instanceof AppError &&
        err.code === "NOT_FOUND" &&
        (err.params as { entity?: string }).entity === "indicator"
      )
        out.push({ unit: { code: u, name: null }, points: [], assessment: null, hidden: true });
      else throw err;
    }
  }
  if (out.every((u) => u.hidden)) throw notFound("indicator", code);
  return { indicator: code, basis: q.layer, units: out };
}
