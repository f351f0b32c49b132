/**
 * The one expected-version check (optimistic concurrency) and its one 409: a writer names the
 * version it last saw, and a newer current version refuses the change with the current value
 * (version, value, status, who changed it) in `details`. 0 means "create only". The single-row
 * paths check in TypeScript (`expectVersion`); the set-wise import finds its first stale row with
 * `staleVersionSql`, the same rule over SQL, and answers with the same error.
 */
import { type SQL, sql } from "drizzle-orm";
import { AppError } from "../../core/errors.js";
import type { ObservationRow } from "./model.js";

/** What a 409 shows of the current value. */
export interface CurrentValue {
  version: number;
  value: number | boolean | null;
  status: string;
  updatedBy: string;
}

export function currentValue(row: ObservationRow): CurrentValue {
  return {
    version: row.version,
    value: row.value ?? row.valueBool,
    status: row.status,
    updatedBy: row.updatedBy,
  };
}

/** The 409 of a change naming another version than the current one (`current` absent: deleted). */
export function staleVersionError(current: CurrentValue | undefined): AppError {
  if (!current)
    return new AppError("STALE_VERSION", { version: 0 }, [
      {
        path: "expectedVersion",
        message: "giá trị này đã bị xóa",
        messageEn: "the value was deleted",
        value: { version: 0 },
      },
    ]);
  return new AppError("STALE_VERSION", { version: current.version }, [
    {
      path: "expectedVersion",
      message: `giá trị đã được sửa thành phiên bản ${current.version}`,
      messageEn: `the value was changed to version ${current.version}`,
      value: current,
    },
  ]);
}

/** Refuses a change naming another version than the current one (undefined: no check; 0: create only). */
export function expectVersion(
  current: ObservationRow | undefined,
  expected: number | null | undefined,
): void {
  if (expected === undefined || expected === null) return;
  if (!current && expected !== 0) throw staleVersionError(undefined);
  if (current && expected !== current.version) throw staleVersionError(currentValue(current));
}

/**
 * The same rule over SQL: `currentVersion` null when there is no current value, `expected` null
 * when the row names none. True for a stale row.
 */
export function staleVersionSql(currentVersion: SQL, expected: SQL): SQL {
  return sql`(${expected} is not null and ((${currentVersion} is null and ${expected} <> 0)
    or (${currentVersion} is not null and ${currentVersion} <> ${expected})))`;
}
