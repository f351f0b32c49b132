/**
 * The value rules hold for any sequence of actions by any of the people involved (fast-check):
 * writes, re-uploads, submits, recalls, approvals, returns, revisions and deletes by reporters of
 * three units, an approver, and two reviewers, through the HTTP API. After every step:
 *   - an approved figure changed only if a reviewer acted (value, version and state as before otherwise);
 *   - every change is in the audit trail with before and after (one entry per single change; an
 *     upload's entry lists each written row with its before and after);
 *   - the roll-ups equal a rebuild from the values.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareWithRebuild } from "../../src/server/rollups/rebuild.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

const PEOPLE = [
  "demo-reporter-hanoi",
  "demo-approver-hanoi",
  "demo-reporter-hcm",
  "demo-reporter-most",
  "demo-standing",
  "demo-engineer-s1",
] as const;
type Person = (typeof PEOPLE)[number];
const REVIEWERS = new Set<Person>(["demo-standing", "demo-engineer-s1"]);

/** Cells: unit-reported monthly values of two provinces, and a yearly figure MoST reports for Hà Nội. */
const CELLS = [
  { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-05" },
  { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-06" },
  { indicator: "OI_DOSSIERS_ONLINE", unit: "HO-CHI-MINH", period: "2026-05" },
  { indicator: "OI_RD_EXPENDITURE", unit: "HA-NOI", period: "2024" },
];

type Op =
  | { kind: "put"; who: number; cell: number; value: number }
  | { kind: "bulk"; who: number; cells: number[]; value: number }
  | {
      kind: "submit" | "recall" | "approve" | "return" | "revise" | "delete";
      who: number;
      cell: number;
      value: number;
    };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("put" as const),
      who: fc.nat(PEOPLE.length - 1),
      cell: fc.nat(CELLS.length - 1),
      value: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("bulk" as const),
      who: fc.nat(PEOPLE.length - 1),
      cells: fc.uniqueArray(fc.nat(CELLS.length - 1), { minLength: 1, maxLength: CELLS.length }),
      value: fc.integer({ min: 0, max: 5 }),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        "submit" as const,
        "recall" as const,
        "approve" as const,
        "return" as const,
        "revise" as const,
        "delete" as const,
      ),
      who: fc.nat(PEOPLE.length - 1),
      cell: fc.nat(CELLS.length - 1),
      value: fc.integer({ min: 0, max: 5 }),
    }),
  },
);

interface Obs {
  id: string;
  indicator: string;
  unit: string;
  period: string;
  value: number;
  status: string;
  version: number;
}
interface AuditEntry {
  seq: number;
  action: string;
  entityId: string | null;
  before: { version?: number; status?: string } | null;
  after: { version?: number; status?: string; importId?: string; deleted?: boolean } | null;
}

describe.each(backends())("value rules under random actions on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of [...PEOPLE, "demo-admin"]) s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string) => as(t.app, s[who] ?? null);

  /** Every live value of the cells, as an administrator reads it (drafts are not administrators' to see). */
  async function cells(): Promise<Map<string, Obs>> {
    const out = new Map<string, Obs>();
    for (const who of ["demo-admin", "demo-reporter-hanoi", "demo-reporter-hcm", "demo-reporter-most"]) {
      for (const ind of ["OI_DOSSIERS_ONLINE", "OI_RD_EXPENDITURE"]) {
        const r = await req(who)({ url: `/api/v1/observations?indicator=${ind}&limit=1000` });
        for (const o of (r.json() as { items: Obs[] }).items)
          out.set(`${o.indicator}|${o.unit}|${o.period}`, o);
      }
    }
    return out;
  }
  const key = (c: (typeof CELLS)[number]) => `${c.indicator}|${c.unit}|${c.period}`;

  async function lastAuditSeq(): Promise<number> {
    const r = await req("demo-admin")({ url: "/api/v1/audit?limit=1" });
    return (r.json() as { items: AuditEntry[] }).items[0]?.seq ?? 0;
  }
  async function auditSince(seq: number): Promise<AuditEntry[]> {
    const r = await req("demo-admin")({ url: "/api/v1/audit?limit=100" });
    return (r.json() as { items: AuditEntry[] }).items.filter((e) => e.seq > seq).reverse();
  }

  async function act(o: Op, before: Map<string, Obs>): Promise<number> {
    const who = PEOPLE[o.who] as Person;
    if (o.kind === "put") {
      const c = CELLS[o.cell] as (typeof CELLS)[number];
      return (
        await req(who)({ method: "PUT", url: "/api/v1/observations", payload: { ...c, value: o.value } })
      ).statusCode;
    }
    if (o.kind === "bulk") {
      const items = o.cells.map((i) => ({ ...(CELLS[i] as (typeof CELLS)[number]), value: o.value }));
      return (await req(who)({ method: "POST", url: "/api/v1/observations/bulk", payload: { items } }))
        .statusCode;
    }
    const current = before.get(key(CELLS[o.cell] as (typeof CELLS)[number]));
    if (!current) return 404;
    const url = `/api/v1/observations/${current.id}`;
    if (o.kind === "delete") return (await req(who)({ method: "DELETE", url })).statusCode;
    const payload =
      o.kind === "revise"
        ? { value: o.value, reason: "Đối soát lại số liệu" }
        : o.kind === "return"
          ? { reason: "Xem lại" }
          : {};
    return (await req(who)({ method: "POST", url: `${url}/${o.kind}`, payload })).statusCode;
  }

  // The runs are split over several tests (fresh random sequences each), none of them long.
  const RUNS = backend === "pglite" ? 15 : 8;
  const PARTS = backend === "pglite" ? 5 : 4;
  it.each(Array.from({ length: PARTS }, (_, i) => i + 1))(
    `keeps approved figures, the audit and the roll-ups right after every step (runs, part %i of ${PARTS})`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (random) => {
          // Start from official figures to attack: Hà Nội's two cells written, submitted and approved.
          const reporter = PEOPLE.indexOf("demo-reporter-hanoi");
          const approver = PEOPLE.indexOf("demo-approver-hanoi");
          const standing = PEOPLE.indexOf("demo-standing");
          const prefix: Op[] = [0, 1].flatMap((cell) => [
            { kind: "put" as const, who: reporter, cell, value: 3 },
            { kind: "submit" as const, who: approver, cell, value: 0 },
            { kind: "approve" as const, who: standing, cell, value: 0 },
          ]);
          // Nothing else writes between two steps: what one step left is what the next starts from.
          let next: Map<string, Obs> | undefined;
          for (const o of [...prefix, ...random]) {
            const before = next ?? (await cells());
            const seq = await lastAuditSeq();
            const status = await act(o, before);
            expect(status, JSON.stringify(o)).toBeLessThan(500);
            const after = await cells();
            next = after;
            const entries = await auditSince(seq);
            const who = PEOPLE[o.who] as Person;
            // 1. Approved figures change only through a reviewer.
            if (!REVIEWERS.has(who))
              for (const [k, b] of before)
                if (b.status === "approved")
                  expect(after.get(k), `${who} ${JSON.stringify(o)} changed approved ${k}`).toEqual(b);
            // 2. Every change is audited with before and after.
            const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
              (k) => JSON.stringify(before.get(k)) !== JSON.stringify(after.get(k)),
            );
            if (o.kind === "bulk") {
              const imports = entries.filter((e) => e.action === "observations.import");
              if (changed.length === 0) expect(imports.length).toBeLessThanOrEqual(1);
              else {
                expect(imports, JSON.stringify(o)).toHaveLength(1);
                const one = await req("demo-admin")({ url: `/api/v1/audit/${imports[0]?.seq}` });
                const rows = (
                  one.json() as { rows: { items: { before: unknown; after: { version: number } }[] } }
                ).rows.items;
                expect(rows.length).toBe(changed.length);
                for (const r of rows) if (r.after.version > 1) expect(r.before).not.toBeNull();
              }
            } else {
              expect(entries.length, `${JSON.stringify(o)} → ${status}`).toBe(changed.length);
              for (const e of entries) {
                const k = changed.find((c) => (before.get(c)?.id ?? after.get(c)?.id) === e.entityId);
                expect(k, `audit entry for an unchanged value: ${JSON.stringify(e)}`).toBeDefined();
                const b = k ? before.get(k) : undefined;
                const a = k ? after.get(k) : undefined;
                if (b) expect(e.before).toMatchObject({ version: b.version, status: b.status });
                else expect(e.before).toBeNull();
                if (a) expect(e.after).toMatchObject({ version: a.version, status: a.status });
                else expect(e.after).toMatchObject({ deleted: true });
              }
            }
            // 3. Roll-ups equal a rebuild.
            expect(await t.database.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
          }
        }),
        { numRuns: Math.ceil(RUNS / PARTS) },
      );
    },
  );
});
