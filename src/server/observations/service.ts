/**
 * Writing indicator values. A value is never silently overwritten: each change closes the current
 * revision and opens a new one; a write that names an older version than the current one is
 * refused with the current value (optimistic concurrency). Checks before writing: the period
 * code and its kind against the indicator's frequency, the value's type (yes/no for milestones),
 * and that the unit existed in that period.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import { indicators, observationRevisions, observations, orgUnits } from "../../db/schema/index.js";
import { monthRange, PeriodError, type PeriodKind, parsePeriod } from "../../domain/periods.js";
import { AppError, type ErrorDetail } from "../errors.js";
import type { ChangeContext } from "../indicators/versioning.js";

export interface ObservationInput {
  indicator: string;
  unit: string;
  /** Defaults to `unit`. */
  reporterUnit?: string;
  period: string;
  disaggregation?: Record<string, string>;
  value: number | boolean;
  source?: string | null;
  comment?: string | null;
  evidenceUrl?: string | null;
  /** The version the writer last saw; a newer current version refuses the write (409). 0: create only. */
  expectedVersion?: number;
}

export type IndicatorRow = typeof indicators.$inferSelect;
export type UnitRow = typeof orgUnits.$inferSelect;
export type ObservationRow = typeof observations.$inferSelect;

const frequencyKind: Record<string, PeriodKind | undefined> = {
  monthly: "month",
  quarterly: "quarter",
  half_yearly: "half_year",
  yearly: "year",
  ad_hoc: undefined,
};

export function disaggKey(d: Record<string, string> | undefined): string {
  if (!d) return "";
  return Object.keys(d)
    .sort()
    .map((k) => `${k}=${d[k]}`)
    .join(";");
}

export interface Refs {
  indicators: Map<string, IndicatorRow>;
  units: Map<string, UnitRow>;
}

export async function loadRefs(db: Executor, inputs: readonly ObservationInput[]): Promise<Refs> {
  // PostgreSQL text cannot hold U+0000: such a code is simply unknown (and named as such).
  const storable = (c: unknown): c is string => typeof c === "string" && !c.includes("\u0000");
  const indicatorCodes = [...new Set(inputs.map((i) => i.indicator))].filter(storable);
  const unitCodes = [...new Set(inputs.flatMap((i) => [i.unit, i.reporterUnit ?? i.unit]))].filter(storable);
  const inds = indicatorCodes.length
    ? await db.select().from(indicators).where(inArray(indicators.code, indicatorCodes))
    : [];
  const units = unitCodes.length
    ? await db.select().from(orgUnits).where(inArray(orgUnits.code, unitCodes))
    : [];
  return { indicators: new Map(inds.map((r) => [r.code, r])), units: new Map(units.map((u) => [u.code, u])) };
}

/** Problems with one input, as field-named details in both languages (empty when valid). */
export function checkObservation(input: ObservationInput, refs: Refs, path = ""): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const add = (field: string, vi: string, en: string, value?: unknown) =>
    out.push({ path: `${path}${field}`, message: `${field}: ${vi}`, messageEn: `${field}: ${en}`, value });
  for (const field of ["source", "comment", "evidenceUrl"] as const) {
    const v = input[field];
    if (typeof v === "string" && v.includes("\u0000"))
      add(field, "chứa ký tự NUL (U+0000) không hợp lệ", "contains the invalid NUL character (U+0000)", v);
  }
  const ind = refs.indicators.get(input.indicator);
  if (!ind)
    add(
      "indicator",
      `không có chỉ tiêu “${input.indicator}”`,
      `unknown indicator “${input.indicator}”`,
      input.indicator,
    );
  else if (ind.retiredAt)
    add(
      "indicator",
      `chỉ tiêu “${input.indicator}” đã ngừng theo dõi`,
      `indicator “${input.indicator}” is retired`,
      input.indicator,
    );
  else if (ind.tier === "objective")
    add(
      "indicator",
      "mục tiêu chiến lược không nhận số liệu trực tiếp",
      "objectives take no values directly",
      input.indicator,
    );
  if (ind) {
    const dims = ind.disaggregations ?? {};
    for (const [k, v] of Object.entries(input.disaggregation ?? {})) {
      const options = dims[k];
      if (!options)
        add(
          "disaggregation",
          Object.keys(dims).length
            ? `“${k}” không phải chiều phân tổ của ${ind.code} (có: ${Object.keys(dims).join(", ")})`
            : `${ind.code} không phân tổ`,
          Object.keys(dims).length
            ? `“${k}” is not a disaggregation of ${ind.code} (it has: ${Object.keys(dims).join(", ")})`
            : `${ind.code} takes no disaggregation`,
          input.disaggregation,
        );
      else if (!options.includes(v))
        add(
          "disaggregation",
          `“${v}” không thuộc ${k} (chọn: ${options.join(", ")})`,
          `“${v}” is not an option of ${k} (choose: ${options.join(", ")})`,
          input.disaggregation,
        );
    }
  }
  const unit = refs.units.get(input.unit);
  if (!unit) add("unit", `không có đơn vị “${input.unit}”`, `unknown org unit “${input.unit}”`, input.unit);
  const reporter = input.reporterUnit ? refs.units.get(input.reporterUnit) : unit;
  if (input.reporterUnit && !reporter)
    add(
      "reporterUnit",
      `không có đơn vị “${input.reporterUnit}”`,
      `unknown org unit “${input.reporterUnit}”`,
      input.reporterUnit,
    );
  try {
    const p = parsePeriod(input.period);
    const expected = ind ? frequencyKind[ind.frequency] : undefined;
    if (expected && expected !== p.kind)
      add(
        "period",
        `chỉ tiêu báo cáo theo ${ind?.frequency}, kỳ phải có dạng ${sample(expected)}`,
        `the indicator is reported ${ind?.frequency}: the period must look like ${sample(expected)}`,
        input.period,
      );
    if (unit) {
      const [first, last] = monthRange(p);
      const start = `${p.year}-${String(first).padStart(2, "0")}-01`;
      const end = `${p.year}-${String(last).padStart(2, "0")}-28`;
      if ((unit.validTo && unit.validTo < start) || (unit.validFrom && unit.validFrom > end))
        add(
          "unit",
          `đơn vị “${unit.code}” không tồn tại trong kỳ ${input.period}`,
          `org unit “${unit.code}” did not exist in ${input.period}`,
          input.unit,
        );
    }
  } catch (err) {
    if (!(err instanceof PeriodError)) throw err;
    add(
      "period",
      "kỳ báo cáo phải có dạng 2026, 2026-H1, 2026-Q1 hoặc 2026-03",
      "the period must look like 2026, 2026-H1, 2026-Q1 or 2026-03",
      input.period,
    );
  }
  if (ind) {
    const milestone = ind.direction === "milestone" || ind.kind === "milestone";
    if (milestone && typeof input.value !== "boolean")
      add(
        "value",
        "chỉ tiêu mốc nhận giá trị có/không (true/false)",
        "a milestone takes yes/no (true/false)",
        input.value,
      );
    if (!milestone && (typeof input.value !== "number" || !Number.isFinite(input.value)))
      add("value", "cần một số", "a number is expected", input.value);
  }
  return out;
}

function sample(kind: PeriodKind): string {
  return { month: "2026-03", quarter: "2026-Q1", half_year: "2026-H1", year: "2026" }[kind];
}

export type WriteOutcome = "created" | "updated" | "unchanged";

/** Writes one checked value inside the caller's transaction (see `writeObservations`). */
export async function writeObservation(
  tx: Executor,
  input: ObservationInput,
  refs: Refs,
  ctx: ChangeContext,
  /** The reporting unit decided by the caller's access check (defaults to the named or described unit). */
  reporterUnitId?: string,
  /** "submitted" when an approver enters and submits in one step. */
  status: "draft" | "submitted" = "draft",
): Promise<{ outcome: WriteOutcome; row: ObservationRow; previous?: ObservationRow }> {
  const [result] = await writeObservations(tx, [input], refs, ctx, [reporterUnitId], status);
  if (!result) throw new AppError("INTERNAL");
  return result;
}

/**
 * The weight a weighted-mean value counts with: the weight indicator's value for the same unit,
 * period and disaggregation (null when the indicator is not a weighted mean or no weight is known).
 */
async function weightFor(
  tx: Executor,
  ind: IndicatorRow,
  unitId: string,
  period: string,
  key: string,
): Promise<number | null> {
  const code = ind.aggregation === "weighted_mean" ? ind.aggregationComponents?.weight : undefined;
  if (!code) return null;
  const rows = await queryRows<{ value: string | number | null }>(
    tx,
    sql`select o.value from observations o join indicators i on i.id = o.indicator_id
      where i.code = ${code} and o.org_unit_id = ${unitId} and o.period = ${period}
        and o.disagg_key = ${key} and o.deleted_at is null`,
  );
  const v = rows[0]?.value;
  return v === null || v === undefined ? null : Number(v);
}

/** Soft-deletes a value (kept as a final revision marked deleted), refusing a stale version. */
export async function deleteObservation(
  tx: Executor,
  row: ObservationRow,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  const now = new Date();
  const [gone] = await tx
    .update(observations)
    .set({ deletedAt: now, updatedBy: ctx.actor, updatedAt: now, version: row.version + 1 })
    .where(
      and(eq(observations.id, row.id), eq(observations.version, row.version), isNull(observations.deletedAt)),
    )
    .returning();
  if (!gone) throw new AppError("STALE_VERSION", { version: row.version + 1 });
  await closeRevision(tx, row.id, now);
  await tx.insert(observationRevisions).values({
    observationId: row.id,
    version: row.version + 1,
    value: row.value,
    valueBool: row.valueBool,
    status: row.status,
    source: row.source,
    comment: ctx.reason ?? row.comment,
    evidenceUrl: row.evidenceUrl,
    deleted: true,
    changedBy: ctx.actor,
    validFrom: now,
  });
  return gone;
}

async function closeRevision(tx: Executor, observationId: string, at: Date): Promise<void> {
  await tx
    .update(observationRevisions)
    .set({ validTo: at })
    .where(and(eq(observationRevisions.observationId, observationId), isNull(observationRevisions.validTo)));
}

export type Transition = "submit" | "approve" | "return";

export const transitions: Record<Transition, { from: string[]; to: string }> = {
  submit: { from: ["draft"], to: "submitted" },
  approve: { from: ["submitted"], to: "approved" },
  return: { from: ["submitted", "approved"], to: "draft" },
};

/** Moves a value along draft → submitted → approved (or returns it to draft), as a new revision. */
export async function transitionObservation(
  tx: Executor,
  row: ObservationRow,
  action: Transition,
  ctx: ChangeContext,
): Promise<ObservationRow> {
  const t = transitions[action];
  if (!t.from.includes(row.status)) throw new AppError("INVALID_STATE", { state: row.status, action });
  const now = new Date();
  const version = row.version + 1;
  const [next] = await tx
    .update(observations)
    .set({
      status: t.to,
      version,
      updatedBy: ctx.actor,
      updatedAt: now,
      firstSubmittedAt: row.firstSubmittedAt ?? (t.to === "submitted" ? now : null),
    })
    .where(and(eq(observations.id, row.id), eq(observations.version, row.version)))
    .returning();
  if (!next) throw new AppError("STALE_VERSION", { version: row.version + 1 });
  await closeRevision(tx, row.id, now);
  await tx.insert(observationRevisions).values({
    observationId: row.id,
    version,
    value: row.value,
    valueBool: row.valueBool,
    source: row.source,
    comment: action === "return" && ctx.reason ? ctx.reason : row.comment,
    evidenceUrl: row.evidenceUrl,
    status: t.to,
    changedBy: ctx.actor,
    validFrom: now,
  });
  return next;
}

/** The revision of each observation valid at `asOf` (for reproducing past reports). */
export async function revisionsAsOf(db: Executor, ids: string[], asOf: Date) {
  if (ids.length === 0) return new Map<string, typeof observationRevisions.$inferSelect>();
  const rows = await db
    .select()
    .from(observationRevisions)
    .where(
      and(
        inArray(observationRevisions.observationId, ids),
        sql`${observationRevisions.validFrom} <= ${asOf.toISOString()}::timestamptz`,
        sql`(${observationRevisions.validTo} is null or ${observationRevisions.validTo} > ${asOf.toISOString()}::timestamptz)`,
      ),
    );
  return new Map(rows.map((r) => [r.observationId, r]));
}

/** The 409 of a write naming another version than the current one (`current` absent: deleted). */
export function staleVersionError(
  current: { version: number; value: number | boolean | null; status: string; updatedBy: string } | undefined,
): AppError {
  if (!current)
    return new AppError("STALE_VERSION", { version: 0 }, [
      {
        path: "expectedVersion",
        message: "giá trị này đã bị xóa",
        messageEn: "the value was deleted",
        value: { version: 0 },
      },
    ]);
  return new AppError("STALE_VERSION", { version: current.version }, [
    {
      path: "expectedVersion",
      message: `giá trị đã được sửa thành phiên bản ${current.version}`,
      messageEn: `the value was changed to version ${current.version}`,
      value: current,
    },
  ]);
}

/** Refuses a write naming another version than the current one (0: create only). */
function checkVersion(input: ObservationInput, current: ObservationRow | undefined): void {
  if (!current && input.expectedVersion) throw staleVersionError(undefined);
  if (current && input.expectedVersion !== undefined && input.expectedVersion !== current.version)
    throw staleVersionError({
      version: current.version,
      value: current.value ?? current.valueBool,
      status: current.status,
      updatedBy: current.updatedBy,
    });
}

interface RawObservation {
  id: string;
  indicator_id: string;
  org_unit_id: string;
  reporter_unit_id: string;
  period: string;
  period_kind: string;
  disaggregation: Record<string, string>;
  disagg_key: string;
  value: string | number | null;
  value_bool: boolean | null;
  status: string;
  source: string | null;
  comment: string | null;
  evidence_url: string | null;
  version: number;
  created_by: string;
  created_at: Date | string;
  updated_by: string;
  updated_at: Date | string;
  deleted_at: Date | string | null;
  first_submitted_at: Date | string | null;
  rollup_weight: number | string | null;
}

const asDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** A row read with raw SQL, as Drizzle would have typed it. */
function fromRaw(r: RawObservation): ObservationRow {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    orgUnitId: r.org_unit_id,
    reporterUnitId: r.reporter_unit_id,
    period: r.period,
    periodKind: r.period_kind,
    disaggregation: r.disaggregation,
    disaggKey: r.disagg_key,
    value: r.value === null ? null : Number(r.value),
    valueBool: r.value_bool,
    status: r.status,
    source: r.source,
    comment: r.comment,
    evidenceUrl: r.evidence_url,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: asDate(r.created_at),
    updatedBy: r.updated_by,
    updatedAt: asDate(r.updated_at),
    deletedAt: r.deleted_at === null ? null : asDate(r.deleted_at),
    firstSubmittedAt: r.first_submitted_at === null ? null : asDate(r.first_submitted_at),
    rollupWeight: r.rollup_weight === null ? null : Number(r.rollup_weight),
  };
}

/**
 * Writes many checked values in one go (imports): the current rows are read and locked in one
 * statement, new values inserted and changed ones updated set-wise, each with its revision —
 * with one round trip per step whatever the number of rows. An input naming an expected version
 * other than the current one refuses the whole write (409). The same cell must not appear twice in `inputs`.
 */
export async function writeObservations(
  tx: Executor,
  inputs: readonly ObservationInput[],
  refs: Refs,
  ctx: ChangeContext,
  reporterUnitIds: readonly (string | undefined)[],
  status: "draft" | "submitted" = "draft",
): Promise<{ outcome: WriteOutcome; row: ObservationRow; previous?: ObservationRow }[]> {
  if (inputs.length === 0) return [];
  const now = new Date();
  const prepared = await Promise.all(
    inputs.map(async (input, i) => {
      const ind = refs.indicators.get(input.indicator) as IndicatorRow;
      const unit = refs.units.get(input.unit) as UnitRow;
      const reporterId =
        reporterUnitIds[i] ?? (input.reporterUnit ? refs.units.get(input.reporterUnit) : unit)?.id ?? unit.id;
      const key = disaggKey(input.disaggregation);
      const isBool = typeof input.value === "boolean";
      return {
        input,
        ind,
        unit,
        reporterId,
        key,
        fields: {
          value: isBool ? null : (input.value as number),
          valueBool: isBool ? (input.value as boolean) : null,
          source: input.source ?? null,
          comment: input.comment ?? null,
          evidenceUrl: input.evidenceUrl ?? null,
        },
        rollupWeight:
          ind.aggregation === "weighted_mean" ? await weightFor(tx, ind, unit.id, input.period, key) : null,
      };
    }),
  );
  const keys = JSON.stringify(
    prepared.map((p) => ({ i: p.ind.id, u: p.unit.id, p: p.input.period, k: p.key })),
  );
  // Driven from the keys (an index lookup each), not a semi-join over every value.
  const existing = (
    await queryRows<RawObservation>(
      tx,
      sql`select o.* from jsonb_to_recordset(${keys}::jsonb) as k(i uuid, u uuid, p text, k text)
        join observations o on o.indicator_id = k.i and o.org_unit_id = k.u and o.period = k.p
          and o.disagg_key = k.k and o.deleted_at is null
        order by o.id for update of o`,
    )
  ).map(fromRaw);
  const byKey = new Map(
    existing.map((r) => [`${r.indicatorId}|${r.orgUnitId}|${r.period}|${r.disaggKey}`, r]),
  );
  const submittedAt = status === "submitted" ? now : null;
  const results: { outcome: WriteOutcome; row: ObservationRow; previous?: ObservationRow }[] = new Array(
    prepared.length,
  );
  const inserts: (typeof observations.$inferInsert & { at: number })[] = [];
  const updates: { at: number; current: ObservationRow; version: number }[] = [];
  prepared.forEach((p, at) => {
    const current = byKey.get(`${p.ind.id}|${p.unit.id}|${p.input.period}|${p.key}`);
    checkVersion(p.input, current);
    if (!current) {
      inserts.push({
        at,
        indicatorId: p.ind.id,
        orgUnitId: p.unit.id,
        reporterUnitId: p.reporterId,
        period: p.input.period,
        periodKind: parsePeriod(p.input.period).kind,
        disaggregation: p.input.disaggregation ?? {},
        disaggKey: p.key,
        ...p.fields,
        status,
        firstSubmittedAt: submittedAt,
        rollupWeight: p.rollupWeight,
        createdBy: ctx.actor,
        updatedBy: ctx.actor,
        createdAt: now,
        updatedAt: now,
      });
      return;
    }
    const same =
      current.value === p.fields.value &&
      current.valueBool === p.fields.valueBool &&
      current.source === p.fields.source &&
      current.comment === p.fields.comment &&
      current.evidenceUrl === p.fields.evidenceUrl;
    if (same && (status === "draft" || current.status !== "draft")) {
      results[at] = { outcome: "unchanged", row: current };
      return;
    }
    updates.push({ at, current, version: current.version + 1 });
  });
  const keyOf = (r: { indicatorId: string; orgUnitId: string; period: string; disaggKey: string }) =>
    `${r.indicatorId}|${r.orgUnitId}|${r.period}|${r.disaggKey}`;
  const nowIso = now.toISOString();
  // New values and their first revisions: one statement per slice, the rows passed as one JSON parameter.
  for (let i = 0; i < inserts.length; i += 5000) {
    const slice = inserts.slice(i, i + 5000);
    const at = new Map(slice.map((v) => [keyOf(v as Parameters<typeof keyOf>[0]), v.at]));
    const data = JSON.stringify(
      slice.map((v) => ({
        indicator_id: v.indicatorId,
        org_unit_id: v.orgUnitId,
        reporter_unit_id: v.reporterUnitId,
        period: v.period,
        period_kind: v.periodKind,
        disaggregation: v.disaggregation,
        disagg_key: v.disaggKey,
        value: v.value,
        value_bool: v.valueBool,
        source: v.source,
        comment: v.comment,
        evidence_url: v.evidenceUrl,
        rollup_weight: v.rollupWeight,
      })),
    );
    const rows = await queryRows<RawObservation>(
      tx,
      sql`with d as (
          select * from jsonb_to_recordset(${data}::jsonb) as d(indicator_id uuid, org_unit_id uuid,
            reporter_unit_id uuid, period text, period_kind text, disaggregation jsonb, disagg_key text,
            value numeric, value_bool boolean, source text, comment text, evidence_url text, rollup_weight float8)
        ), ins as (
          insert into observations (indicator_id, org_unit_id, reporter_unit_id, period, period_kind, disaggregation,
            disagg_key, value, value_bool, source, comment, evidence_url, status, first_submitted_at, rollup_weight,
            created_by, updated_by, created_at, updated_at)
          select indicator_id, org_unit_id, reporter_unit_id, period, period_kind, disaggregation, disagg_key, value,
            value_bool, source, comment, evidence_url, ${status}, ${submittedAt ? nowIso : null}::timestamptz,
            rollup_weight, ${ctx.actor}, ${ctx.actor}, ${nowIso}::timestamptz, ${nowIso}::timestamptz
          from d
          returning *
        ), rev as (
          insert into observation_revisions (observation_id, version, value, value_bool, status, source, comment,
            evidence_url, changed_by, valid_from)
          select id, 1, value, value_bool, status, source, comment, evidence_url, ${ctx.actor}, ${nowIso}::timestamptz
          from ins
        )
        select * from ins`,
    );
    for (const raw of rows) {
      const row = fromRaw(raw);
      results[at.get(keyOf(row)) as number] = { outcome: "created", row };
    }
  }
  if (updates.length > 0) {
    const data = JSON.stringify(
      updates.map((u) => {
        const p = prepared[u.at] as (typeof prepared)[number];
        return {
          id: u.current.id,
          value: p.fields.value,
          value_bool: p.fields.valueBool,
          source: p.fields.source,
          comment: p.fields.comment,
          evidence_url: p.fields.evidenceUrl,
          version: u.version,
          reporter_unit_id: p.reporterId,
          rollup_weight: p.rollupWeight,
          first_submitted_at: (u.current.firstSubmittedAt ?? submittedAt)?.toISOString() ?? null,
        };
      }),
    );
    const ids = updates.map((u) => u.current.id);
    await tx.execute(sql`update observation_revisions set valid_to = ${nowIso}::timestamptz
      where observation_id = any(${`{${ids.join(",")}}`}::uuid[]) and valid_to is null`);
    const rows = await queryRows<RawObservation>(
      tx,
      sql`with upd as (
          update observations o set value = d.value, value_bool = d.value_bool, source = d.source,
            comment = d.comment, evidence_url = d.evidence_url, status = ${status}, version = d.version,
            reporter_unit_id = d.reporter_unit_id, rollup_weight = d.rollup_weight,
            first_submitted_at = d.first_submitted_at, updated_by = ${ctx.actor}, updated_at = ${nowIso}::timestamptz
          from jsonb_to_recordset(${data}::jsonb) as d(id uuid, value numeric, value_bool boolean, source text,
            comment text, evidence_url text, version int, reporter_unit_id uuid, rollup_weight float8,
            first_submitted_at timestamptz)
          where o.id = d.id
          returning o.*
        ), rev as (
          insert into observation_revisions (observation_id, version, value, value_bool, status, source, comment,
            evidence_url, changed_by, valid_from)
          select id, version, value, value_bool, status, source, comment, evidence_url, ${ctx.actor}, ${nowIso}::timestamptz
          from upd
        )
        select * from upd`,
    );
    const after = new Map(rows.map((r) => [r.id, fromRaw(r)]));
    for (const u of updates)
      results[u.at] = {
        outcome: "updated",
        row: after.get(u.current.id) as ObservationRow,
        previous: u.current,
      };
  }
  return results;
}
