/**
 * Starting the platform: config → data-directory lock (embedded) → database → migrations → seed →
 * HTTP. Shared by `npm start` and `npm run demo`.
 */

import type { FastifyInstance } from "fastify";
import { type Database, openDatabase } from "../db/client.js";
import { acquireDataDirLock, type DataDirLock } from "../db/data-dir-lock.js";
import { buildApp } from "./app.js";
import { AuditAnchor, chainHead } from "./audit/index.js";
import { issueOneTimeToken, randomToken, userCount } from "./auth/index.js";
import type { Config } from "./core/config.js";
import { ensureDemoValues, publishDemoIndicators } from "./demo/index.js";
import { recoverImports } from "./observations/index.js";
import { syncRollupClosure } from "./rollups/index.js";
import { markDemo, seed } from "./seed/index.js";
import { ensureDemoAccounts } from "./users/index.js";

export interface Started {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** One-time link to create the first administrator (only while no account exists). */
  setupUrl?: string;
  /** Password of the demo accounts (demo instances only). */
  demoPassword?: string;
  timings: { totalMs: number; databaseMs: number; migrateMs: number; seedMs: number };
  stop(): Promise<void>;
}

export async function startServer(config: Config): Promise<Started> {
  const t0 = performance.now();
  let lock: DataDirLock | undefined;
  if (config.database === "pglite") {
    lock = acquireDataDirLock(config.dataDir, "the Chỉ Nam server");
    if (lock.recoveredStale)
      console.warn(`Recovered a stale lock left in ${config.dataDir} by a process that is gone.`);
  }
  let database: Database | undefined;
  try {
    database = await openDatabase({
      databaseUrl: config.DATABASE_URL,
      dataDir: config.dataDir,
      poolSize: config.DATABASE_POOL_SIZE,
    });
    const t1 = performance.now();
    await database.migrate();
    const t2 = performance.now();
    if (config.SEED_ON_START) {
      const seeded = await seed(database.db);
      if (seeded.formerTwins?.kept.length)
        console.warn(
          `Former twins of provinces not merged in 2025 kept because data refers to them: ${seeded.formerTwins.kept.join(", ")} (see docs/decisions/0004-nq57-seed-content.md)`,
        );
    }
    // Units changed outside the services (an older version, a restore) leave the closure behind.
    await database.db.transaction((tx) => syncRollupClosure(tx));
    // An import the previous process did not finish is taken back before anyone reads.
    const recovered = await recoverImports(database.db, database.kind === "pglite");
    if (recovered.reverted > 0) console.log(`Unfinished imports taken back: ${recovered.reverted}`);
    if (config.DEMO) await markDemo(database.db);
    let demoPassword: string | undefined;
    let setupToken: string | undefined;
    if (config.DEMO) {
      demoPassword = config.DEMO_PASSWORD ?? `Demo-${randomToken(9)}`;
      await ensureDemoAccounts(database.db, demoPassword);
      const published = await publishDemoIndicators(database.db);
      if (published.length > 0)
        console.log(`Demo indicators published: ${published.length} (marked as demo)`);
      const demo = await ensureDemoValues(database.db);
      if (demo) console.log(`Demo values written: ${demo.written} (marked as demo)`);
    } else if ((await userCount(database.db)) === 0) {
      setupToken = (await issueOneTimeToken(database.db, "bootstrap_admin", { ttlHours: 24 })).token;
    }
    const anchor = new AuditAnchor(config.dataDir);
    const head = await chainHead(database.db);
    if (head) anchor.record(head);
    const t3 = performance.now();
    const app = await buildApp({ config, database, anchor });
    await app.listen({ port: config.PORT, host: config.HOST });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const url = config.PUBLIC_URL ?? `http://localhost:${port}`;
    const db = database;
    let stopped = false;
    return {
      app,
      database,
      url,
      setupUrl: setupToken ? `${url}/setup#token=${setupToken}` : undefined,
      demoPassword,
      timings: {
        totalMs: performance.now() - t0,
        databaseMs: t1 - t0,
        migrateMs: t2 - t1,
        seedMs: t3 - t2,
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        await app.close();
        await db.close();
        lock?.release();
      },
    };
  } catch (err) {
    await database?.close().catch(() => undefined);
    lock?.release();
    throw err;
  }
}
