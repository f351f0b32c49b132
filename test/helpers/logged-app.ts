/**
 * An app on a fresh test database whose log lines are kept, so a test can assert that bad client
 * input never logs an error (a 4xx is not the server's fault, and SQL or stacks must not fill the log).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Database } from "../../src/db/client.js";
import { type App, buildApp } from "../../src/server/app.js";
import { loadConfig } from "../../src/server/core/config.js";
import { type Backend, openTestDatabase } from "./db.js";

export interface LogLine {
  level: number;
  msg?: string;
  err?: { type?: string; message?: string };
  [key: string]: unknown;
}

export interface LoggedApp {
  app: App;
  database: Database;
  logs: LogLine[];
  /** Lines at error level (50) or above logged since the last call. */
  takeErrors(): LogLine[];
  close(): Promise<void>;
}

export async function loggedApp(backend: Backend, env: Record<string, string> = {}): Promise<LoggedApp> {
  const database = await openTestDatabase(backend);
  // A real data directory: the audit anchor is written there, and a failed write would be logged.
  const dataDir = mkdtempSync(path.join(tmpdir(), "chinam-logged-"));
  const config = loadConfig({
    SESSION_SECRET: "x".repeat(40),
    LOG_LEVEL: "info",
    DATA_DIR: dataDir,
    ...env,
  });
  const logs: LogLine[] = [];
  let seen = 0;
  const app = await buildApp({
    config,
    database,
    logStream: { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) },
  });
  await app.ready();
  return {
    app,
    database,
    logs,
    takeErrors() {
      const fresh = logs.slice(seen);
      seen = logs.length;
      return fresh.filter((l) => l.level >= 50);
    },
    async close() {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
