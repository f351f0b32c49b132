/**
 * Indicator values (docs/access.md): drafts are seen only by their own unit (its reporter,
 * approver and provincial committee, or the unit's API token); submitted values also by the
 * Steering Committee, Standing Office, Advisory Council, administrators and the Chief Engineer of
 * the indicator's system; approved values of published indicators by everyone. Reporters write
 * values of their units (or of indicators their unit is responsible for); approvers submit;
 * the Standing Office, the system's Chief Engineer and administrators approve or return.
 */
import { type SQL, sql } from "drizzle-orm";
import { indicators, observations } from "../../../db/schema/index.js";
import type { Principal } from "../roles.js";

export interface ValueContext {
  orgUnitId: string;
  reporterUnitId: string;
  status: string;
  indicatorCode: string;
  indicatorPublished: boolean;
  responsibleUnitId: string | null;
  planIds: readonly string[];
  systemIds: readonly string[];
}

const unitRoles = new Set(["unit_reporter", "unit_approver", "provincial_committee"]);
const planReaders = new Set(["standing_office", "steering_member", "advisory_council"]);

function ownUnit(
  p: Principal,
  v: Pick<ValueContext, "orgUnitId" | "reporterUnitId">,
  roles: Set<string>,
): boolean {
  if (p.kind === "token") return p.unitIds.has(v.orgUnitId) || p.unitIds.has(v.reporterUnitId);
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) => roles.has(g.role) && (g.unitIds.has(v.orgUnitId) || g.unitIds.has(v.reporterUnitId)),
  );
}

function reviewsPlanWide(p: Principal, v: Pick<ValueContext, "planIds" | "systemIds">): boolean {
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) =>
      g.role === "system_admin" ||
      (planReaders.has(g.role) && g.planId !== null && v.planIds.includes(g.planId)) ||
      (g.role === "chief_engineer" && g.systemId !== null && v.systemIds.includes(g.systemId)),
  );
}

export function canReadValue(p: Principal, v: ValueContext): boolean {
  if (ownUnit(p, v, unitRoles)) return true;
  if (v.status === "draft") return false;
  if (reviewsPlanWide(p, v)) return true;
  return v.status === "approved" && v.indicatorPublished;
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
    for (const g of p.grants)
      if (g.role === "unit_reporter" || g.role === "unit_approver") for (const u of g.unitIds) out.add(u);
  }
  return out;
}

/**
 * The reporting unit when the writer does not name one: the described unit when it is theirs,
 * else the indicator's responsible unit when that is theirs (a statistics office reporting a
 * province's figure).
 */
export function defaultReporterUnit(
  p: Principal,
  orgUnitId: string,
  responsibleUnitId: string | null,
): string {
  const mine = writerUnits(p);
  if (mine.has(orgUnitId)) return orgUnitId;
  if (responsibleUnitId && mine.has(responsibleUnitId)) return responsibleUnitId;
  return orgUnitId;
}

/**
 * Writing a value: the reporting unit must be the writer's own, and the value must describe one of
 * the writer's units — or the reporting unit must be the indicator's responsible unit.
 */
export function canWriteValue(
  p: Principal,
  v: { orgUnitId: string; reporterUnitId: string; indicatorCode: string; responsibleUnitId: string | null },
): boolean {
  if (p.kind === "token" && !(p.indicators === "*" || p.indicators.has(v.indicatorCode))) return false;
  const mine = writerUnits(p);
  if (!mine.has(v.reporterUnitId)) return false;
  return mine.has(v.orgUnitId) || (v.responsibleUnitId !== null && v.reporterUnitId === v.responsibleUnitId);
}

export function canSubmitValue(p: Principal, v: ValueContext): boolean {
  return (
    p.kind === "user" &&
    p.grants.some(
      (g) => g.role === "unit_approver" && (g.unitIds.has(v.reporterUnitId) || g.unitIds.has(v.orgUnitId)),
    )
  );
}

export function canReviewValue(p: Principal, v: ValueContext): boolean {
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) =>
      g.role === "system_admin" ||
      (g.role === "standing_office" && g.planId !== null && v.planIds.includes(g.planId)) ||
      (g.role === "chief_engineer" && g.systemId !== null && v.systemIds.includes(g.systemId)),
  );
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

/** The same read rule as SQL over `observations` joined with `indicators`, for lists. */
export function readableValues(p: Principal): SQL {
  const publicRule = sql`(${observations.status} = 'approved' and ${indicators.published})`;
  const own: string[] = [];
  if (p.kind === "token") own.push(...p.unitIds);
  if (p.kind === "user") for (const g of p.grants) if (unitRoles.has(g.role)) own.push(...g.unitIds);
  const ownRule = own.length
    ? sql`(${observations.orgUnitId} = any(${uuidArray(own)}) or ${observations.reporterUnitId} = any(${uuidArray(own)}))`
    : sql`false`;
  if (p.kind !== "user") return sql`(${publicRule} or ${ownRule})`;
  if (p.grants.some((g) => g.role === "system_admin"))
    return sql`(${observations.status} <> 'draft' or ${ownRule})`;
  const plans = p.grants.filter((g) => planReaders.has(g.role) && g.planId).map((g) => g.planId as string);
  const systems = p.grants
    .filter((g) => g.role === "chief_engineer" && g.systemId)
    .map((g) => g.systemId as string);
  const planRule = plans.length
    ? sql`exists (select 1 from plan_indicators pi where pi.indicator_id = ${observations.indicatorId} and pi.plan_id = any(${uuidArray(plans)}))`
    : sql`false`;
  const systemRule = systems.length
    ? sql`exists (select 1 from indicator_assignments ia where ia.indicator_id = ${observations.indicatorId} and ia.system_id = any(${uuidArray(systems)}))`
    : sql`false`;
  return sql`(${publicRule} or ${ownRule} or (${observations.status} <> 'draft' and (${planRule} or ${systemRule})))`;
}
