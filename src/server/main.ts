/** `npm start`: runs the platform. */

import { DataDirLockedError } from "../db/data-dir-lock.js";
import { ConfigError, loadConfig } from "./core/config.js";
import { startServer } from "./start.js";
import { demoAccounts } from "./users/index.js";
import { ensureWebBuild } from "./web-app/index.js";

async function main(): Promise<void> {
  const config = loadConfig();
  // Built here, not at install: a `git pull` changes the sources and the next start rebuilds.
  const web = await ensureWebBuild({ log: (line) => console.log(`  ${line}`) });
  const started = await startServer(config);
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  const t = started.timings;
  console.log(
    [
      "",
      `  Chỉ Nam is running at ${started.url}${config.DEMO ? "  (DEMO data)" : ""}`,
      `  API docs:  ${started.url}/api/docs`,
      `  Database:  ${config.database === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
      `  Web app:   ${web.built ? `built in ${(web.ms / 1000).toFixed(1)} s` : "build is current"} (dist/web)`,
      `  Started in ${(t.totalMs / 1000).toFixed(1)} s (database ${(t.databaseMs / 1000).toFixed(1)} s, migrations ${(t.migrateMs / 1000).toFixed(1)} s, seed ${(t.seedMs / 1000).toFixed(1)} s); memory ${mb(process.memoryUsage().rss)} RSS`,
      "",
    ].join("\n"),
  );
  if (started.setupUrl)
    console.log(
      [
        "  No administrator yet. Create the first one with this one-time link (valid 24 h, printed at every start until used):",
        `  ${started.setupUrl}`,
        "",
      ].join("\n"),
    );
  if (started.demoPassword)
    console.log(
      [
        `  Demo accounts (password: ${started.demoPassword}${config.DEMO_PASSWORD ? ", from DEMO_PASSWORD" : ", generated; set DEMO_PASSWORD to choose it"}):`,
        `  ${demoAccounts.map((a) => a.username).join(", ")}`,
        "",
      ].join("\n"),
    );
  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    started
      .stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        console.error(err);
        process.exit(1);
      });
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
