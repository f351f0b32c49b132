/**
 * `can` flags on the session and on values, per persona: each flag is true exactly when its
 * request succeeds on a fresh object (see can-flags/check.ts). Values are checked in each state
 * (draft, submitted, approved) of the personas' own unit (Hà Nội) and of another (TP Hồ Chí Minh);
 * list rows carry the same flags as the value read alone. Other resources: can-flags-resources.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPeriod, previous } from "../../src/domain/periods.js";
import { currentPeriod } from "../../src/domain/value-rules.js";
import { allows, sessionCan } from "../../src/server/access/index.js";
import { internalAdministrator } from "../../src/server/access/roles.js";
import { ensureDemoAccounts } from "../../src/server/users/demo-accounts.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, login, type Session, TEST_PASSWORD } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import {
  type FlagResource,
  flagMismatches,
  type Persona,
  personas,
  type Req,
  signedIn,
} from "./can-flags/check.js";

type State = "draft" | "submitted" | "approved";
interface Value {
  id: string;
  indicator: string;
  unit: string;
  period: string;
  /** Its current version (what a batch move sends as expectedVersion). */
  version: number;
}

/** Monthly indicators of system S1, each reported by the unit itself, with room for any figure below 100. */
const CELL_INDICATORS = [
  "OI_DOSSIERS_ONLINE",
  "OI_DOSSIERS_TOTAL",
  "OI_ONLINE_DOSSIER_RATE",
  "OI_EDOCS_EXCHANGED",
  "OI_DOCS_ISSUED_TOTAL",
  "OI_EDOC_EXCHANGE_RATE",
];
/** Months back from the current one: TP Hồ Chí Minh exists as merged from July 2025 only. */
const MONTHS = 36;

describe.each(backends())("can flags on %s", (backend) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  const used = new Map<string, number>();
  let n = 0;
  const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`.toUpperCase();

  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await ensureDemoAccounts(t.database.db, TEST_PASSWORD);
    // TP Hồ Chí Minh's own approver, to bring its values to submitted and approved.
    await ensureDemoAccounts(t.database.db, TEST_PASSWORD, [
      {
        username: "test-approver-hcm",
        displayName: "Lãnh đạo duyệt TP Hồ Chí Minh (thử)",
        unit: "HO-CHI-MINH",
        grants: [{ role: "unit_approver", unit: "HO-CHI-MINH" }],
      },
    ]);
    for (const p of [...signedIn, "test-approver-hcm"]) sessions.set(p, await login(t.app, p));
  });
  afterAll(async () => {
    await t?.close();
  });

  const session = (p: Persona | "test-approver-hcm") =>
    p === "anonymous" ? null : (sessions.get(p) ?? null);
  const call = async (who: Persona | "test-approver-hcm", r: Req) =>
    as(t.app, session(who))({ method: r.method, url: r.url, payload: r.payload as never });

  /** A cell of `unit` no check has used yet: one of the last MONTHS months, of one of the indicators. */
  const freshCell = (unit: string) => {
    const k = used.get(unit) ?? 0;
    used.set(unit, k + 1);
    let period = currentPeriod("month", new Date());
    for (let back = Math.floor(k / CELL_INDICATORS.length); back > 0; back--) period = previous(period);
    if (k >= MONTHS * CELL_INDICATORS.length) throw new Error(`out of fresh cells for ${unit}`);
    return {
      indicator: CELL_INDICATORS[k % CELL_INDICATORS.length] as string,
      unit,
      period: formatPeriod(period),
    };
  };
  /** Figures between 1 and 99, each different from the one before. */
  let counter = 0;
  const figure = () => (counter++ % 99) + 1;

  /** A new value of `unit` in `state`, brought there through the API by the unit's own people and a reviewer. */
  const freshValue = async (unit: "HA-NOI" | "HO-CHI-MINH", state: State): Promise<Value> => {
    const cell = freshCell(unit);
    const reporter = unit === "HA-NOI" ? "demo-reporter-hanoi" : "demo-reporter-hcm";
    const approver = unit === "HA-NOI" ? "demo-approver-hanoi" : "test-approver-hcm";
    const put = await call(reporter, {
      method: "PUT",
      url: "/api/v1/observations",
      payload: { ...cell, value: figure() },
    });
    expect(put.statusCode, put.body).toBe(201);
    let { id, version } = put.json() as { id: string; version: number };
    if (state !== "draft") {
      const sent = await call(approver, { method: "POST", url: `/api/v1/observations/${id}/submit` });
      expect(sent.statusCode, sent.body).toBe(200);
      ({ version } = sent.json() as { version: number });
    }
    if (state === "approved") {
      const ok = await call("demo-admin", { method: "POST", url: `/api/v1/observations/${id}/approve` });
      expect(ok.statusCode, ok.body).toBe(200);
      ({ version } = ok.json() as { version: number });
    }
    return { id, version, ...cell };
  };

  const valueFlags = ["write", "submit", "recall", "approve", "return", "revise", "delete"] as const;
  const values: FlagResource<Value> = {
    read: (v) => ({ method: "GET", url: `/api/v1/observations/${v.id}` }),
    requests: {
      write: (v) => ({
        method: "PUT",
        url: "/api/v1/observations",
        payload: { indicator: v.indicator, unit: v.unit, period: v.period, value: figure() },
      }),
      submit: (v) => ({ method: "POST", url: `/api/v1/observations/${v.id}/submit` }),
      recall: (v) => ({ method: "POST", url: `/api/v1/observations/${v.id}/recall` }),
      approve: (v) => ({ method: "POST", url: `/api/v1/observations/${v.id}/approve` }),
      return: (v) => ({
        method: "POST",
        url: `/api/v1/observations/${v.id}/return`,
        payload: { reason: "Xem lại" },
      }),
      revise: (v) => ({
        method: "POST",
        url: `/api/v1/observations/${v.id}/revise`,
        payload: { value: figure(), reason: "Cổng DVC đã đối soát lại" },
      }),
      delete: (v) => ({ method: "DELETE", url: `/api/v1/observations/${v.id}` }),
    },
    subjects: (["HA-NOI", "HO-CHI-MINH"] as const).flatMap((unit) =>
      (["draft", "submitted", "approved"] as const).map((state) => ({
        label: `${state} value of ${unit}`,
        fresh: () => freshValue(unit, state),
        flags: valueFlags,
      })),
    ),
  };

  it.each(personas)("a value's flags as %s match its requests, in every state", async (persona) => {
    expect(await flagMismatches(t.app, session(persona), persona, values)).toEqual([]);
  });

  it.each(personas)("list rows carry the value's own flags, as %s", async (persona) => {
    for (const unit of ["HA-NOI", "HO-CHI-MINH"] as const)
      for (const state of ["draft", "submitted", "approved"] as const) {
        const v = await freshValue(unit, state);
        const one = await call(persona, { method: "GET", url: `/api/v1/observations/${v.id}` });
        const list = await call(persona, {
          method: "GET",
          url: `/api/v1/observations?indicator=${v.indicator}&unit=${unit}&from=${v.period}&to=${v.period}`,
        });
        expect(list.statusCode, list.body).toBe(200);
        const row = (list.json() as { items: { id: string; can: unknown }[] }).items.find(
          (i) => i.id === v.id,
        );
        if (one.statusCode === 404) expect(row).toBeUndefined();
        else expect(row?.can, `${state} value of ${unit}`).toEqual((one.json() as { can: unknown }).can);
      }
  });

  it.each(signedIn)("the session's flags as %s match their requests", async (persona) => {
    const me = await call(persona, { method: "GET", url: "/api/v1/session" });
    const unit = (me.json() as { user: { unit: string | null } }).user.unit ?? "HA-NOI";
    const instance: FlagResource<Value | null> = {
      read: () => ({ method: "GET", url: "/api/v1/session" }),
      requests: {
        createPlan: () => ({
          method: "POST",
          url: "/api/v1/plans",
          payload: { code: `CF-${uniq()}`, name: "Kế hoạch thử", startYear: 2025, endYear: 2030 },
        }),
        manageUsers: () => ({
          method: "POST",
          url: "/api/v1/users",
          payload: { username: `cf-${uniq().toLowerCase()}`, displayName: "Người dùng thử" },
        }),
        // NQ57 is the only plan any persona administers (its Standing Office, and administrators).
        administerPlans: () => ({
          method: "PATCH",
          url: "/api/v1/plans/NQ57/systems/S1",
          payload: {},
        }),
        readUsers: () => ({ method: "GET", url: "/api/v1/users" }),
        administerOrgUnits: () => ({
          method: "POST",
          url: "/api/v1/org-units",
          payload: { code: `CF-${uniq()}`, kind: "agency", name: "Đơn vị thử" },
        }),
        readAudit: () => ({ method: "GET", url: "/api/v1/audit?limit=1" }),
        verifyAudit: () => ({ method: "GET", url: "/api/v1/audit/verify" }),
        manageApiTokens: () => ({
          method: "POST",
          url: "/api/v1/api-tokens",
          payload: { name: "thử", unit: "HA-NOI", indicators: ["T30-A02"], actions: ["indicators:read"] },
        }),
        // A value of a cell the persona's own unit reports.
        importValues: () => ({
          method: "POST",
          url: "/api/v1/observations/bulk",
          payload: { items: [{ ...freshCell(unit), value: figure() }] },
        }),
        readReportedValues: () => ({ method: "GET", url: "/api/v1/plans/NQ57/overview?basis=reported" }),
        // Approving, as one batch, a submitted value of plan NQ57's system S1: every reviewer among
        // the personas reviews it (administrator, NQ57's Standing Office, S1's Chief Engineer), and
        // nobody else reviews any value, so this one request stands for "some plan or system".
        reviewValues: (v) => ({
          method: "POST",
          url: "/api/v1/observations/transitions",
          payload: { action: "approve", items: v ? [{ id: v.id, expectedVersion: v.version }] : [] },
        }),
      },
      subjects: [
        {
          label: "session",
          fresh: async () => null,
          flags: [
            "createPlan",
            "administerPlans",
            "manageUsers",
            "readUsers",
            "administerOrgUnits",
            "readAudit",
            "verifyAudit",
            "manageApiTokens",
            "importValues",
            "readReportedValues",
          ],
        },
        {
          label: "session, with a submitted value of Hà Nội",
          fresh: () => freshValue("HA-NOI", "submitted"),
          flags: ["reviewValues"],
        },
      ],
    };
    expect(await flagMismatches(t.app, session(persona), persona, instance)).toEqual([]);
  });
});

describe("an administrator who must first enrol a second factor", () => {
  it("may do nothing else, and every flag says so", () => {
    const enrolling = { ...internalAdministrator("enrolling"), mustEnrolTotp: true };
    expect(Object.values(sessionCan(enrolling)).some(Boolean)).toBe(false);
    expect(allows(enrolling, "plan.create", null)).toBe(false);
    // The same account once enrolled.
    expect(sessionCan({ ...enrolling, mustEnrolTotp: false }).createPlan).toBe(true);
  });
});
