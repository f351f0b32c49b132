/**
 * Checking an upload's rows as they stream, a batch at a time: each row's value, period, unit
 * and indicator (values/check.ts), and the caller's right to write — and, with `submit`, to
 * submit — its cell. Good rows are staged; problems are kept by row (up to MAX_ERRORS), and rows
 * the caller may not write are kept apart: they make the import a 403. Once all is read, the staged
 * rows are checked together (`checkStaged`): duplicates, and values the import may not change.
 */
import type { createHash } from "node:crypto";
import type { Executor } from "../../../db/client.js";
import { parsePeriod } from "../../../domain/periods.js";
import { cellReporter } from "../../../domain/value-rules.js";
import type { Principal } from "../../access/index.js";
import { allows } from "../../access/index.js";
import { AppError, type ErrorDetail } from "../../core/errors.js";
import { checkObservation } from "../values/check.js";
import { lockedRowMessage } from "../values/commands/value-errors.js";
import { disaggKey, type Refs } from "../values/model.js";
import { loadRefs } from "../values/queries.js";
import { cellContext, type IndicatorFacts, indicatorFacts } from "../values/value-context.js";
import { type RowError, rowError, type SourceRow } from "./files/source-row.js";
import { duplicateRows, refusedRows, type StagedRow, stageRows } from "./queries.js";
import type { ImportSummary } from "./summary.js";

/** Problems kept per import (the rest are counted). */
export const MAX_ERRORS = 1000;

/** A problem with one cell of an upload, worded for the user in both languages. */
function rowMessage(row: number, column: string, d: ErrorDetail): RowError {
  const strip = (m: string) => (m.startsWith(`${column}: `) ? m.slice(column.length + 2) : m);
  return {
    ...d,
    row,
    column,
    message: `Dòng ${row}, cột ${column}: ${strip(d.message)}`,
    messageEn: `Row ${row}, column ${column}: ${strip(d.messageEn ?? d.message)}`,
  };
}

/** What reading an upload has found so far. */
export interface Reading {
  hash: ReturnType<typeof createHash>;
  rows: number;
  staged: number;
  rejectedRows: number;
  errors: RowError[];
  forbidden: RowError[];
  /** The policies' facts of each indicator met so far, loaded a batch at a time. */
  facts: Map<string, IndicatorFacts>;
}

/** Checks a batch of source rows and stages the good ones. */
export async function checkBatch(
  db: Executor,
  principal: Principal,
  batch: SourceRow[],
  refs: Refs,
  r: Reading,
  importId: string | null,
  opts: { submit?: boolean | undefined },
): Promise<void> {
  // Look up only the codes not seen in earlier batches.
  const unknown = batch.flatMap((s) =>
    s.input &&
    (!refs.indicators.has(s.input.indicator) ||
      !refs.units.has(s.input.unit) ||
      (s.input.reporterUnit && !refs.units.has(s.input.reporterUnit)))
      ? [s.input]
      : [],
  );
  if (unknown.length > 0) {
    const more = await loadRefs(db, unknown);
    for (const [k, v] of more.indicators) refs.indicators.set(k, v);
    for (const [k, v] of more.units) refs.units.set(k, v);
    for (const [k, v] of more.unitsById) refs.unitsById.set(k, v);
  }
  const unseen = new Set<string>();
  for (const s of batch) {
    const id = s.input && refs.indicators.get(s.input.indicator)?.id;
    if (id && !r.facts.has(id)) unseen.add(id);
  }
  if (unseen.size > 0) for (const [k, v] of await indicatorFacts(db, [...unseen])) r.facts.set(k, v);
  const staged: StagedRow[] = [];
  for (const { row, input, errors } of batch) {
    r.rows++;
    if (input) r.hash.update(JSON.stringify(input));
    const problems: RowError[] = [...(errors ?? [])];
    if (input) {
      for (const d of checkObservation(input, refs)) {
        const column = (d.path ?? "").split(".").pop() ?? "";
        // A column the file reader already found wrong is named once.
        if (!errors?.some((e) => e.column === column)) problems.push(rowMessage(row, column, d));
      }
      const ind = refs.indicators.get(input.indicator);
      const unit = refs.units.get(input.unit);
      const facts = ind && r.facts.get(ind.id);
      if (ind && unit && facts) {
        // The reporter of a new cell; a row meeting an existing value is checked against that
        // value's reporter once staged (refusedRows).
        const reporterUnitId = cellReporter(ind, unit.id);
        const cell = cellContext({ orgUnitId: unit.id, reporterUnitId }, facts);
        const named = input.reporterUnit ? refs.units.get(input.reporterUnit)?.id : undefined;
        const allowed = (!named || named === reporterUnitId) && allows(principal, "observation.write", cell);
        const reporterName = (id: string, lang: "vi" | "en") => {
          const u = refs.unitsById.get(id);
          return u ? `${lang === "en" ? (u.nameEn ?? u.nameVi) : u.nameVi} (${u.code})` : id;
        };
        // Entered as a draft and submitted in the same step.
        const mayOnlyDraft =
          opts.submit && !allows(principal, "observation.submit", { ...cell, status: "draft" });
        if (!allowed || mayOnlyDraft) {
          if (r.forbidden.length < MAX_ERRORS)
            r.forbidden.push({
              row,
              column: "unit",
              path: "unit",
              value: input.unit,
              message: allowed
                ? `Dòng ${row}, cột unit: bạn không được gửi duyệt số liệu của “${input.unit}”`
                : `Dòng ${row}, cột unit: ô số liệu “${input.indicator}” của “${input.unit}” do ${reporterName(reporterUnitId, "vi")} báo cáo`,
              messageEn: allowed
                ? `Row ${row}, column unit: you may not submit values of “${input.unit}”`
                : `Row ${row}, column unit: the “${input.indicator}” value of “${input.unit}” is reported by ${reporterName(reporterUnitId, "en")}`,
            });
        } else if (problems.length === 0) {
          const isBool = typeof input.value === "boolean";
          staged.push({
            seq: r.staged + staged.length,
            rowNo: row,
            indicatorId: ind.id,
            orgUnitId: unit.id,
            reporterUnitId,
            period: input.period,
            periodKind: parsePeriod(input.period).kind,
            disaggregation: input.disaggregation ?? {},
            disaggKey: disaggKey(input.disaggregation),
            value: isBool ? null : (input.value as number),
            valueBool: isBool ? (input.value as boolean) : null,
            source: input.source ?? null,
            comment: input.comment ?? null,
            evidenceUrl: input.evidenceUrl ?? null,
            expectedVersion: input.expectedVersion ?? null,
          });
        }
      }
    }
    if (problems.length > 0) {
      r.rejectedRows++;
      for (const p of problems) if (r.errors.length < MAX_ERRORS) r.errors.push(p);
    }
  }
  // Staging stops at the first refusal: the import cannot go through, only its problems matter.
  if (importId && r.forbidden.length === 0) await stageRows(db, importId, staged);
  r.staged += staged.length;
}

/**
 * The checks of the whole staged import: rows the caller may not write (403, listed by row), the
 * same cell twice, rows meeting a value another unit reports (403) or a locked value. Answers the
 * summary so far: with errors, the import goes no further.
 */
export async function checkStaged(
  x: Executor,
  importId: string,
  status: "draft" | "submitted",
  r: Reading,
  dryRun: boolean,
): Promise<ImportSummary> {
  if (r.forbidden.length > 0)
    throw new AppError(
      "FORBIDDEN",
      {},
      r.forbidden.map(({ column, row, ...d }) => ({ ...d, path: `items.${row - 1}.${column}` })),
    );
  // The same cell twice in one import is ambiguous: which value wins?
  const dups = await duplicateRows(x, importId, MAX_ERRORS);
  for (const d of dups.rows)
    r.errors.push({
      row: d.row,
      column: "period",
      path: "period",
      message: `Dòng ${d.row}: trùng ô số liệu với dòng ${d.first}`,
      messageEn: `Row ${d.row}: the same value cell as row ${d.first}`,
    });
  // Rows meeting values the import may not change: another unit's cell (403), a locked value (row errors).
  const refused = await refusedRows(x, importId, status, MAX_ERRORS);
  const foreign = refused.filter((f) => f.reason === "reporter");
  if (foreign.length > 0)
    throw new AppError(
      "FORBIDDEN",
      {},
      foreign.map((f) => ({
        path: `items.${f.row - 1}.unit`,
        message: `Dòng ${f.row}, cột unit: ô số liệu này do ${f.reporter.nameVi} (${f.reporter.code}) báo cáo`,
        messageEn: `Row ${f.row}, column unit: this value cell is reported by ${f.reporter.nameEn ?? f.reporter.nameVi} (${f.reporter.code})`,
        value: { reporterUnit: f.reporter.code },
      })),
    );
  for (const f of refused) {
    const m = lockedRowMessage(f.status);
    r.errors.push({ ...rowError(f.row, "value", m.vi, m.en), value: { status: f.status } });
  }
  return {
    rows: r.rows,
    imported: 0,
    updated: 0,
    unchanged: 0,
    // (Rows of another unit's cells threw above: what is left are locked values.)
    locked: refused.length,
    rejected: r.rejectedRows + dups.count + refused.length,
    dryRun,
    replayed: false,
    errors: r.errors.sort((a, b) => a.row - b.row).slice(0, MAX_ERRORS),
  };
}
