import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/client.js";
import { stateKey } from "../../src/server/dashboards/cache.js";
import { backends, openTestDatabase } from "../helpers/db.js";

/** Concurrent dashboard reads share state-key reads, but never one sent before they asked. */
describe.each(backends())("state key on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("shares one read among callers arriving while another is in flight", async () => {
    const first = stateKey(database.db);
    const a = stateKey(database.db);
    const b = stateKey(database.db);
    expect(a).toBe(b);
    expect(a).not.toBe(first);
    expect(await a).toBe(await first);
    // Alone, every call reads, and sees what committed before it asked.
    const [r] = await queryRows<{ id: string }>(
      database.db,
      sql`insert into change_batches (kind, items) values ('observations', '[]'::jsonb) returning id::text`,
    );
    const c = stateKey(database.db);
    expect(c).not.toBe(a);
    expect((await c).split("|")[0]).toBe(r?.id);
  });
});
