/**
 * The reads the dashboard's drill-down pages need: the units furthest short of a target, one
 * unit's values and reporting completeness, the plan's roadmap, and the public overview — with
 * bad input answered in the stable error shape.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importObservations, jsonRows, loadRefs } from "../../src/server/observations/index.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { approverOf, as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

/** Online dossier rate (%) per province in 2026-08..10; Hồ Chí Minh City skips September. */
const RATES: Record<string, number> = { "HA-NOI": 90, "HO-CHI-MINH": 50, "HAI-PHONG": 60, "DA-NANG": 70 };
const PERIODS = ["2026-08", "2026-09", "2026-10"];

describe.each(backends())("drill-down reads on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    for (const u of ["demo-standing", "demo-approver-hanoi", "demo-reporter-hcm"])
      s[u] = await login(t.app, u);
    const rows = Object.entries(RATES).flatMap(([unit, rate]) =>
      PERIODS.filter((p) => !(unit === "HO-CHI-MINH" && p === "2026-09")).flatMap((period) => [
        { indicator: "OI_DOSSIERS_ONLINE", unit, period, value: rate * 1000 },
        { indicator: "OI_DOSSIERS_TOTAL", unit, period, value: 100_000 },
      ]),
    );
    const db = t.database.db;
    const refs = await loadRefs(db, rows);
    const summary = await importObservations(
      db,
      approverOf([...refs.units.values()].map((u) => u.id)),
      jsonRows(rows),
      { actor: "test:writer", reason: "drill-down test" },
      { format: "json", submit: true },
    );
    expect(summary.errors).toEqual([]);
  });
  afterAll(async () => {
    await t?.close();
  });
  const get = (who: string | null, url: string, headers: Record<string, string> = {}) =>
    as(t.app, who ? (s[who] ?? null) : null)({ method: "GET", url, headers });

  describe("laggards", () => {
    const url = "/api/v1/indicators/K_ONLINE_PUBLIC_SERVICE_RATE/laggards";

    it("ranks the provinces furthest below the target, with gap and share of the shortfall", async () => {
      const res = await get("demo-standing", `${url}?basis=reported`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      // The national target: more than 80 % by 2030; Hà Nội (90 %) meets it.
      expect(body.nationalTarget).toMatchObject({ year: 2030, comparator: ">", value: 80 });
      expect(body.counts).toMatchObject({ units: 34, hidden: 0, meeting: 1, short: 3, noValue: 30 });
      expect(body.totalShortfall).toBe(60);
      expect(
        body.items.map(
          (i: { unit: { code: string }; value: number; gap: number; shortfallShare: number }) => [
            i.unit.code,
            i.value,
            i.gap,
            i.shortfallShare,
          ],
        ),
      ).toEqual([
        ["HO-CHI-MINH", 50, 30, 0.5],
        ["HAI-PHONG", 60, 20, 0.333333],
        ["DA-NANG", 70, 10, 0.166667],
      ]);
      const first = body.items[0];
      expect(first).toMatchObject({ rank: 1, period: "2026-10", target: { source: "national", value: 80 } });
      // The status is the unit's own assessment, as in the breakdown: no target of its own here.
      expect(first.status).toBe(first.assessment.status);
      expect(first.assessment.reason.code).toBe("no_target");

      const two = await get("demo-standing", `${url}?basis=reported&limit=2&period=2026-09`);
      expect(two.statusCode, two.body).toBe(200);
      // Hồ Chí Minh City has no September value.
      expect(two.json().items.map((i: { unit: { code: string } }) => i.unit.code)).toEqual([
        "HAI-PHONG",
        "DA-NANG",
      ]);
      expect(two.json()).toMatchObject({ period: "2026-09", totalShortfall: 30, counts: { short: 2 } });
    });

    it("shows a unit's people their own units only, and the public nothing of an unpublished indicator", async () => {
      const own = await get("demo-approver-hanoi", `${url}?basis=reported`);
      expect(own.statusCode, own.body).toBe(200);
      expect(own.json().counts).toMatchObject({ units: 34, hidden: 33, meeting: 1, short: 0 });
      expect(own.json().items).toEqual([]);
      const anon = await get(null, url);
      expect(anon.statusCode).toBe(404);
      expect(anon.json().error.code).toBe("NOT_FOUND");
      expect((await get(null, `${url}?basis=reported`)).statusCode).toBe(401);
    });

    it("refuses bad input in the stable shape, in Vietnamese by default", async () => {
      const bad = await get("demo-standing", `${url}?level=commune`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error).toMatchObject({ code: "VALIDATION_FAILED" });
      expect(bad.json().error.message).toMatch(/không hợp lệ/);
      expect(bad.json().error.details[0].path).toBe("querystring.level");
      for (const q of ["limit=0", "limit=101", "period=2026-13", "extra=1"])
        expect((await get("demo-standing", `${url}?${q}`)).statusCode, q).toBe(400);
      const en = await get("demo-standing", `${url}?limit=0`, { "accept-language": "en" });
      expect(en.json().error.message).toMatch(/not valid/);
      const unknown = await get("demo-standing", "/api/v1/indicators/NOPE/laggards");
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error).toMatchObject({ code: "NOT_FOUND", requestId: expect.any(String) });
      expect((await get("demo-standing", `${url}?plan=NQ99`)).statusCode).toBe(404);
    });
  });

  describe("one org unit", () => {
    it("gives the unit's latest value of each indicator with its status", async () => {
      const res = await get("demo-standing", "/api/v1/org-units/HA-NOI/values?basis=reported");
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.unit.code).toBe("HA-NOI");
      const kpi = body.items.find(
        (i: { indicator: string }) => i.indicator === "K_ONLINE_PUBLIC_SERVICE_RATE",
      );
      expect(kpi).toMatchObject({ tier: "kpi", latest: { period: "2026-10", value: 90 } });
      expect(kpi.status).toBe(kpi.assessment.status);
      const total = body.items.find((i: { indicator: string }) => i.indicator === "OI_DOSSIERS_TOTAL");
      // A flow's latest is its year so far (August to October).
      expect(total.latest).toMatchObject({ period: "2026", value: 300_000 });
      expect(Object.values(body.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
        body.items.length,
      );
      // The public: approved values of published indicators only — none of these.
      const anon = await get(null, "/api/v1/org-units/HA-NOI/values");
      expect(anon.statusCode).toBe(200);
      expect(
        anon.json().items.some((i: { indicator: string }) => i.indicator.startsWith("OI_DOSSIERS")),
      ).toBe(false);
      const unknown = await get(null, "/api/v1/org-units/NOPE/values");
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe("NOT_FOUND");
    });

    it("gives the unit's reporting completeness over recent periods", async () => {
      const url = "/api/v1/org-units/HO-CHI-MINH/completeness?to=2026-10&periods=3";
      const res = await get("demo-standing", url);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ kind: "month", unit: { code: "HO-CHI-MINH" } });
      expect(body.periods).toEqual([
        { period: "2026-08", expected: 2, reported: 2, missing: [] },
        { period: "2026-09", expected: 2, reported: 0, missing: ["OI_DOSSIERS_ONLINE", "OI_DOSSIERS_TOTAL"] },
        { period: "2026-10", expected: 2, reported: 2, missing: [] },
      ]);
      // The unit's own people read it; another unit's people and the public do not.
      expect((await get("demo-reporter-hcm", url)).statusCode).toBe(200);
      expect((await get("demo-approver-hanoi", url)).statusCode).toBe(403);
      expect((await get(null, url)).statusCode).toBe(401);
    });

    it("refuses a period of another kind, and unknown units", async () => {
      const bad = await get("demo-standing", "/api/v1/org-units/HA-NOI/completeness?kind=quarter&to=2026-10");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("VALIDATION_FAILED");
      expect(bad.json().error.details[0]).toMatchObject({ path: "querystring.to" });
      expect(bad.json().error.details[0].message).toMatch(/không phải kỳ/);
      expect(
        (await get("demo-standing", "/api/v1/org-units/HA-NOI/completeness?periods=25")).statusCode,
      ).toBe(400);
      const q = await get("demo-standing", "/api/v1/org-units/HA-NOI/completeness?to=2026-Q3");
      expect(q.statusCode, q.body).toBe(200);
      expect(q.json().periods.map((p: { period: string }) => p.period)).toEqual([
        "2025-Q2",
        "2025-Q3",
        "2025-Q4",
        "2026-Q1",
        "2026-Q2",
        "2026-Q3",
      ]);
      expect((await get("demo-standing", "/api/v1/org-units/NOPE/completeness")).statusCode).toBe(404);
    });

    it("names the former units merged into a unit, with their codes and dates", async () => {
      const res = await get(null, "/api/v1/org-units/HO-CHI-MINH");
      expect(res.statusCode).toBe(200);
      const preds = res.json().predecessors as { unit: string; name: { vi: string }; effectiveOn: string }[];
      expect(preds.length).toBeGreaterThan(1);
      expect(preds.find((p) => p.unit === "OLD-HO-CHI-MINH")).toMatchObject({
        effectiveOn: "2025-07-01",
        name: { vi: expect.any(String) },
      });
      // The former unit's own history is read at its own code.
      expect((await get(null, "/api/v1/org-units/OLD-HO-CHI-MINH/values")).statusCode).toBe(200);
    });
  });

  describe("roadmap and the public overview", () => {
    it("gives the three phases with focus items naming systems and initiatives by code and title", async () => {
      const res = await get(null, "/api/v1/plans/NQ57/roadmap");
      expect(res.statusCode, res.body).toBe(200);
      const phases = res.json().phases as {
        startYear: number;
        endYear: number;
        focus: {
          systems: { code: string; name: { vi: string } }[];
          initiatives: { code: string; title: { vi: string } }[];
        }[];
      }[];
      expect(phases.map((p) => [p.startYear, p.endYear])).toEqual([
        [2025, 2027],
        [2028, 2030],
        [2031, 2045],
      ]);
      const named = phases.flatMap((p) => p.focus).flatMap((f) => f.initiatives);
      expect(named.length).toBeGreaterThan(0);
      expect(named.every((i) => /^SK\d+/.test(i.code) && i.title.vi.length > 0)).toBe(true);
      const detail = await get(null, "/api/v1/plans/NQ57");
      const codes = (detail.json().phases as { focus: { initiatives: string[] }[] }[]).flatMap((p) =>
        p.focus.flatMap((f) => f.initiatives),
      );
      expect(named.map((i) => i.code)).toEqual(codes);
      const unknown = await get(null, "/api/v1/plans/NQ99/roadmap");
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().error.code).toBe("NOT_FOUND");
    });

    it("shows an anonymous visitor published indicators and targets only", async () => {
      const res = await get(null, "/api/v1/plans/NQ57/overview");
      expect(res.statusCode).toBe(200);
      const body = res.json() as {
        targets: { code: string; latest: unknown; measuredBy: { code: string; latest: unknown }[] }[];
      };
      const codes = body.targets.flatMap((x) => [x.code, ...x.measuredBy.map((k) => k.code)]);
      expect(codes.length).toBeGreaterThan(0);
      const published = new Map<string, boolean>();
      for (const code of new Set(codes)) {
        const ind = await get("demo-standing", `/api/v1/indicators/${code}`);
        published.set(code, ind.json().published === true);
      }
      expect([...published].filter(([, p]) => !p).map(([c]) => c)).toEqual([]);
    });
  });
});
