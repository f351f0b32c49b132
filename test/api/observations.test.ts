import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Obs {
  id: string;
  value: number | boolean;
  status: string;
  version: number;
  unit: string;
  reporterUnit: string;
}
interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: { path?: string; message: string; messageEn?: string; value?: unknown }[];
  };
}

const IND = "OI_DOSSIERS_ONLINE"; // monthly, System 1, proposed (unpublished)

describe.each(backends())("indicator values on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of [
      "demo-reporter-hanoi",
      "demo-approver-hanoi",
      "demo-reporter-hcm",
      "demo-steering",
      "demo-engineer-s1",
      "demo-standing",
      "demo-admin",
      "demo-province-committee-hanoi",
    ])
      s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s[who] ?? null) : null);
  const put = (who: string, body: Record<string, unknown>) =>
    req(who)({ method: "PUT", url: "/api/v1/observations", payload: body });

  let id = "";
  let afterV1 = "";

  it("lets a unit's reporter write a draft for the unit, kept invisible to everyone else", async () => {
    const res = await put("demo-reporter-hanoi", {
      indicator: IND,
      unit: "HA-NOI",
      period: "2026-03",
      value: 152_300,
      source: "Cổng DVC Hà Nội",
    });
    expect(res.statusCode).toBe(201);
    const o = res.json() as Obs;
    expect(o).toMatchObject({
      value: 152_300,
      status: "draft",
      version: 1,
      unit: "HA-NOI",
      reporterUnit: "HA-NOI",
    });
    id = o.id;
    afterV1 = new Date().toISOString();
    for (const who of ["demo-approver-hanoi", "demo-province-committee-hanoi"])
      expect((await req(who)({ url: `/api/v1/observations/${id}` })).statusCode).toBe(200);
    for (const who of ["demo-reporter-hcm", "demo-steering", "demo-standing", null])
      expect((await req(who)({ url: `/api/v1/observations/${id}` })).statusCode).toBe(404);
    const list = (await req("demo-steering")({ url: `/api/v1/observations?indicator=${IND}` })).json() as {
      total: number;
    };
    expect(list.total).toBe(0);
  });

  it("refuses to let another unit write Hà Nội's value", async () => {
    const res = await put("demo-reporter-hcm", {
      indicator: IND,
      unit: "HA-NOI",
      period: "2026-03",
      value: 1,
    });
    expect(res.statusCode).toBe(403);
    expect(
      (
        await req(null)({
          method: "PUT",
          url: "/api/v1/observations",
          payload: { indicator: IND, unit: "HA-NOI", period: "2026-03", value: 1 },
        })
      ).statusCode,
    ).toBe(401);
  });

  it("never overwrites silently: same value is unchanged, a new value is a new version, a stale write is refused with the current value", async () => {
    const same = await put("demo-reporter-hanoi", {
      indicator: IND,
      unit: "HA-NOI",
      period: "2026-03",
      value: 152_300,
      source: "Cổng DVC Hà Nội",
    });
    expect((same.json() as Obs).version).toBe(1);
    await new Promise((r) => setTimeout(r, 5));
    const changed = await put("demo-reporter-hanoi", {
      indicator: IND,
      unit: "HA-NOI",
      period: "2026-03",
      value: 153_000,
      source: "Cổng DVC Hà Nội",
      expectedVersion: 1,
    });
    expect((changed.json() as Obs).version).toBe(2);
    const stale = await put("demo-reporter-hanoi", {
      indicator: IND,
      unit: "HA-NOI",
      period: "2026-03",
      value: 1,
      expectedVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    const body = stale.json() as ErrorBody;
    expect(body.error.code).toBe("STALE_VERSION");
    expect(body.error.details?.[0]?.value).toMatchObject({ version: 2, value: 153_000 });
    const asOf = (
      await req("demo-reporter-hanoi")({
        url: `/api/v1/observations?indicator=${IND}&unit=HA-NOI&asOf=${encodeURIComponent(afterV1)}`,
      })
    ).json() as { items: Obs[] };
    expect(asOf.items.map((i) => i.value)).toEqual([152_300]);
    const revs = (
      await req("demo-reporter-hanoi")({ url: `/api/v1/observations/${id}/revisions` })
    ).json() as { items: { version: number; value: number; validTo: string | null }[] };
    expect(revs.items.map((r) => [r.version, r.value, r.validTo === null])).toEqual([
      [1, 152_300, false],
      [2, 153_000, true],
    ]);
  });

  it("names the field and what is expected for bad input, in both languages", async () => {
    // A period that is no period code is malformed input (400); the others are refused references (422).
    const cases: [Record<string, unknown>, string, RegExp, number?][] = [
      [{ indicator: IND, unit: "HA-NOI", period: "2026-Q1", value: 1 }, "body.period", /2026-03/],
      [
        { indicator: IND, unit: "HA-NOI", period: "2026-13", value: 1 },
        "body.period",
        /2026-Q1 or 2026-03/,
        400,
      ],
      [{ indicator: IND, unit: "OLD-HA-TAY", period: "2026-03", value: 1 }, "body.unit", /unknown org unit/],
      [
        { indicator: IND, unit: "OLD-BINH-DUONG", period: "2026-03", value: 1 },
        "body.unit",
        /did not exist in 2026-03/,
      ],
      [
        { indicator: "OI_NOPE", unit: "HA-NOI", period: "2026-03", value: 1 },
        "body.indicator",
        /unknown indicator/,
      ],
      [
        { indicator: IND, unit: "HA-NOI", period: "2026-03", value: true },
        "body.value",
        /a number is expected/,
      ],
    ];
    for (const [payload, path, en, status] of cases) {
      const res = await put("demo-reporter-hanoi", payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status ?? 422);
      const detail = (res.json() as ErrorBody).error.details?.find((d) => d.path === path);
      expect(detail?.messageEn, JSON.stringify(payload)).toMatch(en);
      expect(detail?.message.length).toBeGreaterThan(0);
    }
  });

  it("moves a value draft → submitted → approved with the right people, and back with a reason", async () => {
    expect(
      (await req("demo-reporter-hanoi")({ method: "POST", url: `/api/v1/observations/${id}/submit` }))
        .statusCode,
    ).toBe(403);
    const submitted = await req("demo-approver-hanoi")({
      method: "POST",
      url: `/api/v1/observations/${id}/submit`,
    });
    expect((submitted.json() as Obs).status).toBe("submitted");
    expect((await req("demo-steering")({ url: `/api/v1/observations/${id}` })).statusCode).toBe(200);
    expect((await req("demo-reporter-hcm")({ url: `/api/v1/observations/${id}` })).statusCode).toBe(404);
    const again = await req("demo-approver-hanoi")({
      method: "POST",
      url: `/api/v1/observations/${id}/submit`,
    });
    expect((again.json() as ErrorBody).error.code).toBe("INVALID_STATE");
    const returned = await req("demo-standing")({
      method: "POST",
      url: `/api/v1/observations/${id}/return`,
      payload: { reason: "Số liệu chưa khớp báo cáo tháng" },
    });
    expect((returned.json() as Obs).status).toBe("draft");
    await req("demo-approver-hanoi")({ method: "POST", url: `/api/v1/observations/${id}/submit` });
    const approved = await req("demo-engineer-s1")({
      method: "POST",
      url: `/api/v1/observations/${id}/approve`,
    });
    expect((approved.json() as Obs).status).toBe("approved");
    // The indicator is proposed, not published: its approved values are not public yet.
    expect((await req(null)({ url: `/api/v1/observations/${id}` })).statusCode).toBe(404);
    await req("demo-standing")({
      method: "PATCH",
      url: `/api/v1/indicators/${IND}`,
      payload: { published: true, proposed: false, reason: "Thông qua" },
    });
    expect((await req(null)({ url: `/api/v1/observations/${id}` })).statusCode).toBe(200);
    const publicList = (
      await req(null)({ url: `/api/v1/observations?indicator=${IND}&from=2026-01&to=2026-12` })
    ).json() as { items: Obs[] };
    expect(publicList.items.map((i) => i.id)).toEqual([id]);
  });

  it("accepts a unit's API token within its indicators, and nothing else", async () => {
    const issue = await req("demo-admin")({
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: {
        name: "Hệ thống DVC Hà Nội",
        unit: "HA-NOI",
        indicators: [IND],
        actions: ["observations:write"],
      },
    });
    const token = (issue.json() as { token: string }).token;
    const headers = { authorization: `Bearer ${token}` };
    const ok = await t.app.inject({
      method: "PUT",
      url: "/api/v1/observations",
      headers,
      payload: { indicator: IND, unit: "HA-NOI", period: "2026-04", value: 160_000 },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const otherIndicator = await t.app.inject({
      method: "PUT",
      url: "/api/v1/observations",
      headers,
      payload: { indicator: "OI_DOSSIERS_TOTAL", unit: "HA-NOI", period: "2026-04", value: 1 },
    });
    expect(otherIndicator.statusCode).toBe(403);
    const otherUnit = await t.app.inject({
      method: "PUT",
      url: "/api/v1/observations",
      headers,
      payload: { indicator: IND, unit: "HO-CHI-MINH", period: "2026-04", value: 1 },
    });
    expect(otherUnit.statusCode).toBe(403);
  });
});
