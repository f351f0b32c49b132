/**
 * The value rules of docs/access.md ("Values: who may change what"), each a defect found against
 * `npm run demo` (issue 10): an approved figure silently un-approved or deleted by a reporter,
 * another unit's cell taken over, overwritten figures missing from the audit, drafts leaking
 * through data quality, token scopes not limiting reads, values outside bounds or periods.
 */
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
  source: string | null;
}
interface Err {
  error: { code: string; message: string; details?: { path?: string; message: string; value?: unknown }[] };
}
interface AuditEntry {
  seq: number;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  rowCount: number | null;
  fileHash: string | null;
}

const PEOPLE = [
  "demo-admin",
  "demo-standing",
  "demo-steering",
  "demo-engineer-s1",
  "demo-advisor",
  "demo-reporter-hanoi",
  "demo-approver-hanoi",
  "demo-reporter-hcm",
  "demo-reporter-most",
];

describe.each(backends())("value integrity on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of PEOPLE) s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s[who] ?? null) : null);
  const put = (who: string, body: Record<string, unknown>) =>
    req(who)({ method: "PUT", url: "/api/v1/observations", payload: body });
  const post = (who: string, url: string, payload?: Record<string, unknown>) =>
    req(who)({ method: "POST", url, ...(payload ? { payload } : {}) });

  /** A value of Hà Nội written, submitted and approved by the right people. */
  async function approvedHanoi(period: string, value: number): Promise<Obs> {
    const w = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period,
      value,
    });
    expect(w.statusCode, w.body).toBe(201);
    const id = (w.json() as Obs).id;
    expect((await post("demo-approver-hanoi", `/api/v1/observations/${id}/submit`)).statusCode).toBe(200);
    const a = await post("demo-standing", `/api/v1/observations/${id}/approve`);
    expect(a.statusCode, a.body).toBe(200);
    return a.json() as Obs;
  }

  it("keeps an approved figure from its unit: a write or delete is refused as locked, nothing changes", async () => {
    const v = await approvedHanoi("2026-10", 1000);
    const w = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period: "2026-10",
      value: 1234,
    });
    expect(w.statusCode, w.body).toBe(409);
    const e = w.json() as Err;
    expect(e.error.code).toBe("VALUE_LOCKED");
    expect(e.error.details?.[0]?.value).toMatchObject({ status: "approved", mayChange: ["revise"] });
    // The same figure again is simply unchanged.
    const same = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period: "2026-10",
      value: 1000,
    });
    expect(same.statusCode, same.body).toBe(200);
    expect((same.json() as Obs).version).toBe(v.version);
    const del = await req("demo-reporter-hanoi")({ method: "DELETE", url: `/api/v1/observations/${v.id}` });
    expect(del.statusCode, del.body).toBe(409);
    expect((del.json() as Err).error.code).toBe("VALUE_LOCKED");
    const now = (await req("demo-admin")({ url: `/api/v1/observations/${v.id}` })).json() as Obs;
    expect(now).toMatchObject({ value: 1000, status: "approved", version: v.version });
  });

  it("lets the unit's approver recall a submitted value, and a reviewer revise an approved one with a reason", async () => {
    const w = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period: "2026-09",
      value: 900,
    });
    const id = (w.json() as Obs).id;
    await post("demo-approver-hanoi", `/api/v1/observations/${id}/submit`);
    const locked = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period: "2026-09",
      value: 901,
    });
    expect((locked.json() as Err).error.code).toBe("VALUE_LOCKED");
    expect((await post("demo-reporter-hanoi", `/api/v1/observations/${id}/recall`)).statusCode).toBe(403);
    const recalled = await post("demo-approver-hanoi", `/api/v1/observations/${id}/recall`);
    expect(recalled.statusCode, recalled.body).toBe(200);
    expect((recalled.json() as Obs).status).toBe("draft");
    const fixed = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period: "2026-09",
      value: 901,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    await post("demo-approver-hanoi", `/api/v1/observations/${id}/submit`);
    await post("demo-standing", `/api/v1/observations/${id}/approve`);
    // An approved value cannot be recalled; only revised by a reviewer, with a reason.
    expect((await post("demo-approver-hanoi", `/api/v1/observations/${id}/recall`)).statusCode).toBe(409);
    expect(
      (await post("demo-standing", `/api/v1/observations/${id}/revise`, { value: 950 })).statusCode,
    ).toBe(400);
    expect(
      (await post("demo-reporter-hanoi", `/api/v1/observations/${id}/revise`, { value: 950, reason: "sửa" }))
        .statusCode,
    ).toBe(403);
    const revised = await post("demo-standing", `/api/v1/observations/${id}/revise`, {
      value: 950,
      reason: "Đối soát với Cổng DVC quốc gia",
    });
    expect(revised.statusCode, revised.body).toBe(200);
    expect(revised.json()).toMatchObject({ value: 950, status: "approved" });
    const revs = (await req("demo-admin")({ url: `/api/v1/observations/${id}/revisions` })).json() as {
      items: { value: number; status: string }[];
    };
    expect(revs.items.map((r) => [r.value, r.status]).slice(-2)).toEqual([
      [901, "approved"],
      [950, "approved"],
    ]);
    const audit = (
      await req("demo-admin")({ url: `/api/v1/audit?entityType=observation&entityId=${id}` })
    ).json() as { items: AuditEntry[] };
    const entry = audit.items.find((a) => a.action === "observation.revise");
    expect(entry?.before).toMatchObject({ value: 901, status: "approved" });
    expect(entry?.after).toMatchObject({
      value: 950,
      status: "approved",
      reason: "Đối soát với Cổng DVC quốc gia",
    });
  });

  it("re-uploads untouched approved rows as unchanged, and names a changed locked row with its status", async () => {
    await approvedHanoi("2026-08", 800);
    const bulk = (items: Record<string, unknown>[]) =>
      req("demo-reporter-hanoi")({ method: "POST", url: "/api/v1/observations/bulk", payload: { items } });
    const row = (period: string, value: number) => ({
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period,
      value,
    });
    const ok = await bulk([row("2026-08", 800), row("2026-07", 700)]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ imported: 1, unchanged: 1, updated: 0 });
    const refused = await bulk([row("2026-08", 801), row("2026-06", 600)]);
    expect(refused.statusCode, refused.body).toBe(422);
    const body = refused.json() as { errors: { row: number; column: string; message: string }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]).toMatchObject({ row: 1, column: "value" });
    expect(body.errors[0]?.message).toMatch(/được phê duyệt/);
    const list = (
      await req("demo-reporter-hanoi")({
        url: "/api/v1/observations?indicator=OI_DOSSIERS_ONLINE&unit=HA-NOI&from=2026-06&to=2026-08",
      })
    ).json() as { items: Obs[] };
    expect(list.items.map((o) => o.value).sort()).toEqual([700, 800]);

    // A dry run beside errors still says what the other rows would do (the import wizard's summary),
    // and counts the locked row apart from the changes; an import with errors counts nothing.
    const items = [
      row("2026-08", 801),
      row("2026-07", 701),
      row("2026-05", 500),
      { ...row("2026-04", 1), indicator: "OI_NO_SUCH_INDICATOR" },
    ];
    const dry = await req("demo-reporter-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk?dryRun=true",
      payload: { items },
    });
    expect(dry.statusCode, dry.body).toBe(422);
    expect(dry.json()).toMatchObject({ imported: 1, updated: 1, unchanged: 0, locked: 1, rejected: 2 });
    const wet = await bulk(items);
    expect(wet.json()).toMatchObject({ imported: 0, updated: 0, locked: 1, rejected: 2, dryRun: false });
    const after = (
      await req("demo-reporter-hanoi")({
        url: "/api/v1/observations?indicator=OI_DOSSIERS_ONLINE&unit=HA-NOI&from=2026-04&to=2026-08",
      })
    ).json() as { items: Obs[] };
    expect(after.items.map((o) => o.value).sort()).toEqual([700, 800]);
  });

  it("lets only a cell's reporting unit write it, naming who reports it, and never changes the reporter", async () => {
    const hcm = await put("demo-reporter-hcm", {
      indicator: "OI_DIGITAL_SKILLS_TRAINEES",
      unit: "HO-CHI-MINH",
      period: "2026-10",
      value: 37_412,
    });
    expect(hcm.statusCode, hcm.body).toBe(201);
    const takeover = await put("demo-reporter-most", {
      indicator: "OI_DIGITAL_SKILLS_TRAINEES",
      unit: "HO-CHI-MINH",
      period: "2026-10",
      value: 5,
    });
    expect(takeover.statusCode, takeover.body).toBe(403);
    expect((takeover.json() as Err).error.code).toBe("NOT_CELL_REPORTER");
    expect((takeover.json() as Err).error.message).toMatch(/HO-CHI-MINH/);
    // Reported by the responsible body (MoST) for every unit: Hà Nội may not write its own cell.
    const most = await put("demo-reporter-most", {
      indicator: "OI_RD_EXPENDITURE",
      unit: "HA-NOI",
      period: "2025",
      value: 12_000,
    });
    expect(most.statusCode, most.body).toBe(201);
    expect((most.json() as Obs).reporterUnit).toBe("BKHCN");
    const hanoi = await put("demo-reporter-hanoi", {
      indicator: "OI_RD_EXPENDITURE",
      unit: "HA-NOI",
      period: "2025",
      value: 1,
    });
    expect(hanoi.statusCode, hanoi.body).toBe(403);
    expect((hanoi.json() as Err).error.message).toMatch(/BKHCN/);
    const named = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      reporterUnit: "BKHCN",
      period: "2026-05",
      value: 1,
    });
    expect(named.statusCode).toBe(403);
    const again = await put("demo-reporter-most", {
      indicator: "OI_RD_EXPENDITURE",
      unit: "HA-NOI",
      period: "2025",
      value: 12_500,
    });
    expect(again.json()).toMatchObject({ reporterUnit: "BKHCN", version: 2 });
    const mine = (await req("demo-reporter-most")({ url: `/api/v1/observations/${(most.json() as Obs).id}` }))
      .statusCode;
    expect(mine).toBe(200);
  });

  it("keeps what was overwritten in the audit: before and after on writes, transitions and deletes", async () => {
    const first = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period: "2026-04",
      value: 400,
      source: "Cổng DVC",
    });
    const id = (first.json() as Obs).id;
    await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HA-NOI",
      period: "2026-04",
      value: 410,
    });
    await post("demo-approver-hanoi", `/api/v1/observations/${id}/submit`);
    await post("demo-standing", `/api/v1/observations/${id}/return`, { reason: "Thiếu nguồn" });
    await req("demo-reporter-hanoi")({ method: "DELETE", url: `/api/v1/observations/${id}` });
    const entries = (
      (await req("demo-admin")({ url: `/api/v1/audit?entityType=observation&entityId=${id}` })).json() as {
        items: AuditEntry[];
      }
    ).items.reverse();
    expect(entries.map((e) => e.action)).toEqual([
      "observation.create",
      "observation.update",
      "observation.submit",
      "observation.return",
      "observation.delete",
    ]);
    const [create, update, submit, back, del] = entries;
    expect(create?.before).toBeNull();
    expect(create?.after).toMatchObject({ value: 400, source: "Cổng DVC", version: 1 });
    expect(update?.before).toMatchObject({ value: 400, source: "Cổng DVC", version: 1 });
    expect(update?.after).toMatchObject({ value: 410, source: null, version: 2 });
    expect(submit?.before).toMatchObject({ status: "draft", value: 410 });
    expect(submit?.after).toMatchObject({ status: "submitted", value: 410 });
    expect(back?.after).toMatchObject({ status: "draft", reason: "Thiếu nguồn" });
    expect(del?.before).toMatchObject({ value: 410, status: "draft" });
    expect(del?.after).toMatchObject({ deleted: true });
  });

  it("keeps a bulk write as one entry whose rows hold each value's before and after", async () => {
    const items = [
      { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-03", value: 300 },
      { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-02", value: 200 },
    ];
    await req("demo-reporter-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk",
      payload: { items },
    });
    items[0] = { ...items[0], value: 333 } as (typeof items)[0];
    const res = await req("demo-reporter-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk",
      payload: { items },
    });
    expect(res.json()).toMatchObject({ updated: 1, unchanged: 1 });
    const list = (
      (
        await req("demo-admin")({ url: "/api/v1/audit?entityType=observation&actor=demo-reporter-hanoi" })
      ).json() as {
        items: AuditEntry[];
      }
    ).items;
    const entry = list.find((e) => e.action === "observations.import");
    expect(entry).toMatchObject({ rowCount: 2 });
    expect(entry?.fileHash).toMatch(/^[0-9a-f]{64}$/);
    expect(entry?.after).toMatchObject({ importId: expect.any(String), changeBatches: expect.any(Object) });
    const one = await req("demo-admin")({ url: `/api/v1/audit/${entry?.seq}` });
    expect(one.statusCode, one.body).toBe(200);
    const rows = (one.json() as { rows: { items: { period: string; before: unknown; after: unknown }[] } })
      .rows;
    expect(rows.items).toEqual([
      expect.objectContaining({
        period: "2026-03",
        before: { value: 300, status: "draft", version: 1 },
        after: { value: 333, status: "draft", version: 2 },
      }),
    ]);
    expect((await req("demo-reporter-hanoi")({ url: `/api/v1/audit/${entry?.seq}` })).statusCode).toBe(403);
    expect((await req("demo-admin")({ url: "/api/v1/audit/999999999" })).statusCode).toBe(404);
  });

  it("shows no other unit's draft in data quality, and does not count a draft as reported", async () => {
    const quality = async (who: string) =>
      (await req(who)({ url: "/api/v1/plans/NQ57/data-quality?period=2026-11" })).json() as {
        flagged: { observationId: string }[];
        byIndicator: { indicator: { code: string }; reported: number }[];
      };
    const reported = (q: Awaited<ReturnType<typeof quality>>) =>
      q.byIndicator.find((b) => b.indicator.code === "OI_DOSSIERS_ONLINE")?.reported ?? 0;
    const before = await quality("demo-standing");
    const draft = await put("demo-reporter-hcm", {
      indicator: "OI_DOSSIERS_ONLINE",
      unit: "HO-CHI-MINH",
      period: "2026-11",
      value: 9_999_999,
    });
    const id = (draft.json() as Obs).id;
    for (const who of ["demo-standing", "demo-steering", "demo-advisor", "demo-engineer-s1", "demo-admin"]) {
      const q = await quality(who);
      expect(JSON.stringify(q), who).not.toContain(id);
      expect(reported(q), who).toBe(reported(before));
    }
    // The unit itself does not count its draft as reported either.
    expect(reported(await quality("demo-reporter-hcm"))).toBe(0);
  });

  it("confines a token's reads to its indicators and unit; other reads need observations:read", async () => {
    await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_TOTAL",
      unit: "HA-NOI",
      period: "2026-10",
      value: 5,
    });
    const issue = async (actions: string[]) => {
      const r = await post("demo-admin", "/api/v1/api-tokens", {
        name: `ingest-${actions.join("-")}`,
        unit: "HA-NOI",
        indicators: ["OI_DOSSIERS_ONLINE"],
        actions,
      });
      expect(r.statusCode, r.body).toBe(201);
      return (r.json() as { token: string }).token;
    };
    const bearer = (secret: string) => (url: string) =>
      t.app.inject({ url, headers: { authorization: `Bearer ${secret}` } });
    const writer = bearer(await issue(["observations:write"]));
    const list = (await writer("/api/v1/observations?limit=1000")).json() as {
      items: { indicator: string; unit: string }[];
    };
    expect(list.items.length).toBeGreaterThan(0);
    expect(new Set(list.items.map((i) => `${i.indicator}/${i.unit}`))).toEqual(
      new Set(["OI_DOSSIERS_ONLINE/HA-NOI"]),
    );
    for (const url of [
      "/api/v1/observations/export?indicator=OI_DOSSIERS_ONLINE",
      "/api/v1/plans/NQ57/data-quality?period=2026-10",
      "/api/v1/indicators/OI_DOSSIERS_ONLINE/series?unit=HA-NOI",
    ])
      expect((await writer(url)).statusCode, url).toBe(403);
    const reader = bearer(await issue(["observations:read"]));
    expect(
      (await reader("/api/v1/observations/export?indicator=OI_DOSSIERS_TOTAL")).body.split("\n")[1],
    ).toBe("");
    const exported = await reader("/api/v1/observations/export?indicator=OI_DOSSIERS_ONLINE");
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toMatch(/OI_DOSSIERS_ONLINE;HA-NOI/);
    expect(exported.body).not.toMatch(/HO-CHI-MINH/);
    expect((await reader("/api/v1/plans/NQ57/data-quality?period=2026-10")).statusCode).toBe(200);
  });

  it("refuses values outside an indicator's bounds and periods outside the reporting window", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-01", value: -5 },
        /không được nhỏ hơn 0/,
      ],
      [
        { indicator: "OI_ONLINE_DOSSIER_RATE", unit: "HA-NOI", period: "2026-01", value: 115 },
        /từ 0 đến 100/,
      ],
      [{ indicator: "OI_GII_RANK", unit: "VN", period: "2025", value: 0 }, /không được nhỏ hơn 1/],
      [{ indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2027-01", value: 5 }, /chưa đến/],
      [
        { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2019-12", value: 5 },
        /trước năm gốc 2020/,
      ],
    ];
    for (const [body, message] of cases) {
      const who = body.indicator === "OI_GII_RANK" ? "demo-reporter-most" : "demo-reporter-hanoi";
      const r = await put(who, body);
      expect(r.statusCode, `${JSON.stringify(body)} ${r.body}`).toBe(422);
      const e = r.json() as Err;
      expect(e.error.code, r.body).toBe("INVALID_VALUE");
      expect(e.error.message).toMatch(message);
    }
    const en = await req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      headers: { "accept-language": "en" },
      payload: { indicator: "OI_ONLINE_DOSSIER_RATE", unit: "HA-NOI", period: "2026-01", value: 115 },
    });
    expect((en.json() as Err).error.message).toBe("Invalid value: value: 115 must be between 0 and 100");
  });
});
