/**
 * `npm run demo` values: written once through the normal write path, marked as demo, and giving
 * the dashboards targets on track, at risk and off track, outliers and data gaps.
 */

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { queryRows } from "../../src/db/client.js";
import { parsePeriod } from "../../src/domain/periods.js";
import { internalAdministrator } from "../../src/server/access/roles.js";
import { planOverview } from "../../src/server/dashboards/service.js";
import { DEMO_SOURCE, ensureDemoValues } from "../../src/server/demo/values.js";
import { getPlanByCode } from "../../src/server/plans/queries.js";
import { dataQuality } from "../../src/server/quality/service.js";
import { compareWithRebuild } from "../../src/server/rollups/rebuild.js";
import { backends, openTestDatabase } from "../helpers/db.js";

const now = new Date("2026-11-25T03:00:00Z");
const admin = internalAdministrator("test-admin");

describe.each(backends().slice(0, 1))("demo values on %s", (backend) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(backend);
  });
  afterAll(async () => {
    await database?.close();
  });

  it("writes marked values once, with every status represented, outliers and gaps", async () => {
    const first = await ensureDemoValues(database.db, now);
    expect(first?.written).toBeGreaterThan(3000);
    expect(await ensureDemoValues(database.db, now)).toBeNull();
    const [unmarked] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from observations where source is distinct from ${DEMO_SOURCE}`,
    );
    expect(unmarked?.n).toBe(0);
    expect(await database.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);

    const plan = await getPlanByCode(database.db, "NQ57");
    const ov = await planOverview(database.db, plan.id, admin, "reported", now);
    const statuses = new Set(ov.targets.flatMap((t) => t.measuredBy.map((k) => k.status)));
    for (const s of ["on_track", "at_risk", "off_track", "achieved"]) expect(statuses).toContain(s);

    const q = await dataQuality(database.db, plan, parsePeriod("2026-10"), admin, now);
    expect(q.summary.missing).toBeGreaterThan(0);
    const months = ["2025-03", "2025-06", "2025-09", "2025-12", "2026-03", "2026-06", "2026-09", "2026-10"];
    let outliers = 0;
    for (const m of months)
      outliers += (await dataQuality(database.db, plan, parsePeriod(m), admin, now)).summary.outliers;
    expect(outliers).toBeGreaterThan(0);
  }, 300_000);
});
