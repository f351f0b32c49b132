/**
 * Data quality of one plan and period (plan II.C.5 "data gaps"): what is missing per unit and per
 * indicator, and which reported values are late, outliers or revised. Reads the maintained facts of
 * the period (summary.ts, groups.ts, decision 0012), limited to what the caller reviews (the whole
 * plan, their system's indicators, or their own units); the answer is the one the values alone
 * give (test/quality/incremental.test.ts compares it with that computation). The counts are
 * always whole; the lists (units with gaps, flagged values) are filtered and paged, so an answer
 * stays small however many values a period has (view.ts).
 *
 * Memoised at three levels: each group's facts by its version, each indicator's part by that and
 * who asks, the view of the period by every group's version, who asks and which due dates have
 * passed (the only way "now" enters besides `generatedAt`, the time the view was computed). A
 * read of a period nobody wrote since costs the two small queries of the check; after one value
 * is written, one unit's facts and one indicator's part are computed again.
 */
import type { z } from "zod";
import type { Executor } from "../../db/client.js";
import {
  type DueRule,
  dueAt,
  formatPeriod,
  frequencyOfPeriodKind,
  type Period,
} from "../../domain/periods.js";
import { dueRuleOf } from "../../domain/quality.js";
import { authorize, dataGapScope, type Principal } from "../access/index.js";
import { AnswerCache } from "../core/answer-cache.js";
import { notFound } from "../core/errors.js";
import { type EncodedJson, encodeJson } from "../core/http/encoded.js";
import { getPlanByCode } from "../plans/index.js";
import { groupsAt, unitCatalogue } from "./groups.js";
import { buildPart, type Part } from "./parts.js";
import * as Q from "./queries.js";
import type { flaggedValue } from "./schema.js";
import { freshenGroups, planGroupStates } from "./summary.js";
import { type ListFilter, type Page, QualityView, type UnitGaps } from "./view.js";

type Plan = { id: string; code: string; dueRule: DueRule | null };
type FlaggedValue = z.infer<typeof flaggedValue>;

/**
 * How long the lists of the data-quality answer are when not asked: a glimpse beside the counts,
 * as the alerts give (their own routes page further, 100 at a time by default).
 */
export const DEFAULT_LIST_SIZE = 20;

/** The memos of one database (state versions are only unique within one). */
const memoTable = new WeakMap<
  Executor,
  {
    plans: AnswerCache<Plan>;
    indicators: AnswerCache<Q.ReportedIndicator[]>;
    views: AnswerCache<Viewed>;
    parts: Map<string, Part>;
    json: AnswerCache<EncodedJson>;
  }
>();
function memosOf(db: Executor) {
  let m = memoTable.get(db);
  if (!m) {
    m = {
      plans: new AnswerCache(8),
      indicators: new AnswerCache(8),
      views: new AnswerCache(32),
      parts: new Map(),
      json: new AnswerCache(64),
    };
    memoTable.set(db, m);
  }
  return m;
}
/** Parts kept: every indicator of a few periods for a few kinds of caller. */
const PARTS_KEPT = 512;

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

/** The period's answer as one caller sees it, and the memo key of that state. */
export interface Viewed {
  key: string;
  view: QualityView;
  plan: string;
  period: string;
  due: string;
  generatedAt: string;
}

/**
 * Data quality of one plan and period as the caller may see it: the groups made current, then the
 * view of them (memoised, see above).
 */
export async function qualityView(
  db: Executor,
  /** The plan (its code is what counts: the rest is read at the definitions' version). */
  planOf: { code: string },
  period: Period,
  principal: Principal,
  now = new Date(),
): Promise<Viewed> {
  const frequency = frequencyOfPeriodKind(period.kind);
  const code = formatPeriod(period);
  // One query when nothing is stale: the plan's id, the definitions version, every group's state.
  const states = await planGroupStates(db, planOf.code, frequency, code);
  if (states.planId === null) throw notFound("plan", planOf.code);
  const definitions = states.definitions;
  // The plan and its indicators change only with the definitions.
  const plan = await memosOf(db).plans.get(`${planOf.code}|${definitions}`, () =>
    getPlanByCode(db, planOf.code),
  );
  const all = await memosOf(db).indicators.get(`${plan.id}|${frequency}|${definitions}`, () =>
    Q.reportedIndicators(db, plan.id, frequency),
  );
  const subject = {
    planId: plan.id,
    indicators: all.map((i) => ({ id: i.id, code: i.code, systemIds: i.systemIds ?? [] })),
  };
  authorize(principal, "dataQuality.read", subject);
  // Tokens see their own indicators only; people whose units report see every indicator's gaps for those units.
  const { indicatorIds, reviewed, units: unitScope } = dataGapScope(principal, subject);
  const inds = all.filter((i) => indicatorIds.has(i.id));
  const ids = inds.map((i) => i.id);
  const fresh = await freshenGroups(db, ids, period, states);
  const dues = inds.map((i) => dueAt(period, dueRuleOf(i.dueRule, plan.dueRule)));
  const passed = dues.map((d) => (now > d ? 1 : 0)).join("");
  const who = principalKey(principal);
  const key = `${plan.id}|${code}|${fresh.definitions}|${fresh.versions.join(",")}|${passed}|${who}`;
  return memosOf(db).views.get(key, async () => {
    const units = await unitCatalogue(db, fresh.definitions);
    const groups = await groupsAt(db, ids, code, fresh, units);
    const memo = memosOf(db).parts;
    const parts = inds.map((ind, k) => {
      const g = groups[k] as (typeof groups)[number];
      const due = dues[k] as Date;
      const partKey = `${plan.id}|${code}|${fresh.definitions}|${g.indicatorId}|${g.version}|${passed[k]}|${who}`;
      let part = memo.get(partKey);
      if (part) memo.delete(partKey);
      else
        part = buildPart(g, ind, due, {
          plan,
          principal,
          units,
          reviewed: reviewed.has(ind.id),
          unitScope,
          now,
        });
      // Most recently used last; the oldest go.
      memo.set(partKey, part);
      while (memo.size > PARTS_KEPT) {
        const oldest = memo.keys().next().value;
        if (oldest === undefined) break;
        memo.delete(oldest);
      }
      return part;
    });
    return {
      key,
      view: new QualityView(parts, units, now),
      plan: plan.code,
      period: code,
      due: dueAt(period, dueRuleOf(null, plan.dueRule)).toISOString(),
      generatedAt: now.toISOString(),
    };
  });
}

/** What the lists of an answer are filtered by, and how long their first pages are. */
export interface QualityQuery extends ListFilter {
  limit?: number;
}

export interface DataQuality {
  plan: string;
  period: string;
  due: string;
  generatedAt: string;
  summary: ReturnType<QualityView["summary"]>;
  byIndicator: ReturnType<QualityView["byIndicator"]>;
  byUnit: Page<UnitGaps>;
  flagged: Page<FlaggedValue>;
}

function answerOf(v: Viewed, q: QualityQuery): DataQuality {
  const limit = q.limit ?? DEFAULT_LIST_SIZE;
  const filter = { indicators: q.indicators, unit: q.unit, flag: q.flag };
  return {
    plan: v.plan,
    period: v.period,
    due: v.due,
    generatedAt: v.generatedAt,
    summary: v.view.summary(),
    byIndicator: v.view.byIndicator(),
    byUnit: v.view.unitsPage(filter, limit, undefined),
    flagged: v.view.flaggedPage(filter, limit, undefined),
  };
}

/** Data quality of one plan and period: the whole counts, and the first page of each list. */
export async function dataQuality(
  db: Executor,
  plan: { code: string },
  period: Period,
  principal: Principal,
  now = new Date(),
  q: QualityQuery = {},
): Promise<DataQuality> {
  return answerOf(await qualityView(db, plan, period, principal, now), q);
}

const queryKey = (q: object) => JSON.stringify(q);

/**
 * The answer encoded (JSON bytes, gzip, ETag) for the route, memoised by the view's key and the
 * query: `check` validates it once, when encoded.
 */
export async function dataQualityJson(
  db: Executor,
  plan: { code: string },
  period: Period,
  principal: Principal,
  q: QualityQuery,
  check: (value: unknown) => unknown,
  now = new Date(),
): Promise<EncodedJson> {
  const v = await qualityView(db, plan, period, principal, now);
  return memosOf(db).json.get(`answer|${v.key}|${queryKey(q)}`, async () =>
    encodeJson(check(answerOf(v, q))),
  );
}

/** One page of the flagged values (indicator order, reported before drafts, then unit code). */
export async function flaggedValuesJson(
  db: Executor,
  plan: { code: string },
  period: Period,
  principal: Principal,
  q: ListFilter & { limit: number; cursor?: string },
  check: (value: unknown) => unknown,
  now = new Date(),
): Promise<EncodedJson> {
  const v = await qualityView(db, plan, period, principal, now);
  return memosOf(db).json.get(`flagged|${v.key}|${queryKey(q)}`, async () =>
    encodeJson(check(v.view.flaggedPage(q, q.limit, q.cursor))),
  );
}

/** One page of the units with their gaps (most missing first, then unit code). */
export async function unitGapsJson(
  db: Executor,
  plan: { code: string },
  period: Period,
  principal: Principal,
  q: ListFilter & { limit: number; cursor?: string; gaps?: boolean },
  check: (value: unknown) => unknown,
  now = new Date(),
): Promise<EncodedJson> {
  const v = await qualityView(db, plan, period, principal, now);
  return memosOf(db).json.get(`units|${v.key}|${queryKey(q)}`, async () =>
    encodeJson(check(v.view.unitsPage(q, q.limit, q.cursor, q.gaps === true))),
  );
}
