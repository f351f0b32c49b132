/**
 * Backup and restore of the embedded database: PGlite's own data-directory dump (a tar, gzipped).
 * On PostgreSQL, pg_dump/pg_restore do this job (docs/operations.md).
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";

export async function backupPglite(pglite: PGlite, file: string): Promise<number> {
  const dump = await pglite.dumpDataDir("gzip");
  const bytes = Buffer.from(await dump.arrayBuffer());
  writeFileSync(file, bytes);
  return bytes.length;
}

/**
 * Restores a dump into `dataDir/pgdata`. The dump is opened in memory first, so a corrupt file
 * changes nothing; the current data is kept aside until the restored copy opens.
 * The caller holds the DATA_DIR lock.
 */
export async function restorePglite(dataDir: string, file: string): Promise<void> {
  const blob = new Blob([readFileSync(file)]);
  const probe = await PGlite.create({ loadDataDir: blob });
  await probe.query("select 1");
  await probe.close();
  const target = path.join(dataDir, "pgdata");
  const aside = `${target}.before-restore-${Date.now()}`;
  if (existsSync(target)) renameSync(target, aside);
  try {
    const db = await PGlite.create({ dataDir: target, loadDataDir: blob });
    await db.query("select 1");
    await db.close();
  } catch (err) {
    rmSync(target, { recursive: true, force: true });
    if (existsSync(aside)) renameSync(aside, target);
    throw err;
  }
  rmSync(aside, { recursive: true, force: true });
}
