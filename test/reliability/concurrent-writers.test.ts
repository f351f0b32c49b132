/**
 * 50 concurrent writers on overlapping cells (PostgreSQL: PGlite has one connection). Each writer
 * reads a counter cell, writes it + 1 with the version it read, and retries on a stale version or
 * a deadlock: at the end every counter equals the number of increments — no value lost, none
 * doubled — every increment left exactly one revision, and the roll-ups equal a rebuild.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/client.js";
import { commitObservationChanges } from "../../src/server/observations/values/commit.js";
import type { ObservationInput } from "../../src/server/observations/values/model.js";
import { loadRefs } from "../../src/server/observations/values/queries.js";
import { writeObservation } from "../../src/server/observations/values/write.js";
import { compareWithRebuild } from "../../src/server/rollups/rebuild.js";
import { openTestDatabase } from "../helpers/db.js";

const WRITERS = 50;
const INCREMENTS = 6;
const CELLS: Omit<ObservationInput, "value">[] = [
  { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-05" },
  { indicator: "OI_DOSSIERS_ONLINE", unit: "HO-CHI-MINH", period: "2026-05" },
  { indicator: "OI_DOSSIERS_TOTAL", unit: "HA-NOI", period: "2026-05" },
];
const retryable = new Set(["40P01", "40001"]);

describe.runIf(process.env.TEST_DATABASE_URL)("50 concurrent writers on PostgreSQL", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("loses no value and doubles none", async () => {
    const db = database.db;
    const refs = await loadRefs(
      db,
      CELLS.map((c) => ({ ...c, value: 0 })),
    );
    let retries = 0;
    const increment = async (cell: Omit<ObservationInput, "value">, writer: number) => {
      for (;;) {
        const [current] = await queryRows<{ value: string | null; version: number }>(
          db,
          sql`select o.value, o.version from observations o join indicators i on i.id = o.indicator_id
              join org_units u on u.id = o.org_unit_id
              where i.code = ${cell.indicator} and u.code = ${cell.unit} and o.period = ${cell.period}
                and o.disagg_key = '' and o.deleted_at is null`,
        );
        const input: ObservationInput = {
          ...cell,
          value: Number(current?.value ?? 0) + 1,
          comment: `writer ${writer}`,
          // 0: "create only" — a writer that saw no value must not overwrite one created meanwhile.
          expectedVersion: current?.version ?? 0,
        };
        try {
          await db.transaction(async (tx) => {
            const r = await writeObservation(
              tx,
              input,
              refs,
              { actor: `writer-${writer}` },
              undefined,
              "submitted",
            );
            await commitObservationChanges(tx, [{ before: r.previous, after: r.row }]);
          });
          return;
        } catch (err) {
          const code =
            (err as { code?: string; cause?: { code?: string } }).code ??
            (err as { cause?: { code?: string } }).cause?.code;
          if (code === "STALE_VERSION" || code === "23505" || retryable.has(code ?? "")) {
            retries++;
            continue;
          }
          throw err;
        }
      }
    };
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let k = 0; k < INCREMENTS; k++)
          await increment(CELLS[(w + k) % CELLS.length] as (typeof CELLS)[0], w);
      }),
    );
    const total = WRITERS * INCREMENTS;
    const rows = await queryRows<{ value: string; version: number; revisions: number }>(
      db,
      sql`select o.value, o.version, (select count(*)::int from observation_revisions r where r.observation_id = o.id) as revisions
          from observations o join org_units u on u.id = o.org_unit_id
          where o.period = '2026-05' and o.deleted_at is null and u.code in ('HA-NOI', 'HO-CHI-MINH')`,
    );
    expect(rows).toHaveLength(CELLS.length);
    expect(rows.reduce((s, r) => s + Number(r.value), 0)).toBe(total);
    for (const r of rows) {
      expect(r.revisions).toBe(Number(r.value));
      expect(r.version).toBe(Number(r.value));
    }
    expect(retries).toBeGreaterThan(0);
    expect(await db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
  });
});
