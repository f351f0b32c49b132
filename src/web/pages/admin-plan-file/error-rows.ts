/**
 * The dry run's refusal as a table: each problem's line, field and message. The server's details
 * carry the line and the field path, and a message that repeats both ("Line 6: systems.0.number:
 * expected number"): the table shows them in their own columns, so the message is trimmed of them.
 */
export interface ErrorRow {
  line?: number;
  /** The field's path in the file, "systems.0.number"; absent for a syntax error. */
  field?: string;
  message: string;
}

interface Detail {
  path?: unknown;
  line?: unknown;
  message?: unknown;
}

const LINE_PREFIX = /^(?:Dòng|Line) (?:\d+|\?): /;

export function errorRows(details: readonly unknown[]): ErrorRow[] {
  const rows: ErrorRow[] = [];
  for (const raw of details) {
    if (typeof raw !== "object" || raw === null) continue;
    const d = raw as Detail;
    if (typeof d.message !== "string") continue;
    const line = typeof d.line === "number" && Number.isInteger(d.line) && d.line > 0 ? d.line : undefined;
    const field = typeof d.path === "string" && d.path !== "" && d.path !== "(root)" ? d.path : undefined;
    let message = d.message.replace(LINE_PREFIX, "");
    const fieldPrefix = `${typeof d.path === "string" ? d.path : ""}: `;
    if (typeof d.path === "string" && message.startsWith(fieldPrefix))
      message = message.slice(fieldPrefix.length);
    rows.push({ ...(line ? { line } : {}), ...(field ? { field } : {}), message });
  }
  // By line, those without a line last; the server's order within a line.
  return rows
    .map((r, i) => ({ r, i }))
    .sort(
      (a, b) => (a.r.line ?? Number.MAX_SAFE_INTEGER) - (b.r.line ?? Number.MAX_SAFE_INTEGER) || a.i - b.i,
    )
    .map(({ r }) => r);
}

/** The lines that have at least one problem, each with its problems' messages (for the marked text). */
export function problemsByLine(rows: readonly ErrorRow[]): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const r of rows) {
    if (r.line === undefined) continue;
    map.set(r.line, [...(map.get(r.line) ?? []), r.field ? `${r.field}: ${r.message}` : r.message]);
  }
  return map;
}

/** The file's lines, numbered from 1 (a final newline ends the last line, it does not add one). */
export function numberedLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/**
 * The stretches of the file to show around its bad lines (each with `context` lines either side),
 * merged where they touch, so a long file shows its problems, not all its lines.
 */
export function excerpts(
  badLines: Iterable<number>,
  total: number,
  context = 3,
): { from: number; to: number }[] {
  const sorted = [...new Set(badLines)].filter((l) => l >= 1 && l <= total).sort((a, b) => a - b);
  const out: { from: number; to: number }[] = [];
  for (const line of sorted) {
    const from = Math.max(1, line - context);
    const to = Math.min(total, line + context);
    const last = out[out.length - 1];
    if (last && from <= last.to + 1) last.to = Math.max(last.to, to);
    else out.push({ from, to });
  }
  return out;
}
