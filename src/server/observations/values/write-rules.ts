/**
 * The rules both value writers share — the single-row writer (write.ts) and the set-wise one
 * (imports/staged.ts) — each written once, in TypeScript and as the SQL the set-wise writer runs,
 * from the same field list and the same domain rule, so the two cannot drift apart:
 *
 * - unchanged: a write leaves the value as it is when every value field is equal and it would not
 *   move a draft on (writing a draft over a submitted value with the same figure keeps it submitted);
 * - locked: a submitted or approved value is out of its unit's hands unless the write leaves it
 *   unchanged (domain/value-rules.ts, `lockedForUnit`).
 */
import { type SQL, sql } from "drizzle-orm";
import { observations } from "../../../db/schema/index.js";
import { lockedForUnit, type ValueStatus } from "../../../domain/value-rules.js";
import type { ObservationInput, ObservationRow, WriteStatus } from "./model.js";

/** The fields a write sets; equal fields (and status) make it a no-op. */
export interface ValueFields {
  value: number | null;
  valueBool: boolean | null;
  source: string | null;
  comment: string | null;
  evidenceUrl: string | null;
}

const VALUE_FIELDS = [
  "value",
  "valueBool",
  "source",
  "comment",
  "evidenceUrl",
] as const satisfies readonly (keyof ValueFields)[];

export function fieldsOf(input: ObservationInput): ValueFields {
  const isBool = typeof input.value === "boolean";
  return {
    value: isBool ? null : (input.value as number),
    valueBool: isBool ? (input.value as boolean) : null,
    source: input.source ?? null,
    comment: input.comment ?? null,
    evidenceUrl: input.evidenceUrl ?? null,
  };
}

/** Whether writing `f` with `status` would leave `current` as it is. */
export function isUnchanged(current: ObservationRow, f: ValueFields, status: WriteStatus): boolean {
  return VALUE_FIELDS.every((k) => current[k] === f[k]) && (status === "draft" || current.status !== "draft");
}

/**
 * The same rule over SQL rows: `current` (an observations row) against `incoming` (a row with the
 * same value columns, such as a staged import row), written with `status`.
 */
export function unchangedSql(status: string, current = "o", incoming = "s"): SQL {
  const same = VALUE_FIELDS.map((k) => {
    const c = observations[k].name;
    return `${current}.${c} is not distinct from ${incoming}.${c}`;
  }).join(" and ");
  return sql`${sql.raw(same)} and (${status}::text = 'draft' or ${sql.raw(current)}.status <> 'draft')`;
}

/** Whether a unit's write to a value in `status` is refused (`unchanged`: the write would leave it as it is). */
export function lockedAgainstUnit(status: string, unchanged: boolean): boolean {
  return lockedForUnit(status) && !unchanged;
}

const STATES: readonly ValueStatus[] = ["draft", "submitted", "approved"];
/** The states `lockedForUnit` locks, as SQL literals (taken from the domain rule itself). */
const LOCKED_LIST = sql.raw(
  STATES.filter(lockedForUnit)
    .map((s) => `'${s}'`)
    .join(", "),
);

/** `lockedAgainstUnit` over SQL: `status` the current state, `unchanged` the unchanged condition. */
export function lockedAgainstUnitSql(status: SQL, unchanged: SQL): SQL {
  return sql`(${status} in (${LOCKED_LIST}) and not (${unchanged}))`;
}
