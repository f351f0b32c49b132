/**
 * Before/after of a change as rows a person reads: one row per field that was added, removed or
 * changed, nested objects flattened to dotted paths (`bounds.max`), arrays compared whole (a list
 * of disaggregations or units reads better as "this list, then that list" than index by index).
 * Used by the audit trail and by an indicator's version history.
 */
export type DiffKind = "added" | "removed" | "changed";

export interface DiffRow {
  path: string;
  kind: DiffKind;
  before: unknown;
  after: unknown;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): void {
  // An empty object is a value of its own below the root (a field set to {}), nothing at the root.
  if (isObject(v) && (Object.keys(v).length > 0 || prefix === "")) {
    for (const [k, child] of Object.entries(v)) flatten(child, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  out.set(prefix, v);
}

/** Stable equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && sameJson(a[k], b[k]));
  }
  return false;
}

/**
 * The rows that differ between two JSON values, in the order the fields first appear (before's
 * fields, then fields only after has). A missing side (null or undefined) is an empty object: a
 * creation lists every field as added, a deletion every field as removed. Undefined and absent
 * are the same; null is a value.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, "", a);
  if (after !== null && after !== undefined) flatten(after, "", b);
  const rows: DiffRow[] = [];
  const paths = [...new Set([...a.keys(), ...b.keys()])];
  for (const path of paths) {
    const inA = a.has(path) && a.get(path) !== undefined;
    const inB = b.has(path) && b.get(path) !== undefined;
    if (inA && !inB) rows.push({ path, kind: "removed", before: a.get(path), after: undefined });
    else if (!inA && inB) rows.push({ path, kind: "added", before: undefined, after: b.get(path) });
    else if (inA && inB && !sameJson(a.get(path), b.get(path)))
      rows.push({ path, kind: "changed", before: a.get(path), after: b.get(path) });
  }
  return rows;
}

/** A JSON value as a short line of text: strings bare, everything else as JSON. */
export function showValue(v: unknown): string {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  return JSON.stringify(v);
}
