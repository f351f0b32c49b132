/**
 * The one loader of the facts the value policies need (access/policies/observations.ts): for each
 * indicator its code, publication, responsible unit, reporting rule, plans and systems — set-wise,
 * so one value and a whole import batch are authorized on the same complete context; and a value
 * by id with its context, as its caller may see it.
 */
import type { Executor } from "../../../db/client.js";
import type { Principal } from "../../access/index.js";
import { type CellContext, canReadValue, type ValueContext } from "../../access/index.js";
import { notFound } from "../../core/errors.js";
import type { ObservationRow } from "./model.js";
import { indicatorFactRows, valueById } from "./queries.js";

export interface IndicatorFacts {
  code: string;
  published: boolean;
  responsibleUnitId: string | null;
  reportedBy: string;
  planIds: string[];
  systemIds: string[];
}

export async function indicatorFacts(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, IndicatorFacts>> {
  const out = new Map<string, IndicatorFacts>();
  if (ids.length === 0) return out;
  const facts = await indicatorFactRows(db, ids);
  for (const r of facts.indicators)
    out.set(r.id, {
      code: r.code,
      published: r.published,
      responsibleUnitId: r.responsible,
      reportedBy: r.reportedBy,
      planIds: [],
      systemIds: [],
    });
  for (const r of facts.plans) out.get(r.indicatorId)?.planIds.push(r.planId);
  for (const r of facts.systems) if (r.systemId) out.get(r.indicatorId)?.systemIds.push(r.systemId);
  return out;
}

/** A cell (existing or not) for the policies: the unit it describes, its reporter, its indicator's facts. */
export function cellContext(
  cell: { orgUnitId: string; reporterUnitId: string },
  facts: IndicatorFacts,
): CellContext {
  return {
    orgUnitId: cell.orgUnitId,
    reporterUnitId: cell.reporterUnitId,
    indicatorCode: facts.code,
    indicatorPublished: facts.published,
    responsibleUnitId: facts.responsibleUnitId,
    planIds: facts.planIds,
    systemIds: facts.systemIds,
  };
}

export function valueContext(row: ObservationRow, facts: IndicatorFacts): ValueContext {
  return {
    orgUnitId: row.orgUnitId,
    reporterUnitId: row.reporterUnitId,
    status: row.status,
    indicatorCode: facts.code,
    indicatorPublished: facts.published,
    responsibleUnitId: facts.responsibleUnitId,
    planIds: facts.planIds,
    systemIds: facts.systemIds,
  };
}

/** The value's context for the policies, or undefined when its indicator is gone. */
export async function loadValueContext(db: Executor, row: ObservationRow): Promise<ValueContext | undefined> {
  const facts = (await indicatorFacts(db, [row.indicatorId])).get(row.indicatorId);
  return facts ? valueContext(row, facts) : undefined;
}

/**
 * A value by id with its context, as its caller may see it: one that they may not read does not
 * exist for them (404). `forUpdate` locks it for the rest of the transaction (a state change).
 */
export async function readableValue(
  db: Executor,
  principal: Principal,
  id: string,
  forUpdate = false,
): Promise<{ row: ObservationRow; ctx: ValueContext }> {
  const row = await valueById(db, id, forUpdate);
  const ctx = row ? await loadValueContext(db, row) : undefined;
  if (!row || !ctx || !canReadValue(principal, ctx)) throw notFound("observation", id);
  return { row, ctx };
}
