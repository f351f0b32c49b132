/** An app on a fresh test database, for API tests through `app.inject`. */
import type { Database, Db } from "../../src/db/client.js";
import { type App, buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/core/config.js";
import type { WebBuild } from "../../src/server/web-app/index.js";
import { type Backend, openTestDatabase } from "./db.js";

export interface TestApp {
  app: App;
  database: Database;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Replaces the app's Drizzle handle (e.g. one that records query plans). */
  wrapDb?: (db: Db) => Db;
  /** The web app to serve (none by default: API tests do not depend on a build). */
  web?: WebBuild | null;
}

export async function testApp(
  backend: Backend,
  env: Record<string, string> = {},
  opts: TestAppOptions = {},
): Promise<TestApp> {
  const database = await openTestDatabase(backend);
  if (opts.wrapDb) database.db = opts.wrapDb(database.db);
  const config = loadConfig({
    SESSION_SECRET: "x".repeat(40),
    LOG_LEVEL: "silent",
    DATA_DIR: "/tmp/chinam-unused",
    ...env,
  });
  const app = await buildApp({ config, database, logger: false, web: opts.web ?? null });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
