import { asc, count, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { entityVersions, indicators, orgUnits, plans } from "../../src/db/schema/index.js";
import { planDefinition } from "../../src/domain/plan-definition/schema.js";
import { parseDefinitionText, validateFile } from "../../src/server/core/definition-files.js";
import { createOrgUnit, importOrgUnits, updateOrgUnit } from "../../src/server/org-units/service.js";
import { importPlanDefinition } from "../../src/server/plans/import-plan.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { rejection } from "../helpers/errors.js";

/** A small second plan beside NQ57: its own systems and indicators, plus a link to an NQ57 target. */
const secondPlan = `
code: DX-HANOI
name: { vi: "Kế hoạch chuyển đổi số thành phố Hà Nội", en: "Ha Noi digital transformation plan" }
startYear: 2025
endYear: 2030
phases:
  - { code: P1, name: "Giai đoạn 2025–2030", startYear: 2025, endYear: 2030 }
systems:
  - { code: S1, number: 1, name: { vi: "Chính quyền số", en: "Digital government" } }
initiatives:
  - { code: SK01, number: 1, system: S1, title: "Dịch vụ công trực tuyến toàn trình", leadUnit: HA-NOI }
indicators:
  - code: HN_OI_ONLINE_DOSSIERS
    tier: operational
    name: { vi: "Số hồ sơ trực tuyến toàn trình", en: "Fully online dossiers" }
    unit: "hồ sơ"
    frequency: monthly
    aggregation: sum
    responsibleUnit: HA-NOI
    systems: [S1]
    initiatives: [SK01]
    parents: [HN_K_ONLINE]
  - code: HN_K_ONLINE
    tier: kpi
    name: { vi: "Tỉ lệ hồ sơ trực tuyến toàn trình", en: "Share of fully online dossiers" }
    unit: "%"
    targets:
      - { year: 2030, comparator: ">=", value: 90 }
      - { year: 2030, orgUnit: HA-NOI, comparator: ">=", value: 95 }
    parents: [T30-C03]
linkIndicators:
  - { code: T30-C03, systems: [S1] }
`;

async function importText(db: Parameters<typeof importPlanDefinition>[0], text: string, reason = "test") {
  const file = parseDefinitionText(text);
  return importPlanDefinition(db, validateFile(file, planDefinition), { actor: "test", reason }, file);
}

describe.each(backends())("plan import on %s", (backend) => {
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
  const planCount = async () => Number((await db().select({ n: count() }).from(plans))[0]?.n);

  it("loads a second plan beside NQ57, sharing the indicator catalogue", async () => {
    const s = await importText(db(), secondPlan);
    expect(s.created).toBe(true);
    expect(s.counts.indicatorsCreated).toBe(2);
    const list = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/plans" })
    ).json() as { items: { code: string }[] };
    expect(list.items.map((p) => p.code)).toEqual(["DX-HANOI", "NQ57"]);
    const inds = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/plans/DX-HANOI/indicators" })
    ).json() as {
      items: { code: string; parents: { code: string }[] }[];
    };
    expect(inds.items.map((i) => i.code)).toEqual(["T30-C03", "HN_K_ONLINE", "HN_OI_ONLINE_DOSSIERS"]);
    const shared = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/indicators/T30-C03" })
    ).json() as {
      plans: string[];
      children: string[];
    };
    expect(shared.plans).toEqual(["DX-HANOI", "NQ57"]);
    expect(shared.children).toContain("HN_K_ONLINE");
    const kpi = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/indicators/HN_K_ONLINE" })
    ).json() as {
      targets: { orgUnit: string | null; value: number }[];
    };
    expect(kpi.targets.map((x) => [x.orgUnit, x.value])).toEqual([
      [null, 90],
      ["HA-NOI", 95],
    ]);
    const nq57 = (
      await t.app.inject({ headers: { cookie: standing.cookie }, url: "/api/v1/plans/NQ57" })
    ).json() as {
      counts: { systems: number };
    };
    expect(nq57.counts.systems).toBe(6);
  });

  it("re-importing the same file changes nothing and writes no version", async () => {
    const before = Number((await db().select({ n: count() }).from(entityVersions))[0]?.n);
    const s = await importText(db(), secondPlan);
    expect(s.unchanged).toBe(true);
    expect(Number((await db().select({ n: count() }).from(entityVersions))[0]?.n)).toBe(before);
  });

  it("keeps every change to a target or definition as a version with who, when and why", async () => {
    const edited = secondPlan
      .replace('{ year: 2030, comparator: ">=", value: 90 }', '{ year: 2030, comparator: ">=", value: 92 }')
      .replace('unit: "hồ sơ"', 'unit: "bộ hồ sơ"');
    const s = await importText(db(), edited, "Điều chỉnh theo Kế hoạch 2026");
    expect(s.counts.targetsUpdated).toBe(1);
    expect(s.counts.indicatorsUpdated).toBe(1);
    const hist = (
      await t.app.inject({
        headers: { cookie: standing.cookie },
        url: "/api/v1/indicators/HN_K_ONLINE/history",
      })
    ).json() as {
      items: {
        entity: string;
        action: string;
        version: number;
        reason: string;
        changes: Record<string, { from: unknown; to: unknown }> | null;
        target: { year: number } | null;
      }[];
    };
    const update = hist.items[0];
    expect(update).toMatchObject({
      entity: "target",
      action: "update",
      version: 2,
      reason: "Điều chỉnh theo Kế hoạch 2026",
    });
    expect(update?.changes).toEqual({ value: { from: 90, to: 92 } });
    expect(update?.target?.year).toBe(2030);
    const oi = (
      await t.app.inject({
        headers: { cookie: standing.cookie },
        url: "/api/v1/indicators/HN_OI_ONLINE_DOSSIERS/history",
      })
    ).json() as {
      items: { changes: Record<string, unknown> | null; version: number }[];
    };
    expect(oi.items[0]?.version).toBe(2);
    expect(oi.items[0]?.changes).toEqual({ unit: { from: "hồ sơ", to: "bộ hồ sơ" } });
    const page1 = (
      await t.app.inject({
        headers: { cookie: standing.cookie },
        url: "/api/v1/indicators/HN_K_ONLINE/history?limit=1",
      })
    ).json() as {
      items: unknown[];
      nextCursor: string;
      total: number;
    };
    const page2 = (
      await t.app.inject({
        headers: { cookie: standing.cookie },
        url: `/api/v1/indicators/HN_K_ONLINE/history?limit=10&cursor=${page1.nextCursor}`,
      })
    ).json() as {
      items: unknown[];
    };
    expect(page1.items.length + page2.items.length).toBe(page1.total);
  });

  it("names the line of a syntax error and writes nothing", async () => {
    const before = await planCount();
    const err = await rejection(importText(db(), "code: BAD\nname: x\nstartYear: 2025\nendYear: [2030\n"));
    expect(err.code).toBe("PLAN_DEFINITION_INVALID");
    expect(err.details?.[0]?.line).toBeGreaterThanOrEqual(4);
    expect(err.details?.[0]?.message).toMatch(/^Dòng \d+/);
    expect(await planCount()).toBe(before);
  });

  it("names the line and field of schema and reference errors, in both languages, and writes nothing", async () => {
    const before = await planCount();
    const bad = `code: BAD-PLAN
name: "Kế hoạch lỗi"
startYear: 2025
endYear: 2030
systems:
  - { code: S1, number: 1, name: "Hệ thống 1" }
  - { code: S1, number: 2, name: "Trùng mã" }
initiatives:
  - { code: SK01, number: 1, system: S9, title: "Sáng kiến" }
indicators:
  - code: BAD_K1
    tier: kpi
    name: "KPI"
    targets: [{ year: 2050, value: 1 }]
    responsibleUnit: NO-SUCH-UNIT
    parents: [BAD_OI]
  - code: BAD_OI
    tier: operational
    name: "OI"
  - code: T30-A02
    tier: target
    name: "Chiếm mã của NQ57"
`;
    const err = await rejection(importText(db(), bad));
    const byPath = Object.fromEntries((err.details ?? []).map((d) => [d.path, d]));
    expect(byPath["systems.1.code"]?.line).toBe(7);
    expect(byPath["initiatives.0.system"]?.line).toBe(9);
    expect(byPath["initiatives.0.system"]?.messageEn).toContain("unknown system “S9”");
    expect(byPath["indicators.0.targets.0.year"]?.message).toContain("năm 2050 nằm ngoài thời gian kế hoạch");
    expect(byPath["indicators.0.responsibleUnit"]?.line).toBe(15);
    expect(byPath["indicators.0.parents.0"]?.messageEn).toContain("expected tier target");
    expect(byPath["indicators.2.code"]?.messageEn).toContain("use linkIndicators");
    expect(await planCount()).toBe(before);
    expect(await db().select().from(indicators).where(eq(indicators.code, "BAD_OI"))).toHaveLength(0);

    const schemaErr = await rejection(
      importText(
        db(),
        "code: X\nstartYear: 2025\nendYear: 2030\nsystems:\n  - { code: S1, number: 0, name: a }\n",
      ),
    );
    const paths = (schemaErr.details ?? []).map((d) => [d.path, d.line]);
    expect(paths).toEqual(
      expect.arrayContaining([
        ["name", 1],
        ["systems.0.number", 5],
      ]),
    );
    expect(schemaErr.details?.find((d) => d.path === "name")?.message).toMatch(
      /Dòng 1: name: .*(không hợp lệ|mong đợi)/,
    );
  });

  it("reads JSON plan files too, naming the line of an error", async () => {
    const json = JSON.stringify(
      {
        code: "JSON-PLAN",
        name: { vi: "Kế hoạch JSON" },
        startYear: 2025,
        endYear: 2030,
        systems: [{ code: "S1", number: 1, name: "Hệ thống" }],
      },
      null,
      2,
    );
    const s = await importText(db(), json);
    expect(s.created).toBe(true);
    const bad = json.replace('"number": 1', '"number": "một"');
    const err = await rejection(importText(db(), bad));
    const detail = err.details?.find((d) => d.path === "systems.0.number");
    expect(detail?.line).toBe(bad.split("\n").findIndex((l) => l.includes('"một"')) + 1);
  });

  it("writes a plan's statusThresholds and an indicator's forecastMinPoints, presents and versions them", async () => {
    const text = `code: DX-TH
name: "Kế hoạch có ngưỡng riêng"
startYear: 2025
endYear: 2030
statusThresholds: { onTrack: 0.9, offTrack: 0.3 }
indicators:
  - { code: TH_K1, tier: kpi, name: "K1", forecastMinPoints: 5 }
  - { code: TH_K2, tier: kpi, name: "K2" }
`;
    expect((await importText(db(), text)).created).toBe(true);
    const columns = async () => ({
      plan: (await db().select().from(plans).where(eq(plans.code, "DX-TH")))[0]?.statusThresholds,
      indicators: await db()
        .select({ code: indicators.code, min: indicators.forecastMinPoints })
        .from(indicators)
        .where(inArray(indicators.code, ["TH_K1", "TH_K2"]))
        .orderBy(asc(indicators.code)),
    });
    expect(await columns()).toEqual({
      plan: { onTrack: 0.9, offTrack: 0.3 },
      indicators: [
        { code: "TH_K1", min: 5 },
        { code: "TH_K2", min: null },
      ],
    });
    const get = async (url: string) =>
      (await t.app.inject({ headers: { cookie: standing.cookie }, url })).json() as Record<string, unknown>;
    expect((await get("/api/v1/plans/DX-TH")).statusThresholds).toEqual({ onTrack: 0.9, offTrack: 0.3 });
    expect((await get("/api/v1/plans/NQ57")).statusThresholds).toBeNull();
    expect((await get("/api/v1/indicators/TH_K1")).forecastMinPoints).toBe(5);
    expect((await get("/api/v1/indicators/TH_K2")).forecastMinPoints).toBeNull();

    // The same file again: nothing changes and no version is written.
    const versions = async () => Number((await db().select({ n: count() }).from(entityVersions))[0]?.n);
    const before = await versions();
    const again = await importText(db(), text);
    expect(again.unchanged).toBe(true);
    expect(await versions()).toBe(before);

    const edited = text
      .replace("forecastMinPoints: 5", "forecastMinPoints: 6")
      .replace("offTrack: 0.3", "offTrack: 0.25");
    const s = await importText(db(), edited, "Ngưỡng theo Kế hoạch 2026");
    expect(s.counts.indicatorsUpdated).toBe(1);
    expect(s.counts.indicatorsUnchanged).toBe(1);
    expect((await columns()).plan).toEqual({ onTrack: 0.9, offTrack: 0.25 });
    const hist = (await get("/api/v1/indicators/TH_K1/history")) as {
      items: { version: number; changes: unknown; snapshot: Record<string, unknown> }[];
    };
    expect(hist.items[0]).toMatchObject({ version: 2, changes: { forecastMinPoints: { from: 5, to: 6 } } });
    expect(hist.items[0]?.snapshot.forecastMinPoints).toBe(6);
  });

  it("refuses a bad forecastMinPoints or statusThresholds by its field, in both languages, writing nothing", async () => {
    const before = await planCount();
    const text = (min: string, thresholds: string) => `code: DX-TH-BAD
name: "Kế hoạch ngưỡng sai"
startYear: 2025
endYear: 2030
statusThresholds: ${thresholds}
indicators:
  - { code: TH_BAD_K1, tier: kpi, name: "K1", forecastMinPoints: ${min} }
`;
    const good = "{ onTrack: 0.8, offTrack: 0.2 }";
    for (const min of ["2", "101", "3.5"]) {
      const err = await rejection(importText(db(), text(min, good)));
      expect(err.code).toBe("PLAN_DEFINITION_INVALID");
      expect(err.details?.map((d) => [d.path, d.line])).toEqual([["indicators.0.forecastMinPoints", 7]]);
      expect(err.details?.[0]?.messageEn).toMatch(/^Line 7: indicators\.0\.forecastMinPoints: /);
      expect(err.details?.[0]?.message).toMatch(/^Dòng 7: indicators\.0\.forecastMinPoints: /);
    }
    for (const thresholds of ["{ onTrack: 0.5, offTrack: 0.5 }", "{ onTrack: 0.4, offTrack: 0.6 }"]) {
      const err = await rejection(importText(db(), text("5", thresholds)));
      expect(err.details).toHaveLength(1);
      expect(err.details?.[0]).toMatchObject({
        path: "statusThresholds.offTrack",
        line: 5,
        message:
          "Dòng 5: statusThresholds.offTrack: offTrack phải nhỏ hơn onTrack (0 < offTrack < onTrack ≤ 1)",
        messageEn:
          "Line 5: statusThresholds.offTrack: offTrack must be < onTrack (0 < offTrack < onTrack <= 1)",
      });
    }
    const above = await rejection(importText(db(), text("5", "{ onTrack: 1.5, offTrack: 0.2 }")));
    expect(above.details?.map((d) => [d.path, d.line])).toEqual([["statusThresholds.onTrack", 5]]);
    expect(above.details?.[0]?.messageEn).toMatch(/<=\s*1/);
    expect(await planCount()).toBe(before);
    expect(await db().select().from(indicators).where(eq(indicators.code, "TH_BAD_K1"))).toHaveLength(0);
  });

  it("refuses a cycle in org-unit parents and a duplicate unit code", async () => {
    const ctx = { actor: "test" };
    await importOrgUnits(
      db(),
      [
        { code: "T-A", kind: "agency", name: { vi: "A", en: undefined }, lineage: [] },
        { code: "T-B", kind: "agency", name: { vi: "B", en: undefined }, parent: "T-A", lineage: [] },
      ],
      ctx,
    );
    const cycle = await rejection(updateOrgUnit(db(), "T-A", { parent: "T-B" }, ctx));
    expect(cycle.code).toBe("ORG_UNIT_CYCLE");
    const self = await rejection(updateOrgUnit(db(), "T-A", { parent: "T-A" }, ctx));
    expect(self.code).toBe("ORG_UNIT_CYCLE");
    const viaFile = await rejection(
      importOrgUnits(
        db(),
        [{ code: "T-A", kind: "agency", name: { vi: "A", en: undefined }, parent: "T-B", lineage: [] }],
        ctx,
      ),
    );
    expect(viaFile.details?.[0]?.messageEn).toMatch(/parent cycle: .*T-A/);
    const [a] = await db().select().from(orgUnits).where(eq(orgUnits.code, "T-A"));
    expect(a?.parentId).toBeNull();
    const dup = await rejection(
      createOrgUnit(
        db(),
        { code: "T-B", kind: "agency", name: { vi: "B2", en: undefined }, lineage: [] },
        ctx,
      ),
    );
    expect(dup.code).toBe("DUPLICATE_CODE");
    expect(dup.status).toBe(409);
  });
});

describe("formulas in plan files", () => {
  it("are checked when imported: unknown code, type error and cycle, each with its column", async () => {
    const t = await testApp("pglite");
    try {
      const bad = `code: F-PLAN
name: "Kế hoạch công thức"
startYear: 2025
endYear: 2030
indicators:
  - { code: F_OI, tier: operational, name: "OI" }
  - { code: F_K1, tier: kpi, name: "K1", formula: "F_OI / F_MISSING * 100" }
  - { code: F_K2, tier: kpi, name: "K2", formula: "growth(2)" }
  - { code: F_K3, tier: kpi, name: "K3", formula: "F_K4 + 1" }
  - { code: F_K4, tier: kpi, name: "K4", formula: "F_K3 + F_OI" }
`;
      const file = parseDefinitionText(bad);
      const err = await rejection(
        importPlanDefinition(t.database.db, validateFile(file, planDefinition), { actor: "test" }, file),
      );
      const msgs = (err.details ?? []).map((d) => `${d.line} ${d.messageEn}`);
      expect(msgs).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^7 .*formula, column 8: unknown indicator "F_MISSING"/),
          expect.stringMatching(/^8 .*formula, column 1: growth: takes one indicator code/),
          expect.stringMatching(/^9 .*cycle: F_K3 → F_K4 → F_K3/),
        ]),
      );
    } finally {
      await t.close();
    }
  });
});
