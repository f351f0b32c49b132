import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, queryRows } from "../../src/db/client.js";
import type { OrgUnitDef } from "../../src/domain/org-units/schema.js";
import { unitSubtrees } from "../../src/server/auth/principal.js";
import { importOrgUnits } from "../../src/server/org-units/service.js";
import { backends, openTestDatabase } from "../helpers/db.js";

/** Grants' unit subtrees are kept between requests, and an org-unit change is seen at once. */
describe.each(backends())("unit subtrees on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  const idOf = async (code: string) =>
    (await queryRows<{ id: string }>(database.db, sql`select id from org_units where code = ${code}`))[0]
      ?.id as string;

  it("includes a unit added under the root on the very next call", async () => {
    const root = await idOf("HO-CHI-MINH");
    const before = (await unitSubtrees(database.db, [root])).get(root) as Set<string>;
    expect(before.has(root)).toBe(true);
    // Kept: the same set again while nothing changed.
    expect((await unitSubtrees(database.db, [root])).get(root)).toBe(before);
    await importOrgUnits(
      database.db,
      [
        {
          code: "HCM-TEST-COMMUNE",
          kind: "commune",
          name: { vi: "Xã thử" },
          parent: "HO-CHI-MINH",
          lineage: [],
        } as unknown as OrgUnitDef,
      ],
      { actor: "test", reason: "subtree test" },
    );
    const added = await idOf("HCM-TEST-COMMUNE");
    const after = (await unitSubtrees(database.db, [root])).get(root) as Set<string>;
    expect(after.has(added)).toBe(true);
    expect(after.size).toBe(before.size + 1);
    // Another province's subtree does not take it.
    const hanoi = await idOf("HA-NOI");
    expect((await unitSubtrees(database.db, [hanoi, root])).get(hanoi)?.has(added)).toBe(false);
  });
});
