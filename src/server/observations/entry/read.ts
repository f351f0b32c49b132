/**
 * A unit's entry sheet, "my unit, this period" (GET /org-units/{code}/entry): the cells the unit
 * reports for a plan and period, each with its current value, its last twelve periods, whether a
 * reviewer returned it, and whether the period is open for it — loaded in a fixed number of
 * statements whatever the number of indicators (queries.ts), for the presenter to add the caller's
 * `can` flags and locks.
 *
 * Which indicators, and which cells (docs/decisions/0014-entry-sheet.md):
 * - the plan's indicators that take values (not objectives, not formulas, not retired) whose
 *   frequency is the period's kind: a month lists the monthly ones, a quarter the quarterly ones —
 *   the only values the write path accepts for that period code. `related` names the longer
 *   periods containing it, with how many indicators of theirs the unit reports;
 * - of those, the ones whose cell of the unit the unit itself reports (`cellReporter`, the rule the
 *   writes enforce): `reportedBy: unit` for its own figure; `responsible` when it is the
 *   responsible unit — it then reports every unit's figure: the sheet holds the country's
 *   (national) cell and every cell it already reported in the period or the twelve before;
 * - each indicator's cells: the total, one per option of each dimension, then any other
 *   combination that has a value.
 */
import type { Executor } from "../../../db/client.js";
import { isMilestoneIndicator } from "../../../domain/indicator-values.js";
import {
  containing,
  dueAt,
  formatPeriod,
  frequencyPeriodKind,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodKinds,
  previous,
} from "../../../domain/periods.js";
import { dueRuleOf } from "../../../domain/quality.js";
import { cellReporter, currentPeriod } from "../../../domain/value-rules.js";
import { authorize, type Principal } from "../../access/index.js";
import { getOrgUnitByCode } from "../../org-units/index.js";
import { getPlanByCode } from "../../plans/index.js";
import { checkObservation } from "../values/check.js";
import { disaggKey, type ObservationRow, type RefIndicator, type UnitRow } from "../values/model.js";
import { type IndicatorFacts, indicatorFacts } from "../values/value-context.js";
import {
  candidateIndicators,
  countryUnit,
  type HistoryRow,
  planSystemIds,
  type ReturnRow,
  returnedDrafts,
  sheetHistory,
  sheetValues,
  unitsById,
} from "./queries.js";

/** How many earlier periods each cell shows beside it (DHIS2 shows as many: a typo stands out). */
export const HISTORY_PERIODS = 12;

export interface SheetCell {
  orgUnitId: string;
  reporterUnitId: string;
  disaggregation: Record<string, string>;
  current: ObservationRow | undefined;
  returned: ReturnRow | undefined;
  /** Aligned with the sheet's history periods. */
  history: (HistoryRow | undefined)[];
  /** Why the write path refuses any value of this cell for the period (not begun, before the baseline, unit gone). */
  closed: { vi: string; en: string } | null;
}

export interface SheetIndicator {
  ind: RefIndicator;
  facts: IndicatorFacts;
  dueAt: Date;
  cells: SheetCell[];
}

export interface Sheet {
  unit: UnitRow;
  plan: string;
  period: Period;
  history: Period[];
  units: Map<string, UnitRow>;
  indicators: SheetIndicator[];
  related: { period: Period; count: number }[];
}

export interface SheetQuery {
  code: string;
  plan: string;
  period?: string | undefined;
}

const kindOf = (i: RefIndicator) => frequencyPeriodKind[i.frequency];
const cellKey = (indicatorId: string, unitId: string, period: string, key: string) =>
  `${indicatorId}|${unitId}|${period}|${key}`;

export async function readSheet(
  db: Executor,
  principal: Principal,
  q: SheetQuery,
  now = new Date(),
): Promise<Sheet> {
  const unit = await getOrgUnitByCode(db, q.code);
  const plan = await getPlanByCode(db, q.plan);
  const systemIds = await planSystemIds(db, plan.id);
  authorize(principal, "observation.readEntry", { unitId: unit.id, planIds: [plan.id], systemIds });

  const period = q.period ? parsePeriod(q.period) : currentPeriod("month", now);
  const history: Period[] = [];
  for (let p = previous(period), k = 0; k < HISTORY_PERIODS; k++, p = previous(p)) history.unshift(p);

  // The rule the writes enforce decides who reports the unit's cell.
  const reported = (await candidateIndicators(db, plan.id, unit.id)).filter(
    (i) => cellReporter(i, unit.id) === unit.id,
  );
  // In code-point order, the same on every database collation.
  const onSheet = reported
    .filter((i) => kindOf(i) === period.kind)
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const forOthers = (i: RefIndicator) => i.reportedBy === "responsible" && i.responsibleUnitId === unit.id;
  const country = onSheet.some(forOthers) ? await countryUnit(db) : undefined;
  const facts = await indicatorFacts(
    db,
    onSheet.map((i) => i.id),
  );
  const code = formatPeriod(period);
  const historyCodes = history.map(formatPeriod);
  const cellsQuery = {
    unitId: unit.id,
    ownIndicatorIds: onSheet.filter((i) => !forOthers(i)).map((i) => i.id),
    forOthersIndicatorIds: onSheet.filter(forOthers).map((i) => i.id),
    countryId: country?.id ?? null,
  };
  const current = await sheetValues(db, principal, cellsQuery, code);
  const earlier = await sheetHistory(db, principal, cellsQuery, historyCodes);
  const values: HistoryRow[] = [...current, ...earlier];

  const units = new Map<string, UnitRow>([[unit.id, unit]]);
  if (country) units.set(country.id, country);
  const missing = new Set(
    values.flatMap((v) => [v.orgUnitId, v.reporterUnitId]).filter((id) => !units.has(id)),
  );
  for (const u of await unitsById(db, [...missing])) units.set(u.id, u);

  const drafts = current.filter((v) => v.status === "draft").map((v) => v.id);
  const returned = new Map((await returnedDrafts(db, drafts)).map((r) => [r.observationId, r]));

  const keyOf = (v: HistoryRow) => cellKey(v.indicatorId, v.orgUnitId, v.period, v.disaggKey);
  const currentByCell = new Map(current.map((v) => [keyOf(v), v]));
  const earlierByCell = new Map(earlier.map((v) => [keyOf(v), v]));
  const byIndicator = new Map<string, HistoryRow[]>();
  for (const v of values) {
    const list = byIndicator.get(v.indicatorId);
    if (list) list.push(v);
    else byIndicator.set(v.indicatorId, [v]);
  }
  const indicatorsOut: SheetIndicator[] = [];
  for (const ind of onSheet) {
    const f = facts.get(ind.id);
    if (!f) continue;
    const mine = byIndicator.get(ind.id) ?? [];
    const described = forOthers(ind)
      ? [...new Set([...(country ? [country.id] : []), ...mine.map((v) => v.orgUnitId)])]
      : [unit.id];
    const cells: SheetCell[] = [];
    for (const orgUnitId of described) {
      const at = described.length === 1 ? mine : mine.filter((v) => v.orgUnitId === orgUnitId);
      const closed = periodClosed(ind, units.get(orgUnitId), code, now);
      for (const disaggregation of cellLayout(ind, at)) {
        const key = disaggKey(disaggregation);
        const value = currentByCell.get(cellKey(ind.id, orgUnitId, code, key));
        cells.push({
          orgUnitId,
          reporterUnitId: cellReporter(ind, orgUnitId, value?.reporterUnitId),
          disaggregation,
          current: value,
          returned: value ? returned.get(value.id) : undefined,
          history: historyCodes.map((p) => earlierByCell.get(cellKey(ind.id, orgUnitId, p, key))),
          closed,
        });
      }
    }
    indicatorsOut.push({ ind, facts: f, dueAt: dueAt(period, dueRuleOf(ind.dueRule, plan.dueRule)), cells });
  }
  return {
    unit,
    plan: plan.code,
    period,
    history,
    units,
    indicators: indicatorsOut,
    related: relatedPeriods(period, reported),
  };
}

/** The total, each option of each dimension in declared order, then the other combinations with a value. */
function cellLayout(ind: RefIndicator, values: readonly HistoryRow[]): Record<string, string>[] {
  const out: Record<string, string>[] = [{}];
  for (const [dimension, options] of Object.entries(ind.disaggregations ?? {}))
    for (const option of options) out.push({ [dimension]: option });
  const listed = new Set(out.map(disaggKey));
  const others = new Map<string, Record<string, string>>();
  for (const v of values) if (!listed.has(v.disaggKey)) others.set(v.disaggKey, v.disaggregation);
  return [...out, ...[...others.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, d]) => d)];
}

/**
 * The write path's own period and unit checks (check.ts) for a value of this cell: the period not
 * begun, before the plan's baseline, or the unit not existing then. Asked with a placeholder value,
 * whose own checks are not the question here.
 */
function periodClosed(
  ind: RefIndicator,
  unit: UnitRow | undefined,
  period: string,
  now: Date,
): { vi: string; en: string } | null {
  if (!unit) return null;
  const refs = {
    indicators: new Map([[ind.code, ind]]),
    units: new Map([[unit.code, unit]]),
    unitsById: new Map([[unit.id, unit]]),
  };
  const input = { indicator: ind.code, unit: unit.code, period, value: isMilestoneIndicator(ind) ? true : 0 };
  const problems = checkObservation(input, refs, "", now).filter(
    (p) => p.path === "period" || p.path === "unit",
  );
  if (problems.length === 0) return null;
  const bare = (m: string) => m.replace(/^(period|unit): /, "");
  return {
    vi: problems.map((p) => bare(p.message)).join("; "),
    en: problems.map((p) => bare(p.messageEn ?? p.message)).join("; "),
  };
}

/** The longer periods containing `period`, with how many of the unit's indicators are reported in each. */
function relatedPeriods(
  period: Period,
  reported: readonly RefIndicator[],
): { period: Period; count: number }[] {
  const longer = periodKinds.slice(periodKinds.indexOf(period.kind) + 1) as PeriodKind[];
  return longer.map((kind) => ({
    period: containing(period, kind),
    count: reported.filter((i) => kindOf(i) === kind).length,
  }));
}
