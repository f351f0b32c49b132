/**
 * What the wizard shows of an import's answer (a dry run or a commit): the counts of what would
 * change — new, changed, unchanged, locked — and the row errors in the page's language, each
 * split into row, column, value and message. The server writes "Dòng 3, cột value: …" before
 * each message; the table has its own row and column cells, so that prefix is dropped there.
 */
export interface RowErrorIn {
  row: number;
  column: string;
  message: string;
  messageEn?: string;
  value?: unknown;
}

export interface SummaryIn {
  rows: number;
  imported: number;
  updated: number;
  unchanged: number;
  locked: number;
  rejected: number;
  errors: RowErrorIn[];
}

export interface RowErrorView {
  /** A stable key for the table (an error's row and column may repeat). */
  id: string;
  row: number;
  /** The field name as the server gives it (indicator, unit, period, value, …) or "" for the file. */
  column: string;
  value: string;
  message: string;
}

export interface ImportView {
  /** "ready": nothing refused, something to write; "nothing": nothing would change; "rejected": errors. */
  outcome: "ready" | "nothing" | "rejected";
  counts: {
    rows: number;
    created: number;
    changed: number;
    unchanged: number;
    locked: number;
    rejected: number;
  };
  /** Rows that would be (or were) written: new and changed. */
  writes: number;
  errors: RowErrorView[];
  /** The server keeps at most 1,000 errors: more rows were refused than are listed. */
  moreErrors: number;
}

/** Codes of a file refused as a whole (not a spreadsheet, unreadable): named with the file, no counts. */
const FILE_CODES = new Set(["WRONG_FILE_KIND", "CSV_ENCODING_UNSUPPORTED", "CSV_MALFORMED"]);

export function isFileRefusal(code: string | undefined): boolean {
  return code !== undefined && FILE_CODES.has(code);
}

/**
 * Row errors from an error's details (a 403 names each row of a cell the caller may not write as
 * `items.<index>.<field>`, the index counting data rows from 0, and its message), for the table.
 */
export function rowErrorsFromDetails(details: readonly unknown[]): RowErrorIn[] {
  return details.flatMap((d) => {
    if (typeof d !== "object" || d === null) return [];
    const { path, message, messageEn, value } = d as Record<string, unknown>;
    const m = typeof path === "string" ? /^items\.(\d+)\.(\w+)/.exec(path) : null;
    if (!m || typeof message !== "string") return [];
    return [
      {
        row: Number(m[1]) + 1,
        column: m[2] ?? "",
        message,
        ...(typeof messageEn === "string" ? { messageEn } : {}),
        value,
      },
    ];
  });
}

/**
 * A refusal of rows as an error (403: cells another unit reports, each row named in the details)
 * in the shape of an import's answer, for the same table; undefined for any other error.
 */
export function refusedRowsAnswer(
  err: { status: number; code: string; message: string; details: readonly unknown[] },
  dryRun: boolean,
) {
  const errors = err.status === 403 ? rowErrorsFromDetails(err.details) : [];
  if (errors.length === 0) return undefined;
  const rejected = new Set(errors.map((r) => r.row)).size;
  const summary = {
    rows: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    locked: 0,
    rejected,
    dryRun,
    replayed: false,
    errors,
  };
  return { summary, refused: { code: err.code, message: err.message }, counted: false };
}

const PREFIX = /^(?:Dòng|Row) \d+(?:, (?:cột|column) [^:]*)?: /;

/** The message without the server's "Dòng n, cột c: " prefix (the table shows those apart). */
export function stripRowPrefix(message: string): string {
  return message.replace(PREFIX, "");
}

/** A cell's value as typed in the file, for the table; structured details (a locked value's status) are not shown. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

export function importView(s: SummaryIn, lang: "vi" | "en"): ImportView {
  const errors = s.errors.map((e, i) => ({
    id: `${e.row}-${e.column}-${i}`,
    row: e.row,
    column: e.column,
    value: valueText(e.value),
    message: stripRowPrefix(lang === "en" && e.messageEn ? e.messageEn : e.message),
  }));
  const writes = s.imported + s.updated;
  const refused = errors.length > 0 || s.rejected > 0;
  return {
    outcome: refused ? "rejected" : writes > 0 ? "ready" : "nothing",
    counts: {
      rows: s.rows,
      created: s.imported,
      changed: s.updated,
      unchanged: s.unchanged,
      locked: s.locked,
      rejected: s.rejected,
    },
    writes,
    errors,
    // Errors name rows; a row may carry several, so only a count above the list is "more".
    moreErrors: Math.max(0, s.rejected - new Set(errors.map((e) => e.row)).size),
  };
}

/** One page of `items` (1-based page), and how many pages there are. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { items: items.slice((p - 1) * size, p * size), pages };
}
