/**
 * Runs once per test run: builds a migrated, seeded PGlite snapshot that every test file loads
 * (instead of migrating and seeding again), and — when TEST_DATABASE_URL is set — a template
 * database on PostgreSQL that every test file clones. Everything created is dropped at the end.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../src/db/client.js";
import { seed } from "../../src/server/seed/seed.js";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string | null;
    runId: string;
  }
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const dir = mkdtempSync(path.join(tmpdir(), "chinam-test-"));
  const database = await openDatabase({ inMemory: true });
  await database.migrate();
  await seed(database.db);
  const dump = await database.pglite?.dumpDataDir("none");
  await database.close();
  if (!dump) throw new Error("no PGlite dump");
  const snapshot = path.join(dir, "snapshot.tar");
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));

  const adminUrl = process.env.TEST_DATABASE_URL;
  let template: string | null = null;
  if (adminUrl) {
    template = `chinam_tpl_${runId}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    await admin.end();
    const tpl = await openDatabase({ databaseUrl: withDatabase(adminUrl, template), poolSize: 1 });
    await tpl.migrate();
    await seed(tpl.db);
    await tpl.close();
  }
  project.provide("pgliteSnapshot", snapshot);
  project.provide("pgTemplate", template);
  project.provide("runId", runId);

  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like $1",
        [`chinam_%_${runId}%`],
      );
      for (const { datname } of rows) await admin.query(`drop database if exists ${datname} with (force)`);
      await admin.end();
    }
  };
}
