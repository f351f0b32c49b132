/**
 * Test databases: every database test runs against PGlite, and against PostgreSQL when
 * TEST_DATABASE_URL is set. Each test file gets its own database: PGlite loaded from the seeded
 * snapshot, or a PostgreSQL database cloned from the seeded template.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.js";
import { withDatabase } from "./global-setup.js";

export type Backend = "pglite" | "postgres";

/** The back ends to run database tests against. */
export function backends(): Backend[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

export async function openTestDatabase(backend: Backend): Promise<Database> {
  if (backend === "pglite") {
    const snapshot = readFileSync(inject("pgliteSnapshot"));
    const database = await openDatabase({ inMemory: true, loadDataDir: new Blob([snapshot]) });
    return database;
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  const template = inject("pgTemplate");
  if (!adminUrl || !template) throw new Error("TEST_DATABASE_URL is not set");
  const name = `chinam_t_${inject("runId")}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, name), poolSize: 4 });
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    await a.query(`drop database if exists ${name} with (force)`);
    await a.end();
  };
  return database;
}
