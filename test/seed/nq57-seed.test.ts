import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seed } from "../../src/server/seed/seed.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { createDemoAccounts, login } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { expectedInitiatives, expectedTargets } from "./nq57-expected.js";

interface Indicator {
  code: string;
  tier: string;
  kind: string;
  proposed: boolean;
  published: boolean;
  sourceQuote: string | null;
  formula: string | null;
  frequency: string;
  unit: { vi: string; en: string | null } | null;
  responsibleUnit: string | null;
  systems: string[];
  parents: { code: string }[];
  children: string[];
  targets: {
    year: number;
    comparator: string;
    value: number | null;
    valueMax: number | null;
    achieved: boolean | null;
  }[];
  definition: { vi: string; en: string | null } | null;
}

describe.each(backends())("NQ57 seed on %s", (backend) => {
  let t: TestApp;
  let indicators: Indicator[];
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    const s = await login(t.app, "demo-standing");
    const res = await t.app.inject({
      url: "/api/v1/plans/NQ57/indicators?limit=1000",
      headers: { cookie: s.cookie },
    });
    indicators = (res.json() as { items: Indicator[] }).items;
  });
  afterAll(async () => {
    await t?.close();
  });

  it("holds the 30 initiatives with their full titles from Appendix I.III, in their systems", async () => {
    const res = await t.app.inject({ url: "/api/v1/plans/NQ57/initiatives" });
    const items = (
      res.json() as {
        items: {
          code: string;
          system: string;
          title: { vi: string; en: string | null };
          objective: unknown;
          content: unknown;
        }[];
      }
    ).items;
    expect(items.map((i) => [i.code, i.system, i.title.vi])).toEqual(expectedInitiatives);
    expect(items.every((i) => i.title.en && i.content)).toBe(true);
    // Groups A–E carry an objective and a content; the special projects (group G) a paragraph.
    expect(items.filter((i) => i.objective).length).toBe(25);
  });

  it("holds every clause of sections I.2 and I.3 as a specific target with its kind and figures", () => {
    const targets = new Map(indicators.filter((i) => i.tier === "target").map((i) => [i.code, i]));
    expect(targets.size).toBe(expectedTargets.length);
    for (const [code, kind, year, comparator, value, valueMax, quote] of expectedTargets) {
      const ind = targets.get(code);
      expect(ind, code).toBeDefined();
      expect([code, ind?.kind]).toEqual([code, kind]);
      expect(ind?.sourceQuote, code).toBe(quote);
      expect(ind?.published && !ind.proposed, code).toBe(true);
      const tv = ind?.targets[0];
      expect([code, tv?.year, tv?.comparator]).toEqual([code, year, comparator]);
      if (typeof value === "number") expect([code, tv?.value, tv?.valueMax]).toEqual([code, value, valueMax]);
      if (typeof value === "boolean") expect([code, tv?.achieved]).toEqual([code, value]);
      expect(ind?.systems.length, code).toBeGreaterThan(0);
    }
    const kinds = new Set(expectedTargets.map((x) => x[1]));
    expect([...kinds].sort()).toEqual(["growth_rate", "milestone", "qualitative", "range", "rank", "value"]);
    expect(expectedTargets.filter((x) => x[2] === 2030)).toHaveLength(35);
    expect(expectedTargets.filter((x) => x[2] === 2045)).toHaveLength(14);
  });

  it("splits a bullet with two figures into two targets", () => {
    const rd = indicators.find((i) => i.code === "T30-A04");
    const budget = indicators.find((i) => i.code === "T30-A06");
    expect(rd?.targets[0]?.value).toBe(2);
    expect(budget?.targets[0]?.value).toBe(3);
    const egdiWorld = indicators.find((i) => i.code === "T30-C01");
    const egdiAsean = indicators.find((i) => i.code === "T30-C02");
    expect([egdiWorld?.targets[0]?.value, egdiAsean?.targets[0]?.value]).toEqual([50, 3]);
  });

  it("proposes KPIs and operational indicators for every target, visibly marked as proposed", () => {
    const byCode = new Map(indicators.map((i) => [i.code, i]));
    for (const target of indicators.filter((i) => i.tier === "target")) {
      const kpis = target.children.map((c) => byCode.get(c)).filter((k) => k?.tier === "kpi");
      expect(kpis.length, `${target.code} has a KPI`).toBeGreaterThan(0);
      for (const kpi of kpis) {
        expect(kpi?.proposed).toBe(true);
        expect(kpi?.formula, kpi?.code).toBeTruthy();
        expect(kpi?.definition?.vi.startsWith("[Đề xuất]"), kpi?.code).toBe(true);
        const ois = (kpi?.children ?? []).map((c) => byCode.get(c)).filter((o) => o?.tier === "operational");
        expect(ois.length, `${kpi?.code} has an OI`).toBeGreaterThan(0);
        for (const oi of ois) {
          expect(oi?.proposed && !oi.published).toBe(true);
          expect(oi?.responsibleUnit, oi?.code).toBeTruthy();
          expect(oi?.unit, oi?.code).toBeTruthy();
          // Every operand of the KPI formula is an indicator in the catalogue.
        }
        for (const name of (kpi?.formula ?? "").match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []) {
          if (["sum", "avg", "min", "max", "growth", "cagr"].includes(name)) continue;
          expect(byCode.has(name), `${kpi?.code} formula operand ${name}`).toBe(true);
        }
      }
    }
    expect(indicators.filter((i) => i.tier === "objective")).toHaveLength(7);
  });

  it("names every unit in English too, but symbols that read the same in both languages", () => {
    const withUnit = indicators.filter((i) => i.unit !== null);
    expect(withUnit.length).toBeGreaterThan(150);
    for (const i of withUnit) {
      const u = i.unit as { vi: string; en: string | null };
      // "%", "MW", "Mbps", "USD": nothing Vietnamese to translate.
      if (/^[%A-Za-z]+$/.test(u.vi)) expect(u.en, i.code).toBeNull();
      else expect(u.en, `${i.code} (${u.vi})`).toMatch(/^[\x20-\x7e]+$/);
    }
    const byCode = new Map(indicators.map((i) => [i.code, i.unit]));
    expect(byCode.get("T30-A07")).toEqual({ vi: "người/vạn dân", en: "per 10,000 people" });
    expect(byCode.get("T30-A14")).toEqual({
      vi: "% cơ quan, tổ chức",
      en: "% of agencies and organisations",
    });
    expect(byCode.get("T30-A06")).toEqual({ vi: "% tổng chi NSNN", en: "% of state budget expenditure" });
  });

  it("is idempotent: seeding again changes nothing", async () => {
    const before = (await t.app.inject({ url: "/api/v1/indicators/T30-A02/history" })).json() as {
      total: number;
    };
    const r = await seed(t.database.db);
    expect(r).toEqual({ orgUnits: "unchanged", plan: "unchanged" });
    const after = (await t.app.inject({ url: "/api/v1/indicators/T30-A02/history" })).json() as {
      total: number;
    };
    expect(after.total).toBe(before.total);
  });

  it("links every former province to the province it merged into on 1 July 2025", async () => {
    const res = await t.app.inject({ url: "/api/v1/org-units?kind=province&limit=1000" });
    const units = (
      res.json() as {
        items: {
          code: string;
          validFrom: string | null;
          validTo: string | null;
          successors: { unit: string; effectiveOn: string }[];
          predecessors: { unit: string }[];
        }[];
      }
    ).items;
    const current = new Set(units.filter((u) => u.validTo === null).map((u) => u.code));
    const former = units.filter((u) => u.validTo !== null);
    expect(current.size).toBe(34);
    expect(former).toHaveLength(52);
    for (const u of former) {
      expect(u.validTo, u.code).toBe("2025-06-30");
      expect(u.successors, u.code).toHaveLength(1);
      expect(current.has(u.successors[0]?.unit ?? ""), u.code).toBe(true);
      expect(u.successors[0]?.effectiveOn).toBe("2025-07-01");
    }
    // Resolution 202/2025/QH15: a few mergers spelled out.
    const into = (code: string) => former.find((u) => u.code === code)?.successors[0]?.unit;
    expect(into("OLD-HA-GIANG")).toBe("TUYEN-QUANG");
    expect(into("OLD-BINH-DUONG")).toBe("HO-CHI-MINH");
    expect(into("OLD-QUANG-NAM")).toBe("DA-NANG");
    expect(into("OLD-KIEN-GIANG")).toBe("AN-GIANG");
    expect(into("OLD-TUYEN-QUANG")).toBe("TUYEN-QUANG");
    // The 23 units formed by merging have their predecessors; the 11 not merged are the same
    // units as before 2025: valid before it, with no former twin.
    const successors = new Set(former.map((u) => u.successors[0]?.unit));
    expect(successors.size).toBe(23);
    const unmerged = units.filter((u) => current.has(u.code) && !successors.has(u.code));
    expect(unmerged.map((u) => u.code).sort()).toEqual(
      [
        "HA-NOI",
        "HUE",
        "LAI-CHAU",
        "DIEN-BIEN",
        "SON-LA",
        "LANG-SON",
        "QUANG-NINH",
        "THANH-HOA",
        "NGHE-AN",
        "HA-TINH",
        "CAO-BANG",
      ].sort(),
    );
    for (const u of unmerged) {
      expect([u.code, u.validFrom, u.predecessors]).toEqual([u.code, null, []]);
      expect(
        units.some((x) => x.code === `OLD-${u.code}`),
        u.code,
      ).toBe(false);
    }
    for (const u of units.filter((x) => successors.has(x.code)))
      expect([u.code, u.validFrom]).toEqual([u.code, "2025-07-01"]);
    // Before 1 July 2025 there were 63: the 52 merged then and the 11 that were not.
    const before = await t.app.inject({
      url: "/api/v1/org-units?kind=province&validAt=2025-06-30&limit=1000",
    });
    expect((before.json() as { total: number }).total).toBe(63);
  });

  it("takes Hà Nội's values for the first half of 2025, when it already existed", async () => {
    const reporter = await login(t.app, "demo-reporter-hanoi");
    const res = await t.app.inject({
      method: "PUT",
      url: "/api/v1/observations",
      headers: { cookie: reporter.cookie, "x-csrf-token": reporter.csrf },
      payload: { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2025-03", value: 41_000 },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it("counts the bundled org units", async () => {
    const res = await t.app.inject({ url: "/api/v1/org-units?limit=1" });
    expect((res.json() as { total: number }).total).toBe(150);
  });
});
