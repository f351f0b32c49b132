/**
 * Search-parameter readers for the routes: every filter, tab and open drawer lives in the URL, so
 * any view is a link. Unknown or malformed values are dropped rather than breaking the page.
 */
export type Search = Record<string, unknown>;

/** The plan the API itself assumes when none is named (its `plan` query default). */
export const DEFAULT_PLAN = "NQ57";

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A code-like value (plan, indicator, unit, system), or undefined. */
export function code(v: unknown): string | undefined {
  if (typeof v === "number") return code(String(v));
  return typeof v === "string" && CODE.test(v) ? v : undefined;
}

export function oneOf<const T extends string>(values: readonly T[], v: unknown): T | undefined {
  return typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** A period code such as 2026, 2026-Q3 or 2026-07. */
export function period(v: unknown): string | undefined {
  const s = typeof v === "number" ? String(v) : v;
  return typeof s === "string" && /^\d{4}(-(Q[1-4]|H[12]|\d{2}))?$/.test(s) ? s : undefined;
}

export function int(v: unknown, min: number, max: number): number | undefined {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/** A path back into the app after signing in: same origin only. */
export function nextPath(v: unknown): string | undefined {
  return typeof v === "string" && v.startsWith("/") && !v.startsWith("//") && v.length < 2000 ? v : undefined;
}

/** Drops undefined keys so links stay short. */
export function compact<T extends Search>(s: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
