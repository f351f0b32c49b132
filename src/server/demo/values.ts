/**
 * Demo values (`npm run demo` only): realistic, clearly marked figures for the proposed NQ57
 * operational indicators, at each indicator's own frequency — monthly and quarterly from 2025,
 * yearly from 2021 so yearly KPIs have a trend to forecast. Administrative-procedure and document
 * figures are reported by each of the 34 provinces; the rest are national figures reported by the
 * responsible body for the country. Trends are chosen so that some targets are on track, some at
 * risk, some off track; a few values are outliers, a few provinces miss recent months, a few
 * reports came in after the 25th, and the latest month is submitted but not yet approved. A part
 * of a whole the plan divides by (documents sent electronically of all documents sent) is made
 * from that whole, so every share the plan computes stays within 0–100 %.
 * Values are written through the bulk path of uploads (entered and submitted in one step) and
 * approved through the transition path: revisions, roll-ups, change batches and audit as for
 * anyone's.
 */
import { sql } from "drizzle-orm";
import { pgArray } from "../../db/arrays.js";
import { type Db, queryRows } from "../../db/client.js";
import { instanceMeta } from "../../db/schema/index.js";
import { dueAt, parsePeriod } from "../../domain/periods.js";
import type { UserPrincipal } from "../access/index.js";
import type { ChangeContext } from "../core/change-context.js";
import {
  approveSubmittedValues,
  importObservations,
  jsonRows,
  loadRefs,
  type Refs,
} from "../observations/index.js";
import { DEMO_SOURCE, type DemoIndicator, type DemoInput, type DemoUnit, demoInputs } from "./generate.js";

export async function ensureDemoValues(db: Db, now = new Date()): Promise<{ written: number } | null> {
  const [done] = await db.select().from(instanceMeta).where(sql`${instanceMeta.key} = 'demo:values'`);
  if (done) return null;
  const inds = await queryRows<DemoIndicator>(
    db,
    sql`select i.code, i.frequency, r.code as responsible from indicators i
        left join org_units r on r.id = i.responsible_unit_id
        where i.tier = 'operational' and i.proposed and i.retired_at is null order by i.code`,
  );
  const provinces = await queryRows<DemoUnit>(
    db,
    sql`select code, valid_from::text as "validFrom", valid_to::text as "validTo" from org_units
      where kind = 'province' and valid_to is null order by code`,
  );
  const predecessors = new Map<string, DemoUnit[]>();
  for (const f of await queryRows<DemoUnit & { successor: string }>(
    db,
    sql`select f.code, f.valid_from::text as "validFrom", f.valid_to::text as "validTo", s.code as successor
      from org_unit_lineage l join org_units f on f.id = l.from_unit_id join org_units s on s.id = l.to_unit_id
      where l.kind = 'merged_into' and f.kind = 'province' order by f.code`,
  ))
    predecessors.set(f.successor, [...(predecessors.get(f.successor) ?? []), f]);
  const inputs = demoInputs(inds, provinces, predecessors, now);
  const ctx: ChangeContext = { actor: "system:demo", reason: "Demo values (npm run demo)" };
  // The bulk path of uploads (checked, staged, applied set-wise with revisions, roll-ups, change
  // batches and audit), entered and submitted in one step by a writer of every unit it names.
  const refs = await loadRefs(db, inputs);
  const writer = demoWriter([...refs.units.values()].map((u) => u.id));
  const rows = inputs.map(({ late: _late, pending: _pending, ...input }) => input);
  const summary = await importObservations(db, writer, jsonRows(rows), ctx, { format: "json", submit: true });
  if (summary.errors.length > 0)
    throw new Error(
      `demo values refused: ${summary.errors
        .slice(0, 5)
        .map((e) => e.messageEn)
        .join("; ")}`,
    );
  await backdateSubmissions(db, inputs, refs);
  await approve(
    db,
    inputs.filter((i) => !i.pending),
    refs,
    ctx,
  );
  await db
    .insert(instanceMeta)
    .values({ key: "demo:values", value: { written: inputs.length, at: now.toISOString() } })
    .onConflictDoNothing();
  return { written: inputs.length };
}

/** The demo's writer: an approver of every unit the demo values name (the principal of the import). */
function demoWriter(unitIds: readonly string[]): UserPrincipal {
  return {
    kind: "user",
    userId: "00000000-0000-0000-0000-000000000000",
    username: "system:demo",
    displayName: "Demo values",
    unitId: null,
    grants: [
      {
        id: "demo",
        role: "unit_approver",
        planId: null,
        systemId: null,
        projectId: null,
        unitId: null,
        unitIds: new Set(unitIds),
      },
    ],
    sessionId: null,
    csrfToken: null,
    totpEnabled: false,
    mustEnrolTotp: false,
  };
}

/**
 * Submitted on time (a few days before the due date) or a few days late: the submission time
 * data quality reads for timeliness (the import stamped them all with its own time).
 */
async function backdateSubmissions(db: Db, inputs: readonly DemoInput[], refs: Refs): Promise<void> {
  const col = (f: (i: DemoInput) => string) => pgArray(inputs.map(f));
  const id = (m: Map<string, { id: string }>, code: string) => m.get(code)?.id ?? "";
  await db.execute(sql`update observations o set first_submitted_at = d.at
    from unnest(${col((i) => id(refs.indicators, i.indicator))}::uuid[], ${col((i) => id(refs.units, i.unit))}::uuid[],
      ${col((i) => i.period)}::text[],
      ${col((i) => new Date(dueAt(parsePeriod(i.period)).getTime() + (i.late ? 3 : -4) * 86400_000).toISOString())}::timestamptz[])
      as d(indicator_id, org_unit_id, period, at)
    where o.indicator_id = d.indicator_id and o.org_unit_id = d.org_unit_id and o.period = d.period
      and o.disagg_key = '' and o.deleted_at is null`);
}

/**
 * Approves the submitted values that are not the latest period, as a reviewer's approval does it
 * (a revision each, roll-ups, change batch, audit): the observations module's set-wise approval.
 */
async function approve(db: Db, inputs: readonly DemoInput[], refs: Refs, ctx: ChangeContext): Promise<void> {
  const cells = inputs.map((i) => ({
    indicatorId: refs.indicators.get(i.indicator)?.id ?? "",
    orgUnitId: refs.units.get(i.unit)?.id ?? "",
    period: i.period,
  }));
  await approveSubmittedValues(db, DEMO_SOURCE, cells, ctx);
}
