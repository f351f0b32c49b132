/**
 * One database access path for both back ends: embedded PGlite on DATA_DIR, or a PostgreSQL
 * server given by DATABASE_URL. Everything above this file sees the same Drizzle `Db` type.
 */
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; services accept `Db | Tx` through `Executor`. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type Executor = Db | Tx;

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

export interface Database {
  kind: "pglite" | "postgres";
  db: Db;
  /** The raw PGlite instance (embedded mode only): used for backups and LISTEN. */
  pglite?: PGlite;
  /** The pool (server mode only). */
  pool?: pg.Pool;
  migrate(): Promise<void>;
  /** LISTEN on a channel; the handler gets each NOTIFY payload. Returns an unsubscribe function. */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

// PostgreSQL returns numeric and bigint as strings by default; counts and sums are read as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** Start PGlite from a data-directory dump (used by tests to skip re-seeding). */
  loadDataDir?: Blob;
  /** PGlite in memory (tests). */
  inMemory?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle pooled connection closed by the server (restart, failover) must not crash the process:
    // the pool drops it and opens another on the next query.
    pool.on("error", () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: "postgres",
      db,
      pool,
      async migrate() {
        // Several server instances may start at once: one applies migrations, the others wait.
        const client = await pool.connect();
        try {
          await client.query("select pg_advisory_lock(hashtext('chinam.migrate'))");
          await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock(hashtext('chinam.migrate'))").catch(() => undefined);
          client.release();
        }
      },
      async listen(channel, handler) {
        // A dedicated connection (pooled ones serve other queries between uses), re-established
        // after a server restart so that events keep flowing.
        let stopped = false;
        let client: pg.Client | undefined;
        const connect = async (): Promise<void> => {
          const c = new pg.Client({ connectionString: opts.databaseUrl });
          c.on("notification", (n) => {
            if (n.channel === channel) handler(n.payload ?? "");
          });
          const retry = () => {
            if (!stopped) setTimeout(() => void connect().catch(retry), 1000).unref();
          };
          c.on("error", () => undefined);
          c.on("end", retry);
          await c.connect();
          await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
          client = c;
        };
        await connect();
        return async () => {
          stopped = true;
          await client?.end().catch(() => undefined);
        };
      },
      async close() {
        await pool.end();
      },
    };
  }
  let dataDir: string | undefined;
  if (!opts.inMemory) {
    if (!opts.dataDir) throw new Error("dataDir is required for the embedded database");
    dataDir = path.join(opts.dataDir, "pgdata");
    if (!existsSync(dataDir)) mkdirSync(dataDir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    pglite,
    async migrate() {
      await migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder });
    },
    async listen(channel, handler) {
      const unsubscribe = await pglite.listen(channel, handler);
      return async () => {
        await unsubscribe();
      };
    },
    async close() {
      await pglite.close();
    },
  };
}

/** Runs hand-written SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** True when the database answers and every bundled migration has been applied. */
export async function migrationsApplied(db: Db): Promise<boolean> {
  const { readMigrationFiles } = await import("drizzle-orm/migrator");
  const expected = readMigrationFiles({ migrationsFolder });
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  const n = Number(rows[0]?.n ?? 0);
  return n >= expected.length;
}
