import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../../src/db/client.js";
import { verifyChain } from "../../src/server/audit/service.js";
import { appendAudit } from "../../src/server/core/audit-writer.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { backends } from "../helpers/db.js";

describe.each(backends())("audit trail on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(async () => {
    await t?.close();
  });
  const db = () => t.database.db;

  it("records the seed as bulk entries and verifies", async () => {
    const rows = await queryRows<{ action: string; row_count: number; file_hash: string }>(
      db(),
      sql`select action, row_count, file_hash from audit_log order by seq`,
    );
    expect(rows.map((r) => r.action)).toEqual(["org_units.import", "plan.create"]);
    expect(rows.every((r) => r.row_count > 0 && /^[0-9a-f]{64}$/.test(r.file_hash))).toBe(true);
    expect((await verifyChain(db())).ok).toBe(true);
  });

  it("never forks under concurrent appends", async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        db().transaction((tx) =>
          appendAudit(tx, {
            actor: `user${i}`,
            action: "test.write",
            entityType: "test",
            entityId: String(i),
            after: { i, password: "hunter2hunter2" },
          }),
        ),
      ),
    );
    const r = await verifyChain(db());
    expect(r).toMatchObject({ ok: true, entries: 14 });
    const [secret] = await queryRows<{ after: { password: string } }>(
      db(),
      sql`select after from audit_log where action = 'test.write' limit 1`,
    );
    expect(secret?.after.password).toBe("[redacted]");
  });

  it("refuses UPDATE, DELETE and TRUNCATE on the audit table", async () => {
    await expect(db().execute(sql`update audit_log set actor = 'mallory' where seq = 1`)).rejects.toThrow();
    await expect(db().execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
    await expect(db().execute(sql`truncate audit_log`)).rejects.toThrow();
  });

  it("detects a row edited directly in the database, naming the first broken link", async () => {
    const head = (await verifyChain(db())).head;
    await db().execute(sql`alter table audit_log disable trigger audit_log_no_update`);
    // Sequences may have gaps: take the third entry, whatever its number.
    const [third] = await queryRows<{ seq: number }>(
      db(),
      sql`select seq from audit_log order by seq offset 2 limit 1`,
    );
    const seq = Number(third?.seq);
    await db().execute(sql`update audit_log set actor = 'mallory' where seq = ${seq}`);
    const r = await verifyChain(db(), head);
    expect(r.ok).toBe(false);
    expect(r.brokenAt?.seq).toBe(seq);
    expect(r.brokenAt?.reason).toContain("edited");
    expect(r.brokenAt?.kind).toBe("content");
    await db().execute(sql`alter table audit_log enable trigger audit_log_no_update`);
  });

  it("detects the newest rows deleted, against the anchor", async () => {
    const fresh = await testApp(backend);
    try {
      await fresh.database.db.transaction((tx) =>
        appendAudit(tx, { actor: "a", action: "x", entityType: "t" }),
      );
      const anchor = (await verifyChain(fresh.database.db)).head;
      expect((await verifyChain(fresh.database.db, anchor)).ok).toBe(true);
      await fresh.database.db.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
      await fresh.database.db.execute(
        sql`delete from audit_log where seq = (select max(seq) from audit_log)`,
      );
      const r = await verifyChain(fresh.database.db, anchor);
      expect(r.ok).toBe(false);
      expect(r.anchor?.status).toBe("ahead-of-chain");
      expect(r.brokenAt?.kind).toBe("anchor_ahead");
    } finally {
      await fresh.close();
    }
  });
});
