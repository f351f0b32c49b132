import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { path?: string; line?: number; message: string }[] };
}

const yamlPlan = `code: NQ-THU
name: { vi: "Kế hoạch thử nghiệm", en: "Trial plan" }
startYear: 2025
endYear: 2030
systems:
  - { code: S1, number: 1, name: "Hệ thống 1" }
`;

describe.each(backends())("plan administration over HTTP on %s", (backend) => {
  let t: TestApp;
  let admin: Session;
  let standing: Session;
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    admin = await login(t.app, "demo-admin");
    standing = await login(t.app, "demo-standing");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("creates a plan from a YAML file (administrator), idempotently", async () => {
    const post = () =>
      as(
        t.app,
        admin,
      )({
        method: "POST",
        url: "/api/v1/plans",
        headers: { "content-type": "application/yaml" },
        payload: yamlPlan,
      });
    const first = await post();
    expect(first.statusCode).toBe(201);
    const again = await post();
    expect(again.statusCode).toBe(200);
    expect((again.json() as { unchanged: boolean }).unchanged).toBe(true);
  });

  it("names the line of an error in an uploaded YAML file, in the caller's language, and writes nothing", async () => {
    const bad = yamlPlan.replace("number: 1", "number: một").replace("NQ-THU", "NQ-LOI");
    const res = await as(
      t.app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/plans",
      headers: { "content-type": "application/yaml", "accept-language": "en" },
      payload: bad,
    });
    expect(res.statusCode).toBe(422);
    const body = res.json() as ErrorBody;
    expect(body.error.code).toBe("PLAN_DEFINITION_INVALID");
    expect(body.error.details?.[0]).toMatchObject({ path: "systems.0.number", line: 6 });
    expect((await t.app.inject({ url: "/api/v1/plans/NQ-LOI" })).statusCode).toBe(404);
  });

  it("takes a plan's statusThresholds and an indicator's forecastMinPoints from a file, a dry run naming a bad field", async () => {
    const file = (thresholds: string, min: string) => `code: NQ-NGUONG
name: "Kế hoạch có ngưỡng riêng"
startYear: 2025
endYear: 2030
statusThresholds: ${thresholds}
systems:
  - { code: S1, number: 1, name: "Hệ thống 1" }
indicators:
  - { code: NGUONG_K1, tier: kpi, name: "K1", forecastMinPoints: ${min} }
`;
    const post = (payload: string, query = "") =>
      as(
        t.app,
        admin,
      )({
        method: "POST",
        url: `/api/v1/plans${query}`,
        headers: { "content-type": "application/yaml", "accept-language": "en" },
        payload,
      });
    const refusals: [string, string, string, number][] = [
      ["{ onTrack: 0.3, offTrack: 0.3 }", "5", "statusThresholds.offTrack", 5],
      ["{ onTrack: 1.01, offTrack: 0.2 }", "5", "statusThresholds.onTrack", 5],
      ["{ onTrack: 0.8, offTrack: 0.2 }", "2", "indicators.0.forecastMinPoints", 9],
      ["{ onTrack: 0.8, offTrack: 0.2 }", "3.5", "indicators.0.forecastMinPoints", 9],
    ];
    for (const [thresholds, min, path, line] of refusals) {
      const res = await post(file(thresholds, min), "?dryRun=true");
      expect(res.statusCode, path).toBe(422);
      const body = res.json() as ErrorBody;
      expect(body.error.code).toBe("PLAN_DEFINITION_INVALID");
      expect(body.error.details).toHaveLength(1);
      expect(body.error.details?.[0]).toMatchObject({ path, line });
      expect(body.error.details?.[0]?.message).toContain(`${path}: `);
    }
    const good = file("{ onTrack: 0.75, offTrack: 0.25 }", "4");
    const dry = await post(good, "?dryRun=true");
    expect(dry.statusCode).toBe(200);
    expect((await t.app.inject({ url: "/api/v1/plans/NQ-NGUONG" })).statusCode).toBe(404);
    expect((await post(good)).statusCode).toBe(201);
    const plan = async () =>
      (await t.app.inject({ url: "/api/v1/plans/NQ-NGUONG" })).json() as { statusThresholds: unknown };
    expect((await plan()).statusThresholds).toEqual({ onTrack: 0.75, offTrack: 0.25 });
    const ind = (
      await t.app.inject({ headers: { cookie: admin.cookie }, url: "/api/v1/indicators/NGUONG_K1" })
    ).json() as {
      forecastMinPoints: number | null;
    };
    expect(ind.forecastMinPoints).toBe(4);
    // A structural change, imported through the plan's own fields, keeps its thresholds.
    const rename = await as(
      t.app,
      admin,
    )({ method: "PATCH", url: "/api/v1/plans/NQ-NGUONG/systems/S1", payload: { name: "Hệ thống một" } });
    expect(rename.statusCode).toBe(200);
    expect((await plan()).statusThresholds).toEqual({ onTrack: 0.75, offTrack: 0.25 });
  });

  it("sets and clears forecastMinPoints over HTTP, refusing one outside 3..100 by its field", async () => {
    const patch = (payload: Record<string, unknown>) =>
      as(
        t.app,
        standing,
      )({
        method: "PATCH",
        url: "/api/v1/indicators/T30-C03",
        payload: { ...payload, reason: "Chuỗi số liệu ngắn" },
      });
    const read = async () =>
      (await t.app.inject({ url: "/api/v1/indicators/T30-C03" })).json() as {
        forecastMinPoints: number | null;
        version: number;
      };
    const start = await read();
    for (const bad of [2, 101, 3.5]) {
      const res = await patch({ forecastMinPoints: bad });
      expect(res.statusCode, String(bad)).toBe(400);
      const body = res.json() as ErrorBody;
      expect(body.error.details?.map((d) => d.path)).toEqual(["body.forecastMinPoints"]);
    }
    expect(await read()).toEqual(start);
    const set = await patch({ forecastMinPoints: 12 });
    expect(set.statusCode).toBe(200);
    expect(await read()).toMatchObject({ forecastMinPoints: 12, version: start.version + 1 });
    expect((await patch({ forecastMinPoints: null })).statusCode).toBe(200);
    expect(await read()).toMatchObject({ forecastMinPoints: null, version: start.version + 2 });
  });

  it("answers a malformed JSON body with 400 and an oversized one with 413", async () => {
    const malformed = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: "/api/v1/org-units",
      headers: { "content-type": "application/json" },
      payload: '{"code": "X", ',
    });
    expect(malformed.statusCode).toBe(400);
    expect((malformed.json() as ErrorBody).error.code).toBe("MALFORMED_BODY");
    const huge = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: "/api/v1/org-units",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ code: "X", kind: "agency", name: "x".repeat(11 * 1024 * 1024) }),
    });
    expect(huge.statusCode).toBe(413);
    expect((huge.json() as ErrorBody).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("sets a target as the Standing Office, refusing a year outside the plan, and keeps who and why", async () => {
    const outside = await as(
      t.app,
      standing,
    )({
      method: "PUT",
      url: "/api/v1/plans/NQ57/indicators/T30-C03/targets",
      payload: { target: { year: 2050, value: 90 }, reason: "Thử năm ngoài kế hoạch" },
    });
    expect(outside.statusCode).toBe(422);
    expect((outside.json() as ErrorBody).error.code).toBe("TARGET_YEAR_OUTSIDE_PLAN");
    const ok = await as(
      t.app,
      standing,
    )({
      method: "PUT",
      url: "/api/v1/plans/NQ57/indicators/T30-C03/targets",
      payload: {
        target: { year: 2030, orgUnit: "HA-NOI", comparator: ">=", value: 90 },
        reason: "Mục tiêu riêng của Hà Nội",
      },
    });
    expect(ok.statusCode).toBe(200);
    const hist = (await t.app.inject({ url: "/api/v1/indicators/T30-C03/history" })).json() as {
      items: { changedBy: string; reason: string }[];
    };
    expect(hist.items[0]).toMatchObject({ changedBy: "demo-standing", reason: "Mục tiêu riêng của Hà Nội" });
    const missingReason = await as(
      t.app,
      standing,
    )({
      method: "PUT",
      url: "/api/v1/plans/NQ57/indicators/T30-C03/targets",
      payload: { target: { year: 2030, value: 85 } },
    });
    expect(missingReason.statusCode).toBe(400);
  });

  it("refuses a cycle in org-unit parents over HTTP", async () => {
    await as(
      t.app,
      standing,
    )({ method: "POST", url: "/api/v1/org-units", payload: { code: "T-ROOT", kind: "agency", name: "Gốc" } });
    await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: "/api/v1/org-units",
      payload: { code: "T-LEAF", kind: "agency", name: "Lá", parent: "T-ROOT" },
    });
    const cycle = await as(
      t.app,
      standing,
    )({ method: "PATCH", url: "/api/v1/org-units/T-ROOT", payload: { parent: "T-LEAF" } });
    expect(cycle.statusCode).toBe(422);
    expect((cycle.json() as ErrorBody).error.code).toBe("ORG_UNIT_CYCLE");
    const dup = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: "/api/v1/org-units",
      payload: { code: "T-ROOT", kind: "agency", name: "Trùng" },
    });
    expect(dup.statusCode).toBe(409);
  });
});

describe("structure patches", () => {
  it("change only what they name: renaming System 6 keeps it the special-projects system", async () => {
    const t = await testApp("pglite");
    try {
      await createDemoAccounts(t.database);
      const standing = await login(t.app, "demo-standing");
      const res = await as(
        t.app,
        standing,
      )({
        method: "PATCH",
        url: "/api/v1/plans/NQ57/systems/S6",
        payload: { name: { vi: "Hệ thống dự án đặc biệt quan trọng", en: "Special projects" } },
      });
      expect(res.statusCode).toBe(200);
      const s6 = (await t.app.inject({ url: "/api/v1/plans/NQ57/systems/S6" })).json() as {
        kind: string;
        name: { en: string };
      };
      expect(s6).toMatchObject({ kind: "special_projects", name: { en: "Special projects" } });
      // The plan's own fields are kept too (the change is imported through them).
      const plan = await t.database.pglite?.query<{ baseline_year: number | null }>(
        "select baseline_year from plans where code = 'NQ57'",
      );
      expect(plan?.rows[0]?.baseline_year).toBe(2020);
    } finally {
      await t.close();
    }
  });
});
