/**
 * Importing many values at once (bulk JSON, CSV, Excel). Rows arrive as a stream and are checked
 * in batches — value, period, unit, indicator, and the caller's right to write it — and staged in
 * `import_rows`, so a file of a million rows is never held in memory. The import is all-or-nothing:
 * one bad row and nothing is written, with every problem named by row, column, value and what is
 * expected. Good imports are applied set-wise (staged.ts): in one transaction on PostgreSQL; on
 * the embedded database in chunks that commit one by one, so the one in-process connection is
 * free for other requests in between, and a failed or interrupted import is taken back. A retried
 * import with the same idempotency key returns the first result.
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { yieldToEventLoop } from "../../db/chunked.js";
import { type Db, type Executor, queryRows } from "../../db/client.js";
import { importBatches, valueImports } from "../../db/schema/index.js";
import { parsePeriod } from "../../domain/periods.js";
import { cellReporter } from "../../domain/value-rules.js";
import type { Principal } from "../access/index.js";
import { allows, authorize } from "../access/index.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import { AppError, type ErrorDetail, violatesUnique } from "../core/errors.js";
import { lockedRowMessage } from "./commands/value-errors.js";
import { nfcRows } from "./nfc-rows.js";
import { checkObservation, disaggKey, loadRefs, type ObservationInput, type Refs } from "./service.js";
import { type RowError, rowError, type SourceRow } from "./source-row.js";
import {
  appliedOutcomes,
  applyStagedRange,
  checkStagedVersions,
  duplicateRows,
  refusedRows,
  revertStagedRange,
  type StagedRow,
  stagedOutcomes,
  stageRows,
} from "./staged.js";
import { cellContext, type IndicatorFacts, indicatorFacts } from "./value-context.js";

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

export interface ImportOptions {
  dryRun?: boolean;
  idempotencyKey?: string;
  format: "json" | "csv" | "xlsx";
  /** Enter and submit in one step (the caller must be allowed to submit every row). */
  submit?: boolean;
  /** Commit in chunks (the embedded database), taking the import back if it cannot finish. */
  chunkedCommit?: boolean;
  /** Rows read so far (the reading phase). */
  onRead?: (rows: number) => void;
  /** Called after each applied chunk with rows written so far (for progress reports). */
  onProgress?: (done: number, total: number) => void;
}

/** Rows checked (and their references looked up) per batch while reading. */
const CHECK_BATCH = 5000;
/** Staged rows applied per chunk. */
const APPLY_CHUNK = 10_000;
/**
 * On the embedded database each chunk holds the event loop while it runs (PGlite is in-process):
 * 10,000 changed values took 2.5–6 s on a busy machine, with /healthz unanswered meanwhile.
 */
const EMBEDDED_APPLY_CHUNK = 2_000;
const MAX_ERRORS = 1000;

/** Rows of a JSON body as source rows (numbered from 1). */
export function* jsonRows(items: readonly ObservationInput[]): Iterable<SourceRow> {
  for (let i = 0; i < items.length; i++) yield { row: i + 1, input: items[i] as ObservationInput };
}

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

interface Reading {
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
async function checkBatch(
  db: Executor,
  principal: Principal,
  batch: SourceRow[],
  refs: Refs,
  r: Reading,
  importId: string | null,
  opts: ImportOptions,
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

export async function importObservations(
  db: Db,
  principal: Principal,
  source: Iterable<SourceRow> | AsyncIterable<SourceRow>,
  ctx: ChangeContext,
  opts: ImportOptions,
): Promise<ImportSummary> {
  authorize(principal, "observation.import", null);
  const read = { hash: "" };
  const rows = nfcRows(source);
  try {
    // On PostgreSQL everything, staging included, is one transaction: a crash leaves nothing behind.
    return opts.chunkedCommit
      ? await runImport(db, db, principal, rows, ctx, opts, read)
      : await db.transaction((tx) => runImport(db, tx, principal, rows, ctx, opts, read));
  } catch (err) {
    // The same upload sent twice at once: the one that finished second answers like a retry.
    if (
      opts.idempotencyKey &&
      read.hash &&
      (violatesUnique(err, "import_batches_key") || violatesUnique(err, "observations_cell_key"))
    ) {
      const done = await storedImport(db, ctx.actor, opts.idempotencyKey);
      if (done) return replay(done, read.hash, opts.idempotencyKey);
    }
    throw err;
  }
}

/** The committed import with this idempotency key, if any. */
async function storedImport(x: Executor, actor: string, key: string | undefined) {
  if (!key) return undefined;
  const [done] = await x
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.actor, actor), eq(importBatches.idempotencyKey, key)));
  return done;
}

/** A retry gets the first result; a different upload under the same key is refused. */
function replay(done: { payloadHash: string; summary: unknown }, hash: string, key: string): ImportSummary {
  if (done.payloadHash !== hash) throw new AppError("IDEMPOTENCY_CONFLICT", { key });
  return { ...(done.summary as ImportSummary), replayed: true };
}

async function runImport(
  db: Db,
  /** Where reading and staging happen: the import's transaction, or the database (chunked commits). */
  x: Executor,
  principal: Principal,
  source: Iterable<SourceRow> | AsyncIterable<SourceRow>,
  ctx: ChangeContext,
  opts: ImportOptions,
  /** Filled once the whole upload is read. */
  read: { hash: string },
): Promise<ImportSummary> {
  const status = opts.submit ? "submitted" : "draft";
  const r: Reading = {
    hash: createHash("sha256"),
    rows: 0,
    staged: 0,
    rejectedRows: 0,
    errors: [],
    forbidden: [],
    facts: new Map(),
  };
  const done = await storedImport(x, ctx.actor, opts.idempotencyKey);
  // A retry is only read (to compare it with the first upload), never staged.
  const [imp] = done
    ? [undefined]
    : await x.insert(valueImports).values({ actor: ctx.actor, status }).returning();
  const importId = imp?.id ?? null;
  let failed = false;
  try {
    const refs: Refs = { indicators: new Map(), units: new Map(), unitsById: new Map() };
    let batch: SourceRow[] = [];
    for await (const s of source) {
      batch.push(s);
      if (batch.length >= CHECK_BATCH) {
        await checkBatch(x, principal, batch, refs, r, importId, opts);
        batch = [];
        opts.onRead?.(r.rows);
        // A JSON body is read without I/O: on the embedded database, let other requests in.
        if (opts.chunkedCommit) await yieldToEventLoop();
      }
    }
    await checkBatch(x, principal, batch, refs, r, importId, opts);
    const hash = r.hash.digest("hex");
    read.hash = hash;
    if (done) return replay(done, hash, opts.idempotencyKey ?? "");
    if (!importId) throw new AppError("INTERNAL");
    // Rows the caller may not write are an authorization refusal (403), listed by row.
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
    const summary: ImportSummary = {
      rows: r.rows,
      imported: 0,
      updated: 0,
      unchanged: 0,
      rejected: r.rejectedRows + dups.count + refused.length,
      dryRun: opts.dryRun ?? false,
      replayed: false,
      errors: r.errors.sort((a, b) => a.row - b.row).slice(0, MAX_ERRORS),
    };
    if (summary.errors.length > 0) return summary;
    if (opts.dryRun) {
      const o = await stagedOutcomes(x, importId, status);
      return { ...summary, imported: o.created, updated: o.updated, unchanged: o.unchanged };
    }
    const applying = { id: importId, actor: ctx.actor, status, writtenAt: new Date() } as const;
    const batches: number[] = [];
    const finish = async (tx: Executor) => {
      const o = await appliedOutcomes(tx, importId);
      Object.assign(summary, { imported: o.created, updated: o.updated, unchanged: o.unchanged });
      await audit(tx, ctx, {
        action: "observations.import",
        entityType: "observation",
        after: {
          format: opts.format,
          imported: o.created,
          updated: o.updated,
          unchanged: o.unchanged,
          // Each written row's before and after: GET /audit/{seq} lists them from the revisions.
          importId,
          changeBatches: batches.length ? { first: batches[0], last: batches[batches.length - 1] } : null,
        },
        rowCount: r.rows,
        fileHash: hash,
      });
      if (opts.idempotencyKey)
        await tx.insert(importBatches).values({
          idempotencyKey: opts.idempotencyKey,
          actor: ctx.actor,
          payloadHash: hash,
          format: opts.format,
          rowCount: r.rows,
          summary: summary as unknown as Record<string, unknown>,
        });
      await tx
        .update(valueImports)
        .set({ state: "done", finishedAt: new Date(), totalRows: r.staged })
        .where(eq(valueImports.id, importId));
      await tx.execute(sql`delete from import_rows where import_id = ${importId}::uuid`);
    };
    if (!opts.chunkedCommit) {
      await x
        .update(valueImports)
        .set({ state: "applying", writtenAt: applying.writtenAt, totalRows: r.staged })
        .where(eq(valueImports.id, importId));
      for (let from = 0; from < r.staged; from += APPLY_CHUNK) {
        batches.push(...(await applyStagedRange(x, applying, from, Math.min(from + APPLY_CHUNK, r.staged))));
        opts.onProgress?.(Math.min(from + APPLY_CHUNK, r.staged), r.staged);
      }
      await finish(x);
      return summary;
    }
    // Chunk by chunk: each commits on its own, and what committed is taken back on failure.
    await checkStagedVersions(db, importId);
    await db
      .update(valueImports)
      .set({ state: "applying", writtenAt: applying.writtenAt, totalRows: r.staged })
      .where(eq(valueImports.id, importId));
    try {
      for (let from = 0; from < r.staged; from += EMBEDDED_APPLY_CHUNK) {
        const to = Math.min(from + EMBEDDED_APPLY_CHUNK, r.staged);
        batches.push(...(await db.transaction((tx) => applyStagedRange(tx, applying, from, to))));
        opts.onProgress?.(to, r.staged);
        await yieldToEventLoop();
      }
      await db.transaction(finish);
    } catch (err) {
      await revertImport(db, importId);
      throw err;
    }
    return summary;
  } catch (err) {
    failed = true;
    // (In one transaction the rollback takes everything back.)
    if (importId && opts.chunkedCommit) await discardImport(db, importId);
    throw err;
  } finally {
    // A finished import's rows were removed with it; a refused one's or a dry run's go here.
    if (!failed && importId && (r.errors.length > 0 || opts.dryRun)) await discardImport(x, importId);
  }
}

/** Forgets a staged import that was not applied (its rows go with it). */
async function discardImport(db: Executor, importId: string): Promise<void> {
  await db.execute(sql`with gone as (
      delete from value_imports where id = ${importId}::uuid and state in ('staging', 'failed') returning id)
    delete from import_rows where import_id in (select id from gone)`);
}

/**
 * Takes back what an import applied (chunk by chunk, newest first) and marks it reverted. Used
 * when a chunked import fails, and at start-up for an import the process did not live to finish.
 */
export async function revertImport(db: Db, importId: string): Promise<void> {
  const [imp] = await db.select().from(valueImports).where(eq(valueImports.id, importId));
  if (!imp) return;
  if (imp.writtenAt && imp.appliedRows > 0) {
    const writtenAt = imp.writtenAt;
    for (let to = imp.appliedRows; to > 0; to -= EMBEDDED_APPLY_CHUNK) {
      const from = Math.max(0, to - EMBEDDED_APPLY_CHUNK);
      await db.transaction(async (tx) => {
        await revertStagedRange(tx, { id: importId, status: imp.status, writtenAt }, from, to);
        await tx.update(valueImports).set({ appliedRows: from }).where(eq(valueImports.id, importId));
      });
      await yieldToEventLoop();
    }
  }
  await db.transaction(async (tx) => {
    await audit(
      tx,
      { actor: imp.actor, reason: "import not finished: taken back" },
      {
        action: "observations.import_reverted",
        entityType: "observation",
        after: { rows: imp.totalRows, applied: imp.appliedRows },
      },
    );
    await tx
      .update(valueImports)
      .set({ state: "reverted", finishedAt: new Date(), appliedRows: 0 })
      .where(eq(valueImports.id, importId));
    await tx.execute(sql`delete from import_rows where import_id = ${importId}::uuid`);
  });
}

/**
 * At start-up: imports a previous process left unfinished. On the embedded database (one process
 * per data directory) every such import is dead: staged ones are dropped, partly applied ones
 * taken back. On PostgreSQL an import applies in one transaction, so only staged rows can be left
 * over, and only those older than an hour are dropped (another process may still be reading one).
 */
export async function recoverImports(
  db: Db,
  embedded: boolean,
): Promise<{ reverted: number; dropped: number }> {
  const stale = embedded ? sql`true` : sql`started_at < now() - interval '1 hour'`;
  const applying = embedded
    ? await db.select({ id: valueImports.id }).from(valueImports).where(eq(valueImports.state, "applying"))
    : [];
  for (const a of applying) await revertImport(db, a.id);
  const dropped = await queryRows<{ id: string }>(
    db,
    sql`with gone as (delete from value_imports where state in ('staging', 'failed') and ${stale} returning id),
      staged as (delete from import_rows where import_id in (select id from gone))
      select id from gone`,
  );
  return { reverted: applying.length, dropped: dropped.length };
}
