/**
 * Regression tests for defects found in review: each failed before its fix.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentTotp } from "../../src/server/auth/totp.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session, TEST_PASSWORD } from "../helpers/auth.js";

const IND = "OI_DOSSIERS_ONLINE";

describe("review regressions", () => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp("pglite", { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of [
      "demo-reporter-hanoi",
      "demo-approver-hanoi",
      "demo-reporter-hcm",
      "demo-standing",
      "demo-admin",
      "demo-engineer-s1",
    ])
      s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s[who] ?? null) : null);

  it("keeps an approved value's draft history private (revisions and asOf)", async () => {
    const w = await req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      payload: { indicator: IND, unit: "HA-NOI", period: "2026-02", value: 1, comment: "SECRET DRAFT NOTE" },
    });
    const id = (w.json() as { id: string }).id;
    const draftTime = new Date().toISOString();
    await req("demo-approver-hanoi")({ method: "POST", url: `/api/v1/observations/${id}/submit` });
    await req("demo-engineer-s1")({ method: "POST", url: `/api/v1/observations/${id}/approve` });
    await req("demo-standing")({
      method: "PATCH",
      url: `/api/v1/indicators/${IND}`,
      payload: { published: true, reason: "Công bố" },
    });
    const revs = (await req(null)({ url: `/api/v1/observations/${id}/revisions` })).json() as {
      items: { status: string }[];
    };
    expect(revs.items.map((r) => r.status)).toEqual(["approved"]);
    const asOf = (
      await req(null)({ url: `/api/v1/observations?indicator=${IND}&asOf=${encodeURIComponent(draftTime)}` })
    ).json() as { items: unknown[] };
    expect(asOf.items).toEqual([]);
  });

  it("refuses a reporting unit that is not the writer's own", async () => {
    const res = await req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      payload: { indicator: IND, unit: "HA-NOI", reporterUnit: "HO-CHI-MINH", period: "2026-03", value: 1 },
    });
    expect(res.statusCode).toBe(403);
  });

  it("does not let a plan that merely links an indicator administer it", async () => {
    await req("demo-admin")({
      method: "POST",
      url: "/api/v1/plans",
      payload: {
        code: "OWNER",
        name: "Chủ",
        startYear: 2025,
        endYear: 2030,
        indicators: [{ code: "OWNED_K", tier: "kpi", name: "K" }],
      },
    });
    await req("demo-standing")({
      method: "POST",
      url: "/api/v1/plans",
      payload: {
        code: "NQ57",
        name: "Kế hoạch hành động chiến lược triển khai Nghị quyết số 57-NQ/TW",
        startYear: 2025,
        endYear: 2045,
        linkIndicators: ["OWNED_K"],
      },
    });
    const patch = await req("demo-standing")({
      method: "PATCH",
      url: "/api/v1/indicators/OWNED_K",
      payload: { unit: "x", reason: "chiếm quyền" },
    });
    expect(patch.statusCode).toBe(403);
  });

  it("refuses a target for an indicator the plan does not track", async () => {
    await req("demo-admin")({
      method: "POST",
      url: "/api/v1/plans",
      payload: {
        code: "OTHER2",
        name: "Khác",
        startYear: 2025,
        endYear: 2030,
        indicators: [{ code: "UNTRACKED_K", tier: "kpi", name: "K" }],
      },
    });
    const res = await req("demo-standing")({
      method: "PUT",
      url: "/api/v1/plans/NQ57/indicators/UNTRACKED_K/targets",
      payload: { target: { year: 2030, value: 1 }, reason: "thử" },
    });
    expect(res.statusCode).toBe(422);
  });

  it("refuses a formula that does not check when an indicator is patched", async () => {
    const res = await req("demo-standing")({
      method: "PATCH",
      url: "/api/v1/indicators/K_RD_GDP",
      payload: { formula: "NOPE_UNKNOWN * (", reason: "thử" },
    });
    expect(res.statusCode).toBe(400);
    const cycle = await req("demo-standing")({
      method: "PATCH",
      url: "/api/v1/indicators/K_RD_GDP",
      payload: { formula: "K_RD_GDP + 1", reason: "thử" },
    });
    expect(cycle.statusCode).toBe(400);
  });

  it("keeps an initiative's lead unit when another field is patched", async () => {
    await req("demo-standing")({
      method: "PATCH",
      url: "/api/v1/plans/NQ57/initiatives/SK01",
      payload: { leadUnit: "BTP" },
    });
    await req("demo-standing")({
      method: "PATCH",
      url: "/api/v1/plans/NQ57/initiatives/SK01",
      payload: { number: 1 },
    });
    const sk = (await t.app.inject({ url: "/api/v1/plans/NQ57/initiatives/SK01" })).json() as {
      leadUnit: string;
    };
    expect(sk.leadUnit).toBe("BTP");
  });

  it("treats the same cell with disaggregation keys in another order as a duplicate row", async () => {
    const res = await req("demo-reporter-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk",
      payload: {
        items: [
          { indicator: IND, unit: "HA-NOI", period: "2026-04", value: 1, disaggregation: { a: "1", b: "2" } },
          { indicator: IND, unit: "HA-NOI", period: "2026-04", value: 2, disaggregation: { b: "2", a: "1" } },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
  });

  it("throttles wrong TOTP codes and refuses a code used twice", async () => {
    const advisor = await login(t.app, "demo-advisor");
    const start = (await as(t.app, advisor)({ method: "POST", url: "/api/v1/me/totp" })).json() as {
      secret: string;
    };
    await as(
      t.app,
      advisor,
    )({ method: "POST", url: "/api/v1/me/totp/confirm", payload: { code: currentTotp(start.secret) } });
    const attempt = (totp: string, ip = "198.51.100.20") =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        remoteAddress: ip,
        payload: { username: "demo-advisor", password: TEST_PASSWORD, totp },
      });
    const ok = await attempt(currentTotp(start.secret), "198.51.100.21");
    expect(ok.statusCode).toBe(200);
    const replay = await attempt(currentTotp(start.secret), "198.51.100.22");
    expect(replay.statusCode).toBe(401);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await attempt("000000")).statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
  });
});
