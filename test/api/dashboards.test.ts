/**
 * Values written through the API roll up into the overview, series, breakdown and comparison —
 * for those allowed to see them.
 */
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Assessed {
  code: string;
  status: string;
  progress: number | null;
  latest: { period: string; value: number } | null;
  reason: { vi: string; en: string };
  basedOn: string | null;
  measuredBy: (Assessed & { weight: number })[];
}

const months = (from: [number, number], n: number) =>
  Array.from({ length: n }, (_, k) => {
    const m = from[1] - 1 + k;
    return `${from[0] + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });

describe.each(backends())("dashboards on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const u of [
      "demo-approver-hanoi",
      "demo-standing",
      "demo-reporter-hcm",
      "demo-proposer",
      "demo-admin",
    ])
      s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s[who] ?? null) : null);

  it("rolls submitted values up to the KPI and its target, for reviewers only", async () => {
    const periods = months([2025, 7], 16); // 2025-07 .. 2026-10
    const items = periods.flatMap((period, k) => [
      { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period, value: 40_000 + 2_000 * k },
      { indicator: "OI_DOSSIERS_TOTAL", unit: "HA-NOI", period, value: 100_000 },
    ]);
    const res = await req("demo-approver-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk?submit=true",
      payload: { items },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().imported).toBe(items.length);

    const ov = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/plans/NQ57/overview?basis=reported",
    });
    expect(ov.statusCode, ov.body).toBe(200);
    const body = ov.json() as { targets: Assessed[]; systems: { code: string; status: string }[] };
    const target = body.targets.find((x) =>
      x.measuredBy.some((k) => k.code === "K_ONLINE_PUBLIC_SERVICE_RATE"),
    );
    expect(target).toBeDefined();
    const kpi = target?.measuredBy.find((k) => k.code === "K_ONLINE_PUBLIC_SERVICE_RATE");
    // 2026-10: (40,000 + 2,000·15) / 100,000 = 70 %.
    expect(kpi?.latest).toMatchObject({ period: "2026-10", value: 70 });
    expect(kpi?.status).not.toBe("no_data");
    expect(kpi?.reason.vi.length).toBeGreaterThan(10);

    // A new value changes the next answer (answers are memoised by the state they were computed from).
    const nov = await req("demo-approver-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk?submit=true",
      payload: {
        items: [
          { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-11", value: 75_000 },
          { indicator: "OI_DOSSIERS_TOTAL", unit: "HA-NOI", period: "2026-11", value: 100_000 },
        ],
      },
    });
    expect(nov.statusCode, nov.body).toBe(200);
    const ov2 = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/plans/NQ57/overview?basis=reported",
    });
    const kpi2 = (ov2.json() as { targets: Assessed[] }).targets
      .flatMap((x) => x.measuredBy)
      .find((k) => k.code === "K_ONLINE_PUBLIC_SERVICE_RATE");
    expect(kpi2?.latest).toMatchObject({ period: "2026-11", value: 75 });
    // The approved layer has nothing yet; the public sees no unpublished indicator at all.
    const pub = await req(null)({ method: "GET", url: "/api/v1/plans/NQ57/overview" });
    expect(pub.statusCode).toBe(200);
    const pubKpi = (pub.json() as { targets: Assessed[] }).targets
      .flatMap((x) => x.measuredBy)
      .find((k) => k.code === "K_ONLINE_PUBLIC_SERVICE_RATE");
    // Not even named: an unpublished KPI's definition is not the public's to read.
    expect(pubKpi).toBeUndefined();
    const refused = await req(null)({ method: "GET", url: "/api/v1/plans/NQ57/overview?basis=reported" });
    expect(refused.statusCode).toBe(401);
  });

  it("gives the series with a target line and the breakdown by unit", async () => {
    const series = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/indicators/K_ONLINE_PUBLIC_SERVICE_RATE/series?basis=reported&from=2025-07&to=2026-10",
    });
    expect(series.statusCode, series.body).toBe(200);
    const sj = series.json();
    expect(sj.points).toHaveLength(16);
    expect(sj.points[0]).toMatchObject({ period: "2025-07", value: 40 });
    expect(sj.targets.length).toBeGreaterThan(0);

    const quarterly = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/indicators/OI_DOSSIERS_ONLINE/series?basis=reported&from=2026-01&to=2026-06&frequency=quarter",
    });
    expect(quarterly.json().points.map((p: { value: number }) => p.value)).toEqual([
      3 * 40_000 + 2_000 * (6 + 7 + 8),
      3 * 40_000 + 2_000 * (9 + 10 + 11),
    ]);

    const bd = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/indicators/OI_DOSSIERS_ONLINE/breakdown?basis=reported&period=2026-10",
    });
    expect(bd.statusCode, bd.body).toBe(200);
    const b = bd.json();
    expect(b.total.value).toBe(70_000);
    expect(b.items[0]).toMatchObject({ unit: { code: "HA-NOI" }, value: 70_000, rank: 1 });

    const cmp = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/indicators/OI_DOSSIERS_ONLINE/compare?basis=reported&units=HA-NOI,HO-CHI-MINH&from=2026-09&to=2026-10",
    });
    expect(cmp.statusCode, cmp.body).toBe(200);
    expect(cmp.json().units[0].points.map((p: { value: number }) => p.value)).toEqual([68_000, 70_000]);
    expect(cmp.json().units[1].points.every((p: { value: null }) => p.value === null)).toBe(true);
  });

  it("shows a unit's people their own unit but not others', and refuses bad input by name", async () => {
    const own = await req("demo-approver-hanoi")({
      method: "GET",
      url: "/api/v1/indicators/OI_DOSSIERS_ONLINE/series?basis=reported&unit=HA-NOI&from=2026-10&to=2026-10",
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().points[0].value).toBe(70_000);
    const other = await req("demo-reporter-hcm")({
      method: "GET",
      url: "/api/v1/indicators/OI_DOSSIERS_ONLINE/series?basis=reported&unit=HA-NOI",
    });
    expect(other.statusCode).toBe(404);
    const bad = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/indicators/OI_DOSSIERS_ONLINE/breakdown?period=2026-13",
    });
    expect(bad.statusCode).toBe(400);
    const proposer = await req("demo-proposer")({
      method: "GET",
      url: "/api/v1/plans/NQ57/overview?basis=reported",
    });
    expect(proposer.statusCode).toBe(403);
  });

  it("lists data gaps and flags late, outlier and revised values", async () => {
    // Hồ Chí Minh City reported September, so it is expected in October.
    const sep = await req("demo-reporter-hcm")({
      method: "PUT",
      url: "/api/v1/observations",
      payload: { indicator: "OI_DOSSIERS_ONLINE", unit: "HO-CHI-MINH", period: "2026-09", value: 90_000 },
    });
    expect(sep.statusCode, sep.body).toBe(201);
    // Hà Nội's October value is corrected to something far off its history, after submission:
    // its approver recalls it (a submitted value is locked) and submits the new figure.
    const [submitted] = (
      (
        await req("demo-approver-hanoi")({
          method: "GET",
          url: "/api/v1/observations?indicator=OI_DOSSIERS_ONLINE&unit=HA-NOI&from=2026-10&to=2026-10",
        })
      ).json() as { items: { id: string; status: string }[] }
    ).items;
    expect(submitted?.status).toBe("submitted");
    const recall = await req("demo-approver-hanoi")({
      method: "POST",
      url: `/api/v1/observations/${submitted?.id}/recall`,
    });
    expect(recall.statusCode, recall.body).toBe(200);
    const oct = await req("demo-approver-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk?submit=true",
      payload: {
        items: [{ indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-10", value: 500_000 }],
      },
    });
    expect(oct.json().updated).toBe(1);
    const q = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/plans/NQ57/data-quality?period=2026-10",
    });
    expect(q.statusCode, q.body).toBe(200);
    const body = q.json();
    const online = body.byIndicator.find(
      (x: { indicator: { code: string } }) => x.indicator.code === "OI_DOSSIERS_ONLINE",
    );
    expect(online.missing).toBe(1);
    // Which units: the units list filtered by the indicator, gaps only.
    const gaps = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/plans/NQ57/data-quality/units?period=2026-10&indicator=OI_DOSSIERS_ONLINE&gaps=true",
    });
    expect(gaps.statusCode, gaps.body).toBe(200);
    expect(gaps.json().items.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(["HO-CHI-MINH"]);
    expect(gaps.json().items[0].missing).toEqual(["OI_DOSSIERS_ONLINE"]);
    const hn = body.flagged.items.find(
      (f: { indicator: string; unit: string }) => f.indicator === "OI_DOSSIERS_ONLINE" && f.unit === "HA-NOI",
    );
    expect(hn.flags).toEqual(expect.arrayContaining(["late", "outlier", "revised"]));
    expect(hn.zOwn).toBeGreaterThan(3.5);
    const total = body.flagged.items.find(
      (f: { indicator: string; unit: string }) => f.indicator === "OI_DOSSIERS_TOTAL" && f.unit === "HA-NOI",
    );
    expect(total?.flags ?? []).not.toContain("outlier");
    // A unit's people see their own unit only; the public is asked to sign in.
    const hcm = await req("demo-reporter-hcm")({
      method: "GET",
      url: "/api/v1/plans/NQ57/data-quality?period=2026-10",
    });
    expect(hcm.statusCode).toBe(200);
    expect(hcm.json().flagged).toEqual({ items: [], total: 0, nextCursor: null });
    expect(hcm.json().byUnit.items.map((u: { unit: { code: string } }) => u.unit.code)).toEqual([
      "HO-CHI-MINH",
    ]);
    expect(
      (await req(null)({ method: "GET", url: "/api/v1/plans/NQ57/data-quality?period=2026-10" })).statusCode,
    ).toBe(401);
    expect(
      (
        await req("demo-standing")({
          method: "GET",
          url: "/api/v1/plans/NQ57/data-quality?period=2026-10-01",
        })
      ).statusCode,
    ).toBe(400);
  });

  it("pages the lists of data quality and filters them, the counts staying whole", async () => {
    const get = async (url: string) => {
      const r = await req("demo-standing")({ method: "GET", url });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const whole = await get("/api/v1/plans/NQ57/data-quality?period=2026-10&limit=1000");
    expect(whole.flagged.total).toBe(whole.flagged.items.length);
    expect(whole.flagged.total).toBe(whole.summary.flagged);
    expect(whole.flagged.total).toBeGreaterThanOrEqual(2);
    // The same values one at a time through the flagged list, in the same order.
    const paged: unknown[] = [];
    let url: string | null = "/api/v1/plans/NQ57/data-quality/flagged?period=2026-10&limit=1";
    while (url) {
      const page: { items: unknown[]; total: number; nextCursor: string | null } = await get(url);
      expect(page.items.length).toBe(1);
      expect(page.total).toBe(whole.flagged.total);
      paged.push(...page.items);
      url = page.nextCursor
        ? `/api/v1/plans/NQ57/data-quality/flagged?period=2026-10&limit=1&cursor=${page.nextCursor}`
        : null;
    }
    expect(paged).toEqual(whole.flagged.items);
    // Filters narrow the lists, not the counts.
    const hn = await get("/api/v1/plans/NQ57/data-quality?period=2026-10&unit=HA-NOI&flag=outlier");
    expect(hn.summary).toEqual(whole.summary);
    expect(hn.flagged.items.length).toBeGreaterThan(0);
    for (const f of hn.flagged.items) {
      expect(f.unit).toBe("HA-NOI");
      expect(f.flags).toContain("outlier");
    }
    expect(hn.byUnit.items.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(["HA-NOI"]);
    const total = await get(
      "/api/v1/plans/NQ57/data-quality/flagged?period=2026-10&indicator=OI_DOSSIERS_TOTAL",
    );
    expect(total.items.every((f: { indicator: string }) => f.indicator === "OI_DOSSIERS_TOTAL")).toBe(true);
    const units = await get("/api/v1/plans/NQ57/data-quality/units?period=2026-10&gaps=true&limit=1000");
    expect(units.total).toBe(whole.summary.unitsWithGaps);
    expect(units.items.every((u: { missing: string[] }) => u.missing.length > 0)).toBe(true);
    const bad = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/plans/NQ57/data-quality/flagged?period=2026-10&cursor=bm9wZQ",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("INVALID_CURSOR");
  });

  it("shows a definition change at once, though the answer is memoised", async () => {
    const read = async () =>
      (
        (await req("demo-standing")({ method: "GET", url: "/api/v1/plans/NQ57/overview" })).json() as {
          targets: { code: string; name: { vi: string } }[];
        }
      ).targets;
    const before = await read();
    expect(await read()).toEqual(before);
    const code = before[0]?.code as string;
    const renamed = `${before[0]?.name.vi} (đã đổi tên)`;
    const patch = await req("demo-admin")({
      method: "PATCH",
      url: `/api/v1/indicators/${code}`,
      payload: { name: { vi: renamed }, reason: "Chỉnh tên cho rõ" },
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect((await read()).find((x) => x.code === code)?.name.vi).toBe(renamed);
  });

  it("serves the overview gzipped to those who take it, and 304 while it has not changed", async () => {
    const url = "/api/v1/plans/NQ57/overview";
    const plain = await req("demo-standing")({ method: "GET", url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const etag = plain.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(plain.headers["cache-control"]).toBe("private, no-cache");
    const zipped = await req("demo-standing")({
      method: "GET",
      url,
      headers: { "accept-encoding": "br, gzip" },
    });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(zipped.headers.vary).toContain("accept-encoding");
    expect(gunzipSync(zipped.rawPayload).toString("utf8")).toBe(plain.body);
    const refused = await req("demo-standing")({
      method: "GET",
      url,
      headers: { "accept-encoding": "gzip;q=0" },
    });
    expect(refused.headers["content-encoding"]).toBeUndefined();
    // Unchanged: 304 without a body, for a list of tags too.
    const same = await req("demo-standing")({
      method: "GET",
      url,
      headers: { "if-none-match": `"x", ${etag}` },
    });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe("");
    // Another reader sees other things: another answer, another tag.
    const other = await req(null)({ method: "GET", url });
    expect(other.statusCode).toBe(200);
    expect(other.headers.etag).not.toBe(etag);
    // A value written changes the answer and its tag (a new one: submitted values are locked).
    const w = await req("demo-approver-hanoi")({
      method: "POST",
      url: "/api/v1/observations/bulk?submit=true",
      payload: {
        items: [{ indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-12", value: 77_000 }],
      },
    });
    expect(w.statusCode, w.body).toBe(200);
    const after = await req("demo-standing")({ method: "GET", url, headers: { "if-none-match": etag } });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });

  it("accepts only the disaggregations an indicator defines, and rolls each up separately", async () => {
    const define = await req("demo-admin")({
      method: "PATCH",
      url: "/api/v1/indicators/OI_DIGITAL_SKILLS_TRAINEES",
      payload: { disaggregations: { sex: ["male", "female"] }, reason: "Phân tổ theo giới tính" },
    });
    expect(define.statusCode, define.body).toBe(200);
    const write = (disaggregation: Record<string, string>, value: number) =>
      req("demo-approver-hanoi")({
        method: "POST",
        url: "/api/v1/observations/bulk?submit=true",
        payload: {
          items: [
            {
              indicator: "OI_DIGITAL_SKILLS_TRAINEES",
              unit: "HA-NOI",
              period: "2026-09",
              value,
              disaggregation,
            },
          ],
        },
      });
    expect((await write({ sex: "female" }, 1200)).statusCode).toBe(200);
    expect((await write({ sex: "male" }, 1000)).statusCode).toBe(200);
    const bad = await write({ sex: "other" }, 5);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].message).toContain("male, female");
    const unknown = await write({ age: "18-24" }, 5);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0].messageEn).toContain("not a disaggregation");
    // The total (no disaggregation) is its own cell: nothing was reported for it.
    const total = await req("demo-standing")({
      method: "GET",
      url: "/api/v1/indicators/OI_DIGITAL_SKILLS_TRAINEES/series?basis=reported&unit=HA-NOI&from=2026-09&to=2026-09",
    });
    expect(total.json().points[0].value).toBeNull();
  });
});
