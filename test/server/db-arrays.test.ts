import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgArray } from "../../src/db/arrays.js";
import { type Database, queryRows } from "../../src/db/client.js";
import { uuidV7s } from "../../src/db/ids.js";
import { openTestDatabase } from "../helpers/db.js";

/** Staged rows travel as array literals: every text must come back exactly as it went in. */
describe("array parameters and time-ordered ids", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.close();
  });

  const roundTrip = async (values: (string | null)[]) =>
    (
      await queryRows<{ v: string | null }>(
        database.db,
        sql`select v from unnest(${pgArray(values)}::text[]) with ordinality as t(v, n) order by n`,
      )
    ).map((r) => r.v);

  it("round-trips any text, nulls and the awkward cases", async () => {
    const awkward = [
      'a"b',
      "back\\slash",
      "{braces}",
      "com,ma",
      "NULL",
      "",
      " spaced ",
      "Hà Nội\nxuống dòng",
      null,
    ];
    expect(await roundTrip(awkward)).toEqual(awkward);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.option(fc.string({ unit: "binary" }), { nil: null }), { maxLength: 20 }),
        async (xs) => {
          // PostgreSQL text cannot hold NUL.
          const values = xs.map((x) => (x === null ? null : x.replace(/\0/g, "")));
          expect(await roundTrip(values)).toEqual(values);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("round-trips numbers and booleans", async () => {
    const rows = await queryRows<{ n: string | null; b: boolean | null }>(
      database.db,
      sql`select n::text, b from unnest(${pgArray([1.5, -2, 1e21, null])}::numeric[], ${pgArray([true, false, null, true])}::boolean[]) as t(n, b)`,
    );
    expect(rows.map((r) => [r.n === null ? null : Number(r.n), r.b])).toEqual([
      [1.5, true],
      [-2, false],
      [1e21, null],
      [null, true],
    ]);
  });

  it("makes version 7 ids that PostgreSQL reads, carrying the time, distinct", async () => {
    const now = Date.UTC(2026, 10, 25, 8, 30);
    const ids = uuidV7s(1000, now);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(now);
    }
    // Ids of a later millisecond sort after (what keeps inserts at the right edge of an index).
    expect((uuidV7s(1, now + 1)[0] as string) > ([...ids].sort().at(-1) as string)).toBe(true);
    const [r] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(distinct x)::int as n from unnest(${pgArray(ids)}::uuid[]) as x`,
    );
    expect(r?.n).toBe(1000);
  });
});
