/**
 * The oracle of the data-quality tests: the answer as it was computed before decision 0012, from
 * the values alone (a scan of the period's and the history's values and a distinct over all
 * earlier ones). The maintained answer (src/server/quality/service.ts) must equal it.
 *
 * Data quality of one plan and period (plan II.C.5 "data gaps"): what is missing per unit and per
 * indicator, and which reported values are late, outliers or revised. Reads values, limited to
 * what the caller reviews (the whole plan, their system's indicators, or their own units).
 */

import { and, eq, isNull, lt, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../src/db/client.js";
import { observations, orgUnits } from "../../src/db/schema/index.js";
import { robustZAgainstOthers } from "../../src/domain/aggregation.js";
import type { DueRule } from "../../src/domain/periods.js";
import {
  dueAt,
  formatPeriod,
  frequencyOfPeriodKind,
  type Period,
  previous,
} from "../../src/domain/periods.js";
import { dueRuleOf, type Flag, flagValue, missingUnits } from "../../src/domain/quality.js";
import { authorize, canReadValue, dataGapScope, type Principal } from "../../src/server/access/index.js";
import * as Q from "../../src/server/quality/queries.js";

/** The values of the period asked and of the history before it, in one scan (as before 0012). */
function periodAndPriorValues(
  db: Executor,
  indicatorIds: string[],
  period: string,
  prior: string[],
): Promise<Q.PeriodValue[]> {
  return queryRows<Q.PeriodValue>(
    db,
    sql`select o.id, o.indicator_id, o.org_unit_id, o.reporter_unit_id, o.period, o.value, o.status,
          o.first_submitted_at,
          -- Revisions are looked up for the period asked only (the others are history).
          (o.period = ${period} and o.first_submitted_at is not null
            and (select count(distinct coalesce(r.value::text, r.value_bool::text))
            from observation_revisions r where r.observation_id = o.id
              and r.valid_from >= o.first_submitted_at) > 1) as revised
        from observations o
        where o.indicator_id = any(${`{${indicatorIds.join(",")}}`}::uuid[]) and o.deleted_at is null and o.disagg_key = ''
          and (o.period = ${period} or o.period = any(${`{${prior.join(",")}}`}::text[]))`,
  );
}

/** The (indicator, unit) pairs reported in an earlier period of the same kind, by units still in existence on `start`. */
function everReportedPairs(db: Executor, indicatorIds: string[], period: string, start: string) {
  return db
    .selectDistinct({ indicatorId: observations.indicatorId, orgUnitId: observations.orgUnitId })
    .from(observations)
    .innerJoin(orgUnits, eq(orgUnits.id, observations.orgUnitId))
    .where(
      and(
        sql`${observations.indicatorId} = any(${`{${indicatorIds.join(",")}}`}::uuid[])`,
        isNull(observations.deletedAt),
        lt(observations.period, period),
        sql`length(${observations.period}) = ${period.length}`,
        sql`(${orgUnits.validTo} is null or ${orgUnits.validTo} >= ${start}::date)`,
      ),
    );
}

const HISTORY = 12;

export async function dataQualityFromScratch(
  db: Executor,
  plan: { id: string; code: string; dueRule: DueRule | null },
  period: Period,
  principal: Principal,
  now = new Date(),
  /** Only these indicators (codes): what the maintained answer's lists give with that filter. */
  only?: ReadonlySet<string>,
) {
  const kind = period.kind;
  const frequency = frequencyOfPeriodKind(kind);
  const inds = await Q.reportedIndicators(db, plan.id, frequency);
  const subject = {
    planId: plan.id,
    indicators: inds.map((i) => ({ id: i.id, code: i.code, systemIds: i.systemIds ?? [] })),
  };
  authorize(principal, "dataQuality.read", subject);
  // Tokens see their own indicators only; people whose units report see every indicator's gaps for those units.
  const { indicatorIds, reviewed, units: unitScope } = dataGapScope(principal, subject);
  inds.splice(0, inds.length, ...inds.filter((i) => indicatorIds.has(i.id) && (!only || only.has(i.code))));
  /** Gaps (expected, missing) of a unit: the reviewers of the indicator, and the unit's own people. */
  const visible = (indicatorId: string, unitId: string) => reviewed.has(indicatorId) || unitScope.has(unitId);
  const byId = new Map(inds.map((i) => [i.id, i]));
  /** A value itself: the one read rule of values (a draft only by its reporting unit). */
  const readable = (o: Q.PeriodValue) => {
    const i = byId.get(o.indicator_id);
    return (
      i !== undefined &&
      canReadValue(principal, {
        orgUnitId: o.org_unit_id,
        reporterUnitId: o.reporter_unit_id,
        status: o.status,
        indicatorCode: i.code,
        indicatorPublished: i.published,
        responsibleUnitId: i.responsibleUnitId,
        planIds: [plan.id],
        systemIds: i.systemIds ?? [],
      })
    );
  };

  const ids = inds.map((i) => i.id);
  const code = formatPeriod(period);
  const prior: string[] = [];
  let p = period;
  for (let k = 0; k < HISTORY; k++) {
    p = previous(p);
    prior.push(formatPeriod(p));
  }
  const start = `${period.year}-01-01`;
  const rows = inds.length ? await periodAndPriorValues(db, ids, code, prior) : [];
  const everReported = inds.length ? await everReportedPairs(db, ids, code, start) : [];
  // Only the units this answer names (at national scale there are thousands), and the country.
  const units = await Q.namedUnits(db, [
    ...new Set([...rows.map((r) => r.org_unit_id), ...everReported.map((e) => e.orgUnitId)]),
  ]);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const country = units.find((u) => u.kind === "country");

  // A draft is not reported: it counts for nothing until its unit submits it.
  const current = rows.filter((r) => r.period === code && r.status !== "draft");
  const ownDrafts = rows.filter((r) => r.period === code && r.status === "draft" && readable(r));
  const history = new Map<string, { period: string; v: number }[]>();
  for (const r of rows)
    if (r.period !== code && r.value !== null) {
      const k = `${r.indicator_id}|${r.org_unit_id}`;
      const list = history.get(k) ?? [];
      list.push({ period: r.period, v: Number(r.value) });
      history.set(k, list);
    }

  const expected = new Map<string, Set<string>>();
  for (const i of inds) expected.set(i.id, new Set());
  for (const e of everReported) expected.get(e.indicatorId)?.add(e.orgUnitId);
  for (const i of inds) {
    const set = expected.get(i.id) as Set<string>;
    if (set.size === 0 && country && i.responsibleUnitId && !current.some((r) => r.indicator_id === i.id))
      set.add(country.id);
  }

  const flagged: {
    observationId: string;
    indicator: string;
    unit: string;
    value: number | null;
    status: string;
    flags: Flag[];
    zOwn: number | null;
    zPeers: number | null;
    submittedAt: string | null;
    due: string;
  }[] = [];
  const byIndicator = [];
  const byUnit = new Map<
    string,
    { expected: number; reported: number; missing: string[]; flagged: string[] }
  >();
  const unitEntry = (u: string) => {
    let e = byUnit.get(u);
    if (!e) {
      e = { expected: 0, reported: 0, missing: [], flagged: [] };
      byUnit.set(u, e);
    }
    return e;
  };
  let overdue = 0;
  for (const i of inds) {
    const rule = dueRuleOf(i.dueRule, plan.dueRule);
    const due = dueAt(period, rule);
    const mine = current.filter((r) => r.indicator_id === i.id);
    const reported = new Set(mine.map((r) => r.org_unit_id));
    const exp = expected.get(i.id) as Set<string>;
    const missing = missingUnits(exp, reported).filter((u) => visible(i.id, u));
    for (const u of exp)
      if (visible(i.id, u)) {
        const e = unitEntry(u);
        e.expected++;
        if (reported.has(u)) e.reported++;
      }
    for (const u of missing) unitEntry(u).missing.push(i.code);
    if (now > due) overdue += missing.length;
    // Each value scored against its peers (same indicator and period, same kind of unit) at once.
    const byKind = new Map<string | undefined, Q.PeriodValue[]>();
    for (const o of mine)
      if (o.value !== null) {
        const kind = unitById.get(o.org_unit_id)?.kind;
        const group = byKind.get(kind);
        if (group) group.push(o);
        else byKind.set(kind, [o]);
      }
    const peerZ = new Map<string, number | undefined>();
    for (const group of byKind.values()) {
      const z = robustZAgainstOthers(group.map((o) => Number(o.value)));
      group.forEach((o, k) => {
        peerZ.set(o.id, z[k]);
      });
    }
    // Flags on what the caller may read: reported values, and their own unit's drafts (checked before submitting).
    for (const r of [...mine, ...ownDrafts.filter((d) => d.indicator_id === i.id)]) {
      if (!readable(r)) continue;
      const unit = unitById.get(r.org_unit_id);
      const f = flagValue(
        period,
        rule,
        {
          value: r.value === null ? null : Number(r.value),
          firstSubmittedAt: r.first_submitted_at ? new Date(r.first_submitted_at) : null,
          status: r.status,
          revised: r.revised,
          history: (history.get(`${i.id}|${r.org_unit_id}`) ?? [])
            .sort((a, b) => (a.period < b.period ? -1 : 1))
            .map((h) => h.v),
          peerZ: peerZ.get(r.id),
        },
        now,
      );
      if (f.flags.length === 0) continue;
      unitEntry(r.org_unit_id).flagged.push(i.code);
      flagged.push({
        observationId: r.id,
        indicator: i.code,
        unit: unit?.code ?? r.org_unit_id,
        value: r.value === null ? null : Number(r.value),
        status: r.status,
        flags: f.flags,
        zOwn: f.zOwn === null ? null : Math.round(f.zOwn * 100) / 100,
        zPeers: f.zPeers === null ? null : Math.round(f.zPeers * 100) / 100,
        submittedAt: r.first_submitted_at ? new Date(r.first_submitted_at).toISOString() : null,
        due: f.due.toISOString(),
      });
    }
    if (exp.size > 0 || mine.length > 0)
      byIndicator.push({
        indicator: { code: i.code, name: { vi: i.nameVi, en: i.nameEn } },
        due: due.toISOString(),
        expected: [...exp].filter((u) => visible(i.id, u)).length,
        reported: mine.filter((r) => visible(i.id, r.org_unit_id) && readable(r)).length,
        missing: missing.map((u) => unitById.get(u)?.code ?? u),
      });
  }
  const count = (f: Flag) => flagged.filter((x) => x.flags.includes(f)).length;
  return {
    plan: plan.code,
    period: code,
    due: dueAt(period, dueRuleOf(null, plan.dueRule)).toISOString(),
    generatedAt: now.toISOString(),
    summary: {
      indicators: byIndicator.length,
      missing: byIndicator.reduce((s, x) => s + x.missing.length, 0),
      overdue,
      late: count("late"),
      outliers: count("outlier"),
      revised: count("revised"),
    },
    byUnit: [...byUnit.entries()]
      .map(([id, e]) => {
        const u = unitById.get(id);
        return {
          unit: { code: u?.code ?? id, name: { vi: u?.nameVi ?? id, en: u?.nameEn ?? null } },
          ...e,
        };
      })
      .sort((a, b) => b.missing.length - a.missing.length || a.unit.code.localeCompare(b.unit.code)),
    byIndicator,
    flagged,
  };
}
