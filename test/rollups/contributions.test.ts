/**
 * The roll-up rule has one definition in SQL, `rollup_contributions()` (src/db/sql), which the
 * rebuild, the stale-extremes recompute and the staged apply all use; src/domain/rollup.ts states
 * it in TypeScript for the incremental path and as the oracle. For random values — every status,
 * numbers and yes/no, deleted or not, weighted or not, with or without a weight — the two give the
 * same contributions, layer by layer (the other roll-up tests only write unweighted numbers).
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/client.js";
import { type ContributionSource, contribution, layers } from "../../src/domain/rollup.js";
import { backends, openTestDatabase } from "../helpers/db.js";

interface Source extends ContributionSource {
  aggregation: string;
}

// Numbers as values hold them (no -0, NaN or infinities: `numeric` and the weights have none).
const finite = fc
  .oneof(fc.integer({ min: -1000, max: 1_000_000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }))
  .map((n) => (n === 0 ? 0 : n));
const time = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }).map((ms) => new Date(ms));

const source: fc.Arbitrary<Source> = fc.record({
  indicatorId: fc.constant("i"),
  orgUnitId: fc.constant("u"),
  period: fc.constant("2026-01"),
  disaggKey: fc.constant(""),
  status: fc.constantFrom("draft", "submitted", "approved"),
  value: fc.option(finite),
  valueBool: fc.option(fc.boolean()),
  rollupWeight: fc.option(finite),
  updatedAt: time,
  // Mostly live values: a deleted one counts nowhere.
  deletedAt: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: time }),
  aggregation: fc.constantFrom("sum", "mean", "weighted_mean", "latest"),
});

interface Row {
  i: number;
  layer: string;
  v: number;
  w: number;
  at: number;
}

describe.each(backends())("roll-up contributions on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  const fromSql = async (sources: readonly Source[]): Promise<Row[]> => {
    const json = JSON.stringify(
      sources.map((s, i) => ({
        i,
        status: s.status,
        value: s.value,
        value_bool: s.valueBool,
        rollup_weight: s.rollupWeight,
        updated_at: s.updatedAt.toISOString(),
        deleted_at: s.deletedAt?.toISOString() ?? null,
        aggregation: s.aggregation,
      })),
    );
    const rows = await queryRows<Row>(
      database.db,
      sql`select s.i, c.layer, c.v, c.w, c.at
        from jsonb_to_recordset(${json}::jsonb) as s(i int, status text, value numeric, value_bool boolean,
          rollup_weight float8, updated_at timestamptz, deleted_at timestamptz, aggregation text)
        cross join lateral rollup_contributions(s.status, s.value, s.value_bool, s.rollup_weight, s.updated_at,
          s.deleted_at, s.aggregation) c
        order by s.i, c.layer`,
    );
    return rows.map((r) => ({ i: r.i, layer: r.layer, v: Number(r.v), w: Number(r.w), at: Number(r.at) }));
  };

  const fromOracle = (sources: readonly Source[]): Row[] =>
    sources.flatMap((s, i) =>
      layers.flatMap((layer) => {
        const c = contribution(s, layer, s.aggregation === "weighted_mean");
        return c ? [{ i, layer, ...c }] : [];
      }),
    );

  it("are what domain/rollup.ts says, for every kind of value", async () => {
    let counted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(source, { minLength: 20, maxLength: 200 }), async (sources) => {
        const expected = fromOracle(sources);
        counted += expected.length;
        expect(await fromSql(sources)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
    // Values that count were drawn, not only ones that count nowhere.
    expect(counted).toBeGreaterThan(1000);
  });
});
