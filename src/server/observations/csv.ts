/**
 * Reading values from a CSV upload as a stream (the file is never held whole): headers in
 * Vietnamese or English, `;` or `,` separators, numbers in Vietnamese or English format (ambiguous
 * ones refused), yes/no answers for milestones. Problems are collected per row and column.
 */
import { Readable } from "node:stream";
import { parse } from "csv-parse";
import { parseLocalizedNumber, parseYesNo } from "../../domain/numbers.js";
import { type RowError, rowError, type SourceRow } from "./import.js";
import type { ObservationInput } from "./service.js";

/** Accepted column headers (lower-cased, accents kept) for each field. */
const headerAliases: Record<keyof Omit<ObservationInput, "disaggregation" | "expectedVersion">, string[]> = {
  indicator: ["indicator", "mã chỉ tiêu", "ma chi tieu", "chỉ tiêu", "chi tieu"],
  unit: ["unit", "mã đơn vị", "ma don vi", "đơn vị", "don vi"],
  reporterUnit: ["reporter_unit", "reporterunit", "đơn vị báo cáo", "don vi bao cao"],
  period: ["period", "kỳ", "ky", "kỳ báo cáo", "ky bao cao"],
  value: ["value", "giá trị", "gia tri", "số liệu", "so lieu"],
  source: ["source", "nguồn", "nguon", "nguồn số liệu"],
  comment: ["comment", "ghi chú", "ghi chu"],
  evidenceUrl: ["evidence_url", "evidenceurl", "minh chứng", "minh chung", "đường dẫn minh chứng"],
};

export const MAX_CSV_ROWS = 2_000_000;

function fieldFor(header: string): keyof typeof headerAliases | undefined {
  const h = header.trim().toLowerCase().normalize("NFC");
  for (const [field, aliases] of Object.entries(headerAliases))
    if (aliases.includes(h)) return field as keyof typeof headerAliases;
  return undefined;
}

/** The separator of the header line: `;` (common in Vietnamese Excel exports), `,` or a tab. */
export function sniffDelimiter(firstLine: string): string {
  const counts = [";", ",", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]?.[1] ? (counts[0][0] as string) : ",";
}

/** The rows of a CSV upload as they stream in: each row's value, or the problems reading it. */
export async function* readCsv(
  stream: Readable,
  milestoneCodes: (code: string) => boolean,
): AsyncGenerator<SourceRow> {
  // Peek at the first chunk to choose the separator, then parse the whole stream with it.
  const chunks = stream[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head = first.done ? Buffer.alloc(0) : Buffer.from(first.value as Buffer);
  const firstLine = head.toString("utf8").split(/\r?\n/)[0] ?? "";
  const replay = Readable.from(
    (async function* () {
      if (head.length > 0) yield head;
      for (let c = await chunks.next(); !c.done; c = await chunks.next()) yield c.value as Buffer;
    })(),
  );
  const parser = replay.pipe(
    parse({
      bom: true,
      delimiter: sniffDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }),
  );
  let columns: (keyof typeof headerAliases | undefined)[] | undefined;
  let line = 0;
  let errors: RowError[] = [];
  const err = (row: number, column: string, vi: string, en: string, value?: unknown) =>
    errors.push(rowError(row, column, vi, en, value));
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    errors = [];
    if (!columns) {
      columns = record.map(fieldFor);
      for (const required of ["indicator", "unit", "period", "value"] as const)
        if (!columns.includes(required))
          err(
            1,
            required,
            `thiếu cột “${required}” (${headerAliases[required].slice(1, 3).join(", ")})`,
            `missing column “${required}”`,
          );
      if (errors.length > 0) {
        yield { row: 1, errors };
        return;
      }
      continue;
    }
    if (line - 1 > MAX_CSV_ROWS) {
      err(line, "", `tệp quá ${MAX_CSV_ROWS} dòng`, `more than ${MAX_CSV_ROWS} rows`);
      yield { row: line, errors };
      return;
    }
    const get = (field: keyof typeof headerAliases) => {
      const i = columns?.indexOf(field) ?? -1;
      return i >= 0 ? (record[i] ?? "").trim() : "";
    };
    const indicator = get("indicator");
    const rawValue = get("value");
    let value: number | boolean | undefined;
    if (rawValue === "") err(line, "value", "thiếu giá trị", "no value", rawValue);
    else if (milestoneCodes(indicator)) {
      const b = parseYesNo(rawValue);
      if (b.ok) value = b.value;
      else err(line, "value", b.vi, b.en, rawValue);
    } else {
      const n = parseLocalizedNumber(rawValue);
      if (n.ok) value = n.value;
      else err(line, "value", n.vi, n.en, rawValue);
    }
    for (const f of ["indicator", "unit", "period"] as const)
      if (get(f) === "") err(line, f, "bắt buộc", "required");
    if (value === undefined || errors.length > 0) {
      // The rest of the row is still checked (indicator, unit, period), so every problem of a row
      // is named at once; a row with reading errors is never written.
      const filled = ["indicator", "unit", "period"].every((f) => get(f as "indicator") !== "");
      yield filled
        ? {
            row: line,
            errors,
            input: { indicator, unit: get("unit"), period: get("period"), value: Number.NaN },
          }
        : { row: line, errors };
      continue;
    }
    const optional = (f: "source" | "comment" | "evidenceUrl" | "reporterUnit") => get(f) || undefined;
    yield {
      row: line,
      input: {
        indicator,
        unit: get("unit"),
        period: get("period"),
        value,
        reporterUnit: optional("reporterUnit"),
        source: optional("source") ?? null,
        comment: optional("comment") ?? null,
        evidenceUrl: optional("evidenceUrl") ?? null,
      },
    };
  }
  if (!columns) {
    err(1, "", "tệp trống", "the file is empty");
    yield { row: 1, errors };
  }
}
