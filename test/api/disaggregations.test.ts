/**
 * An indicator's values by disaggregation category at one unit (each category computed by the
 * indicator's own rules from its components' cells of that category), and the breakdown by unit
 * answering an empty list, not 404, when no unit under the parent has a value.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importObservations, jsonRows, loadRefs } from "../../src/server/observations/index.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { approverOf, as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

const INNOVATING = "OI_ENTERPRISES_INNOVATING";
const SURVEYED = "OI_ENTERPRISES_SURVEYED";
const SHARE = "K_INNOV_ENTERPRISE_SHARE";
const size = (enterprise_size: string) => ({ enterprise_size });

/**
 * 2025 survey: Hà Nội reports by enterprise size and its own total; Hồ Chí Minh City small
 * enterprises only; Hà Nội also one value by size and region at once (a combination).
 */
interface Row {
  indicator: string;
  unit: string;
  period: string;
  value: number;
  disaggregation?: Record<string, string>;
}
const ROWS: Row[] = [
  { indicator: INNOVATING, unit: "HA-NOI", period: "2025", value: 30, disaggregation: size("small") },
  { indicator: SURVEYED, unit: "HA-NOI", period: "2025", value: 100, disaggregation: size("small") },
  { indicator: INNOVATING, unit: "HA-NOI", period: "2025", value: 20, disaggregation: size("medium") },
  { indicator: SURVEYED, unit: "HA-NOI", period: "2025", value: 40, disaggregation: size("medium") },
  { indicator: INNOVATING, unit: "HA-NOI", period: "2025", value: 60 },
  { indicator: SURVEYED, unit: "HA-NOI", period: "2025", value: 200 },
  { indicator: INNOVATING, unit: "HO-CHI-MINH", period: "2025", value: 10, disaggregation: size("small") },
  { indicator: SURVEYED, unit: "HO-CHI-MINH", period: "2025", value: 100, disaggregation: size("small") },
];

describe.each(backends())("values by disaggregation, and empty breakdowns, on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    for (const u of ["demo-standing", "demo-approver-hanoi", "demo-admin"]) s[u] = await login(t.app, u);
    await write(ROWS);
  });
  afterAll(async () => {
    await t?.close();
  });
  /** Written as the statistics office would (it reports every unit's cells of these indicators). */
  async function write(rows: Row[]): Promise<void> {
    const db = t.database.db;
    const refs = await loadRefs(db, rows);
    const summary = await importObservations(
      db,
      approverOf([...refs.units.values()].map((u) => u.id)),
      jsonRows(rows),
      { actor: "test:writer", reason: "disaggregation test" },
      { format: "json", submit: true },
    );
    expect(summary.errors).toEqual([]);
  }
  const get = (who: string | null, url: string, headers: Record<string, string> = {}) =>
    as(t.app, who ? (s[who] ?? null) : null)({ method: "GET", url, headers });

  describe("GET /indicators/{code}/disaggregations", () => {
    const url = (code: string, q: string) => `/api/v1/indicators/${code}/disaggregations?basis=reported&${q}`;
    type Answer = {
      total: { value: number | null; partial: boolean };
      dimensions: { code: string; declared: boolean; options: { code: string; value: number | null }[] }[];
      combinations: { categories: Record<string, string>; value: number }[];
    };
    const options = (a: Answer, dim: string) =>
      Object.fromEntries(
        a.dimensions.find((d) => d.code === dim)?.options.map((o) => [o.code, o.value]) ?? [],
      );

    it("sums each category over the units below, every declared option in order", async () => {
      const res = await get("demo-standing", url(INNOVATING, "period=2025"));
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Answer & { unit: { code: string }; period: string };
      expect(body).toMatchObject({ unit: { code: "VN" }, period: "2025", basis: "reported" });
      // The total is Hà Nội's own total, not the sum of the categories.
      expect(body.total.value).toBe(60);
      expect(body.dimensions.map((d) => [d.code, d.declared, d.options.map((o) => o.code)])).toEqual([
        ["enterprise_size", true, ["micro", "small", "medium", "large"]],
      ]);
      expect(options(body, "enterprise_size")).toEqual({ micro: null, small: 40, medium: 20, large: null });
      expect(body.combinations).toEqual([]);
    });

    it("computes a ratio KPI per category from its components' cells of that category", async () => {
      const vn = (await get("demo-standing", url(SHARE, "period=2025"))).json() as Answer;
      // Small: (30 + 10) / (100 + 100); medium: 20 / 40; the total: 60 / 200.
      expect(options(vn, "enterprise_size")).toEqual({ micro: null, small: 20, medium: 50, large: null });
      expect(vn.total.value).toBe(30);
      const hcm = await get("demo-standing", url(SHARE, "period=2025&unit=HO-CHI-MINH"));
      expect(hcm.statusCode, hcm.body).toBe(200);
      expect(options(hcm.json(), "enterprise_size")).toMatchObject({ small: 10, medium: null });
      expect((hcm.json() as Answer).total.value).toBeNull();
    });

    it("lists values reported for several dimensions at once as combinations", async () => {
      const define = await as(
        t.app,
        s["demo-admin"] ?? null,
      )({
        method: "PATCH",
        url: `/api/v1/indicators/${INNOVATING}`,
        payload: {
          disaggregations: {
            enterprise_size: ["micro", "small", "medium", "large"],
            region: ["north", "south"],
          },
          reason: "Phân tổ thêm theo miền",
        },
      });
      expect(define.statusCode, define.body).toBe(200);
      await write([
        {
          indicator: INNOVATING,
          unit: "HA-NOI",
          period: "2025",
          value: 7,
          disaggregation: { region: "north", enterprise_size: "micro" },
        },
      ]);
      const body = (await get("demo-standing", url(INNOVATING, "period=2025&unit=HA-NOI"))).json() as Answer;
      expect(body.combinations).toEqual([
        { categories: { enterprise_size: "micro", region: "north" }, value: 7, partial: false },
      ]);
      // Not added into the one-dimension rows; the new dimension is listed, with no value of its own.
      expect(options(body, "enterprise_size")).toEqual({ micro: null, small: 30, medium: 20, large: null });
      expect(options(body, "region")).toEqual({ north: null, south: null });
    });

    it("answers 200 with no values where none were reported, and reads a coarser period", async () => {
      const none = await get("demo-standing", url(INNOVATING, "period=2024"));
      expect(none.statusCode, none.body).toBe(200);
      const body = none.json() as Answer;
      expect(body.total.value).toBeNull();
      expect(body.dimensions[0]?.options.every((o) => o.value === null)).toBe(true);
      expect(body.combinations).toEqual([]);
    });

    it("hides what the caller may not see, and refuses bad input", async () => {
      // Unpublished: the public learns nothing of it, not even at the country.
      const anon = await get(null, `/api/v1/indicators/${INNOVATING}/disaggregations?period=2025`);
      expect(anon.statusCode).toBe(404);
      expect(anon.json().error.code).toBe("NOT_FOUND");
      // Another unit's people: their unit only.
      expect((await get("demo-approver-hanoi", url(INNOVATING, "period=2025&unit=HA-NOI"))).statusCode).toBe(
        200,
      );
      expect(
        (await get("demo-approver-hanoi", url(INNOVATING, "period=2025&unit=HO-CHI-MINH"))).statusCode,
      ).toBe(404);
      expect((await get(null, url(INNOVATING, "period=2025"))).statusCode).toBe(401);
      for (const q of ["period=2025-13", "", "period=2025&extra=1", "period=2025&unit=a%20b"])
        expect((await get("demo-standing", url(INNOVATING, q))).statusCode, q).toBe(400);
      expect((await get("demo-standing", url("NOPE", "period=2025"))).statusCode).toBe(404);
      expect((await get("demo-standing", url(INNOVATING, "period=2025&unit=NOPE"))).statusCode).toBe(404);
      const en = await get("demo-standing", url(INNOVATING, "period=2025-13"), { "accept-language": "en" });
      expect(en.json().error.message).toMatch(/not valid/);
    });
  });

  describe("GET /indicators/{code}/breakdown with no value under the parent", () => {
    it("answers 200 with the period and no values, not 404", async () => {
      // The ministries sit under the Government (CP); only provinces reported.
      const res = await get(
        "demo-standing",
        `/api/v1/indicators/${SHARE}/breakdown?basis=reported&period=2025&parent=CP`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ period: "2025", parent: { code: "CP" } });
      expect(body.items.filter((i: { value: number | null }) => i.value !== null)).toEqual([]);
      // A period nobody reported, under the country.
      const empty = await get(
        "demo-standing",
        `/api/v1/indicators/${SHARE}/breakdown?basis=reported&period=2023`,
      );
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json()).toMatchObject({ period: "2023", total: { value: null } });
      expect(empty.json().items.every((i: { value: number | null }) => i.value === null)).toBe(true);
    });

    it("answers 200 to a unit's people who may see none of the units under the parent", async () => {
      // Hà Nội's approver sees the indicator at Hà Nội only: the ministries' rows say so.
      const res = await get(
        "demo-approver-hanoi",
        `/api/v1/indicators/${SHARE}/breakdown?basis=reported&period=2025&parent=CP`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json().items as { value: number | null; reason: { en: string } | null }[];
      expect(items.length).toBeGreaterThan(0);
      expect(items.every((i) => i.value === null && i.reason?.en === "not visible to you")).toBe(true);
    });

    it("answers 404 to someone who may not read the indicator at all", async () => {
      const anon = await get(null, `/api/v1/indicators/${SHARE}/breakdown?period=2025&parent=CP`);
      expect(anon.statusCode).toBe(404);
      expect(anon.json().error.code).toBe("NOT_FOUND");
    });
  });
});
