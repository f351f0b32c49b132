/**
 * `npm run db:sql-migration -- --name <name> [--dry-run]`: makes the custom migration that brings a
 * migrated database to what src/db/sql declares. It migrates an in-memory database, finds the files
 * whose objects differ from what the migrations made (or that declare new objects), has drizzle-kit
 * make an empty custom migration (`drizzle-kit generate --custom`, which also records it in the
 * journal), writes those files into it, and checks that a database migrated with it agrees with
 * every file. Existing migrations are never touched: deployed databases have applied them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrationsFolder, openDatabase } from "../client.js";
import {
  BREAKPOINT,
  type Declared,
  type Disagreement,
  declaredObjects,
  disagreements,
  readCatalogue,
  readSqlFiles,
  sqlFolder,
} from "./objects.js";

const repoRoot = path.resolve(sqlFolder, "../../..");
const journalPath = path.join(migrationsFolder, "meta", "_journal.json");
const journalSchema = z.object({ entries: z.array(z.object({ tag: z.string() })) });

async function compareMigrated(): Promise<{ found: Disagreement[]; declared: Declared }> {
  const database = await openDatabase({ inMemory: true });
  try {
    await database.migrate();
    const migrated = await readCatalogue(database.db);
    const declared = await declaredObjects(database.db);
    return { found: disagreements(migrated, declared), declared };
  } finally {
    await database.close();
  }
}

function lastTag(): string | undefined {
  return journalSchema.parse(JSON.parse(readFileSync(journalPath, "utf8"))).entries.at(-1)?.tag;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { name: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const name = values.name ?? "";
  if (!/^[a-z0-9_]{1,60}$/.test(name)) {
    console.error("usage: npm run db:sql-migration -- --name <snake_case_name> [--dry-run]");
    return 2;
  }
  const { found } = await compareMigrated();
  const undeclared = found.filter((d) => d.declared === null);
  if (undeclared.length > 0) {
    console.error(
      `No file in src/db/sql declares: ${undeclared.map((d) => d.key).join(", ")}.\n` +
        "Put its definition in a file, or, to remove it, drop it in a migration written by hand " +
        "(npx drizzle-kit generate --custom --name drop_<name>) — see src/db/sql/README.md.",
    );
    return 1;
  }
  const changed = new Set(found.flatMap((d) => (d.file ? [d.file] : [])));
  if (changed.size === 0) {
    console.log("src/db/sql agrees with the migrations: no migration to make.");
    return 0;
  }
  const files = readSqlFiles().filter((f) => changed.has(f.name));
  for (const d of found) console.log(`${d.migrated === null ? "new" : "changed"}: ${d.key} (${d.file})`);
  const body = [
    "-- Made by `npm run db:sql-migration` from src/db/sql (see its README.md): the current",
    "-- definitions of the objects whose files changed. Edit the files, not this migration.",
    files.map((f) => `-- src/db/sql/${f.name}\n${f.text.trim()}\n`).join(`${BREAKPOINT}\n`),
  ].join("\n");
  if (values["dry-run"]) {
    console.log(body);
    return 0;
  }
  const before = lastTag();
  const kit = spawnSync(
    path.join(repoRoot, "node_modules", ".bin", "drizzle-kit"),
    ["generate", "--custom", "--name", name],
    { cwd: repoRoot, stdio: ["ignore", "inherit", "inherit"] },
  );
  const tag = lastTag();
  if (kit.status !== 0 || !tag || tag === before) {
    console.error("drizzle-kit generate --custom made no migration");
    return 1;
  }
  const file = path.join(migrationsFolder, `${tag}.sql`);
  writeFileSync(file, body);
  console.log(`wrote ${path.relative(repoRoot, file)} (${files.map((f) => f.name).join(", ")})`);
  const after = await compareMigrated();
  if (after.found.length > 0) {
    console.error(
      `migrated with it, the database still differs: ${after.found.map((d) => d.key).join(", ")}`,
    );
    return 1;
  }
  console.log("checked: a database migrated with it holds exactly what src/db/sql declares.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
