import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { internalAdministrator } from "../../src/server/access/roles.js";
import { retireIndicator, setTarget, updateIndicator } from "../../src/server/indicators/admin-service.js";
import { retireInitiative } from "../../src/server/plans/commands/retire.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { rejection } from "../helpers/errors.js";

describe.each(backends())("plan administration services on %s", (backend) => {
  let t: TestApp;
  let standing: Session;
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    standing = await login(t.app, "demo-standing");
  });
  afterAll(async () => {
    await t?.close();
  });
  const db = () => t.database.db;
  const ctx = { actor: "user:standing-office", reason: "Kết luận phiên họp Ban Chỉ đạo tháng 11/2026" };

  it("sets a province's own target for a national indicator, versioned with who and why", async () => {
    const r1 = await setTarget(
      db(),
      {
        indicator: "T30-C03",
        plan: "NQ57",
        orgUnit: "HA-NOI",
        target: { year: 2030, comparator: ">=", value: 90 },
      },
      ctx,
    );
    expect(r1.version).toBe(1);
    const r2 = await setTarget(
      db(),
      {
        indicator: "T30-C03",
        plan: "NQ57",
        orgUnit: "HA-NOI",
        target: { year: 2030, comparator: ">=", value: 92 },
      },
      ctx,
    );
    expect(r2.version).toBe(2);
    const same = await setTarget(
      db(),
      {
        indicator: "T30-C03",
        plan: "NQ57",
        orgUnit: "HA-NOI",
        target: { year: 2030, comparator: ">=", value: 92 },
      },
      ctx,
    );
    expect(same.version).toBe(2);
    const ind = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/indicators/T30-C03" })
    ).json() as {
      targets: { orgUnit: string | null; value: number }[];
    };
    expect(ind.targets.map((x) => [x.orgUnit, x.value])).toEqual([
      [null, 80],
      ["HA-NOI", 92],
    ]);
    const hist = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/indicators/T30-C03/history" })
    ).json() as {
      items: { changedBy: string; reason: string; target: { orgUnit: string } | null; changes: unknown }[];
    };
    expect(hist.items[0]).toMatchObject({
      changedBy: ctx.actor,
      reason: ctx.reason,
      target: { orgUnit: "HA-NOI" },
      changes: { value: { from: 90, to: 92 } },
    });
  });

  it("refuses a target year outside the plan, an unknown unit, a missing reason and a bad range", async () => {
    const outside = await rejection(
      setTarget(db(), { indicator: "T30-C03", plan: "NQ57", target: { year: 2050, value: 1 } }, ctx),
    );
    expect(outside.code).toBe("TARGET_YEAR_OUTSIDE_PLAN");
    expect(outside.message_("vi")).toBe(
      "Năm mục tiêu 2050 nằm ngoài thời gian của kế hoạch NQ57 (2025–2045).",
    );
    expect(
      (
        await rejection(
          setTarget(
            db(),
            { indicator: "T30-C03", plan: "NQ57", orgUnit: "NOWHERE", target: { year: 2030, value: 1 } },
            ctx,
          ),
        )
      ).code,
    ).toBe("NOT_FOUND");
    expect(
      (
        await rejection(
          setTarget(
            db(),
            { indicator: "T30-C03", plan: "NQ57", target: { year: 2030, value: 1 } },
            { actor: "x" },
          ),
        )
      ).code,
    ).toBe("VALIDATION_FAILED");
    expect(
      (
        await rejection(
          setTarget(
            db(),
            {
              indicator: "T30-C03",
              plan: "NQ57",
              target: { year: 2030, comparator: "between", value: 9, valueMax: 1 },
            },
            ctx,
          ),
        )
      ).code,
    ).toBe("VALIDATION_FAILED");
  });

  it("edits a proposed KPI's definition as the Standing Office adjusts it, keeping the old version", async () => {
    const list = (
      await t.app.inject({
        headers: { cookie: standing.cookie },
        url: "/api/v1/plans/NQ57/indicators?tier=kpi&limit=1",
      })
    ).json() as {
      items: { code: string; version: number; unit: string }[];
    };
    const kpi = list.items[0];
    if (!kpi) throw new Error("no KPI");
    const v = await updateIndicator(db(), kpi.code, { unit: "%", proposed: false, published: true }, ctx);
    expect(v).toBe(kpi.version + 1);
    const after = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: `/api/v1/indicators/${kpi.code}` })
    ).json() as {
      proposed: boolean;
      published: boolean;
      version: number;
    };
    expect(after).toMatchObject({ proposed: false, published: true, version: v });
    const bad = await rejection(updateIndicator(db(), kpi.code, { direction: "sideways" }, ctx));
    expect(bad.code).toBe("VALIDATION_FAILED");
  });

  it("sets and clears an indicator's forecastMinPoints, versioned, and refuses one outside 3..100", async () => {
    const code = "T30-C03";
    const read = async () =>
      (
        await t.app.inject({ headers: { cookie: standing.cookie }, url: `/api/v1/indicators/${code}` })
      ).json() as {
        forecastMinPoints: number | null;
        version: number;
      };
    const start = await read();
    expect(start.forecastMinPoints).toBeNull();
    const v1 = await updateIndicator(db(), code, { forecastMinPoints: 8 }, ctx);
    expect(v1).toBe(start.version + 1);
    expect(await read()).toMatchObject({ forecastMinPoints: 8, version: v1 });
    // The same value again is no change: no new version.
    expect(await updateIndicator(db(), code, { forecastMinPoints: 8 }, ctx)).toBe(v1);
    const hist = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: `/api/v1/indicators/${code}/history` })
    ).json() as { items: { version: number; changes: unknown; snapshot: Record<string, unknown> }[] };
    expect(hist.items[0]).toMatchObject({
      version: v1,
      changes: { forecastMinPoints: { from: null, to: 8 } },
    });
    expect(hist.items[0]?.snapshot.forecastMinPoints).toBe(8);

    for (const bad of [2, 101, 3.5]) {
      const err = await rejection(updateIndicator(db(), code, { forecastMinPoints: bad }, ctx));
      expect(err.code).toBe("VALIDATION_FAILED");
      expect(err.message_("en")).toContain("forecastMinPoints:");
    }
    expect(await read()).toMatchObject({ forecastMinPoints: 8, version: v1 });

    const v2 = await updateIndicator(db(), code, { forecastMinPoints: null }, ctx);
    expect(v2).toBe(v1 + 1);
    expect((await read()).forecastMinPoints).toBeNull();
  });

  it("retires an indicator and an initiative without deleting them", async () => {
    await retireIndicator(db(), "T30-D04", ctx);
    const ind = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/indicators/T30-D04" })
    ).json() as { retired: boolean };
    expect(ind.retired).toBe(true);
    const hist = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/indicators/T30-D04/history" })
    ).json() as {
      items: { action: string }[];
    };
    expect(hist.items[0]?.action).toBe("retire");
    await retireInitiative(db(), internalAdministrator(), "NQ57", "SK15", ctx);
    const sk = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/plans/NQ57/initiatives/SK15" })
    ).json() as {
      retired: boolean;
    };
    expect(sk.retired).toBe(true);
    expect((await rejection(retireInitiative(db(), internalAdministrator(), "NQ57", "SK99", ctx))).code).toBe(
      "NOT_FOUND",
    );
  });
});

describe("indicator patches", () => {
  it("change only the fields they name (no defaults fill the others)", async () => {
    const t = await testApp("pglite");
    try {
      const before = (
        await t.database.pglite?.query<{
          frequency: string;
          direction: string;
          aggregation: string;
          kind: string;
        }>("select frequency, direction, aggregation, kind from indicators where code = 'OI_DOSSIERS_ONLINE'")
      )?.rows[0];
      expect(before?.frequency).toBe("monthly");
      await updateIndicator(
        t.database.db,
        "OI_DOSSIERS_ONLINE",
        { published: true },
        { actor: "test", reason: "Thông qua" },
      );
      const after = (
        await t.database.pglite?.query(
          "select frequency, direction, aggregation, kind from indicators where code = 'OI_DOSSIERS_ONLINE'",
        )
      )?.rows[0];
      expect(after).toEqual(before);
    } finally {
      await t.close();
    }
  });
});
