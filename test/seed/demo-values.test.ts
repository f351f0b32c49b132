/**
 * `npm run demo` values: written once through the normal write path, marked as demo, and giving
 * the dashboards targets on track, at risk and off track, outliers and data gaps.
 */

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { queryRows } from "../../src/db/client.js";
import {
  dueAt,
  formatPeriod,
  frequencyPeriodKind,
  ordinal,
  parsePeriod,
  subdivide,
} from "../../src/domain/periods.js";
import { anonymous, internalAdministrator } from "../../src/server/access/roles.js";
import { planAlerts } from "../../src/server/dashboards/alerts.js";
import { indicatorBreakdown } from "../../src/server/dashboards/indicator-reads.js";
import { planOverview } from "../../src/server/dashboards/service.js";
import { DEMO_SOURCE } from "../../src/server/demo/generate.js";
import { publishDemoIndicators } from "../../src/server/demo/publish.js";
import { ensureDemoValues } from "../../src/server/demo/values.js";
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

  // The demo's values are written once, by the first test; the others read what it wrote.
  let written: number | undefined;

  it("writes marked values once, through the bulk path as one audited import", async () => {
    const first = await ensureDemoValues(database.db, now);
    written = first?.written;
    expect(first?.written).toBeGreaterThan(3000);
    expect(await ensureDemoValues(database.db, now)).toBeNull();
    const [unmarked] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from observations where source is distinct from ${DEMO_SOURCE}`,
    );
    expect(unmarked?.n).toBe(0);
    // Written through the bulk path (one import, audited) and approved through transitions.
    const [imports] = await queryRows<{ n: number; rows: number }>(
      database.db,
      sql`select count(*)::int as n, max(row_count)::int as rows from audit_log
        where action = 'observations.import' and actor = 'system:demo'`,
    );
    expect(imports).toEqual({ n: 1, rows: first?.written });
  });

  it("keeps the roll-ups equal to a rebuild", async () => {
    expect(written).toBeGreaterThan(0);
    expect(await database.db.transaction((tx) => compareWithRebuild(tx))).toEqual([]);
  });

  // What the map's ranking and an indicator's "by unit" view read (GET
  // /indicators/{code}/breakdown). A reported value outside its bounds is refused when written,
  // but a share computed from two counts — documents sent electronically over all documents
  // sent — leaves 0–100 % when the counts disagree (Cần Thơ's numerator keyed ten times too large
  // in 2026-10 gave 833.8 %, the country 108.1 %). Every computed indicator with bounds, in each
  // period of its own kind and each year (a quarterly share of a yearly population has values by
  // year only); in four parts, every fourth indicator each, to keep each test short.
  for (const part of [0, 1, 2, 3])
    it(`keeps every computed indicator within its bounds, for the country and each unit under it (part ${part + 1} of 4)`, async () => {
      expect(written).toBeGreaterThan(0);
      const plan = await getPlanByCode(database.db, "NQ57");
      const bounded = await queryRows<{ code: string; frequency: string; min: number | null; max: number }>(
        database.db,
        sql`select code, frequency, bound_min::float8 as min, bound_max::float8 as max from indicators
          where bound_max is not null and retired_at is null
            and (formula is not null or aggregation_components is not null) order by code`,
      );
      const last = ordinal(parsePeriod("2026-11"));
      const outside: string[] = [];
      let values = 0;
      for (const ind of bounded.filter((_, k) => k % 4 === part)) {
        const kind = frequencyPeriodKind[ind.frequency] ?? "year";
        for (let year = 2021; year <= 2026; year++)
          for (const p of [
            ...subdivide({ kind: "year", year, index: 1 }, kind),
            ...(kind === "year" || year === 2026 ? [] : [{ kind: "year" as const, year, index: 1 }]),
          ]) {
            if (ordinal(p) > last) continue;
            const b = await indicatorBreakdown(
              database.db,
              plan.id,
              ind.code,
              admin,
              { parent: "VN", period: formatPeriod(p), layer: "reported" },
              now,
            );
            const rows = [{ unit: "VN", value: b.total?.value ?? null }].concat(
              b.items.map((i) => ({ unit: i.unit.code, value: i.value })),
            );
            for (const r of rows) {
              if (r.value === null) continue;
              values++;
              if (r.value > ind.max || (ind.min !== null && r.value < ind.min))
                outside.push(
                  `${ind.code} ${b.period} ${r.unit}: ${r.value} outside [${ind.min ?? ""}, ${ind.max}]`,
                );
            }
          }
      }
      expect(values).toBeGreaterThan(0);
      expect(outside).toEqual([]);
    });

  it("gives the overview every target status", async () => {
    const plan = await getPlanByCode(database.db, "NQ57");
    const ov = await planOverview(database.db, plan.id, admin, "reported", now);
    const kpis = ov.targets.flatMap((t) => t.measuredBy);
    const statuses = new Set(kpis.map((k) => k.status));
    for (const s of ["on_track", "at_risk", "off_track", "achieved", "no_data"])
      expect(statuses).toContain(s);
    // Every forecast status says how likely the target is, by which method, with the bands.
    const judged = kpis.filter((k) => ["on_track", "at_risk", "off_track"].includes(k.status));
    for (const k of judged) {
      expect(k.reason.code, k.code).toBe("forecast");
      expect(k.probability, k.code).not.toBeNull();
      expect(k.reason.vi, k.code).toMatch(/khả năng đạt \d+%.*phương pháp: /);
      expect(k.forecast?.low80, k.code).toBeLessThanOrEqual(k.forecast?.value as number);
    }
    // Since when: a status that changed names the status before it and the period it changed at.
    const changed = kpis.filter((k) => k.previousStatus !== null);
    expect(changed.length).toBeGreaterThan(0);
    for (const k of changed) {
      expect(k.previousStatus, k.code).not.toBe(k.status);
      expect(k.changedAt, k.code).toMatch(/^\d{4}(-(Q[1-4]|H[12]|\d{2}))?$/);
    }
    const codes = new Set(kpis.map((k) => k.reason.code));
    for (const c of ["forecast", "achieved", "too_few_points"]) expect(codes).toContain(c);
  });

  it("gives the alerts: off-track targets least likely first, status changes, units not reported", async () => {
    const plan = await getPlanByCode(database.db, "NQ57");
    const a = await planAlerts(database.db, plan, parsePeriod("2026-10"), admin, "reported", now);
    expect(a.counts.offTrack).toBeGreaterThan(0);
    expect(a.offTrack.every((t) => t.status === "off_track" && t.reason.code === "forecast")).toBe(true);
    const chances = a.offTrack.map((t) => t.probability as number);
    expect(chances).toEqual([...chances].sort((x, y) => x - y));
    for (const t of a.statusChanges) expect(t.previousStatus).not.toBe(t.status);
    expect(a.counts.unitsNotReported).toBeGreaterThan(0);
    expect(a.notReported[0]?.missing.length).toBeGreaterThan(0);
    // The same facts as the overview and data quality, never more.
    const ov = await planOverview(database.db, plan.id, admin, "reported", now);
    expect(a.counts.offTrack).toBe(ov.targets.filter((t) => t.status === "off_track").length);
    const q = await dataQuality(database.db, plan, parsePeriod("2026-10"), admin, now);
    expect(a.counts.missingValues).toBe(q.summary.missing);
    expect(a.counts.outliers).toBe(q.summary.outliers);
  });

  it("leaves gaps and outliers for data quality to find", async () => {
    const plan = await getPlanByCode(database.db, "NQ57");
    const q = await dataQuality(database.db, plan, parsePeriod("2026-10"), admin, now);
    expect(q.summary.missing).toBeGreaterThan(0);
    const months = ["2025-03", "2025-06", "2025-09", "2025-12", "2026-03", "2026-06", "2026-09", "2026-10"];
    let outliers = 0;
    for (const m of months)
      outliers += (await dataQuality(database.db, plan, parsePeriod(m), admin, now)).summary.outliers;
    expect(outliers).toBeGreaterThan(0);
  });

  it("leaves the latest periods submitted and the rest approved, a few submitted late", async () => {
    const values = await queryRows<{ status: string; period: string; submitted: Date | string }>(
      database.db,
      sql`select status, period, first_submitted_at as submitted from observations`,
    );
    const count = (status: string) => values.filter((v) => v.status === status).length;
    expect(count("approved")).toBeGreaterThan(1000);
    expect(count("submitted")).toBeGreaterThan(100);
    expect(count("approved") + count("submitted")).toBe(values.length);
    const late = values.filter((v) => new Date(v.submitted) > dueAt(parsePeriod(v.period))).length;
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(values.length / 4);
    const [revisions] = await queryRows<{ approvedWithHistory: number }>(
      database.db,
      sql`select count(*)::int as "approvedWithHistory" from observations o
        where o.status = 'approved' and o.version = 2 and exists (select 1 from observation_revisions r
          where r.observation_id = o.id and r.version = 1 and r.status = 'submitted' and r.valid_to is not null)`,
    );
    expect(revisions?.approvedWithHistory).toBe(count("approved"));
  });

  it("publishes the demo's proposed indicators, so the public overview shows the mix", async () => {
    const plan = await getPlanByCode(database.db, "NQ57");
    const before = await planOverview(database.db, plan.id, anonymous, "approved", now);
    expect(new Set(before.systems.map((s) => s.status))).toEqual(new Set(["no_data"]));
    const published = await publishDemoIndicators(database.db);
    expect(published).toEqual(expect.arrayContaining(["OI_DOSSIERS_ONLINE", "OI_GDP"]));
    expect(published.some((c) => c.startsWith("K_"))).toBe(true);
    expect(await publishDemoIndicators(database.db)).toEqual([]);
    // Marked as the demo's doing in each indicator's history.
    const [marked] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from audit_log where action = 'indicator.update' and actor = 'system:demo'
        and after->>'reason' like 'Demo:%'`,
    );
    expect(marked?.n).toBe(published.length);
    const after = await planOverview(database.db, plan.id, anonymous, "approved", now);
    const statuses = new Set(after.targets.flatMap((t) => t.measuredBy.map((k) => k.status)));
    for (const s of ["on_track", "at_risk", "off_track"]) expect(statuses).toContain(s);
    const systems = new Set(after.systems.map((s) => s.status));
    expect(systems.size, JSON.stringify(after.systems.map((s) => [s.code, s.status]))).toBeGreaterThan(1);
    expect(systems.has("no_data")).toBe(false);
  });
});
