import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface List<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path?: string; message: string }[]; requestId: string };
}

describe.each(backends())("read API on %s", (backend) => {
  let t: TestApp;
  let steering: Session;
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    steering = await login(t.app, "demo-steering");
  });
  afterAll(async () => {
    await t?.close();
  });

  const get = async <T>(url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: "GET", url, headers });
    return { status: res.statusCode, body: res.json() as T, headers: res.headers };
  };

  it("lists plans with NQ57 and its counts", async () => {
    const { status, body } =
      await get<List<{ code: string; counts: { systems: number; initiatives: number } }>>("/api/v1/plans");
    expect(status).toBe(200);
    const nq57 = body.items.find((p) => p.code === "NQ57");
    expect(nq57?.counts.systems).toBe(6);
    expect(nq57?.counts.initiatives).toBe(30);
    expect(body.nextCursor).toBeNull();
  });

  it("returns the NQ57 plan with three phases and section V roles", async () => {
    const { status, body } = await get<{
      code: string;
      documentNumber: string;
      startYear: number;
      endYear: number;
      phases: {
        code: string;
        startYear: number;
        endYear: number;
        focus: { systems: string[]; initiatives: string[] }[];
      }[];
      roles: { code: string; units: string[] }[];
    }>("/api/v1/plans/NQ57");
    expect(status).toBe(200);
    expect(body.documentNumber).toBe("01-KH/BCĐTW");
    expect([body.startYear, body.endYear]).toEqual([2025, 2045]);
    expect(body.phases.map((p) => [p.code, p.startYear, p.endYear])).toEqual([
      ["P1", 2025, 2027],
      ["P2", 2028, 2030],
      ["P3", 2031, 2045],
    ]);
    // Section IV.1 names System 4 with initiatives 16, 17 and 18 as a focus of the first phase.
    const p1 = body.phases[0];
    expect(
      p1?.focus.some(
        (f) => f.systems.includes("S4") && ["SK16", "SK17", "SK18"].every((c) => f.initiatives.includes(c)),
      ),
    ).toBe(true);
    const standing = body.roles.find((r) => r.code === "STANDING-OFFICE");
    expect(standing?.units).toEqual(expect.arrayContaining(["BCDTW-CQTT"]));
  });

  it("names a system's Chief Engineer (name and unit, not the account), and no one when none is assigned", async () => {
    type Sys = { chiefEngineers: { name: string; unit: string | null }[] };
    const s1 = await get<Sys>("/api/v1/plans/NQ57/systems/S1");
    expect(s1.status).toBe(200);
    expect(s1.body.chiefEngineers).toEqual([{ name: expect.stringContaining("(demo)"), unit: null }]);
    expect(JSON.stringify(s1.body)).not.toContain("demo-engineer-s1");
    const s2 = await get<Sys>("/api/v1/plans/NQ57/systems/S2");
    expect(s2.body.chiefEngineers).toEqual([]);
  });

  it("returns the 6 systems and the 30 initiatives, paging with cursors", async () => {
    const systems = await get<List<{ code: string; initiatives: string[] }>>("/api/v1/plans/NQ57/systems");
    expect(systems.body.total).toBe(6);
    expect(systems.body.items.map((s) => s.initiatives.length)).toEqual([3, 6, 6, 5, 5, 5]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url = `/api/v1/plans/NQ57/initiatives?limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const res: { status: number; body: List<{ code: string }> } = await get<List<{ code: string }>>(url);
      expect(res.status).toBe(200);
      expect(res.body.total).toBe(30);
      seen.push(...res.body.items.map((i) => i.code));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `SK${String(i + 1).padStart(2, "0")}`));

    const all = await get<List<unknown>>("/api/v1/plans/NQ57/initiatives");
    expect(all.body.items).toHaveLength(30);
    const s6 = await get<List<{ code: string; system: string; projects: string[] }>>(
      "/api/v1/plans/NQ57/initiatives?system=S6",
    );
    expect(s6.body.items.map((i) => i.code)).toEqual(["SK26", "SK27", "SK28", "SK29", "SK30"]);
    expect(s6.body.items.every((i) => i.system === "S6" && i.projects.length === 1)).toBe(true);
  });

  it("filters the plan's indicators by tier and system", async () => {
    const targets = await get<List<{ code: string; tier: string; proposed: boolean; systems: string[] }>>(
      "/api/v1/plans/NQ57/indicators?tier=target&limit=1000",
    );
    expect(targets.status).toBe(200);
    expect(targets.body.total).toBeGreaterThanOrEqual(45);
    expect(targets.body.items.every((i) => i.tier === "target" && !i.proposed)).toBe(true);
    // Proposed KPIs are unpublished: the public does not see them, people working on the plan do.
    const publicKpis = await get<List<unknown>>("/api/v1/plans/NQ57/indicators?tier=kpi&limit=1000");
    expect(publicKpis.body.total).toBe(0);
    const kpis = await get<List<{ tier: string; proposed: boolean; parents: { code: string }[] }>>(
      "/api/v1/plans/NQ57/indicators?tier=kpi&limit=1000",
      { cookie: steering.cookie },
    );
    expect(kpis.body.items.length).toBeGreaterThan(0);
    expect(kpis.body.items.every((k) => k.proposed && k.parents.length > 0)).toBe(true);
    const s4 = await get<List<{ systems: string[] }>>("/api/v1/plans/NQ57/indicators?system=S4&limit=1000");
    expect(s4.body.items.length).toBeGreaterThan(0);
    expect(s4.body.items.every((i) => i.systems.includes("S4"))).toBe(true);
    // Tiers come in order: objectives, targets, KPIs, operational indicators.
    const all = await get<List<{ tier: string }>>("/api/v1/plans/NQ57/indicators?limit=1000", {
      cookie: steering.cookie,
    });
    expect(all.body.items.some((i) => i.tier === "operational")).toBe(true);
    const order = all.body.items.map((i) => ["objective", "target", "kpi", "operational"].indexOf(i.tier));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("serves an indicator and its version history", async () => {
    const ind = await get<{
      code: string;
      targets: { year: number; comparator: string; value: number }[];
      version: number;
    }>("/api/v1/indicators/T30-A04");
    expect(ind.status).toBe(200);
    expect(ind.body.targets).toEqual([expect.objectContaining({ year: 2030, value: 2 })]);
    const hist = await get<List<{ entity: string; action: string; changedBy: string }>>(
      "/api/v1/indicators/T30-A04/history",
    );
    expect(hist.status).toBe(200);
    expect(hist.body.items.map((h) => [h.entity, h.action])).toEqual(
      expect.arrayContaining([
        ["indicator", "create"],
        ["target", "create"],
      ]),
    );
    expect(hist.body.items.every((h) => h.changedBy === "system:seed")).toBe(true);
  });

  it("lists the 34 current province-level units: 28 provinces and 6 cities", async () => {
    const { body } = await get<List<{ code: string; subtype: string; current: boolean }>>(
      "/api/v1/org-units?kind=province&current=true",
    );
    expect(body.total).toBe(34);
    expect(body.items).toHaveLength(34);
    expect(
      body.items
        .filter((u) => u.subtype === "city")
        .map((u) => u.code)
        .sort(),
    ).toEqual(["CAN-THO", "DA-NANG", "HAI-PHONG", "HA-NOI", "HO-CHI-MINH", "HUE"].sort());
    const former = await get<List<{ code: string; successors: { kind: string; unit: string }[] }>>(
      "/api/v1/org-units?kind=province&current=false&limit=1000",
    );
    // The 52 merged on 1 July 2025; the 11 not merged are current units valid before it too.
    expect(former.body.total).toBe(52);
    expect(
      former.body.items.every((u) => u.successors.length === 1 && u.successors[0]?.kind === "merged_into"),
    ).toBe(true);
    const atDate = await get<List<unknown>>("/api/v1/org-units?kind=province&validAt=2025-06-30");
    expect(atDate.body.total).toBe(63);
    const hcm = await get<{ predecessors: { unit: string }[] }>("/api/v1/org-units/HO-CHI-MINH");
    expect(hcm.body.predecessors.map((p) => p.unit).sort()).toEqual([
      "OLD-BA-RIA-VUNG-TAU",
      "OLD-BINH-DUONG",
      "OLD-HO-CHI-MINH",
    ]);
    const children = await get<List<{ code: string }>>(
      "/api/v1/org-units?parent=CP&kind=ministry&current=true",
    );
    expect(children.body.total).toBe(14);
    const search = await get<List<{ code: string }>>(`/api/v1/org-units?q=${encodeURIComponent("Hà Nội")}`);
    expect(search.body.items.map((u) => u.code)).toContain("HA-NOI");
    expect(search.body.items.map((u) => u.code)).not.toContain("OLD-HA-NOI");
  });

  it("answers unknown codes with the one error shape, in Vietnamese by default and English on request", async () => {
    const vi = await get<ErrorBody>("/api/v1/plans/NOPE");
    expect(vi.status).toBe(404);
    expect(vi.body.error.code).toBe("NOT_FOUND");
    expect(vi.body.error.message).toContain("Không tìm thấy kế hoạch");
    expect(vi.body.error.requestId).toBe(vi.headers["x-request-id"]);
    const en = await get<ErrorBody>("/api/v1/plans/NQ57/systems/S9", { "accept-language": "en-US,en;q=0.9" });
    expect(en.status).toBe(404);
    expect(en.body.error.message).toBe("No system with code “S9”.");
    const route = await get<ErrorBody>("/api/v1/nothing-here");
    expect(route.status).toBe(404);
    expect(route.body.error.code).toBe("ROUTE_NOT_FOUND");
  });

  it("rejects bad query parameters naming the field, without leaking internals", async () => {
    const res = await get<ErrorBody>("/api/v1/plans/NQ57/initiatives?limit=5000");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.details?.[0]?.path).toBe("querystring.limit");
    const tier = await get<ErrorBody>("/api/v1/plans/NQ57/indicators?tier=bogus", {
      "accept-language": "en",
    });
    expect(tier.status).toBe(400);
    expect(tier.body.error.details?.[0]?.path).toBe("querystring.tier");
    const cursor = await get<ErrorBody>("/api/v1/plans/NQ57/initiatives?cursor=not-a-cursor");
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.code).toBe("INVALID_CURSOR");
    const date = await get<ErrorBody>("/api/v1/org-units?validAt=2025-13-45");
    expect(date.status).toBe(400);
    expect(JSON.stringify(date.body)).not.toMatch(/stack|select |at Object\./i);
  });

  it("ships no unauthenticated write route except signing in, first setup and password reset", async () => {
    const publicWrites = t.app.routeTable
      .filter((r) => r.method !== "GET" && "public" in r.access)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicWrites).toEqual([
      "POST /api/v1/password-reset",
      "POST /api/v1/session",
      "POST /api/v1/setup",
    ]);
  });

  it("publishes an OpenAPI 3 document and browsable docs", async () => {
    const doc = await get<{ openapi: string; paths: Record<string, unknown> }>("/api/v1/openapi.json");
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/plans",
        "/api/v1/plans/{code}",
        "/api/v1/plans/{code}/systems",
        "/api/v1/plans/{code}/initiatives",
        "/api/v1/plans/{code}/indicators",
        "/api/v1/indicators/{code}/history",
        "/api/v1/org-units",
      ]),
    );
    const docs = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers["content-type"]).toContain("text/html");
  });

  it("reports liveness and readiness", async () => {
    expect((await get<{ status: string }>("/healthz")).body.status).toBe("ok");
    const ready = await get<{ status: string; database: string }>("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: "ready", database: backend });
    const instance = await get<{ demo: boolean; database: string; signIn: unknown }>("/api/v1/instance");
    expect(instance.body.demo).toBe(false);
    // No OIDC provider configured here: the sign-in page offers the password only.
    expect(instance.body.signIn).toEqual({ password: true, sso: null, totpRequiredForAdmins: false });
  });
});
