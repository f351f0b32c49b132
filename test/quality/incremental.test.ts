/**
 * Data quality from the maintained facts (decision 0012) equals the answer computed from the
 * values alone (the former code, scratch.ts), after random sequences of writes through every path
 * (one value, staged import), submissions, approvals, returns, deletions and unit merges, with
 * answers read between the writes so that marked units and stale groups are recomputed
 * (fast-check). Each read compares the whole counts, and the lists read page by page (random page
 * sizes and filters: indicators, a unit, a flag) with the oracle's lists, in the documented
 * order; once from the memos as they are and once cold (in a transaction: fresh memos, groups read
 * back from the table).
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, type Executor, queryRows } from "../../src/db/client.js";
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
import { reportedIndicators } from "../../src/server/quality/queries.js";
import { dataQuality, qualityView } from "../../src/server/quality/service.js";
import { freshenGroups } from "../../src/server/quality/summary.js";
import { backends, openTestDatabase } from "../helpers/db.js";
import { dataQualityFromScratch } from "./scratch.js";

const ctx = { actor: "test:quality" };
const INDICATORS = ["OI_DOSSIERS_ONLINE", "OI_DOSSIERS_TOTAL"];
const PERIODS = ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04"];
const NOW = new Date("2026-03-20T00:00:00Z");
/** Units each case creates: two provinces and six communes (five peers: scores against peers exist). */
const UNITS = 8;

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
  | { kind: "fill"; ind: number; period: number; values: number[]; submit: boolean }
  | { kind: "approve" | "return" | "submit" | "delete"; pick: number }
  | { kind: "merge"; unit: number; into: number }
  | { kind: "read"; period: number; filter: Filter; limit: number };

interface Filter {
  indicators?: number[];
  unit?: number;
  flag?: "late" | "outlier" | "revised";
}

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("write" as const),
      unit: fc.nat(UNITS - 1),
      ind: fc.nat(INDICATORS.length - 1),
      period: fc.nat(PERIODS.length - 1),
      value: fc.oneof(fc.integer({ min: 90, max: 110 }), fc.integer({ min: -50, max: 5000 })),
      submit: fc.boolean(),
      bulk: fc.boolean(),
    }),
  },
  {
    // Every unit's value of one (indicator, period) in one upload: groups with peers to score.
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("fill" as const),
      ind: fc.nat(INDICATORS.length - 1),
      period: fc.nat(PERIODS.length - 1),
      values: fc.array(fc.oneof(fc.integer({ min: 90, max: 110 }), fc.integer({ min: -50, max: 5000 })), {
        minLength: UNITS,
        maxLength: UNITS,
      }),
      submit: fc.boolean(),
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
    arbitrary: fc.record({
      kind: fc.constant("merge" as const),
      unit: fc.nat(UNITS - 1),
      into: fc.nat(UNITS - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("read" as const),
      period: fc.nat(PERIODS.length - 1),
      filter: fc.record(
        {
          indicators: fc.subarray([0, 1], { minLength: 1 }),
          unit: fc.nat(UNITS),
          flag: fc.constantFrom("late" as const, "outlier" as const, "revised" as const),
        },
        { requiredKeys: [] },
      ),
      limit: fc.integer({ min: 1, max: 4 }),
    }),
  },
);

function writer(unitIds: string[]): Principal {
  const admin = internalAdministrator("test:quality");
  const grant = admin.grants[0] as (typeof admin.grants)[number];
  return { ...admin, grants: [{ ...grant, role: "unit_approver", unitIds: new Set(unitIds) }] };
}

type Slow = Awaited<ReturnType<typeof dataQualityFromScratch>>;
type Flagged = Slow["flagged"][number];
const byCode = new Intl.Collator().compare;

/** Every page of both lists of the maintained answer, read `limit` at a time with the filter. */
async function readAll(
  db: Executor,
  plan: Parameters<typeof dataQuality>[1],
  period: string,
  p: Principal,
  f: { indicators?: string[]; unit?: string; flag?: Filter["flag"] },
  limit: number,
) {
  const first = await dataQuality(db, plan, parsePeriod(period), p, NOW, { ...f, limit });
  const { view } = await qualityView(db, plan, parsePeriod(period), p, NOW);
  const units = [...first.byUnit.items];
  for (let c = first.byUnit.nextCursor; c !== null; ) {
    const page = view.unitsPage(f, limit, c);
    expect(page.total).toBe(first.byUnit.total);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    units.push(...page.items);
    c = page.nextCursor;
  }
  const flagged = [...first.flagged.items];
  for (let c = first.flagged.nextCursor; c !== null; ) {
    const page = view.flaggedPage(f, limit, c);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    flagged.push(...page.items);
    c = page.nextCursor;
  }
  expect(units.length).toBe(first.byUnit.total);
  expect(flagged.length).toBe(first.flagged.total);
  // Per indicator, the units missing it: the units list with that filter, gaps only.
  const missing: Record<string, string[]> = {};
  for (const b of first.byIndicator) {
    const codes: string[] = [];
    for (let c: string | null | undefined; c !== null; ) {
      const page = view.unitsPage({ indicators: [b.indicator.code] }, limit, c ?? undefined, true);
      codes.push(...page.items.map((u) => u.unit.code));
      c = page.nextCursor;
    }
    missing[b.indicator.code] = codes.sort(byCode);
  }
  const { byUnit: _u, flagged: _f, ...head } = first;
  return { ...head, byUnit: units, flagged, missing };
}

/** The oracle's answer in the maintained answer's shape: counts per indicator, the lists filtered. */
function expected(all: Slow, only: Slow, f: { unit?: string; flag?: Filter["flag"] }, order: string[]) {
  const count = (code: string | null, flag?: Flagged["flags"][number]) =>
    all.flagged.filter((x) => (code === null || x.indicator === code) && (!flag || x.flags.includes(flag)))
      .length;
  const position = (x: Flagged) => order.indexOf(x.indicator);
  return {
    plan: all.plan,
    period: all.period,
    due: all.due,
    generatedAt: all.generatedAt,
    summary: {
      ...all.summary,
      expected: all.byIndicator.reduce((s, b) => s + b.expected, 0),
      reported: all.byIndicator.reduce((s, b) => s + b.reported, 0),
      flagged: all.flagged.length,
      unitsWithGaps: all.byUnit.filter((u) => u.missing.length > 0).length,
    },
    byIndicator: all.byIndicator.map((b) => ({
      indicator: b.indicator,
      due: b.due,
      expected: b.expected,
      reported: b.reported,
      missing: b.missing.length,
      late: count(b.indicator.code, "late"),
      outliers: count(b.indicator.code, "outlier"),
      revised: count(b.indicator.code, "revised"),
      flagged: count(b.indicator.code),
    })),
    byUnit: only.byUnit.filter((u) => f.unit === undefined || u.unit.code === f.unit),
    // The documented order: indicator, reported before drafts, unit code.
    flagged: only.flagged
      .filter((x) => (f.unit === undefined || x.unit === f.unit) && (!f.flag || x.flags.includes(f.flag)))
      .sort(
        (a, b) =>
          position(a) - position(b) ||
          Number(a.status === "draft") - Number(b.status === "draft") ||
          byCode(a.unit, b.unit),
      ),
    missing: Object.fromEntries(all.byIndicator.map((b) => [b.indicator.code, [...b.missing].sort(byCode)])),
  };
}

describe.each(backends())("data quality on %s", (backend) => {
  let database: Database;
  let plan: Awaited<ReturnType<typeof getPlanByCode>>;
  let order: string[];
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    plan = await getPlanByCode(database.db, "NQ57");
    order = (await reportedIndicators(database.db, plan.id, "monthly")).map((i) => i.code);
  });
  afterAll(async () => {
    await database?.close();
  });

  const compare = async (
    period: string,
    principals: Principal[],
    codes: string[],
    read?: Filter,
    limit = 3,
  ) => {
    const db = database.db;
    const f = {
      ...(read?.indicators ? { indicators: read.indicators.map((k) => INDICATORS[k] as string) } : {}),
      ...(read?.unit !== undefined ? { unit: codes[read.unit] ?? "VN" } : {}),
      ...(read?.flag ? { flag: read.flag } : {}),
    };
    for (const p of principals) {
      const all = await dataQualityFromScratch(db, plan, parsePeriod(period), p, NOW);
      const only = f.indicators
        ? await dataQualityFromScratch(db, plan, parsePeriod(period), p, NOW, new Set(f.indicators))
        : all;
      const want = expected(all, only, f, order);
      expect(await readAll(db, plan, period, p, f, limit)).toEqual(want);
      // Cold: fresh memos (a transaction has its own), the groups read back from the table.
      const cold = await db.transaction((tx) => readAll(tx, plan, period, p, f, limit));
      expect(cold).toEqual(want);
    }
  };

  let run = 0;
  /** New units, then the writes and reads of `ops`, then every period compared. */
  const scenario = async (ops: Op[]) => {
    const db = database.db;
    run++;
    const codes = Array.from({ length: UNITS }, (_, i) => `QT${run}-${i}`);
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
    const upload = async (rows: ObservationInput[], submit: boolean) =>
      importObservations(db, writer((await units()).map((u) => u.id)), jsonRows(rows), ctx, {
        format: "json",
        submit,
        chunkedCommit: backend === "pglite",
      });
    for (const o of ops) {
      if (o.kind === "read")
        await compare(PERIODS[o.period] as string, await principals(), codes, o.filter, o.limit);
      else if (o.kind === "fill")
        await upload(
          codes.map((unit, k) => ({
            indicator: INDICATORS[o.ind] as string,
            unit,
            period: PERIODS[o.period] as string,
            value: o.values[k] ?? 100,
          })),
          o.submit,
        );
      else if (o.kind === "write") {
        const input: ObservationInput = {
          indicator: INDICATORS[o.ind] as string,
          unit: codes[o.unit] as string,
          period: PERIODS[o.period] as string,
          value: o.value,
        };
        if (o.bulk) {
          const other = { ...input, indicator: INDICATORS[1 - o.ind] as string, value: o.value + 1 };
          await upload([input, other], o.submit);
          continue;
        }
        const refs = await loadRefs(db, [input]);
        await db.transaction(async (tx) => {
          const r = await writeObservation(tx, input, refs, ctx, undefined, o.submit ? "submitted" : "draft");
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
    for (const period of PERIODS) await compare(period, await principals(), codes);
  };

  // One property split over parts of fresh random cases each (no test over 30 s, docs/testing.md).
  // PostgreSQL answers each of the many small statements over a socket: a case takes ~2 s on a
  // quiet machine and ~15 s on a busy one, so one case per part there.
  const parts = backend === "pglite" ? 3 : 8;
  it.each(Array.from({ length: parts }, (_, k) => k + 1))(
    `the maintained answer equals the one computed from the values, after random writes (part %i of ${parts})`,
    async () => {
      await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 30 }), scenario), {
        numRuns: backend === "pglite" ? 4 : 1,
      });
    },
  );

  it("recomputes only the units a small write marked, and whole groups after a large one", async () => {
    const db = database.db;
    const codes = Array.from({ length: UNITS }, (_, i) => `QM-${i}`);
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
    const all = await db.select({ id: orgUnits.id, code: orgUnits.code }).from(orgUnits);
    const ids = codes.map((c) => all.find((u) => u.code === c)?.id as string);
    const admin = internalAdministrator("test:quality");
    const period = "2026-02";
    const ind = await queryRows<{ id: string }>(
      db,
      sql`select id from indicators where code = ${INDICATORS[0]}`,
    );
    const indicatorId = ind[0]?.id as string;
    const upload = (rows: ObservationInput[]) =>
      importObservations(db, writer(ids), jsonRows(rows), ctx, {
        format: "json",
        submit: true,
        chunkedCommit: backend === "pglite",
      });
    // Every unit but the last reports both months (the last one's cell stays free: a submitted
    // value cannot be changed by upload).
    await upload(
      codes.slice(0, -1).flatMap((unit, k) =>
        ["2026-01", period].map((p) => ({
          indicator: INDICATORS[0] as string,
          unit,
          period: p,
          value: 100 + k,
        })),
      ),
    );
    await compare(period, [admin], codes);
    // One value: its unit marked, its facts alone recomputed, the peers scored again.
    const last = ids[codes.length - 1] as string;
    await upload([
      { indicator: INDICATORS[0] as string, unit: codes[codes.length - 1] as string, period, value: 4000 },
    ]);
    // What the next read will recompute: that unit alone (no period mark since the group's snapshot).
    const pending = await queryRows<{ unit: string; whole: boolean }>(
      db,
      sql`select u.org_unit_id as unit, exists (select 1 from quality_marks m where m.indicator_id = g.indicator_id
            and m.period = g.period and m.xid >= g.snapshot_xmin) as whole
          from quality_groups g join quality_unit_marks u on u.indicator_id = g.indicator_id
            and u.xid >= g.snapshot_xmin and u.from_period <= g.period
          where g.indicator_id = ${indicatorId} and g.period = ${period}`,
    );
    expect(pending).toEqual([{ unit: last, whole: false }]);
    // The read patches the group it holds (the peers' scores all change with the new value).
    await compare(period, [admin], codes);
    // A statement of more than a thousand rows marks periods instead: the group is recomputed whole.
    const before = await queryRows<{ xid: string }>(
      db,
      sql`select xid::text from quality_marks where indicator_id = ${indicatorId} and period = ${period}`,
    );
    // (Rows of other disaggregations: they are not the values data quality reads, only the write.)
    await db.execute(sql`insert into observations (indicator_id, org_unit_id, reporter_unit_id, period, period_kind,
        disagg_key, value, status, created_by, updated_by)
      select ${indicatorId}, u.id, u.id, ${period}, 'month', 'bulk-' || k, 1, 'draft', 'test', 'test'
      from unnest(${`{${ids.join(",")}}`}::uuid[]) as u(id) cross join generate_series(1, 126) as k`);
    const after = await queryRows<{ xid: string }>(
      db,
      sql`select xid::text from quality_marks where indicator_id = ${indicatorId} and period = ${period}`,
    );
    expect(after[0]?.xid).not.toBe(before[0]?.xid);
    const whole = await freshenGroups(db, [indicatorId], parsePeriod(period));
    expect(whole.recomputed.map((r) => r.units)).toEqual([null]);
    await compare(period, [admin], codes);
  });
});
