/**
 * The rules both value writers share are one rule: for any current value and any write, the
 * TypeScript form the single-row writer uses and the SQL form the set-wise import runs agree on
 * "unchanged" and on "locked against the unit" (fast-check, evaluated by the database itself).
 */
import { type SQL, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/client.js";
import type { ObservationRow, WriteStatus } from "../../src/server/observations/values/model.js";
import {
  isUnchanged,
  lockedAgainstUnit,
  lockedAgainstUnitSql,
  unchangedSql,
  type ValueFields,
} from "../../src/server/observations/values/write-rules.js";
import { backends, openTestDatabase } from "../helpers/db.js";

const fields: fc.Arbitrary<ValueFields> = fc.record({
  value: fc.constantFrom(null, 0, 1, 2.5, -3),
  valueBool: fc.constantFrom(null, true, false),
  source: fc.constantFrom(null, "", "Cổng DVC", "a"),
  comment: fc.constantFrom(null, "", "ghi chú"),
  evidenceUrl: fc.constantFrom(null, "https://example.org/a", "https://example.org/b"),
});
const status = fc.constantFrom("draft", "submitted", "approved");

/** A row of the value columns, as SQL, under `alias`'s column names. */
const rowSql = (f: ValueFields, st: string): SQL =>
  sql`select ${f.value}::numeric as value, ${f.valueBool}::boolean as value_bool, ${f.source}::text as source,
    ${f.comment}::text as comment, ${f.evidenceUrl}::text as evidence_url, ${st}::text as status`;

describe.each(backends())("the writers' shared rules on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("agree in TypeScript and SQL on unchanged and locked", async () => {
    await fc.assert(
      fc.asyncProperty(fields, status, fields, status, async (cur, curStatus, incoming, writeStatus) => {
        const current = { ...cur, status: curStatus } as ObservationRow;
        const same = isUnchanged(current, incoming, writeStatus as WriteStatus);
        const [row] = await queryRows<{ same: boolean; locked: boolean }>(
          database.db,
          sql`select (${unchangedSql(writeStatus)}) as same,
              ${lockedAgainstUnitSql(sql`o.status`, unchangedSql(writeStatus))} as locked
            from (${rowSql(cur, curStatus)}) o, (${rowSql(incoming, "draft")}) s`,
        );
        expect(row).toEqual({ same, locked: lockedAgainstUnit(curStatus, same) });
      }),
      { numRuns: 300 },
    );
  });

  it("leaves an equal draft write on a submitted value unchanged, and locks a changed one", () => {
    const f: ValueFields = { value: 5, valueBool: null, source: null, comment: null, evidenceUrl: null };
    const submitted = { ...f, status: "submitted" } as ObservationRow;
    expect(isUnchanged(submitted, f, "draft")).toBe(true);
    expect(lockedAgainstUnit("submitted", isUnchanged(submitted, { ...f, value: 6 }, "draft"))).toBe(true);
    // Submitting an equal draft changes its status: not unchanged.
    expect(isUnchanged({ ...f, status: "draft" } as ObservationRow, f, "submitted")).toBe(false);
  });
});
