/**
 * `npm run cli -- <command>`: administration commands. On the embedded database each command
 * takes the DATA_DIR lock, so it refuses while the server runs instead of corrupting data.
 */

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { backupPglite, restorePglite } from "../db/backup.js";
import { type Database, openDatabase } from "../db/client.js";
import { acquireDataDirLock, DataDirLockedError } from "../db/data-dir-lock.js";
import { orgUnitFile } from "../domain/org-units/schema.js";
import { planDefinition } from "../domain/plan-definition/schema.js";
import { AuditAnchor, type AuditHead, verifyChain } from "../server/audit/index.js";
import { issueOneTimeToken, userCount } from "../server/auth/index.js";
import { type Config, ConfigError, configDocs, loadConfig } from "../server/core/config.js";
import { parseDefinitionText, validateFile } from "../server/core/definition-files.js";
import { renderEntity } from "../server/core/entities.js";
import { AppError } from "../server/core/errors.js";
import type { Lang } from "../server/core/lang.js";
import { retireIndicator, setTarget, updateIndicator } from "../server/indicators/index.js";
import { importOrgUnits } from "../server/org-units/index.js";
import { importPlanDefinition } from "../server/plans/index.js";
import { compareWithRebuild, rebuildRollups } from "../server/rollups/index.js";
import { seed } from "../server/seed/index.js";

const usage = `Chỉ Nam — administration commands

  npm run cli -- migrate                    apply database migrations
  npm run cli -- seed                       load the bundled org units and NQ57 plan (idempotent)
  npm run cli -- plan:import FILE [--dry-run] [--reason TEXT]
                                            create or update a plan from a plan-definition file (YAML or JSON)
  npm run cli -- org-units:import FILE      create or update org units from a file (YAML or JSON)
  npm run cli -- target:set INDICATOR --plan CODE --year YYYY --value N [--max N] [--comparator OP]
                [--achieved true|false] [--unit ORG-UNIT] --reason TEXT
                                            set a target (national, or a unit's own with --unit); versioned
  npm run cli -- indicator:update CODE --patch JSON --reason TEXT
                                            edit an indicator definition, e.g. --patch '{"unit":"%"}'; versioned
  npm run cli -- indicator:retire CODE --reason TEXT
  npm run cli -- rollup:rebuild             rebuild every roll-up cell from the values (reports how many differed)
  npm run cli -- audit:verify               walk the audit chain, check it against DATA_DIR/audit-anchor.json,
                                            and report the first broken link (exit 1 when broken)
  npm run cli -- setup-link                 print a new one-time link to create the first administrator
  npm run cli -- backup FILE                back up the database (PGlite: data-directory dump; PostgreSQL: pg_dump)
  npm run cli -- restore FILE               restore a backup made by \`backup\` (the server must be stopped)
  npm run cli -- config:docs                print the configuration variables as a Markdown table

Options: --lang vi|en (messages; default vi).`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Audit entries the command appended; the anchor in DATA_DIR moves forward once it commits. */
const auditHeads: AuditHead[] = [];

async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const lock =
    config.database === "pglite" ? acquireDataDirLock(config.dataDir, "a Chỉ Nam CLI command") : undefined;
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  try {
    const result = await fn(database);
    const head = auditHeads.reduce<AuditHead | undefined>((x, y) => (!x || y.seq > x.seq ? y : x), undefined);
    if (head) new AuditAnchor(config.dataDir).record(head);
    return result;
  } finally {
    await database.close();
    lock?.release();
  }
}

function printAppError(err: AppError, lang: Lang): void {
  const params = Object.fromEntries(
    Object.entries(err.params).map(([k, v]) => [k, k === "entity" ? renderEntity(String(v), lang) : v]),
  );
  console.error(new AppError(err.code, params).message_(lang));
  for (const d of err.details ?? [])
    console.error(`  - ${lang === "en" ? (d.messageEn ?? d.message) : d.message}`);
}

async function run(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  const lang: Lang = option(args, "--lang") === "en" ? "en" : "vi";
  if (!command || command === "help" || command === "--help") {
    console.log(usage);
    return command ? 0 : 2;
  }
  if (command === "config:docs") {
    console.log("| Variable | Meaning |\n|---|---|");
    for (const [k, v] of Object.entries(configDocs)) console.log(`| \`${k}\` | ${v} |`);
    return 0;
  }
  const config = loadConfig();
  const actor = `cli:${process.env.USER ?? process.env.LOGNAME ?? "unknown"}`;
  const onAudit = (head: AuditHead) => auditHeads.push(head);

  switch (command) {
    case "migrate":
      await withDatabase(config, async (d) => {
        await d.migrate();
        console.log("Migrations applied.");
      });
      return 0;
    case "seed":
      await withDatabase(config, async (d) => {
        await d.migrate();
        const r = await seed(d.db);
        console.log(`Org units: ${r.orgUnits}; NQ57 plan: ${r.plan}.`);
      });
      return 0;
    case "plan:import":
    case "org-units:import": {
      const file = args.find(
        (a) => !a.startsWith("--") && a !== option(args, "--reason") && a !== option(args, "--lang"),
      );
      if (!file) {
        console.error(usage);
        return 2;
      }
      if (!existsSync(file)) {
        console.error(lang === "en" ? `No such file: ${file}` : `Không tìm thấy tệp: ${file}`);
        return 2;
      }
      const parsed = parseDefinitionText(readFileSync(file, "utf8"));
      if (command === "org-units:import") {
        const { orgUnits } = validateFile(parsed, orgUnitFile);
        await withDatabase(config, async (d) => {
          await d.migrate();
          const s = await importOrgUnits(d.db, orgUnits, { actor, onAudit }, parsed);
          console.log(
            `Org units: ${s.created} created, ${s.updated} updated, ${s.lineageLinks} lineage links.`,
          );
        });
        return 0;
      }
      const def = validateFile(parsed, planDefinition);
      if (args.includes("--dry-run")) {
        await withDatabase(config, async (d) => {
          await d.migrate();
          // Validate against the database by importing inside a transaction that is rolled back.
          await d.db
            .transaction(async (tx) => {
              const s = await importPlanDefinition(tx, def, { actor }, parsed);
              console.log(
                `Dry run: plan ${s.plan} is valid (${JSON.stringify(s.counts)}). Nothing was written.`,
              );
              throw new DryRunRollback();
            })
            .catch((err: unknown) => {
              if (!(err instanceof DryRunRollback)) throw err;
            });
        });
        return 0;
      }
      await withDatabase(config, async (d) => {
        await d.migrate();
        const s = await importPlanDefinition(
          d.db,
          def,
          { actor, onAudit, reason: option(args, "--reason") ?? `plan:import ${path.basename(file)}` },
          parsed,
        );
        console.log(
          s.unchanged
            ? `Plan ${s.plan}: unchanged (same definition as last import).`
            : `Plan ${s.plan} ${s.created ? "created" : "updated"}: ${JSON.stringify(s.counts)}`,
        );
      });
      return 0;
    }
    case "target:set":
    case "indicator:update":
    case "indicator:retire": {
      const code = args[0];
      const reason = option(args, "--reason");
      if (!code || code.startsWith("--")) {
        console.error(usage);
        return 2;
      }
      await withDatabase(config, async (d) => {
        await d.migrate();
        const ctx = { actor, reason, onAudit };
        if (command === "indicator:retire") {
          await retireIndicator(d.db, code, ctx);
          console.log(`Indicator ${code} retired.`);
        } else if (command === "indicator:update") {
          const patch: unknown = JSON.parse(option(args, "--patch") ?? "{}");
          const version = await updateIndicator(d.db, code, patch, ctx);
          console.log(`Indicator ${code} is at version ${version}.`);
        } else {
          const num = (name: string) => {
            const v = option(args, name);
            return v === undefined ? undefined : Number(v.replace(",", "."));
          };
          const achieved = option(args, "--achieved");
          const r = await setTarget(
            d.db,
            {
              indicator: code,
              plan: option(args, "--plan") ?? "NQ57",
              orgUnit: option(args, "--unit"),
              target: {
                year: num("--year"),
                comparator: option(args, "--comparator") ?? (num("--max") !== undefined ? "between" : ">="),
                value: num("--value"),
                valueMax: num("--max"),
                achieved: achieved === undefined ? undefined : achieved === "true",
              },
            },
            ctx,
          );
          console.log(`Target of ${code} is at version ${r.version}.`);
        }
      });
      return 0;
    }
    case "audit:verify": {
      const anchor = AuditAnchor.read(config.dataDir);
      const result = await withDatabase(config, async (d) => verifyChain(d.db, anchor));
      const head = result.head ? `${result.head.seq} ${result.head.hash}` : "(empty)";
      console.log(`Audit chain: ${result.entries} entries; head ${head}`);
      if (!anchor) console.log(`No anchor file in ${config.dataDir}: only the chain itself was checked.`);
      else console.log(`Anchor ${anchor.seq} ${anchor.hash}: ${result.anchor?.status ?? "absent"}`);
      if (result.ok) {
        console.log("OK: every link verifies.");
        return 0;
      }
      console.error(`BROKEN at entry ${result.brokenAt?.seq}: ${result.brokenAt?.reason}`);
      return 1;
    }
    case "rollup:rebuild": {
      const started = Date.now();
      const result = await withDatabase(config, async (d) => {
        const diff = await d.db.transaction((tx) => compareWithRebuild(tx));
        const rebuilt = await d.db.transaction((tx) => rebuildRollups(tx));
        return { diff: diff.length, ...rebuilt };
      });
      console.log(
        `Roll-ups rebuilt: ${result.cells} cells in ${((Date.now() - started) / 1000).toFixed(1)} s; ${result.diff} cells differed from the incremental ones before the rebuild.`,
      );
      return 0;
    }
    case "setup-link": {
      const link = await withDatabase(config, async (d) => {
        if ((await userCount(d.db)) > 0) return undefined;
        return issueOneTimeToken(d.db, "bootstrap_admin", { ttlHours: 24 });
      });
      if (!link) {
        console.error("An administrator already exists: ask them for a password-reset link instead.");
        return 1;
      }
      console.log(
        `${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}/setup#token=${link.token}  (valid until ${link.expiresAt.toISOString()})`,
      );
      return 0;
    }
    case "backup": {
      const file = args[0];
      if (!file) {
        console.error(usage);
        return 2;
      }
      if (config.database === "postgres") {
        execFileSync(
          "pg_dump",
          ["--format=custom", "--no-owner", `--file=${file}`, config.DATABASE_URL as string],
          { stdio: "inherit" },
        );
        console.log(`PostgreSQL backup written to ${file} (pg_dump custom format).`);
        return 0;
      }
      await withDatabase(config, async (d) => {
        if (!d.pglite) throw new Error("embedded database expected");
        const size = await backupPglite(d.pglite, file);
        console.log(`Backup written to ${file} (${Math.round(size / 1024)} KB, PGlite data-directory dump).`);
      });
      return 0;
    }
    case "restore": {
      const file = args[0];
      if (!file || !existsSync(file)) {
        console.error(file ? `No such file: ${file}` : usage);
        return 2;
      }
      if (config.database === "postgres") {
        execFileSync(
          "pg_restore",
          ["--clean", "--if-exists", "--no-owner", `--dbname=${config.DATABASE_URL}`, file],
          { stdio: "inherit" },
        );
        console.log("PostgreSQL backup restored.");
        return 0;
      }
      await restoreEmbedded(config, file);
      return 0;
    }
    default:
      console.error(`Unknown command: ${command}\n\n${usage}`);
      return 2;
  }
}

class DryRunRollback extends Error {}

async function restoreEmbedded(config: Config, file: string): Promise<void> {
  const lock = acquireDataDirLock(config.dataDir, "a Chỉ Nam CLI restore");
  try {
    await restorePglite(config.dataDir, file);
    console.log(`Restored ${file} into ${config.dataDir}.`);
  } finally {
    lock.release();
  }
}

run(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    const lang: Lang = process.argv.includes("en") && process.argv.includes("--lang") ? "en" : "vi";
    if (err instanceof AppError) printAppError(err, lang);
    else if (err instanceof ConfigError || err instanceof DataDirLockedError) console.error(err.message);
    else console.error(err);
    process.exit(1);
  });
