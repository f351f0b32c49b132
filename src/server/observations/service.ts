/**
 * Writing indicator values. A value is never silently overwritten: each change closes the current
 * revision and opens a new one; a write that names an older version than the current one is
 * refused with the current value (optimistic concurrency). Checks before writing: the period
 * code and its kind against the indicator's frequency, the value's type (yes/no for milestones),
 * and that the unit existed in that period.
 */
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../../db/client.js";
import { indicators, observationRevisions, observations, orgUnits } from "../../db/schema/index.js";
import { monthRange, PeriodError, type PeriodKind, parsePeriod } from "../../domain/periods.js";
import {
  boundsProblem,
  periodWindowProblem,
  type ValueTransition,
  valueTransitions,
} from "../../domain/value-rules.js";
import type { ChangeContext } from "../core/change-context.js";
import { AppError, type ErrorDetail } from "../core/errors.js";

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

/** An indicator with the earliest baseline year of the plans tracking it (values before it are refused). */
export type RefIndicator = IndicatorRow & { valuesFrom: number | null };

export interface Refs {
  indicators: Map<string, RefIndicator>;
  units: Map<string, UnitRow>;
  unitsById: Map<string, UnitRow>;
}

export async function loadRefs(db: Executor, inputs: readonly ObservationInput[]): Promise<Refs> {
  // PostgreSQL text cannot hold U+0000: such a code is simply unknown (and named as such).
  const storable = (c: unknown): c is string => typeof c === "string" && !c.includes("\u0000");
  const indicatorCodes = [...new Set(inputs.map((i) => i.indicator))].filter(storable);
  const unitCodes = [...new Set(inputs.flatMap((i) => [i.unit, i.reporterUnit ?? i.unit]))].filter(storable);
  const inds = indicatorCodes.length
    ? await db
        .select({
          i: indicators,
          // Qualified by hand: inside a selected field Drizzle renders a column without its table.
          valuesFrom: sql<number | null>`(select min(p.baseline_year) from plan_indicators pi
            join plans p on p.id = pi.plan_id where pi.indicator_id = "indicators"."id")`,
        })
        .from(indicators)
        .where(inArray(indicators.code, indicatorCodes))
    : [];
  // The responsible units too: they report some cells, and refusals name them.
  const responsible = [...new Set(inds.map((r) => r.i.responsibleUnitId).filter((u) => u !== null))];
  const units =
    unitCodes.length || responsible.length
      ? await db
          .select()
          .from(orgUnits)
          .where(
            or(
              unitCodes.length ? inArray(orgUnits.code, unitCodes) : undefined,
              responsible.length ? inArray(orgUnits.id, responsible) : undefined,
            ),
          )
      : [];
  return {
    indicators: new Map(
      inds.map((r) => [
        r.i.code,
        { ...r.i, valuesFrom: r.valuesFrom === null ? null : Number(r.valuesFrom) } as RefIndicator,
      ]),
    ),
    units: new Map(units.map((u) => [u.code, u])),
    unitsById: new Map(units.map((u) => [u.id, u])),
  };
}

/** Problems with one input, as field-named details in both languages (empty when valid). */
export function checkObservation(
  input: ObservationInput,
  refs: Refs,
  path = "",
  now: Date = new Date(),
): ErrorDetail[] {
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
    const window = periodWindowProblem(input.period, now, ind?.valuesFrom ?? null);
    if (window) add("period", window.vi, window.en, input.period);
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
    else if (typeof input.value === "number") {
      const outside = boundsProblem(input.value, { min: ind.boundMin, max: ind.boundMax });
      if (outside) add("value", `${input.value} ${outside.vi}`, `${input.value} ${outside.en}`, input.value);
    }
  }
  return out;
}

function sample(kind: PeriodKind): string {
  return { month: "2026-03", quarter: "2026-Q1", half_year: "2026-H1", year: "2026" }[kind];
}

export type WriteOutcome = "created" | "updated" | "unchanged";

export interface WriteResult {
  outcome: WriteOutcome;
  row: ObservationRow;
  previous?: ObservationRow;
}

/**
 * Called with the cell's current value (locked for this transaction) before anything is written:
 * throws to refuse the write (who may write the cell, locked states). Its result, when given, is
 * the reporting unit of a new value.
 */
export type WriteGuard = (
  current: ObservationRow | undefined,
  /** The write would leave the value as it is. */
  unchanged: boolean,
) => Promise<string | undefined>;

/** Whether a write would leave the value as it is. */
function sameValue(current: ObservationRow, f: ValueFields): boolean {
  return (
    current.value === f.value &&
    current.valueBool === f.valueBool &&
    current.source === f.source &&
    current.comment === f.comment &&
    current.evidenceUrl === f.evidenceUrl
  );
}

interface ValueFields {
  value: number | null;
  valueBool: boolean | null;
  source: string | null;
  comment: string | null;
  evidenceUrl: string | null;
}

function fieldsOf(input: ObservationInput): ValueFields {
  const isBool = typeof input.value === "boolean";
  return {
    value: isBool ? null : (input.value as number),
    valueBool: isBool ? (input.value as boolean) : null,
    source: input.source ?? null,
    comment: input.comment ?? null,
    evidenceUrl: input.evidenceUrl ?? null,
  };
}

/**
 * Writes one checked value inside the caller's transaction: the cell's current value is locked,
 * the guard decides whether the write may happen, the expected version is checked, and the value
 * is created or changed with a new revision. An existing value keeps its reporting unit. Callers
 * go through the write command (commands/write-value.ts), which authorizes, rolls up and audits.
 */
export async function writeObservation(
  tx: Executor,
  input: ObservationInput,
  refs: Refs,
  ctx: ChangeContext,
  /** The reporting unit of a new value (defaults to the named or described unit). */
  reporterUnitId?: string,
  /** "submitted" when an approver enters and submits in one step; "approved" for a reviewer's revision. */
  status: "draft" | "submitted" | "approved" = "draft",
  guard?: WriteGuard,
): Promise<WriteResult> {
  const ind = refs.indicators.get(input.indicator) as IndicatorRow;
  const unit = refs.units.get(input.unit) as UnitRow;
  const key = disaggKey(input.disaggregation);
  const [current] = await tx
    .select()
    .from(observations)
    .where(
      and(
        eq(observations.period, input.period),
        eq(observations.indicatorId, ind.id),
        eq(observations.orgUnitId, unit.id),
        eq(observations.disaggKey, key),
        isNull(observations.deletedAt),
      ),
    )
    .for("update");
  const f = fieldsOf(input);
  const unchanged =
    current !== undefined && sameValue(current, f) && (status === "draft" || current.status !== "draft");
  const decided = await guard?.(current, unchanged);
  checkVersion(input, current);
  const now = new Date();
  if (current && unchanged) return { outcome: "unchanged", row: current };
  const rollupWeight =
    ind.aggregation === "weighted_mean" ? await weightFor(tx, ind, unit.id, input.period, key) : null;
  if (!current) {
    const reporter =
      decided ?? reporterUnitId ?? (input.reporterUnit ? refs.units.get(input.reporterUnit)?.id : undefined);
    const [row] = await tx
      .insert(observations)
      .values({
        indicatorId: ind.id,
        orgUnitId: unit.id,
        reporterUnitId: reporter ?? unit.id,
        period: input.period,
        periodKind: parsePeriod(input.period).kind,
        disaggregation: input.disaggregation ?? {},
        disaggKey: key,
        ...f,
        status,
        firstSubmittedAt: status === "submitted" ? now : null,
        rollupWeight,
        createdBy: ctx.actor,
        updatedBy: ctx.actor,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new AppError("INTERNAL");
    await tx.insert(observationRevisions).values({
      observationId: row.id,
      version: 1,
      ...f,
      status,
      changedBy: ctx.actor,
      validFrom: now,
    });
    return { outcome: "created", row };
  }
  const [row] = await tx
    .update(observations)
    .set({
      ...f,
      status,
      version: current.version + 1,
      rollupWeight,
      firstSubmittedAt: current.firstSubmittedAt ?? (status === "submitted" ? now : null),
      updatedBy: ctx.actor,
      updatedAt: now,
    })
    .where(eq(observations.id, current.id))
    .returning();
  if (!row) throw new AppError("INTERNAL");
  await closeRevision(tx, current.id, now);
  await tx.insert(observationRevisions).values({
    observationId: row.id,
    version: row.version,
    ...f,
    status,
    changedBy: ctx.actor,
    validFrom: now,
  });
  return { outcome: "updated", row, previous: current };
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

export type Transition = ValueTransition;
/** The state table lives in the domain (value-rules.ts): the commands and the `can` flags read it. */
export const transitions = valueTransitions;

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
