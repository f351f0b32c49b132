/**
 * The database objects (functions, triggers, views) that src/db/sql/*.sql declares, and the same
 * objects as a migrated database holds them. Both sides are read back through PostgreSQL's own
 * printers (`pg_get_functiondef`, `pg_get_triggerdef`, `pg_get_viewdef`), so a difference is one
 * of definition, never of formatting. Used by test/server/db-objects.test.ts and by
 * `npm run db:sql-migration` (see README.md beside this file).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, type Executor, queryRows } from "../client.js";

export const sqlFolder = path.dirname(fileURLToPath(import.meta.url));

/** Statements in a file are separated as in drizzle migrations: PGlite runs one per query. */
export const BREAKPOINT = "--> statement-breakpoint";

export interface SqlFile {
  /** The file name, e.g. `uuid-v7.sql`. */
  name: string;
  text: string;
  statements: string[];
  /** Files whose objects this one uses (`-- requires: a.sql, b.sql` lines). */
  requires: string[];
}

/** The object's kind and name (`function uuid_v7()`, `trigger x on t`, `view v`) → its definition. */
export type Catalogue = Map<string, string>;

function parseFile(name: string, text: string): SqlFile {
  const requires = [...text.matchAll(/^-- requires:(.*)$/gm)].flatMap((m) =>
    (m[1] ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0),
  );
  const statements = text
    .split(BREAKPOINT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  return { name, text, statements, requires };
}

/** Orders files so each comes after those it requires (by name otherwise). */
export function orderFiles(files: readonly SqlFile[]): SqlFile[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const out: SqlFile[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (f: SqlFile, from: string[]): void => {
    const s = state.get(f.name);
    if (s === "done") return;
    if (s === "visiting")
      throw new Error(`src/db/sql: files require each other: ${[...from, f.name].join(" → ")}`);
    state.set(f.name, "visiting");
    for (const r of f.requires) {
      const dep = byName.get(r);
      if (!dep) throw new Error(`src/db/sql/${f.name} requires ${r}, which does not exist`);
      visit(dep, [...from, f.name]);
    }
    state.set(f.name, "done");
    out.push(f);
  };
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) visit(f, []);
  return out;
}

/** The .sql files of `folder`, in the order they apply. */
export function readSqlFiles(folder = sqlFolder): SqlFile[] {
  const names = readdirSync(folder).filter((n) => n.endsWith(".sql"));
  return orderFiles(names.map((n) => parseFile(n, readFileSync(path.join(folder, n), "utf8"))));
}

const catalogueRow = z.object({ key: z.string(), def: z.string() });

// Objects an extension installed are the extension's, not ours.
const notInExtension = (classId: string, objId: string) =>
  `not exists (select 1 from pg_depend d where d.classid = '${classId}'::regclass and d.objid = ${objId}
    and d.deptype = 'e')`;

const catalogueQuery = sql.raw(`
  select 'function ' || p.oid::regprocedure::text as key,
    case when p.prokind in ('f', 'p') then pg_get_functiondef(p.oid) else 'prokind ' || p.prokind::text end as def
  from pg_proc p
  where p.pronamespace = 'public'::regnamespace and ${notInExtension("pg_proc", "p.oid")}
  union all
  select 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid)
  from pg_trigger t join pg_class c on c.oid = t.tgrelid
  where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
  union all
  select case c.relkind when 'm' then 'materialized view ' else 'view ' end || c.relname,
    pg_get_viewdef(c.oid) || coalesce(E'\\nwith ' || array_to_string(c.reloptions, ', '), '')
  from pg_class c
  where c.relnamespace = 'public'::regnamespace and c.relkind in ('v', 'm') and ${notInExtension("pg_class", "c.oid")}`);

/** Every function, trigger and view of the public schema, with its definition. */
export async function readCatalogue(tx: Executor): Promise<Catalogue> {
  const rows = z.array(catalogueRow).parse(await queryRows<unknown>(tx, catalogueQuery));
  return new Map(rows.map((r) => [r.key, r.def]));
}

const dropStatements = sql.raw(`
  select format('drop %s if exists %I cascade', case c.relkind when 'm' then 'materialized view' else 'view' end,
    c.relname) as stmt
  from pg_class c
  where c.relnamespace = 'public'::regnamespace and c.relkind in ('v', 'm') and ${notInExtension("pg_class", "c.oid")}
  union all
  select format('drop trigger if exists %I on %I', t.tgname, c.relname)
  from pg_trigger t join pg_class c on c.oid = t.tgrelid
  where c.relnamespace = 'public'::regnamespace and not t.tgisinternal
  union all
  select format('drop %s if exists %s cascade', case p.prokind when 'a' then 'aggregate' else 'routine' end,
    p.oid::regprocedure)
  from pg_proc p
  where p.pronamespace = 'public'::regnamespace and ${notInExtension("pg_proc", "p.oid")}`);

/** Drops every function, trigger and view of the public schema (inside a transaction rolled back). */
async function dropAllObjects(tx: Executor): Promise<void> {
  const rows = z.array(z.object({ stmt: z.string() })).parse(await queryRows<unknown>(tx, dropStatements));
  for (const r of rows) await tx.execute(sql.raw(r.stmt));
}

export interface Declared {
  /** What the files define, as the database prints it. */
  catalogue: Catalogue;
  /** Which file defines each object. */
  fileOf: Map<string, string>;
}

class RolledBack extends Error {}

/** Runs `fn` in a transaction that is always rolled back, and returns what it returned. */
async function rolledBack<T>(db: Db, fn: (tx: Executor) => Promise<T>): Promise<T> {
  let out: { value: T } | undefined;
  await db
    .transaction(async (tx) => {
      out = { value: await fn(tx) };
      throw new RolledBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RolledBack)) throw e;
    });
  if (!out) throw new Error("unreachable: the transaction returned nothing");
  return out.value;
}

/**
 * What `files` declare, read back from the database: in a transaction rolled back at the end,
 * every function, trigger and view of the migrated database is dropped, then the files are run one
 * by one (on the tables the migrations made) and what each one created is read back.
 */
export function declaredObjects(db: Db, files: readonly SqlFile[] = readSqlFiles()): Promise<Declared> {
  return rolledBack(db, async (tx) => {
    await dropAllObjects(tx);
    const catalogue: Catalogue = new Map();
    const fileOf = new Map<string, string>();
    for (const f of files) {
      for (const s of f.statements) await tx.execute(sql.raw(s));
      for (const [key, def] of await readCatalogue(tx)) {
        const before = catalogue.get(key);
        if (before === def) continue;
        const other = fileOf.get(key);
        if (other) throw new Error(`src/db/sql: ${key} is defined in both ${other} and ${f.name}`);
        catalogue.set(key, def);
        fileOf.set(key, f.name);
      }
    }
    return { catalogue, fileOf };
  });
}

export interface Disagreement {
  key: string;
  /** As the migrations made it (null: no migration makes it). */
  migrated: string | null;
  /** As the files declare it (null: no file declares it). */
  declared: string | null;
  /** The file that declares it. */
  file: string | null;
}

/** Objects whose definition in the migrated database differs from the files' (or exists on one side only). */
export function disagreements(migrated: Catalogue, declared: Declared): Disagreement[] {
  const keys = [...new Set([...migrated.keys(), ...declared.catalogue.keys()])].sort();
  return keys.flatMap((key) => {
    const m = migrated.get(key) ?? null;
    const d = declared.catalogue.get(key) ?? null;
    return m === d ? [] : [{ key, migrated: m, declared: d, file: declared.fileOf.get(key) ?? null }];
  });
}
