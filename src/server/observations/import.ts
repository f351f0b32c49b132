/**
 * Importing many values at once (bulk JSON now; CSV and XLSX feed the same pipeline): every row is
 * checked first — value, period, unit, indicator, and the caller's right to write it — and the
 * import is all-or-nothing: one bad row and nothing is written, with every problem named by row,
 * column, value and what is expected. A retried import with the same idempotency key returns the
 * first result. The commit runs in chunks that yield to the event loop (PGlite runs in-process).
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { yieldToEventLoop } from "../../db/chunked.js";
import type { Db } from "../../db/client.js";
import { importBatches } from "../../db/schema/index.js";
import { canSubmitValue, canWriteValue, defaultReporterUnit } from "../access/policies/observations.js";
import type { Principal } from "../access/roles.js";
import { AppError, type ErrorDetail } from "../errors.js";
import { audit, type ChangeContext } from "../indicators/versioning.js";
import { commitObservationChanges, type ObservationChange } from "./commit.js";
import {
  checkObservation,
  disaggKey,
  loadRefs,
  type ObservationInput,
  writeObservations,
} from "./service.js";

export interface ImportSummary {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  dryRun: boolean;
  /** True when this is the stored result of an earlier import with the same idempotency key. */
  replayed: boolean;
  errors: RowError[];
}

export interface RowError extends Omit<ErrorDetail, "column"> {
  /** 1-based row number as the user sees it (data rows; a file's header is row 1). */
  row: number;
  /** The column (field) name. */
  column: string;
}

export interface ImportOptions {
  dryRun?: boolean;
  idempotencyKey?: string;
  format: "json" | "csv" | "xlsx";
  /** Row numbers of the inputs as the user sees them (defaults to 1..n). */
  rowNumbers?: number[];
  /** Problems found while reading the file itself (bad numbers, missing columns). */
  preErrors?: RowError[];
  /** Enter and submit in one step (the caller must be allowed to submit every row). */
  submit?: boolean;
  /** Called after each committed chunk with rows written so far (for progress reports). */
  onProgress?: (done: number, total: number) => void;
}

const CHUNK = 2000;

export function payloadHash(inputs: readonly ObservationInput[]): string {
  return createHash("sha256").update(JSON.stringify(inputs)).digest("hex");
}

export async function importObservations(
  db: Db,
  principal: Principal,
  inputs: ObservationInput[],
  ctx: ChangeContext,
  opts: ImportOptions,
): Promise<ImportSummary> {
  const hash = payloadHash(inputs);
  if (opts.idempotencyKey) {
    const [done] = await db
      .select()
      .from(importBatches)
      .where(and(eq(importBatches.actor, ctx.actor), eq(importBatches.idempotencyKey, opts.idempotencyKey)));
    if (done) {
      if (done.payloadHash !== hash) throw new AppError("IDEMPOTENCY_CONFLICT", { key: opts.idempotencyKey });
      return { ...(done.summary as unknown as ImportSummary), replayed: true };
    }
  }
  const rowNo = (i: number) => opts.rowNumbers?.[i] ?? i + 1;
  const errors: RowError[] = [...(opts.preErrors ?? [])];
  const forbidden: RowError[] = [];
  const reporters: string[] = [];
  const refs = await loadRefs(db, inputs);
  const seen = new Map<string, number>();
  inputs.forEach((input, i) => {
    for (const d of checkObservation(input, refs)) {
      const column = (d.path ?? "").split(".").pop() ?? "";
      const strip = (m: string) => (m.startsWith(`${column}: `) ? m.slice(column.length + 2) : m);
      errors.push({
        ...d,
        row: rowNo(i),
        column,
        message: `Dòng ${rowNo(i)}, cột ${column}: ${strip(d.message)}`,
        messageEn: `Row ${rowNo(i)}, column ${column}: ${strip(d.messageEn ?? d.message)}`,
      });
    }
    const ind = refs.indicators.get(input.indicator);
    const unit = refs.units.get(input.unit);
    if (ind && unit) {
      const reporterUnitId = input.reporterUnit
        ? (refs.units.get(input.reporterUnit)?.id ?? unit.id)
        : defaultReporterUnit(principal, unit.id, ind.responsibleUnitId);
      reporters[i] = reporterUnitId;
      const allowed = canWriteValue(principal, {
        orgUnitId: unit.id,
        reporterUnitId,
        indicatorCode: ind.code,
        responsibleUnitId: ind.responsibleUnitId,
      });
      const mayOnlyDraft =
        opts.submit &&
        !canSubmitValue(principal, {
          orgUnitId: unit.id,
          reporterUnitId,
          status: "draft",
          indicatorCode: ind.code,
          indicatorPublished: ind.published,
          responsibleUnitId: ind.responsibleUnitId,
          planIds: [],
          systemIds: [],
        });
      if (allowed && mayOnlyDraft)
        forbidden.push({
          row: rowNo(i),
          column: "unit",
          path: "unit",
          value: input.unit,
          message: `Dòng ${rowNo(i)}, cột unit: bạn không được gửi duyệt số liệu của “${input.unit}”`,
          messageEn: `Row ${rowNo(i)}, column unit: you may not submit values of “${input.unit}”`,
        });
      if (!allowed)
        forbidden.push({
          row: rowNo(i),
          column: "unit",
          path: "unit",
          value: input.unit,
          message: `Dòng ${rowNo(i)}, cột unit: bạn không được nhập số liệu của “${input.unit}” cho “${input.indicator}”`,
          messageEn: `Row ${rowNo(i)}, column unit: you may not enter values of “${input.unit}” for “${input.indicator}”`,
        });
    }
    // The same cell twice in one import is ambiguous: which value wins?
    const key = `${input.indicator}|${input.unit}|${input.period}|${disaggKey(input.disaggregation)}`;
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({
        row: rowNo(i),
        column: "period",
        path: "period",
        value: input.period,
        message: `Dòng ${rowNo(i)}: trùng ô số liệu với dòng ${first}`,
        messageEn: `Row ${rowNo(i)}: the same value cell as row ${first}`,
      });
    else seen.set(key, rowNo(i));
  });
  // Rows the caller may not write are an authorization refusal (403), listed by row.
  if (forbidden.length > 0)
    throw new AppError(
      "FORBIDDEN",
      {},
      forbidden.slice(0, 1000).map(({ column, row, ...d }) => ({ ...d, path: `items.${row - 1}.${column}` })),
    );
  const summary: ImportSummary = {
    rows: inputs.length,
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    dryRun: opts.dryRun ?? false,
    replayed: false,
    errors: errors.sort((a, b) => a.row - b.row).slice(0, 1000),
  };
  if (errors.length > 0) {
    summary.rejected = new Set(errors.map((e) => e.row)).size;
    return summary;
  }
  if (opts.dryRun) {
    summary.imported = inputs.length;
    return summary;
  }
  await db.transaction(async (tx) => {
    const changed: ObservationChange[] = [];
    for (let i = 0; i < inputs.length; i += CHUNK) {
      const results = await writeObservations(
        tx,
        inputs.slice(i, i + CHUNK),
        refs,
        ctx,
        reporters.slice(i, i + CHUNK),
        opts.submit ? "submitted" : "draft",
      );
      for (const { outcome, row, previous } of results) {
        if (outcome !== "unchanged") changed.push({ before: previous, after: row });
        if (outcome === "created") summary.imported++;
        else if (outcome === "updated") summary.updated++;
        else summary.unchanged++;
      }
      await yieldToEventLoop();
      opts.onProgress?.(Math.min(i + CHUNK, inputs.length), inputs.length);
    }
    await commitObservationChanges(tx, changed);
    await audit(tx, ctx, {
      action: "observations.import",
      entityType: "observation",
      after: {
        format: opts.format,
        imported: summary.imported,
        updated: summary.updated,
        unchanged: summary.unchanged,
      },
      rowCount: inputs.length,
      fileHash: hash,
    });
    if (opts.idempotencyKey)
      await tx.insert(importBatches).values({
        idempotencyKey: opts.idempotencyKey,
        actor: ctx.actor,
        payloadHash: hash,
        format: opts.format,
        rowCount: inputs.length,
        summary: summary as unknown as Record<string, unknown>,
      });
  });
  return summary;
}
