/**
 * Roll-ups maintained on write equal a rebuild from scratch, for random sequences of writes,
 * revisions, submissions, approvals, returns, deletions and unit merges (fast-check).
 */
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { observations, orgUnits } from "../../src/db/schema/index.js";
import { commitObservationChanges } from "../../src/server/observations/commit.js";
import {
  deleteObservation,
  loadRefs,
  type ObservationInput,
  transitionObservation,
  writeObservation,
} from "../../src/server/observations/service.js";
import { importOrgUnits } from "../../src/server/org-units/service.js";
import { compareWithRebuild, rebuildRollups } from "../../src/server/rollups/rebuild.js";
import { backends, openTestDatabase } from "../helpers/db.js";

const ctx = { actor: "test:property" };
const INDICATORS = ["OI_DOSSIERS_ONLINE", "OI_DOSSIERS_TOTAL"]; // monthly, sum
const PERIODS = ["2026-01", "2026-02"];

type Op =
  | {
      kind: "write";
      unit: number;
      ind: number;
      period: number;
      value: number;
      submit: boolean;
      bulk: boolean;
    }
  | { kind: "approve" | "return" | "submit" | "delete"; pick: number }
  | { kind: "merge"; unit: number; into: number }
  | { kind: "reparent"; unit: number; parent: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("write" as const),
      unit: fc.nat(5),
      ind: fc.nat(INDICATORS.length - 1),
      period: fc.nat(PERIODS.length - 1),
      value: fc.oneof(fc.integer({ min: -50, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
      submit: fc.boolean(),
      bulk: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constantFrom("approve" as const, "return" as const, "submit" as const, "delete" as const),
      pick: fc.nat(50),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("merge" as const), unit: fc.nat(5), into: fc.nat(5) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("reparent" as const), unit: fc.nat(5), parent: fc.nat(5) }),
  },
);

describe.each(backends())("roll-ups on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("start consistent with a rebuild", async () => {
    expect(await database.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
  });

  it("incremental roll-ups equal a rebuild for random sequences of changes", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        run++;
        const db = database.db;
        // Six fresh units per run (so merges of one run do not leak into the next), two provinces
        // with communes under them.
        const codes = [0, 1, 2, 3, 4, 5].map((i) => `PT${run}-${i}`);
        await importOrgUnits(
          db,
          codes.map((code, i) => ({
            code,
            kind: i < 2 ? ("province" as const) : ("commune" as const),
            subtype: i < 2 ? ("province" as const) : undefined,
            name: { vi: code },
            parent: i >= 2 ? codes[i % 2] : undefined,
            lineage: [],
          })) as Parameters<typeof importOrgUnits>[1],
          ctx,
        );
        for (const o of ops) {
          if (o.kind === "write") {
            const input: ObservationInput = {
              indicator: INDICATORS[o.ind] as string,
              unit: codes[o.unit] as string,
              period: PERIODS[o.period] as string,
              value: o.value,
            };
            const refs = await loadRefs(db, [input]);
            await db.transaction(async (tx) => {
              const r = await writeObservation(
                tx,
                input,
                refs,
                ctx,
                undefined,
                o.submit ? "submitted" : "draft",
              );
              if (r.outcome !== "unchanged")
                await commitObservationChanges(tx, [{ before: r.previous, after: r.row }]);
            });
          } else if (o.kind === "merge" || o.kind === "reparent") {
            const from = codes[o.unit] as string;
            const to = codes[o.kind === "merge" ? o.into : o.parent] as string;
            if (from === to) continue;
            try {
              await importOrgUnits(
                db,
                [
                  {
                    code: from,
                    kind: "commune",
                    name: { vi: from },
                    parent: o.kind === "reparent" ? to : undefined,
                    lineage:
                      o.kind === "merge"
                        ? [{ kind: "merged_into", unit: to, effectiveOn: "2026-07-01" }]
                        : [],
                  },
                ] as Parameters<typeof importOrgUnits>[1],
                ctx,
              );
            } catch {
              // A cycle is refused: nothing changes.
            }
          } else {
            const unitIds = (await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).filter(
              (u) => codes.includes(u.code),
            );
            const rows = (await db.select().from(observations)).filter(
              (r) => r.deletedAt === null && unitIds.some((u) => u.id === r.orgUnitId),
            );
            if (rows.length === 0) continue;
            rows.sort((a, b) => a.id.localeCompare(b.id));
            const row = rows[o.pick % rows.length];
            if (!row) continue;
            await db.transaction(async (tx) => {
              try {
                const after =
                  o.kind === "delete"
                    ? await deleteObservation(tx, row, ctx)
                    : await transitionObservation(tx, row, o.kind, ctx);
                await commitObservationChanges(tx, [{ before: row, after }]);
              } catch (err) {
                if ((err as { code?: string }).code !== "INVALID_STATE") throw err;
              }
            });
          }
        }
        const diff = await db.transaction((tx) => compareWithRebuild(tx));
        expect(diff).toEqual([]);
      }),
      { numRuns: backend === "pglite" ? 25 : 15 },
    );
  }, 240_000);

  it("rebuild is idempotent and leaves no difference", async () => {
    const first = await database.db.transaction((tx) => rebuildRollups(tx));
    const second = await database.db.transaction((tx) => rebuildRollups(tx));
    expect(second.cells).toBe(first.cells);
    expect(await database.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
    const [any] = await database.db.select().from(observations).where(eq(observations.status, "approved"));
    expect(any === undefined || first.cells > 0).toBe(true);
  });
});
