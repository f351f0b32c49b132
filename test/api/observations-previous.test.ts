/**
 * The review queue's earlier figure (issue 14, item 4): GET /observations?previous=true gives each
 * value the same cell's value in the period before (a typo shows as a jump), read by the list's own
 * read rule — a reviewer sees the unit's approved figure but never its draft, which its reporter
 * does see — across a year's end, and only when asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Listed {
  id: string;
  period: string;
  value: number;
  previous?: { period: string; value: number | boolean; status: string } | null;
}

describe.each(backends())("the period before, in the review queue, on %s", (backend) => {
  let t: TestApp;
  const s = new Map<string, Session>();

  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const p of ["demo-reporter-hanoi", "demo-approver-hanoi", "demo-standing", "demo-admin"])
      s.set(p, await login(t.app, p));
  });
  afterAll(async () => {
    await t?.close();
  });

  const call = async (who: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => {
    const res = await as(
      t.app,
      s.get(who) ?? null,
    )({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as never }),
    });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as { id: string; version: number };
  };
  const write = (indicator: string, period: string, value: number) =>
    call("demo-reporter-hanoi", "PUT", "/api/v1/observations", { indicator, unit: "HA-NOI", period, value });
  const submit = (id: string) => call("demo-approver-hanoi", "POST", `/api/v1/observations/${id}/submit`);
  const approve = (id: string) => call("demo-admin", "POST", `/api/v1/observations/${id}/approve`);
  const list = async (who: string, query: string) => {
    const res = await as(t.app, s.get(who) ?? null)({ method: "GET", url: `/api/v1/observations?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Listed[] }).items;
  };

  it("gives the approved figure of the month before, across the year's end", async () => {
    const before = await write("OI_DOSSIERS_ONLINE", "2024-12", 40);
    await submit(before.id);
    await approve(before.id);
    const now = await write("OI_DOSSIERS_ONLINE", "2025-01", 4000);
    await submit(now.id);
    const q =
      "status=submitted&reviewable=true&under=HA-NOI&indicator=OI_DOSSIERS_ONLINE&from=2025-01&to=2025-01";
    const [row] = await list("demo-standing", `${q}&previous=true`);
    expect(row?.id).toBe(now.id);
    expect(row?.previous).toEqual({ period: "2024-12", value: 40, status: "approved" });
    // Not asked for: not there.
    const [plain] = await list("demo-standing", q);
    expect(plain).toBeDefined();
    expect(plain && "previous" in plain).toBe(false);
  });

  it("shows the reviewer no draft of the month before, and the reporter their own", async () => {
    await write("OI_DOSSIERS_TOTAL", "2025-02", 77);
    const now = await write("OI_DOSSIERS_TOTAL", "2025-03", 78);
    await submit(now.id);
    const q = "indicator=OI_DOSSIERS_TOTAL&unit=HA-NOI&from=2025-03&to=2025-03&previous=true";
    const [reviewed] = await list("demo-standing", `${q}&status=submitted&reviewable=true`);
    expect(reviewed?.id).toBe(now.id);
    expect(reviewed?.previous).toBeNull();
    const [own] = await list("demo-reporter-hanoi", q);
    expect(own?.previous).toEqual({ period: "2025-02", value: 77, status: "draft" });
  });

  it("gives null when the cell has no value the period before", async () => {
    const now = await write("OI_EDOCS_EXCHANGED", "2025-05", 12);
    await submit(now.id);
    const [row] = await list(
      "demo-standing",
      "indicator=OI_EDOCS_EXCHANGED&unit=HA-NOI&from=2025-05&to=2025-05&previous=true",
    );
    expect(row?.id).toBe(now.id);
    expect(row?.previous).toBeNull();
  });
});
