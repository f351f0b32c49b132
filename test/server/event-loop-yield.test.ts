import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDefinition } from "../../src/domain/plan-definition/schema.js";
import { importPlanDefinition } from "../../src/server/plans/import-plan.js";
import { type TestApp, testApp } from "../helpers/app.js";

/** PGlite runs in-process: a long import must leave room for other requests (health checks). */
describe("long writes on the embedded database", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp("pglite");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("keep /healthz answering while a 1,500-indicator plan imports", async () => {
    const def = planDefinition.parse({
      code: "BIG",
      name: "Kế hoạch lớn",
      startYear: 2025,
      endYear: 2030,
      indicators: Array.from({ length: 1500 }, (_, i) => ({
        code: `BIG_OI_${i}`,
        tier: "operational",
        name: `Chỉ số ${i}`,
        targets: [{ year: 2030, value: i }],
      })),
    });
    let importDone = 0;
    const importing = importPlanDefinition(t.database.db, def, { actor: "test" }).then(() => {
      importDone = performance.now();
    });
    const answered: number[] = [];
    const probes = (async () => {
      for (let i = 0; i < 5; i++) {
        const res = await t.app.inject({ url: "/healthz" });
        expect(res.statusCode).toBe(200);
        answered.push(performance.now());
      }
    })();
    await Promise.all([importing, probes]);
    expect(importDone).toBeGreaterThan(0);
    // Every health check answered while the import was still running.
    expect(answered.every((ts) => ts < importDone)).toBe(true);
  });
});
