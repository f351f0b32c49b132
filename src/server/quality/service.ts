/**
 * Data quality of one plan and period (plan II.C.5 "data gaps"): what is missing per unit and per
 * indicator, and which reported values are late, outliers or revised. Reads the maintained facts of
 * the period (summary.ts, decision 0012), limited to what the caller reviews (the whole plan, their
 * system's indicators, or their own units); the answer is the one the values alone give
 * (test/quality/incremental.test.ts compares it with that computation). Answers are memoised
 * by the version of the period's facts, who asks, and which due dates have passed: a read of a
 * period nobody wrote costs two small queries (decision 0012).
 */
import type { z } from "zod";
import type { Executor } from "../../db/client.js";
import { OUTLIER_Z } from "../../domain/aggregation.js";
import type { DueRule } from "../../domain/periods.js";
import { dueAt, formatPeriod, frequencyOfPeriodKind, type Period } from "../../domain/periods.js";
import { dueRuleOf, type Flag, flagScored } from "../../domain/quality.js";
import { authorize, canReadValue, dataGapScope, type Principal } from "../access/index.js";
import { AnswerCache } from "../core/answer-cache.js";
import { type EncodedJson, encodeJson } from "../core/http/encoded.js";
import * as Q from "./queries.js";
import * as R from "./read.js";
import type { flaggedValue } from "./schema.js";
import { freshenGroups } from "./summary.js";

/** No unit has this id: a value readable with it is readable whatever its units. */
type FlaggedValue = z.infer<typeof flaggedValue>;
const NO_UNIT = "00000000-0000-0000-0000-000000000000";

type Plan = { id: string; code: string; dueRule: DueRule | null };
export type DataQuality = Awaited<ReturnType<typeof computeDataQuality>>;

/** The memos of one database (state versions are only unique within one). */
const memoTable = new WeakMap<
  Executor,
  { answers: AnswerCache<DataQuality>; json: AnswerCache<EncodedJson> }
>();
function memosOf(db: Executor) {
  let m = memoTable.get(db);
  if (!m) {
    m = { answers: new AnswerCache(32), json: new AnswerCache(16) };
    memoTable.set(db, m);
  }
  return m;
}

/** Everything about who asks that an answer depends on (what they review and read). */
const principalKeys = new WeakMap<Principal, string>();
function principalKey(p: Principal): string {
  let key = principalKeys.get(p);
  if (key === undefined) {
    if (p.kind === "user")
      key = `user:${p.userId}:${p.unitId}:${JSON.stringify(
        p.grants
          .map((g) => [g.role, g.planId, g.systemId, g.projectId, g.unitId, [...g.unitIds].sort().join(",")])
          .sort(),
      )}`;
    else if (p.kind === "token")
      key = `token:${p.tokenId}:${p.unitId}:${[...p.unitIds].sort().join(",")}:${
        p.indicators === "*" ? "*" : [...p.indicators].sort().join(",")
      }:${[...p.actions].sort().join(",")}`;
    else key = "anonymous";
    principalKeys.set(p, key);
  }
  return key;
}

/**
 * The memo key of an answer, or none when the caller may read nothing: the period's facts made
 * current, who asks, and which of the due dates have passed (the one way `now` enters).
 */
async function answerKey(db: Executor, plan: Plan, period: Period, principal: Principal, now: Date) {
  const frequency = frequencyOfPeriodKind(period.kind);
  const inds = await Q.reportedIndicators(db, plan.id, frequency);
  const subject = {
    planId: plan.id,
    indicators: inds.map((i) => ({ id: i.id, code: i.code, systemIds: i.systemIds ?? [] })),
  };
  authorize(principal, "dataQuality.read", subject);
  const { indicatorIds } = dataGapScope(principal, subject);
  const ids = inds.filter((i) => indicatorIds.has(i.id)).map((i) => i.id);
  const version = await freshenGroups(db, ids, period);
  const passed = [plan.dueRule, ...inds.map((i) => i.dueRule)]
    .map((r) => (now > dueAt(period, dueRuleOf(r ?? null, plan.dueRule)) ? 1 : 0))
    .join("");
  return `${plan.id}|${formatPeriod(period)}|${version}|${passed}|${principalKey(principal)}`;
}

/** Data quality of one plan and period as the caller may see it (memoised, see above). */
export async function dataQuality(
  db: Executor,
  plan: Plan,
  period: Period,
  principal: Principal,
  now = new Date(),
): Promise<DataQuality> {
  const key = await answerKey(db, plan, period, principal, now);
  return memosOf(db).answers.get(key, () => computeDataQuality(db, plan, period, principal, now));
}

/**
 * The answer encoded (JSON bytes, gzip, ETag) for the route, memoised like `dataQuality`: a
 * national answer lists every unit expected, megabytes that are serialised once per version.
 * `check` validates the answer once, when encoded.
 */
export async function dataQualityJson(
  db: Executor,
  plan: Plan,
  period: Period,
  principal: Principal,
  check: (value: unknown) => unknown,
  now = new Date(),
): Promise<EncodedJson> {
  const key = await answerKey(db, plan, period, principal, now);
  return memosOf(db).json.get(key, async () =>
    encodeJson(
      check(await memosOf(db).answers.get(key, () => computeDataQuality(db, plan, period, principal, now))),
    ),
  );
}

async function computeDataQuality(db: Executor, plan: Plan, period: Period, principal: Principal, now: Date) {
  const frequency = frequencyOfPeriodKind(period.kind);
  const inds = await Q.reportedIndicators(db, plan.id, frequency);
  const subject = {
    planId: plan.id,
    indicators: inds.map((i) => ({ id: i.id, code: i.code, systemIds: i.systemIds ?? [] })),
  };
  authorize(principal, "dataQuality.read", subject);
  // Tokens see their own indicators only; people whose units report see every indicator's gaps for those units.
  const { indicatorIds, reviewed, units: unitScope } = dataGapScope(principal, subject);
  inds.splice(0, inds.length, ...inds.filter((i) => indicatorIds.has(i.id)));
  const visible = (indicatorId: string, unitId: string) => reviewed.has(indicatorId) || unitScope.has(unitId);
  const byId = new Map(inds.map((i) => [i.id, i]));
  const order = new Map(inds.map((i, k) => [i.code, k]));
  /** A value itself: the one read rule of values (a draft only by its reporting unit). */
  const readable = (o: {
    indicator_id: string;
    org_unit_id: string;
    reporter_unit_id: string;
    status: string;
  }) => {
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
  const readsAny = (indicatorId: string, status: string) =>
    readable({ indicator_id: indicatorId, org_unit_id: NO_UNIT, reporter_unit_id: NO_UNIT, status });

  const ids = inds.map((i) => i.id);
  const code = formatPeriod(period);
  const scope: R.Visibility = { reviewed: [...reviewed], units: [...unitScope] };
  const rules = inds.map((i) => dueRuleOf(i.dueRule, plan.dueRule));
  const dues = rules.map((r) => dueAt(period, r));
  const [counts, gaps, candidates, countries] = ids.length
    ? await Promise.all([
        R.indicatorCounts(db, ids, code, scope),
        R.unitGaps(db, ids, code, scope),
        R.flagCandidates(db, ids, dues, code, OUTLIER_Z),
        Q.namedUnits(db, []),
      ])
    : [[], [], [], await Q.namedUnits(db, [])];
  const country = countries.find((u) => u.kind === "country");
  const countOf = new Map(counts.map((c) => [c.indicator_id, c]));
  // Reported values the caller reads only for some units: read rule value by value.
  const partly = ids.filter((id) => !readsAny(id, "submitted") || !readsAny(id, "approved"));
  const unitByUnit = partly.length ? await R.reportedValues(db, partly, code, scope) : [];

  type Entry = { unit: { code: string; name: { vi: string; en: string | null } } } & {
    expected: number;
    reported: number;
    missing: string[];
    flagged: string[];
  };
  const byUnit = new Map<string, Entry>();
  const missingOf = new Map<string, { id: string; code: string }[]>();
  for (const g of gaps) {
    const missing = (g.missing ?? []).map((id) => byId.get(id)?.code as string);
    byUnit.set(g.org_unit_id, {
      unit: { code: g.code, name: { vi: g.name_vi, en: g.name_en } },
      expected: g.expected,
      reported: g.reported,
      missing,
      flagged: [],
    });
    for (const id of g.missing ?? []) {
      const list = missingOf.get(id) ?? [];
      list.push({ id: g.org_unit_id, code: g.code });
      missingOf.set(id, list);
    }
  }
  const unitEntry = (id: string, unit: Entry["unit"]) => {
    let e = byUnit.get(id);
    if (!e) {
      e = { unit, expected: 0, reported: 0, missing: [], flagged: [] };
      byUnit.set(id, e);
    }
    return e;
  };

  const flagged: FlaggedValue[] = [];
  const candidatesOf = new Map<string, R.Candidate[]>();
  for (const r of candidates)
    candidatesOf.set(r.indicator_id, [...(candidatesOf.get(r.indicator_id) ?? []), r]);
  for (const [k, i] of inds.entries()) {
    const rule = rules[k] as DueRule;
    // Reported values first, then the caller's own drafts (checked before submitting).
    for (const drafts of [false, true])
      for (const r of candidatesOf.get(i.id) ?? []) {
        if ((r.status === "draft") !== drafts || !readable(r)) continue;
        const value = r.value === null ? null : Number(r.value);
        const submittedAt = r.first_submitted_at ? new Date(r.first_submitted_at) : null;
        const f = flagScored(
          period,
          rule,
          { value, firstSubmittedAt: submittedAt, revised: r.revised, zOwn: r.z_own, zPeers: r.z_peers },
          now,
        );
        if (f.flags.length === 0) continue;
        unitEntry(r.org_unit_id, { code: r.unit_code, name: { vi: r.name_vi, en: r.name_en } }).flagged.push(
          i.code,
        );
        flagged.push({
          observationId: r.observation_id,
          indicator: i.code,
          unit: r.unit_code,
          value,
          status: r.status,
          flags: f.flags,
          zOwn: f.zOwn === null ? null : Math.round(f.zOwn * 100) / 100,
          zPeers: f.zPeers === null ? null : Math.round(f.zPeers * 100) / 100,
          submittedAt: submittedAt ? submittedAt.toISOString() : null,
          due: f.due.toISOString(),
        });
      }
  }
  const byIndicator = [];
  let overdue = 0;
  for (const [k, i] of inds.entries()) {
    const due = dues[k] as Date;
    const c = countOf.get(i.id);
    let expectedAll = c?.expected ?? 0;
    let expectedSeen = c?.expected_seen ?? 0;
    const missing = (missingOf.get(i.id) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Nobody has reported it yet: its responsible body is expected, as the country.
    if (expectedAll === 0 && country && i.responsibleUnitId && (c?.reported ?? 0) === 0) {
      expectedAll = 1;
      if (visible(i.id, country.id)) {
        expectedSeen = 1;
        missing.push({ id: country.id, code: country.code });
        const e = unitEntry(country.id, {
          code: country.code,
          name: { vi: country.nameVi, en: country.nameEn },
        });
        e.expected++;
        e.missing.push(i.code);
      }
    }
    if (now > due) overdue += missing.length;
    let reportedSeen = 0;
    if (partly.includes(i.id)) {
      for (const r of unitByUnit) if (r.indicator_id === i.id && readable(r)) reportedSeen++;
    } else reportedSeen = (c?.submitted_seen ?? 0) + (c?.approved_seen ?? 0);
    if (expectedAll > 0 || (c?.reported ?? 0) > 0)
      byIndicator.push({
        indicator: { code: i.code, name: { vi: i.nameVi, en: i.nameEn } },
        due: due.toISOString(),
        expected: expectedSeen,
        reported: reportedSeen,
        missing: missing.map((u) => u.code),
      });
  }
  const byCode = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  for (const e of byUnit.values()) {
    e.missing.sort(byCode);
    e.flagged.sort(byCode);
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
    byUnit: [...byUnit.values()].sort(
      (a, b) => b.missing.length - a.missing.length || a.unit.code.localeCompare(b.unit.code),
    ),
    byIndicator,
    flagged,
  };
}
