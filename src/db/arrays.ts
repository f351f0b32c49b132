/**
 * A PostgreSQL array literal (`{"a","b",NULL}`) of scalars, for passing a column of values as one
 * parameter and spreading it with `unnest` — much cheaper per row than a JSON document, on both
 * backends. Strings are quoted and escaped, so any text is safe.
 */
export function pgArray(values: readonly (string | number | boolean | null | undefined)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (typeof v === "number") parts[i] = String(v);
    else if (typeof v === "boolean") parts[i] = v ? "t" : "f";
    else parts[i] = `"${v.replace(/[\\"]/g, "\\$&")}"`;
  }
  return `{${parts.join(",")}}`;
}
