/**
 * An indicator's unit of measure in both languages: the plan file gives it as a bare Vietnamese
 * string or { vi, en }, the API answers { vi, en } (en null when not given), and the sentences the
 * server writes name it in their own language.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDefinition } from "../../src/domain/plan-definition/schema.js";
import { parseDefinitionText, validateFile } from "../../src/server/core/definition-files.js";
import { importObservations, jsonRows, loadRefs } from "../../src/server/observations/index.js";
import { importPlanDefinition } from "../../src/server/plans/import-plan.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { approverOf, as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

type Unit = { vi: string; en: string | null } | null;
interface Reason {
  code: string;
  vi: string;
  en: string;
}

/** A plan whose one indicator's unit is a bare string, as plan files written before English units were. */
const plan = (unit: string) => `
code: UNIT-TEST
name: "Kế hoạch thử đơn vị tính"
startYear: 2025
endYear: 2030
indicators:
  - code: UT_DOSSIERS
    tier: operational
    name: { vi: "Số hồ sơ", en: "Dossiers" }
    unit: ${unit}
    frequency: monthly
    aggregation: sum
`;

describe.each(backends())("indicator units on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of ["demo-standing", "demo-admin"]) s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string) => as(t.app, s[who] ?? null);
  const importText = async (text: string) => {
    const file = parseDefinitionText(text);
    return importPlanDefinition(
      t.database.db,
      validateFile(file, planDefinition),
      { actor: "test", reason: "đơn vị tính" },
      file,
    );
  };

  it("answers the seeded unit in both languages, whatever language the request asks for", async () => {
    for (const lang of ["vi", "en"]) {
      const r = await req("demo-standing")({
        url: "/api/v1/indicators/T30-A07",
        headers: { "accept-language": lang },
      });
      expect(r.statusCode, r.body).toBe(200);
      expect((r.json() as { unit: Unit }).unit).toEqual({ vi: "người/vạn dân", en: "per 10,000 people" });
    }
    // A symbol the plan gives as a bare string is the same in both.
    const share = await req("demo-standing")({ url: "/api/v1/indicators/T30-C03" });
    expect((share.json() as { unit: Unit }).unit).toEqual({ vi: "%", en: null });
  });

  it("writes the status reason with the unit of each language", async () => {
    // Researchers per 10,000 people, reported for the country by the ministry responsible for it.
    const rows = [7, 7.6, 8.1, 8.7, 9.2, 9.8].map((value, k) => ({
      indicator: "T30-A07",
      unit: "VN",
      reporterUnit: "BKHCN",
      period: String(2020 + k),
      value,
    }));
    const db = t.database.db;
    const refs = await loadRefs(db, rows);
    const summary = await importObservations(
      db,
      approverOf([...refs.units.values()].map((u) => u.id)),
      jsonRows(rows),
      { actor: "test:writer", reason: "indicator units test" },
      { format: "json", submit: true },
    );
    expect(summary.errors).toEqual([]);

    for (const lang of ["vi", "en"] as const) {
      const r = await req("demo-standing")({
        url: "/api/v1/indicators/T30-A07/series?basis=reported",
        headers: { "accept-language": lang },
      });
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json() as { indicator: { unit: Unit }; assessment: { unit: Unit; reason: Reason } };
      expect(body.indicator.unit).toEqual({ vi: "người/vạn dân", en: "per 10,000 people" });
      expect(body.assessment.unit).toEqual(body.indicator.unit);
      const reason = body.assessment.reason;
      expect(reason.code, JSON.stringify(reason)).toBe("forecast");
      // "forecast 11.3 per 10,000 people in 2030, below the target >= 12 per 10,000 people; …"
      const mine = lang === "en" ? "per 10,000 people" : "người/vạn dân";
      const other = lang === "en" ? "người/vạn dân" : "per 10,000 people";
      expect(reason[lang]).toContain(`>= 12 ${mine}`);
      expect(reason[lang]).not.toContain(other);
    }
  });

  it("keeps plan files with a bare-string unit valid, and versions the English unit when a file adds it", async () => {
    const created = await importText(plan('"hồ sơ"'));
    expect(created.counts.indicatorsCreated).toBe(1);
    const get = async () =>
      (await req("demo-admin")({ url: "/api/v1/indicators/UT_DOSSIERS" })).json() as {
        unit: Unit;
        version: number;
      };
    expect(await get()).toMatchObject({ unit: { vi: "hồ sơ", en: null }, version: 1 });

    const withEnglish = plan('{ vi: "hồ sơ", en: dossiers }');
    const s1 = await importText(withEnglish);
    expect(s1.counts.indicatorsUpdated).toBe(1);
    expect(await get()).toMatchObject({ unit: { vi: "hồ sơ", en: "dossiers" }, version: 2 });
    // The same file again: nothing changed, no version.
    expect((await importText(withEnglish)).unchanged).toBe(true);

    const hist = (await req("demo-admin")({ url: "/api/v1/indicators/UT_DOSSIERS/history" })).json() as {
      items: {
        version: number;
        changes: Record<string, unknown> | null;
        snapshot: Record<string, unknown>;
      }[];
    };
    expect(hist.items[0]?.version).toBe(2);
    expect(hist.items[0]?.changes).toEqual({ unitEn: { from: null, to: "dossiers" } });
    // The first version was stored with the Vietnamese unit alone, as versions before this change were.
    expect(hist.items[1]?.snapshot).toMatchObject({ unit: "hồ sơ", unitEn: null });
  });

  it("edits the unit over HTTP in either form, refusing one over 64 characters", async () => {
    const patch = (unit: unknown) =>
      req("demo-admin")({
        method: "PATCH",
        url: "/api/v1/indicators/UT_DOSSIERS",
        payload: { unit, reason: "Đơn vị tính song ngữ" },
      });
    const long = await patch({ vi: "hồ sơ", en: "x".repeat(65) });
    expect(long.statusCode, long.body).toBe(400);
    expect(long.json().error.code).toBe("VALIDATION_FAILED");

    const both = await patch({ vi: "bộ hồ sơ", en: "sets of dossiers" });
    expect(both.statusCode, both.body).toBe(200);
    const read = async () =>
      ((await req("demo-admin")({ url: "/api/v1/indicators/UT_DOSSIERS" })).json() as { unit: Unit }).unit;
    expect(await read()).toEqual({ vi: "bộ hồ sơ", en: "sets of dossiers" });
    // A bare string is Vietnamese only: the English form goes with it.
    expect((await patch("hồ sơ")).statusCode).toBe(200);
    expect(await read()).toEqual({ vi: "hồ sơ", en: null });
    expect((await patch(null)).statusCode).toBe(200);
    expect(await read()).toBeNull();
  });
});
