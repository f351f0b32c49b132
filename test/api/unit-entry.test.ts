/**
 * GET /org-units/{code}/entry — "my unit, this period" (issue 14, item 1): who may read a unit's
 * sheet, which indicators and cells it holds (the write rules decide who reports each cell), the
 * values with status, version and history, a reviewer's return with its reason, locks with who may
 * change them, and `can` flags that are the value's own flags — and, on an empty cell, true exactly
 * when the write goes through.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPeriod, next, parsePeriod, previous } from "../../src/domain/periods.js";
import { currentPeriod } from "../../src/domain/value-rules.js";
import { personas } from "../access/matrix/case.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Cell {
  unit: string;
  reporterUnit: string;
  disaggregation: Record<string, string>;
  value: {
    id: string;
    value: number | boolean;
    status: string;
    version: number;
    updatedBy: string;
    comment: string | null;
  } | null;
  returned: { reason: string | null; by: string; at: string } | null;
  lock: { reason: string; message: string; messageEn: string; mayChange: string[] } | null;
  can: Record<string, boolean>;
  history: ({ value: number | boolean; status: string } | null)[];
}
interface Indicator {
  code: string;
  tier: string;
  frequency: string;
  reportedBy: string;
  valueType: string;
  bounds: { min: number | null; max: number | null };
  disaggregations: { dimension: string; options: string[] }[];
  dueAt: string;
  cells: Cell[];
}
interface Sheet {
  unit: { code: string; kind: string };
  period: string;
  periodKind: string;
  history: string[];
  units: Record<string, { vi: string; en: string | null }>;
  indicators: Indicator[];
  related: { period: string; periodKind: string; indicators: number }[];
}
interface Err {
  error: { code: string; message: string };
}

const HANOI_MONTHLY = [
  "OI_DIGITAL_SKILLS_TRAINEES",
  "OI_DOCS_ISSUED_TOTAL",
  "OI_DOSSIERS_ONLINE",
  "OI_DOSSIERS_TOTAL",
  "OI_EDOCS_EXCHANGED",
  "OI_EDOC_EXCHANGE_RATE",
  "OI_ONLINE_DOSSIER_RATE",
];

describe.each(backends())("a unit's entry sheet on %s", (backend) => {
  let t: TestApp;
  const s = new Map<string, Session>();
  const month = formatPeriod(currentPeriod("month", new Date()));
  const lastMonth = formatPeriod(previous(parsePeriod(month)));

  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    for (const p of personas) if (p !== "anonymous") s.set(p, await login(t.app, p));
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string | null) => as(t.app, who ? (s.get(who) ?? null) : null);
  const sheet = async (who: string, unit = "HA-NOI", period = month): Promise<Sheet> => {
    const res = await req(who)({ url: `/api/v1/org-units/${unit}/entry?plan=NQ57&period=${period}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Sheet;
  };
  const cellOf = (sh: Sheet, indicator: string, d: Record<string, string> = {}, unit?: string) => {
    const ind = sh.indicators.find((i) => i.code === indicator);
    const c = ind?.cells.find(
      (x) => JSON.stringify(x.disaggregation) === JSON.stringify(d) && (!unit || x.unit === unit),
    );
    if (!c) throw new Error(`no cell ${indicator} ${JSON.stringify(d)} ${unit ?? ""}`);
    return c;
  };
  const put = async (who: string, body: Record<string, unknown>) => {
    const res = await req(who)({ method: "PUT", url: "/api/v1/observations", payload: body });
    expect([200, 201], res.body).toContain(res.statusCode);
    return res.json() as { id: string; version: number };
  };
  const post = async (who: string, url: string, payload: Record<string, unknown> = {}) => {
    const res = await req(who)({ method: "POST", url, payload });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { id: string; version: number };
  };

  it("answers the unit's people, the plan's reviewers and no one else, in the one error shape", async () => {
    const url = `/api/v1/org-units/HA-NOI/entry?plan=NQ57&period=${month}`;
    const anon = await req(null)({ url });
    expect(anon.statusCode).toBe(401);
    expect((anon.json() as Err).error.code).toBe("AUTH_REQUIRED");
    const allowed = [
      "demo-admin",
      "demo-standing",
      "demo-engineer-s1",
      "demo-reporter-hanoi",
      "demo-approver-hanoi",
      "demo-province-committee-hanoi",
    ];
    for (const p of personas.filter((x) => x !== "anonymous")) {
      const res = await req(p)({ url });
      if (allowed.includes(p)) expect(res.statusCode, `${p}: ${res.body}`).toBe(200);
      else {
        expect(res.statusCode, p).toBe(403);
        expect((res.json() as Err).error.code).toBe("FORBIDDEN");
      }
    }
    const vi = await req("demo-reporter-hcm")({ url });
    expect((vi.json() as Err).error.message).toMatch(/không có quyền/);
    const unknownUnit = await req("demo-admin")({ url: `/api/v1/org-units/NO-SUCH/entry?period=${month}` });
    expect(unknownUnit.statusCode).toBe(404);
    const unknownPlan = await req("demo-admin")({
      url: `/api/v1/org-units/HA-NOI/entry?plan=NOPE&period=${month}`,
    });
    expect(unknownPlan.statusCode).toBe(404);
    const badPeriod = await req("demo-admin")({ url: "/api/v1/org-units/HA-NOI/entry?period=2026-13" });
    expect(badPeriod.statusCode).toBe(400);
    expect((badPeriod.json() as Err).error.code).toBe("VALIDATION_FAILED");
  });

  it("lists the indicators of the period's frequency whose cell the unit reports, with their definitions", async () => {
    const sh = await sheet("demo-reporter-hanoi");
    expect(sh.period).toBe(month);
    expect(sh.periodKind).toBe("month");
    expect(sh.indicators.map((i) => i.code)).toEqual(HANOI_MONTHLY);
    expect(sh.indicators.every((i) => i.frequency === "monthly" && i.reportedBy === "unit")).toBe(true);
    const rate = sh.indicators.find((i) => i.code === "OI_ONLINE_DOSSIER_RATE");
    expect(rate?.bounds).toEqual({ min: 0, max: 100 });
    expect(rate?.valueType).toBe("number");
    // The 25th of the month, 23:59:59 in Viet Nam.
    expect(rate?.dueAt).toBe(`${month}-25T16:59:59.000Z`);
    // Quarterly ones belong to the quarter's sheet: named, with their number, under `related`.
    expect(sh.related.map((r) => r.periodKind)).toEqual(["quarter", "half_year", "year"]);
    expect(sh.related[0]?.indicators).toBe(2);
    const quarter = await sheet("demo-reporter-hanoi", "HA-NOI", sh.related[0]?.period);
    expect(quarter.indicators.map((i) => i.code)).toEqual([
      "OI_WORK_RECORDS_ONLINE",
      "OI_WORK_RECORDS_TOTAL",
    ]);
    expect(sh.history).toHaveLength(12);
    expect(sh.history[11]).toBe(lastMonth);
  });

  it("lays out a disaggregated indicator: the total, then each option of each dimension", async () => {
    const ind = (await sheet("demo-reporter-hanoi")).indicators.find(
      (i) => i.code === "OI_DIGITAL_SKILLS_TRAINEES",
    );
    expect(ind?.disaggregations).toEqual([
      { dimension: "sex", options: ["male", "female"] },
      { dimension: "area", options: ["urban", "rural"] },
    ]);
    expect(ind?.cells.map((c) => c.disaggregation)).toEqual([
      {},
      { sex: "male" },
      { sex: "female" },
      { area: "urban" },
      { area: "rural" },
    ]);
    await put("demo-reporter-hanoi", {
      indicator: "OI_DIGITAL_SKILLS_TRAINEES",
      unit: "HA-NOI",
      period: month,
      disaggregation: { sex: "female" },
      value: 321,
    });
    const after = await sheet("demo-reporter-hanoi");
    expect(cellOf(after, "OI_DIGITAL_SKILLS_TRAINEES", { sex: "female" }).value?.value).toBe(321);
    expect(cellOf(after, "OI_DIGITAL_SKILLS_TRAINEES").value).toBeNull();
  });

  it("a responsible unit's sheet holds the national cells it reports for the country", async () => {
    const quarter = formatPeriod(currentPeriod("quarter", new Date()));
    const sh = await sheet("demo-reporter-most", "BKHCN", quarter);
    const talents = sh.indicators.find((i) => i.code === "OI_TALENTS_ATTRACTED");
    expect(talents?.reportedBy).toBe("responsible");
    expect(talents?.cells.map((c) => [c.unit, c.reporterUnit])).toEqual([["VN", "BKHCN"]]);
    expect(talents?.cells[0]?.can.write).toBe(true);
    expect(sh.units.VN?.vi).toMatch(/Việt Nam/);
    // The unit's own quarterly figures (reported by every unit) are on it too.
    expect(sh.indicators.map((i) => i.code)).toEqual(
      expect.arrayContaining(["OI_DIGITAL_TECH_REVENUE", "OI_WORK_RECORDS_TOTAL"]),
    );
    // Hà Nội does not report the national figure.
    const hanoi = await sheet("demo-reporter-hanoi", "HA-NOI", quarter);
    expect(hanoi.indicators.some((i) => i.code === "OI_TALENTS_ATTRACTED")).toBe(false);
  });

  it("follows a value through draft, submitted, returned with a reason and approved, for each reader", async () => {
    const cell = { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: month };
    const w = await put("demo-reporter-hanoi", { ...cell, value: 4200, comment: "Theo Cổng DVC" });
    let reporter = cellOf(await sheet("demo-reporter-hanoi"), "OI_DOSSIERS_ONLINE");
    expect(reporter.value).toMatchObject({ id: w.id, value: 4200, status: "draft", version: 1 });
    expect(reporter.value?.updatedBy).toBe("demo-reporter-hanoi");
    expect(reporter.can).toMatchObject({ write: true, submit: false, approve: false });
    expect(reporter.lock).toBeNull();
    expect(cellOf(await sheet("demo-approver-hanoi"), "OI_DOSSIERS_ONLINE").can.submit).toBe(true);
    // A draft is its unit's alone: the Standing Office sees an empty cell it may not write.
    const standingDraft = cellOf(await sheet("demo-standing"), "OI_DOSSIERS_ONLINE");
    expect(standingDraft.value).toBeNull();
    expect(Object.values(standingDraft.can).some(Boolean)).toBe(false);

    await post("demo-approver-hanoi", `/api/v1/observations/${w.id}/submit`, { expectedVersion: 1 });
    reporter = cellOf(await sheet("demo-reporter-hanoi"), "OI_DOSSIERS_ONLINE");
    expect(reporter.value?.status).toBe("submitted");
    expect(reporter.lock).toMatchObject({ reason: "submitted", mayChange: ["recall", "return"] });
    expect(reporter.lock?.message).toMatch(/thu hồi/);
    expect(reporter.can.write).toBe(false);
    expect(cellOf(await sheet("demo-approver-hanoi"), "OI_DOSSIERS_ONLINE").can.recall).toBe(true);
    const standing = cellOf(await sheet("demo-standing"), "OI_DOSSIERS_ONLINE");
    expect(standing.can).toMatchObject({ approve: true, return: true, write: false });

    await post("demo-standing", `/api/v1/observations/${w.id}/return`, {
      reason: "Số hồ sơ trực tuyến lớn hơn tổng số hồ sơ",
      expectedVersion: 2,
    });
    reporter = cellOf(await sheet("demo-reporter-hanoi"), "OI_DOSSIERS_ONLINE");
    expect(reporter.value).toMatchObject({ status: "draft", version: 3, comment: "Theo Cổng DVC" });
    expect(reporter.returned).toMatchObject({
      reason: "Số hồ sơ trực tuyến lớn hơn tổng số hồ sơ",
      by: "demo-standing",
    });
    expect(reporter.can.write).toBe(true);

    // The unit corrects it: the return is answered and no longer shown.
    await put("demo-reporter-hanoi", { ...cell, value: 2100, expectedVersion: 3 });
    reporter = cellOf(await sheet("demo-reporter-hanoi"), "OI_DOSSIERS_ONLINE");
    expect(reporter.returned).toBeNull();
    await post("demo-approver-hanoi", `/api/v1/observations/${w.id}/submit`);
    await post("demo-standing", `/api/v1/observations/${w.id}/approve`);
    reporter = cellOf(await sheet("demo-reporter-hanoi"), "OI_DOSSIERS_ONLINE");
    expect(reporter.lock).toMatchObject({ reason: "approved", mayChange: ["revise"] });
    expect(reporter.lock?.messageEn).toMatch(/reviewer/);
    expect(cellOf(await sheet("demo-standing"), "OI_DOSSIERS_ONLINE").can.revise).toBe(true);
  });

  it("a recall is not a return", async () => {
    const w = await put("demo-reporter-hanoi", {
      indicator: "OI_DOSSIERS_TOTAL",
      unit: "HA-NOI",
      period: month,
      value: 9000,
      comment: "Tạm tính",
    });
    await post("demo-approver-hanoi", `/api/v1/observations/${w.id}/submit`);
    await post("demo-approver-hanoi", `/api/v1/observations/${w.id}/recall`);
    const c = cellOf(await sheet("demo-reporter-hanoi"), "OI_DOSSIERS_TOTAL");
    expect(c.value?.status).toBe("draft");
    expect(c.returned).toBeNull();
  });

  it("shows the cell's last twelve periods, as the caller may read them", async () => {
    const months = [formatPeriod(previous(parsePeriod(lastMonth))), lastMonth];
    const ids: string[] = [];
    for (const [k, period] of months.entries())
      ids.push(
        (
          await put("demo-reporter-hanoi", {
            indicator: "OI_EDOCS_EXCHANGED",
            unit: "HA-NOI",
            period,
            value: 70 + k,
          })
        ).id,
      );
    await post("demo-approver-hanoi", `/api/v1/observations/${ids[0]}/submit`);
    const mine = cellOf(await sheet("demo-reporter-hanoi"), "OI_EDOCS_EXCHANGED");
    expect(mine.history.slice(10)).toEqual([
      { value: 70, status: "submitted" },
      { value: 71, status: "draft" },
    ]);
    expect(mine.history.slice(0, 10).every((h) => h === null)).toBe(true);
    // The Standing Office reads the submitted one, not the draft.
    const theirs = cellOf(await sheet("demo-standing"), "OI_EDOCS_EXCHANGED");
    expect(theirs.history.slice(10)).toEqual([{ value: 70, status: "submitted" }, null]);
  });

  it("locks a period not yet begun for everyone, saying why", async () => {
    const future = formatPeriod(next(parsePeriod(month)));
    const c = cellOf(await sheet("demo-reporter-hanoi", "HA-NOI", future), "OI_DOCS_ISSUED_TOTAL");
    expect(c.can.write).toBe(false);
    expect(c.lock?.reason).toBe("period");
    expect(c.lock?.message).toMatch(/chưa đến/);
    const res = await req("demo-reporter-hanoi")({
      method: "PUT",
      url: "/api/v1/observations",
      payload: { indicator: "OI_DOCS_ISSUED_TOTAL", unit: "HA-NOI", period: future, value: 1 },
    });
    expect(res.statusCode).toBe(422);
  });

  it("flags on an existing value are the value's own, for every persona", async () => {
    const w = await put("demo-reporter-hanoi", {
      indicator: "OI_EDOC_EXCHANGE_RATE",
      unit: "HA-NOI",
      period: month,
      value: 55,
    });
    await post("demo-approver-hanoi", `/api/v1/observations/${w.id}/submit`);
    for (const p of personas.filter((x) => x !== "anonymous")) {
      const res = await req(p)({ url: `/api/v1/org-units/HA-NOI/entry?plan=NQ57&period=${month}` });
      if (res.statusCode !== 200) continue;
      const one = await req(p)({ url: `/api/v1/observations/${w.id}` });
      const c = cellOf(res.json() as Sheet, "OI_EDOC_EXCHANGE_RATE");
      expect(c.can, p).toEqual((one.json() as { can: unknown }).can);
    }
  });

  it("on an empty cell, can.write is true exactly when the write goes through", async () => {
    const month2 = lastMonth;
    for (const p of personas.filter((x) => x !== "anonymous")) {
      const res = await req(p)({ url: `/api/v1/org-units/HA-NOI/entry?plan=NQ57&period=${month2}` });
      if (res.statusCode !== 200) continue;
      const c = cellOf(res.json() as Sheet, "OI_ONLINE_DOSSIER_RATE");
      expect(c.value, p).toBeNull();
      const w = await req(p)({
        method: "PUT",
        url: "/api/v1/observations",
        payload: { indicator: "OI_ONLINE_DOSSIER_RATE", unit: "HA-NOI", period: month2, value: 40 },
      });
      expect(w.statusCode === 201, `${p}: can.write ${c.can.write}, PUT ${w.statusCode}`).toBe(c.can.write);
      if (w.statusCode === 201) {
        const id = (w.json() as { id: string }).id;
        const del = await req(p)({ method: "DELETE", url: `/api/v1/observations/${id}` });
        expect(del.statusCode).toBe(204);
      }
    }
  });
});
