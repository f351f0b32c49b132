/**
 * Data quality of one plan and period (plan II.C.5 "data gaps"): what is missing per unit and per
 * indicator, and which reported values are late, outliers or revised. Reads values, limited to
 * what the caller reviews (the whole plan, their system's indicators, or their own units).
 */
import { sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import { robustZAgainstOthers } from "../../domain/aggregation.js";
import { frequencyKind } from "../../domain/indicator-values.js";
import type { DueRule } from "../../domain/periods.js";
import { dueAt, formatPeriod, type Period, previous } from "../../domain/periods.js";
import { dueRuleOf, type Flag, flagValue, missingUnits } from "../../domain/quality.js";
import { authorize, canReadValue, dataGapScope, type Principal } from "../access/index.js";

interface Ind {
  id: string;
  code: string;
  name_vi: string;
  name_en: string | null;
  responsible_unit_id: string | null;
  due_rule: DueRule | null;
  published: boolean;
  system_ids: string[] | null;
}

interface Obs {
  id: string;
  indicator_id: string;
  org_unit_id: string;
  reporter_unit_id: string;
  period: string;
  value: string | number | null;
  status: string;
  first_submitted_at: Date | string | null;
  revised: boolean;
}

const HISTORY = 12;

export async function dataQuality(
  db: Executor,
  plan: { id: string; code: string; dueRule: DueRule | null },
  period: Period,
  principal: Principal,
  now = new Date(),
) {
  const kind = period.kind;
  const frequency = Object.entries(frequencyKind).find(([, k]) => k === kind)?.[0] ?? "yearly";
  const inds = await queryRows<Ind>(
    db,
    sql`select i.id, i.code, i.name_vi, i.name_en, i.responsible_unit_id, i.due_rule, i.published,
          (select array_agg(a.system_id) from indicator_assignments a
            where a.indicator_id = i.id and a.plan_id = ${plan.id} and a.system_id is not null) as system_ids
        from indicators i join plan_indicators pi on pi.indicator_id = i.id and pi.plan_id = ${plan.id}
        where i.retired_at is null and i.formula is null and i.tier <> 'objective' and i.frequency = ${frequency}
        order by i.code`,
  );
  const subject = {
    planId: plan.id,
    indicators: inds.map((i) => ({ id: i.id, code: i.code, systemIds: i.system_ids ?? [] })),
  };
  authorize(principal, "dataQuality.read", subject);
  // Tokens see their own indicators only; people whose units report see every indicator's gaps for those units.
  const { indicatorIds, reviewed, units: unitScope } = dataGapScope(principal, subject);
  inds.splice(0, inds.length, ...inds.filter((i) => indicatorIds.has(i.id)));
  /** Gaps (expected, missing) of a unit: the reviewers of the indicator, and the unit's own people. */
  const visible = (indicatorId: string, unitId: string) => reviewed.has(indicatorId) || unitScope.has(unitId);
  const byId = new Map(inds.map((i) => [i.id, i]));
  /** A value itself: the one read rule of values (a draft only by its reporting unit). */
  const readable = (o: Obs) => {
    const i = byId.get(o.indicator_id);
    return (
      i !== undefined &&
      canReadValue(principal, {
        orgUnitId: o.org_unit_id,
        reporterUnitId: o.reporter_unit_id,
        status: o.status,
        indicatorCode: i.code,
        indicatorPublished: i.published,
        responsibleUnitId: i.responsible_unit_id,
        planIds: [plan.id],
        systemIds: i.system_ids ?? [],
      })
    );
  };

  const ids = `{${inds.map((i) => i.id).join(",")}}`;
  const code = formatPeriod(period);
  const prior: string[] = [];
  let p = period;
  for (let k = 0; k < HISTORY; k++) {
    p = previous(p);
    prior.push(formatPeriod(p));
  }
  const start = `${period.year}-01-01`;
  const rows = inds.length
    ? await queryRows<Obs>(
        db,
        sql`select o.id, o.indicator_id, o.org_unit_id, o.reporter_unit_id, o.period, o.value, o.status,
              o.first_submitted_at,
              -- Revisions are looked up for the period asked only (the others are history).
              (o.period = ${code} and o.first_submitted_at is not null
                and (select count(distinct coalesce(r.value::text, r.value_bool::text))
                from observation_revisions r where r.observation_id = o.id
                  and r.valid_from >= o.first_submitted_at) > 1) as revised
            from observations o
            where o.indicator_id = any(${ids}::uuid[]) and o.deleted_at is null and o.disagg_key = ''
              and (o.period = ${code} or o.period = any(${`{${prior.join(",")}}`}::text[]))`,
      )
    : [];
  const everReported = inds.length
    ? await queryRows<{ indicator_id: string; org_unit_id: string }>(
        db,
        sql`select distinct o.indicator_id, o.org_unit_id from observations o
            join org_units u on u.id = o.org_unit_id
            where o.indicator_id = any(${ids}::uuid[]) and o.deleted_at is null and o.period < ${code}
              and length(o.period) = ${code.length} and (u.valid_to is null or u.valid_to >= ${start}::date)`,
      )
    : [];
  const units = await queryRows<{
    id: string;
    code: string;
    name_vi: string;
    name_en: string | null;
    kind: string;
  }>(
    db,
    // Only the units this answer names (at national scale there are thousands), and the country.
    sql`select id, code, name_vi, name_en, kind from org_units
        where kind = 'country' or id = any(${`{${[
          ...new Set([...rows.map((r) => r.org_unit_id), ...everReported.map((e) => e.org_unit_id)]),
        ].join(",")}}`}::uuid[])`,
  );
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
  for (const e of everReported) expected.get(e.indicator_id)?.add(e.org_unit_id);
  for (const i of inds) {
    const set = expected.get(i.id) as Set<string>;
    if (set.size === 0 && country && i.responsible_unit_id && !current.some((r) => r.indicator_id === i.id))
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
    const rule = dueRuleOf(i.due_rule, plan.dueRule);
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
    const byKind = new Map<string | undefined, Obs[]>();
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
        indicator: { code: i.code, name: { vi: i.name_vi, en: i.name_en } },
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
          unit: { code: u?.code ?? id, name: { vi: u?.name_vi ?? id, en: u?.name_en ?? null } },
          ...e,
        };
      })
      .sort((a, b) => b.missing.length - a.missing.length || a.unit.code.localeCompare(b.unit.code)),
    byIndicator,
    flagged,
  };
}
