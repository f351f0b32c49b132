/**
 * A database seeded by an earlier version holds `OLD-` twins of the 11 provinces not merged in 2025
 * (each unit then valid from 1 July 2025 only). The next start re-seeds it: the units become valid
 * before 2025, unused twins go, and a twin that holds data stays as it was — nothing breaks and the
 * roll-ups still equal a rebuild (decision 0004).
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { queryRows } from "../../src/db/client.js";
import { instanceMeta } from "../../src/db/schema/index.js";
import type { OrgUnitDef } from "../../src/domain/org-units/schema.js";
import { commitObservationChanges } from "../../src/server/observations/values/commit.js";
import { loadRefs } from "../../src/server/observations/values/queries.js";
import { writeObservation } from "../../src/server/observations/values/write.js";
import { importOrgUnits } from "../../src/server/org-units/service.js";
import { compareWithRebuild } from "../../src/server/rollups/rebuild.js";
import { FORMER_TWINS } from "../../src/server/seed/former-twins.js";
import { seed } from "../../src/server/seed/seed.js";
import { backends, openTestDatabase } from "../helpers/db.js";

const ctx = { actor: "test", reason: "as an earlier seed left it" };

describe.each(backends())("re-seeding a database with the former twins on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
    const db = database.db;
    // What the earlier seed made: each unit from 1 July 2025, and its twin merged into it.
    const units = await queryRows<{ code: string; subtype: string; name_vi: string }>(
      db,
      sql`select code, subtype, name_vi from org_units where code = any(${`{${FORMER_TWINS.map((t) => t.unit).join(",")}}`}::text[])`,
    );
    expect(units).toHaveLength(11);
    await db.execute(
      sql`update org_units set valid_from = '2025-07-01' where code = any(${`{${units.map((u) => u.code).join(",")}}`}::text[])`,
    );
    await importOrgUnits(
      db,
      units.map(
        (u): OrgUnitDef => ({
          code: `OLD-${u.code}`,
          kind: "province",
          subtype: u.subtype as "province" | "city",
          name: { vi: u.name_vi },
          validTo: "2025-06-30",
          lineage: [{ kind: "merged_into", unit: u.code, effectiveOn: "2025-07-01" }],
        }),
      ),
      ctx,
    );
    // Data on two twins: Hà Nội's March 2025 value (where it had to go then) and Huế's profile.
    const input = { indicator: "OI_DOSSIERS_ONLINE", unit: "OLD-HA-NOI", period: "2025-03", value: 41_000 };
    const refs = await loadRefs(db, [input]);
    await db.transaction(async (tx) => {
      const w = await writeObservation(tx, input, refs, ctx, undefined, "submitted");
      await commitObservationChanges(tx, [{ after: w.row }]);
    });
    await db.execute(sql`insert into unit_profiles (unit_id, phone)
      select id, '0234 382 2523' from org_units where code = 'OLD-HUE'`);
    // The bundled file changed since: the seed applies it again at the next start.
    await db
      .update(instanceMeta)
      .set({ value: { hash: "an earlier file" } })
      .where(sql`key = 'seed:org-units'`);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("converges: unused twins removed, used ones kept as they were, roll-ups equal a rebuild", async () => {
    const db = database.db;
    const r = await seed(db);
    expect(r.orgUnits).toBe("applied");
    expect(r.formerTwins?.kept).toEqual(["OLD-HA-NOI", "OLD-HUE"]);
    expect(r.formerTwins?.removed.sort()).toEqual(
      FORMER_TWINS.map((t) => t.code)
        .filter((c) => c !== "OLD-HA-NOI" && c !== "OLD-HUE")
        .sort(),
    );
    const units = await queryRows<{ code: string; valid_from: string | null }>(
      db,
      sql`select code, valid_from::text from org_units where code like 'OLD-%' and code = any(${`{${FORMER_TWINS.map((t) => t.code).join(",")}}`}::text[])
        or code = any(${`{${FORMER_TWINS.map((t) => t.unit).join(",")}}`}::text[]) order by code`,
    );
    expect(units.filter((u) => u.code.startsWith("OLD-")).map((u) => u.code)).toEqual([
      "OLD-HA-NOI",
      "OLD-HUE",
    ]);
    expect(units.filter((u) => !u.code.startsWith("OLD-")).every((u) => u.valid_from === null)).toBe(true);
    // The kept twin's value still counts for Hà Nội and the country.
    const [cell] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from rollup_cells c join org_units u on u.id = c.unit_id
        join indicators i on i.id = c.indicator_id
        where u.code = 'HA-NOI' and i.code = 'OI_DOSSIERS_ONLINE' and c.period = '2025-03' and c.layer = 'reported'`,
    );
    expect(cell?.n).toBe(1);
    expect(await db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
    const [removal] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'org_units.remove_twin'`,
    );
    expect(removal?.n).toBe(9);

    // The next start: nothing more to do, the kept twins named again.
    const again = await seed(db);
    expect(again).toEqual({
      orgUnits: "unchanged",
      plan: "unchanged",
      formerTwins: { removed: [], kept: ["OLD-HA-NOI", "OLD-HUE"] },
    });
  });
});
