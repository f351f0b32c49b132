/**
 * The access matrix: every registered route × every role (the demo personas and the public) ×
 * an object of their own and one of someone else (Hà Nội vs TP Hồ Chí Minh; plan NQ57 vs another
 * plan). The route list comes from the application itself: a route without a case fails the
 * suite, and so does a handler whose policy check is removed (someone else's object gets through).
 * One test per route; the cases live by module in test/access/cases/, the runner in ./matrix/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends } from "../helpers/db.js";
import { allCases } from "./cases/index.js";
import { caseFailures } from "./matrix/check.js";
import { MatrixWorld } from "./matrix/fixtures.js";

describe.each(backends())("access matrix on %s", (backend) => {
  const world = new MatrixWorld(backend);
  const cases = allCases(world);
  beforeAll(() => world.setUp());
  afterAll(() => world.close());

  it("has a case for every registered route, and no case for a route that does not exist", () => {
    const registered = world.t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(cases).sort()).toEqual(registered);
  });

  // Streams never end under inject: their access is tested in test/api/events.test.ts.
  const checked = Object.entries(cases).filter(([, c]) => !c.streamTestedElsewhere);
  it.each(checked)(
    "%s: each role gets exactly what the policies allow, own objects and others'",
    async (key, c) => {
      expect(await caseFailures(world, key, c)).toEqual([]);
    },
  );

  it("refuses a route added without an access rule", async () => {
    const { buildApp } = await import("../../src/server/app.js");
    const { t } = world;
    const app = await buildApp({
      config: t.app.deps.config,
      database: t.database,
      logger: false,
      anchor: t.app.deps.auditAnchor,
    });
    expect(() => app.get("/api/v1/unprotected", async () => ({ leaked: true }))).toThrow(/no access rule/);
    await app.close();
  });
});
