/**
 * Roll-ups maintained on write equal a rebuild from scratch, for random sequences of writes,
 * revisions, submissions, approvals, returns, deletions and unit merges (fast-check).
 */
import { eq, inArray, like } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import {
  indicators,
  observationRevisions,
  observations,
  orgUnits,
  valueImports,
} from "../../src/db/schema/index.js";
import { internalAdministrator, type Principal } from "../../src/server/access/roles.js";
import { stageRows } from "../../src/server/observations/imports/queries.js";
import { revertImport } from "../../src/server/observations/imports/recover.js";
import { importObservations, jsonRows } from "../../src/server/observations/imports/run-import.js";
import { applyStagedRange } from "../../src/server/observations/imports/staged.js";
import { commitObservationChanges } from "../../src/server/observations/values/commit.js";
import type { ObservationInput } from "../../src/server/observations/values/model.js";
import { loadRefs } from "../../src/server/observations/values/queries.js";
import { deleteObservation, transitionObservation } from "../../src/server/observations/values/transition.js";
import { writeObservation } from "../../src/server/observations/values/write.js";
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

/** A writer and approver for the given units (the import checks access row by row). */
function writer(unitIds: string[]): Principal {
  const admin = internalAdministrator("test:property");
  const grant = admin.grants[0] as (typeof admin.grants)[number];
  return { ...admin, grants: [{ ...grant, role: "unit_approver", unitIds: new Set(unitIds) }] };
}

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

  // The runs are split over several tests (fresh random sequences each), none of them long.
  const RUNS = backend === "pglite" ? 25 : 15;
  const PARTS = backend === "pglite" ? 5 : 3;
  let run = 0;
  it.each(Array.from({ length: PARTS }, (_, i) => i + 1))(
    `incremental roll-ups equal a rebuild for random sequences of changes (runs, part %i of ${PARTS})`,
    async () => {
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
              if (o.bulk) {
                // The import path: staged rows applied set-wise (in chunks that commit on PGlite).
                const unitIds = (await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits))
                  .filter((u) => codes.includes(u.code))
                  .map((u) => u.id);
                const other = { ...input, indicator: INDICATORS[1 - o.ind] as string, value: o.value + 1 };
                await importObservations(db, writer(unitIds), jsonRows([input, other]), ctx, {
                  format: "json",
                  submit: o.submit,
                  chunkedCommit: backend === "pglite",
                });
                continue;
              }
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
              const unitIds = (
                await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)
              ).filter((u) => codes.includes(u.code));
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
        { numRuns: Math.ceil(RUNS / PARTS) },
      );
    },
  );

  it("an import taken back leaves values, revisions and roll-ups exactly as they were", async () => {
    const db = database.db;
    const snapshot = async () => ({
      values: (await db.select().from(observations)).sort((a, b) => a.id.localeCompare(b.id)),
      revisions: (await db.select().from(observationRevisions)).sort((a, b) => a.id - b.id),
    });
    const inds = await db.select().from(indicators).where(inArray(indicators.code, INDICATORS));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            existing: fc.boolean(),
            pick: fc.nat(1000),
            value: fc.integer({ min: 0, max: 500 }),
            submit: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (rows) => {
          // Drafts only: an import never changes a submitted or approved value (its rows are refused).
          const live = (await db.select().from(observations)).filter(
            (o) => o.deletedAt === null && o.status === "draft",
          );
          const units = await db.select().from(orgUnits).where(like(orgUnits.code, "PT%"));
          const before = await snapshot();
          const seen = new Set<string>();
          const staged = rows.flatMap((r, i) => {
            const o = r.existing && live.length > 0 ? live[r.pick % live.length] : undefined;
            const unit = units[r.pick % units.length];
            const ind = inds[r.pick % inds.length];
            if (!o && (!unit || !ind)) return [];
            const cell = o
              ? { indicatorId: o.indicatorId, orgUnitId: o.orgUnitId, period: o.period }
              : { indicatorId: ind?.id as string, orgUnitId: unit?.id as string, period: "2027-01" };
            const key = `${cell.indicatorId}|${cell.orgUnitId}|${cell.period}`;
            if (seen.has(key)) return [];
            seen.add(key);
            return [
              {
                seq: seen.size - 1,
                rowNo: i + 2,
                ...cell,
                reporterUnitId: cell.orgUnitId,
                periodKind: "month",
                disaggregation: {},
                disaggKey: "",
                value: r.value,
                valueBool: null,
                source: null,
                comment: null,
                evidenceUrl: null,
                expectedVersion: null,
              },
            ];
          });
          const status = rows[0]?.submit ? "submitted" : "draft";
          const [imp] = await db
            .insert(valueImports)
            .values({ actor: "test:revert", status, state: "applying", writtenAt: new Date() })
            .returning();
          if (!imp?.writtenAt) throw new Error("no import");
          const applying = { id: imp.id, actor: imp.actor, status, writtenAt: imp.writtenAt } as const;
          await stageRows(db, imp.id, staged);
          // One row per chunk, each committed on its own, as on the embedded database.
          for (let k = 0; k < staged.length; k++)
            await db.transaction((tx) => applyStagedRange(tx, applying, k, k + 1));
          await revertImport(db, imp.id);
          const after = await snapshot();
          expect(after.values).toEqual(before.values);
          expect(after.revisions).toEqual(before.revisions);
          expect(await db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
          const [state] = await db.select().from(valueImports).where(eq(valueImports.id, imp.id));
          expect(state?.state).toBe("reverted");
        },
      ),
      { numRuns: backend === "pglite" ? 15 : 10 },
    );
  });

  it("rebuild is idempotent and leaves no difference", async () => {
    const first = await database.db.transaction((tx) => rebuildRollups(tx));
    const second = await database.db.transaction((tx) => rebuildRollups(tx));
    expect(second.cells).toBe(first.cells);
    expect(await database.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
    const [any] = await database.db.select().from(observations).where(eq(observations.status, "approved"));
    expect(any === undefined || first.cells > 0).toBe(true);
  });
});
