/**
 * Data quality from the maintained facts (decision 0012) equals the answer computed from the
 * values alone (the former code, scratch.ts), after random sequences of writes through every path
 * (one value, staged import), submissions, approvals, returns, deletions and unit merges, with
 * answers read between the writes so that stale groups are recomputed (fast-check).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { observations, orgUnits } from "../../src/db/schema/index.js";
import { parsePeriod } from "../../src/domain/periods.js";
import { internalAdministrator, type Principal } from "../../src/server/access/roles.js";
import { importObservations, jsonRows } from "../../src/server/observations/imports/run-import.js";
import { commitObservationChanges } from "../../src/server/observations/values/commit.js";
import type { ObservationInput } from "../../src/server/observations/values/model.js";
import { loadRefs } from "../../src/server/observations/values/queries.js";
import { deleteObservation, transitionObservation } from "../../src/server/observations/values/transition.js";
import { writeObservation } from "../../src/server/observations/values/write.js";
import { importOrgUnits } from "../../src/server/org-units/service.js";
import { getPlanByCode } from "../../src/server/plans/queries.js";
import { dataQuality } from "../../src/server/quality/service.js";
import { backends, openTestDatabase } from "../helpers/db.js";
import { dataQualityFromScratch } from "./scratch.js";

const ctx = { actor: "test:quality" };
const INDICATORS = ["OI_DOSSIERS_ONLINE", "OI_DOSSIERS_TOTAL"];
const PERIODS = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];
const NOW = new Date("2026-03-20T00:00:00Z");

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
  | { kind: "read"; period: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("write" as const),
      unit: fc.nat(5),
      ind: fc.nat(INDICATORS.length - 1),
      period: fc.nat(PERIODS.length - 1),
      value: fc.oneof(fc.integer({ min: 90, max: 110 }), fc.integer({ min: -50, max: 5000 })),
      submit: fc.boolean(),
      bulk: fc.boolean(),
    }),
  },
  {
    weight: 3,
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
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("read" as const), period: fc.nat(PERIODS.length - 1) }),
  },
);

function writer(unitIds: string[]): Principal {
  const admin = internalAdministrator("test:quality");
  const grant = admin.grants[0] as (typeof admin.grants)[number];
  return { ...admin, grants: [{ ...grant, role: "unit_approver", unitIds: new Set(unitIds) }] };
}

/** The answer with the order the former code left to the database made canonical. */
function canonical(a: Awaited<ReturnType<typeof dataQuality>>) {
  const key = (f: (typeof a.flagged)[number]) => `${f.indicator}|${f.unit}|${f.observationId}`;
  return { ...a, flagged: [...a.flagged].sort((x, y) => (key(x) < key(y) ? -1 : 1)) };
}

describe.each(backends())("data quality on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  let run = 0;
  it("the maintained answer equals the one computed from the values, after random writes", async () => {
    const db = database.db;
    const plan = await getPlanByCode(db, "NQ57");
    const compare = async (period: string, principals: Principal[]) => {
      for (const p of principals) {
        const fast = await dataQuality(db, plan, parsePeriod(period), p, NOW);
        const slow = await dataQualityFromScratch(db, plan, parsePeriod(period), p, NOW);
        expect(canonical(fast)).toEqual(canonical(slow));
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), async (ops) => {
        run++;
        const codes = [0, 1, 2, 3, 4, 5].map((i) => `QT${run}-${i}`);
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
        const units = async () =>
          (await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits)).filter((u) =>
            codes.includes(u.code),
          );
        const admin = internalAdministrator("test:quality");
        const principals = async () => [admin, writer((await units()).slice(0, 3).map((u) => u.id))];
        for (const o of ops) {
          if (o.kind === "read") await compare(PERIODS[o.period] as string, await principals());
          else if (o.kind === "write") {
            const input: ObservationInput = {
              indicator: INDICATORS[o.ind] as string,
              unit: codes[o.unit] as string,
              period: PERIODS[o.period] as string,
              value: o.value,
            };
            if (o.bulk) {
              const other = { ...input, indicator: INDICATORS[1 - o.ind] as string, value: o.value + 1 };
              await importObservations(
                db,
                writer((await units()).map((u) => u.id)),
                jsonRows([input, other]),
                ctx,
                {
                  format: "json",
                  submit: o.submit,
                  chunkedCommit: backend === "pglite",
                },
              );
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
          } else if (o.kind === "merge") {
            const from = codes[o.unit] as string;
            const to = codes[o.into] as string;
            if (from === to) continue;
            try {
              await importOrgUnits(
                db,
                [
                  {
                    code: from,
                    kind: "commune",
                    name: { vi: from },
                    lineage: [{ kind: "merged_into", unit: to, effectiveOn: "2026-02-01" }],
                  },
                ] as Parameters<typeof importOrgUnits>[1],
                ctx,
              );
            } catch {
              // A cycle is refused: nothing changes.
            }
          } else {
            const ids = (await units()).map((u) => u.id);
            const rows = (await db.select().from(observations))
              .filter((r) => r.deletedAt === null && ids.includes(r.orgUnitId))
              .sort((a, b) => a.id.localeCompare(b.id));
            const row = rows[o.pick % Math.max(1, rows.length)];
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
        for (const period of PERIODS) await compare(period, await principals());
      }),
      { numRuns: backend === "pglite" ? 12 : 8 },
    );
  }, 600_000);
});
