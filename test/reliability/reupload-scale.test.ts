/**
 * Re-uploading values that already exist is planned like uploading new ones: linear in the rows
 * (issue 10, item 6: the staged rows met the current values through a join planned as a nested
 * loop over both sides, quadratic in the chunk). On the embedded database the event loop is also
 * let go between the chunks of an upload, so health checks answer during it.
 *
 * No timings here (they belong to `npm run bench:reupload`): every hand-written statement the
 * uploads run is EXPLAINed in its own transaction, and none may re-read a chunk-sized table or a
 * CTE for each row of the other side — the plan the quadratic code had. The row counts of each
 * upload (new, updated, unchanged) are checked as before.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, queryRows } from "../../src/db/client.js";
import type { OrgUnitDef } from "../../src/domain/org-units/schema.js";
import { importOrgUnits } from "../../src/server/org-units/service.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { explainingDb, quadraticJoins } from "../helpers/query-plans.js";

const COMMUNES = 200;
/** 2025-01 … 2026-08: inside the plan's years and before the current month. */
const MONTHS = Array.from(
  { length: 20 },
  (_, m) => `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`,
);
const IND = "OI_DOSSIERS_ONLINE";
/** The tables whose rows grow with an upload: never scanned whole once per row of another. */
const CHUNK_SIZED = ["import_rows", "observations", "observation_revisions"];

/** The cells of the first `months` months for every commune, with `bump` added to each value. */
function rows(months: number, bump: number, skipMonths = 0) {
  const out: { indicator: string; unit: string; period: string; value: number }[] = [];
  for (const period of MONTHS.slice(skipMonths, skipMonths + months))
    for (let k = 0; k < COMMUNES; k++)
      out.push({ indicator: IND, unit: `RU-HN-${k}`, period, value: 100 + k + bump });
  return out;
}

describe.each(backends())("re-uploading existing values on %s", (backend) => {
  let t: TestApp;
  let approver: Session;
  let plans: ReturnType<typeof explainingDb>;
  let plainDb: Db;
  beforeAll(async () => {
    const wrapDb = (db: Db) => {
      plainDb = db;
      plans = explainingDb(db);
      return plans.db;
    };
    t = await testApp(backend, {}, { wrapDb });
    await createDemoAccounts(t.database);
    await importOrgUnits(
      t.database.db,
      Array.from({ length: COMMUNES }, (_, k) => ({
        code: `RU-HN-${k}`,
        kind: "commune",
        name: { vi: `Xã thử ${k}` },
        parent: "HA-NOI",
        lineage: [],
      })) as unknown as OrgUnitDef[],
      { actor: "test", reason: "re-upload test" },
    );
    approver = await login(t.app, "demo-approver-hanoi");
  });
  afterAll(async () => {
    await t?.close();
  });

  /**
   * Uploads the rows, answering the summary, the plans of its statements, and (embedded) the
   * applied-row counts that a timer read while the upload was being applied.
   */
  async function upload(items: ReturnType<typeof rows>) {
    const appliedSeen = new Set<number>();
    let reading = false;
    // A timer only runs when the upload lets the event loop go; its query waits for the
    // connection, which a chunk holds until it commits.
    const timer = setInterval(() => {
      if (reading || backend !== "pglite") return;
      reading = true;
      void queryRows<{ applied_rows: number }>(
        plainDb,
        sql`select applied_rows from value_imports where state = 'applying'`,
      ).then((r) => {
        for (const x of r) appliedSeen.add(x.applied_rows);
        reading = false;
      });
    }, 1);
    plans.statements.length = 0;
    plans.recording = true;
    try {
      const res = await as(
        t.app,
        approver,
      )({ method: "POST", url: "/api/v1/observations/bulk", payload: { items } });
      expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
      return {
        summary: res.json() as { imported: number; updated: number; unchanged: number },
        statements: [...plans.statements],
        appliedSeen: [...appliedSeen],
      };
    } finally {
      plans.recording = false;
      clearInterval(timer);
      while (reading) await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Every nested loop of the upload's statements that re-reads a chunk-sized input per row. */
  const quadratic = (u: Awaited<ReturnType<typeof upload>>) =>
    u.statements.flatMap((s) =>
      quadraticJoins(s.plan, CHUNK_SIZED).map((j) => `${j}: ${s.sql.slice(0, 200)}`),
    );

  it("writes, changes and leaves every row, planned without a join of the chunk against itself", async () => {
    const n = COMMUNES * 10; // 2,000 rows
    const fresh = await upload(rows(10, 0));
    expect(fresh.summary.imported).toBe(n);
    const existing = await upload(rows(10, 1));
    expect(existing.summary).toMatchObject({ imported: 0, updated: n });
    await upload(rows(10, 0, 10));
    const existing2 = await upload(rows(20, 2));
    expect(existing2.summary).toMatchObject({ imported: 0, updated: 2 * n });
    const unchanged2 = await upload(rows(20, 2));
    expect(unchanged2.summary).toMatchObject({ imported: 0, updated: 0, unchanged: 2 * n });
    for (const u of [fresh, existing, existing2, unchanged2]) {
      // The statements that meet staged rows with the values were planned (and so checked).
      expect(u.statements.some((s) => /import_rows/.test(s.sql) && /observations/.test(s.sql))).toBe(true);
      expect(quadratic(u)).toEqual([]);
    }
    // Embedded: chunks of the upload commit one by one and the event loop is let go between
    // them, so it is held for one chunk at a time, never for the whole upload (the quadratic
    // code held it 15 s here): a timer saw the upload applied in part.
    if (backend === "pglite")
      for (const u of [existing2, unchanged2])
        expect(
          u.appliedSeen.some((x) => x > 0 && x < 2 * n),
          `applied rows seen: ${u.appliedSeen}`,
        ).toBe(true);
  });
});
