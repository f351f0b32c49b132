import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import {
  declaredObjects,
  disagreements,
  readCatalogue,
  readSqlFiles,
  type SqlFile,
} from "../../src/db/sql/objects.js";
import { backends, openTestDatabase } from "../helpers/db.js";

/**
 * src/db/sql/*.sql is the only source of functions, triggers and views: what the migrations made
 * must be exactly what the files declare (read back through PostgreSQL's printers on both sides),
 * and the migrated database must hold no object that no file declares.
 */
describe.each(backends())("database objects on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("are exactly what src/db/sql declares", async () => {
    const migrated = await readCatalogue(database.db);
    // The comparison reads real objects (not two empty lists).
    expect([...migrated.keys()]).toEqual(
      expect.arrayContaining([
        "function uuid_v7()",
        "function bump_definitions_version()",
        "trigger audit_log_no_update on audit_log",
        "trigger rollup_closure_definitions_version on rollup_closure",
        "view rollup_values",
      ]),
    );
    const declared = await declaredObjects(database.db);
    expect(disagreements(migrated, declared)).toEqual([]);
    // The files ran in a transaction rolled back: the migrated objects are untouched.
    expect(await readCatalogue(database.db)).toEqual(migrated);
  });

  // The two ways the comparison must fail, on files altered in memory.
  it("finds a file that disagrees with the migrations", async () => {
    const files = readSqlFiles().map(
      (f): SqlFile =>
        f.name === "uuid-v7.sql"
          ? { ...f, statements: f.statements.map((s) => s.replace("52, 1", "52, 0")) }
          : f,
    );
    const found = disagreements(await readCatalogue(database.db), await declaredObjects(database.db, files));
    expect(found.map((d) => [d.key, d.file])).toEqual([["function uuid_v7()", "uuid-v7.sql"]]);
  });

  it("finds an object no file declares", async () => {
    const files = readSqlFiles().filter((f) => f.name !== "audit-log-append-only.sql");
    const found = disagreements(await readCatalogue(database.db), await declaredObjects(database.db, files));
    expect(found.map((d) => [d.key, d.declared])).toEqual([
      ["function audit_log_refuse_change()", null],
      ["trigger audit_log_no_truncate on audit_log", null],
      ["trigger audit_log_no_update on audit_log", null],
    ]);
  });
});
