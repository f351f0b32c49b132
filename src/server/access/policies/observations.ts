/**
 * Indicator values (docs/access.md): drafts are seen only by their reporting unit (its reporter,
 * approver and provincial committee, or the unit's API token); submitted values also by the unit
 * they describe, the Steering Committee, Standing Office, Advisory Council, administrators and the
 * Chief Engineer of the indicator's system; approved values of published indicators by everyone.
 * Only a cell's reporting unit writes it, and only while it is a draft; its approver submits and
 * recalls; the Standing Office, the system's Chief Engineer and administrators approve, return
 * and revise.
 */
import { type SQL, sql } from "drizzle-orm";
import { pgArray } from "../../../db/arrays.js";
import { indicators, observations } from "../../../db/schema/index.js";
import {
  type Principal,
  planReaderRoles,
  type TokenPrincipal,
  unitRoles,
  valueWriterRoles,
} from "../roles.js";

/**
 * A value cell (indicator × unit × period × disaggregation) as the rules see it, whether or not a
 * value exists yet: who it describes, who reports it, and its indicator's facts. Loaded set-wise by
 * observations/value-context.ts, complete for every caller (single writes, imports, reads, events).
 */
export interface CellContext {
  orgUnitId: string;
  reporterUnitId: string;
  indicatorCode: string;
  indicatorPublished: boolean;
  responsibleUnitId: string | null;
  planIds: readonly string[];
  systemIds: readonly string[];
}

/** An existing value: its cell and its state. */
export interface ValueContext extends CellContext {
  status: string;
}

/** A token reads and writes only within its indicators and unit, and reads only with a read or write action. */
function tokenIndicator(p: TokenPrincipal, indicatorCode: string): boolean {
  return p.indicators === "*" || p.indicators.has(indicatorCode);
}

const tokenReads = (p: TokenPrincipal) =>
  p.actions.has("observations:read") || p.actions.has("observations:write");

/** Whether the principal acts for one of `units` in a unit role (or is a token of one of them). */
function actsFor(p: Principal, units: readonly string[]): boolean {
  if (p.kind === "token") return units.some((u) => p.unitIds.has(u));
  if (p.kind !== "user") return false;
  return p.grants.some((g) => unitRoles.has(g.role) && units.some((u) => g.unitIds.has(u)));
}

function reviewsPlanWide(p: Principal, v: Pick<ValueContext, "planIds" | "systemIds">): boolean {
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) =>
      g.role === "system_admin" ||
      (planReaderRoles.has(g.role) && g.planId !== null && v.planIds.includes(g.planId)) ||
      (g.role === "chief_engineer" && g.systemId !== null && v.systemIds.includes(g.systemId)),
  );
}

/**
 * One read rule everywhere (values, lists, exports, data quality, events): a draft is seen only by
 * its reporting unit; a submitted or approved value also by the unit it describes and the plan's
 * reviewers; an approved value of a published indicator by everyone. Tokens read within their
 * indicators and unit only.
 */
export function canReadValue(p: Principal, v: ValueContext): boolean {
  if (p.kind === "token") {
    if (!tokenReads(p) || !tokenIndicator(p, v.indicatorCode)) return false;
    return v.status === "draft"
      ? actsFor(p, [v.reporterUnitId])
      : actsFor(p, [v.orgUnitId, v.reporterUnitId]);
  }
  if (v.status === "draft") return actsFor(p, [v.reporterUnitId]);
  if (actsFor(p, [v.orgUnitId, v.reporterUnitId])) return true;
  if (reviewsPlanWide(p, v)) return true;
  return v.status === "approved" && v.indicatorPublished;
}

/** Whether a token may use the reads that go beyond its own values (export, series, data quality). */
export function tokenMayReadBeyondOwnValues(p: Principal): boolean {
  return p.kind !== "token" || p.actions.has("observations:read");
}

const writerUnitsMemo = new WeakMap<Principal, Set<string>>();

/** The units a principal writes values for (reporter/approver grants, or a token's unit); memoised per request principal. */
function writerUnits(p: Principal): Set<string> {
  const memo = writerUnitsMemo.get(p);
  if (memo) return memo;
  const out = new Set<string>();
  writerUnitsMemo.set(p, out);
  if (p.kind === "token") {
    if (p.actions.has("observations:write")) for (const u of p.unitIds) out.add(u);
  } else if (p.kind === "user") {
    for (const g of p.grants) if (valueWriterRoles.has(g.role)) for (const u of g.unitIds) out.add(u);
  }
  return out;
}

/**
 * Writing a value cell: only its reporting unit (`cellReporter` in domain/value-rules.ts) writes
 * it — its reporters and approvers, or its API token within the token's indicators.
 */
export function canWriteValue(p: Principal, cell: CellContext): boolean {
  if (p.kind === "token" && !tokenIndicator(p, cell.indicatorCode)) return false;
  return writerUnits(p).has(cell.reporterUnitId);
}

/** Importing values at all (a file's rows are then checked one by one): a principal who writes some unit's values. */
export function canImportValues(p: Principal): boolean {
  return writerUnits(p).size > 0;
}

/** A unit's Excel template (to fill in the values it reports): the unit's reporters and approvers, in person. */
export function canFillUnitTemplate(p: Principal, unitId: string): boolean {
  return p.kind === "user" && writerUnits(p).has(unitId);
}

/** Submitting a draft, or recalling a submitted value not yet approved: the reporting unit's approver. */
export function canSubmitValue(p: Principal, v: CellContext): boolean {
  return (
    p.kind === "user" && p.grants.some((g) => g.role === "unit_approver" && g.unitIds.has(v.reporterUnitId))
  );
}

/** Approving, returning, revising and deleting any value: administrators, the plan's Standing Office, the system's Chief Engineer. */
export function canReviewValue(p: Principal, v: CellContext): boolean {
  return reviewsValuesOf(p, v);
}

/** Whether the principal reviews the values of some plan or system at all (canReviewValue's rule, any subject). */
export function reviewsSomeValues(p: Principal): boolean {
  if (p.kind !== "user" || p.mustEnrolTotp) return false;
  return p.grants.some(
    (g) =>
      g.role === "system_admin" ||
      (g.role === "standing_office" && g.planId !== null) ||
      (g.role === "chief_engineer" && g.systemId !== null),
  );
}

/** Whether the principal reviews values of indicators in these plans or systems (canReviewValue's rule). */
function reviewsValuesOf(p: Principal, v: Pick<CellContext, "planIds" | "systemIds">): boolean {
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) =>
      g.role === "system_admin" ||
      (g.role === "standing_office" && g.planId !== null && v.planIds.includes(g.planId)) ||
      (g.role === "chief_engineer" && g.systemId !== null && v.systemIds.includes(g.systemId)),
  );
}

/** A unit's entry sheet for a plan: the unit's writers, approvers and committee, or a unit above it; the plan's reviewers. */
export interface UnitEntrySubject {
  unitId: string;
  planIds: readonly string[];
  /** The plan's systems (a Chief Engineer reviews the values of their system's indicators). */
  systemIds: readonly string[];
}

/**
 * Reading a unit's entry sheet ("my unit, this period"): the people of the unit or of a unit above
 * it (unit grants cover the units below), and whoever reviews the plan's values. Each value on it
 * is then shown by the one read rule, each action by its own rule.
 */
export function canReadUnitEntry(p: Principal, s: UnitEntrySubject): boolean {
  if (p.kind !== "user") return false;
  return actsFor(p, [s.unitId]) || reviewsValuesOf(p, s);
}

/** Deleting a value (kept in its revisions): a draft by its reporting unit's writers, any value by a reviewer. */
export function canDeleteValue(p: Principal, v: ValueContext): boolean {
  return (v.status === "draft" && canWriteValue(p, v)) || canReviewValue(p, v);
}

const uuidArray = (ids: Iterable<string>) => {
  const list = [...ids];
  return list.length
    ? sql`array[${sql.join(
        list.map((i) => sql`${i}::uuid`),
        sql`, `,
      )}]`
    : sql`array[]::uuid[]`;
};

/**
 * canReviewValue as SQL over `observations`, for lists of what the caller may approve or return:
 * administrators all, the Standing Office its plans' indicators, a Chief Engineer their systems'.
 */
export function reviewableValues(p: Principal): SQL {
  if (p.kind !== "user" || p.mustEnrolTotp) return sql`false`;
  if (p.grants.some((g) => g.role === "system_admin")) return sql`true`;
  const o = observations;
  const plans = p.grants
    .filter((g) => g.role === "standing_office" && g.planId)
    .map((g) => g.planId as string);
  const systems = p.grants
    .filter((g) => g.role === "chief_engineer" && g.systemId)
    .map((g) => g.systemId as string);
  const planRule = plans.length
    ? sql`exists (select 1 from plan_indicators pi where pi.indicator_id = ${o.indicatorId} and pi.plan_id = any(${uuidArray(plans)}))`
    : sql`false`;
  const systemRule = systems.length
    ? sql`exists (select 1 from indicator_assignments ia where ia.indicator_id = ${o.indicatorId} and ia.system_id = any(${uuidArray(systems)}))`
    : sql`false`;
  return sql`(${planRule} or ${systemRule})`;
}

/** The same read rule as SQL over `observations` joined with `indicators`, for lists. */
export function readableValues(p: Principal): SQL {
  const o = observations;
  const units = (ids: Iterable<string>) => uuidArray(ids);
  const draft = sql`${o.status} = 'draft'`;
  if (p.kind === "token") {
    if (!tokenReads(p)) return sql`false`;
    const inScope =
      p.indicators === "*" ? sql`true` : sql`${indicators.code} = any(${pgArray([...p.indicators])}::text[])`;
    const mine = units(p.unitIds);
    return sql`(${inScope} and (${o.reporterUnitId} = any(${mine})
      or (not ${draft} and ${o.orgUnitId} = any(${mine}))))`;
  }
  const publicRule = sql`(${o.status} = 'approved' and ${indicators.published})`;
  const own: string[] = [];
  if (p.kind === "user") for (const g of p.grants) if (unitRoles.has(g.role)) own.push(...g.unitIds);
  const ownRule = own.length
    ? sql`(${o.reporterUnitId} = any(${units(own)}) or (not ${draft} and ${o.orgUnitId} = any(${units(own)})))`
    : sql`false`;
  if (p.kind !== "user") return publicRule;
  if (p.grants.some((g) => g.role === "system_admin")) return sql`(not ${draft} or ${ownRule})`;
  const plans = p.grants
    .filter((g) => planReaderRoles.has(g.role) && g.planId)
    .map((g) => g.planId as string);
  const systems = p.grants
    .filter((g) => g.role === "chief_engineer" && g.systemId)
    .map((g) => g.systemId as string);
  const planRule = plans.length
    ? sql`exists (select 1 from plan_indicators pi where pi.indicator_id = ${o.indicatorId} and pi.plan_id = any(${units(plans)}))`
    : sql`false`;
  const systemRule = systems.length
    ? sql`exists (select 1 from indicator_assignments ia where ia.indicator_id = ${o.indicatorId} and ia.system_id = any(${units(systems)}))`
    : sql`false`;
  return sql`(${publicRule} or ${ownRule} or (not ${draft} and (${planRule} or ${systemRule})))`;
}
