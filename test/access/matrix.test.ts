/**
 * The access matrix: every registered route × every role (the demo personas and the public) ×
 * an object of their own and one of someone else (Hà Nội vs TP Hồ Chí Minh; plan NQ57 vs another
 * plan). The route list comes from the application itself: a route without a case here fails the
 * suite, and so does a handler whose policy check is removed (someone else's object gets through).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { focalPersons, orgUnits, roleAssignments, users } from "../../src/db/schema/index.js";
import { planDefinition } from "../../src/domain/plan-definition/schema.js";
import { loadRefs } from "../../src/server/observations/values/queries.js";
import { transitionObservation } from "../../src/server/observations/values/transition.js";
import { writeObservation } from "../../src/server/observations/values/write.js";
import { createOrgUnit } from "../../src/server/org-units/service.js";
import { importPlanDefinition } from "../../src/server/plans/import-plan.js";
import { ensureDemoAccounts } from "../../src/server/users/demo-accounts.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, login, type Session, TEST_PASSWORD } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

const personas = [
  "demo-admin",
  "demo-standing",
  "demo-steering",
  "demo-engineer-s1",
  "demo-architect",
  "demo-reporter-hanoi",
  "demo-approver-hanoi",
  "demo-reporter-hcm",
  "demo-reporter-most",
  "demo-province-committee-hanoi",
  "demo-advisor",
  "demo-proposer",
  "anonymous",
] as const;
type Persona = (typeof personas)[number];

const ALL: Persona[] = [...personas];
const SIGNED_IN: Persona[] = personas.filter((p) => p !== "anonymous");
const ADMIN: Persona[] = ["demo-admin"];
const PLAN_ADMINS: Persona[] = ["demo-admin", "demo-standing"];
const PLAN_WIDE: Persona[] = [
  "demo-admin",
  "demo-standing",
  "demo-steering",
  "demo-engineer-s1",
  "demo-architect",
  "demo-advisor",
];

interface Req {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Use a fresh session (the request ends sessions). */
  fresh?: boolean;
  remoteAddress?: string;
}

interface Case {
  /** Request on an object of the Hà Nội personas / plan NQ57 ("own"). */
  own: () => Promise<Req> | Req;
  /** Request on someone else's object: TP Hồ Chí Minh / another plan. */
  other: () => Promise<Req> | Req;
  allowOwn: Persona[];
  allowOther: Persona[];
  /** Public routes: anyone gets an answer that is not an authorization refusal. */
  public?: boolean;
  /** Allowed callers may get a business error (wrong code), never an authorization refusal. */
  businessErrorsOk?: boolean;
  /** A stream that never ends under inject: its access is tested in test/api/events.test.ts. */
  streamTestedElsewhere?: boolean;
  /** What the public gets when refused (401 on signed-in routes; 404 on public routes checking the object). */
  anonymousStatus?: number;
}

describe.each(backends())("access matrix on %s", (backend) => {
  let t: TestApp;
  const sessions = new Map<Persona, Session>();
  let victimId = "";
  let n = 0;
  const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`.toUpperCase();

  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await ensureDemoAccounts(t.database.db, TEST_PASSWORD);
    for (const p of SIGNED_IN) sessions.set(p, await login(t.app, p));
    // Another plan with its own Standing Office: "other" for the NQ57 Standing Office.
    await importPlanDefinition(
      t.database.db,
      planDefinition.parse({
        code: "OTHER",
        name: "Kế hoạch khác",
        startYear: 2025,
        endYear: 2030,
        systems: [{ code: "S1", number: 1, name: "Hệ thống" }],
        initiatives: [{ code: "SK01", number: 1, system: "S1", title: "Sáng kiến" }],
        indicators: [{ code: "OTHER_K", tier: "kpi", name: "KPI khác", targets: [{ year: 2030, value: 1 }] }],
      }),
      { actor: "test" },
    );
    const [victim] = await t.database.db
      .insert(users)
      .values({ username: "victim", displayName: "Victim", passwordHash: null })
      .returning({ id: users.id });
    victimId = victim?.id ?? "";
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.database.db;
  const unitId = async (code: string) =>
    (await db().select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)))[0]?.id ?? "";
  const focal = async (unit: string) => {
    const [f] = await db()
      .insert(focalPersons)
      .values({ unitId: await unitId(unit), fullName: "Nguyễn Văn A" })
      .returning({ id: focalPersons.id });
    return f?.id ?? "";
  };
  const grant = async (plan: string) => {
    const { plans } = await import("../../src/db/schema/index.js");
    const [p] = await db().select({ id: plans.id }).from(plans).where(eq(plans.code, plan));
    const [g] = await db()
      .insert(roleAssignments)
      .values({ userId: victimId, role: "steering_member", planId: p?.id ?? null })
      .returning({ id: roleAssignments.id });
    return g?.id ?? "";
  };
  const throwawayPlan = async () => {
    const code = `TMP-${uniq()}`;
    await importPlanDefinition(
      db(),
      planDefinition.parse({ code, name: "Tạm", startYear: 2025, endYear: 2030 }),
      { actor: "test" },
    );
    return code;
  };
  const throwawaySystem = async (plan: string) => {
    const code = `SX${uniq()}`;
    const r = await as(
      t.app,
      sessions.get("demo-admin") ?? null,
    )({ method: "POST", url: `/api/v1/plans/${plan}/systems`, payload: { code, number: 99, name: "Tạm" } });
    expect(r.statusCode).toBe(200);
    return code;
  };
  const throwawayInitiative = async (plan: string) => {
    const code = `SKX${uniq()}`;
    const r = await as(
      t.app,
      sessions.get("demo-admin") ?? null,
    )({
      method: "POST",
      url: `/api/v1/plans/${plan}/initiatives`,
      payload: { code, number: 99, system: "S1", title: "Tạm" },
    });
    expect(r.statusCode).toBe(200);
    return code;
  };
  const throwawayIndicator = async (plan: string) => {
    const code = `X_${uniq()}`;
    const r = await as(
      t.app,
      sessions.get("demo-admin") ?? null,
    )({
      method: "POST",
      url: `/api/v1/plans/${plan}/indicators`,
      payload: { code, tier: "operational", name: "Tạm" },
    });
    expect(r.statusCode).toBe(200);
    return code;
  };
  const throwawayToken = async () => {
    const r = await as(
      t.app,
      sessions.get("demo-admin") ?? null,
    )({
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: { name: "tmp", unit: "HA-NOI", indicators: "*", actions: ["indicators:read"] },
    });
    return (r.json() as { id: string }).id;
  };
  let month = 0;
  /** A value of OI_DOSSIERS_ONLINE for a unit, in a fresh period, in the given state. */
  const value = async (unit: string, status: "draft" | "submitted" | "approved") => {
    month++;
    const period = `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
    const input = { indicator: "OI_DOSSIERS_ONLINE", unit, period, value: month };
    const refs = await loadRefs(db(), [input]);
    const { row } = await db().transaction((tx) => writeObservation(tx, input, refs, { actor: "test" }));
    if (status !== "draft") {
      const sent = await db().transaction((tx) =>
        transitionObservation(tx, row, "submit", { actor: "test" }),
      );
      if (status === "approved")
        await db().transaction((tx) => transitionObservation(tx, sent, "approve", { actor: "test" }));
    }
    return row.id;
  };
  const same = (r: Req) => ({ own: () => r, other: () => r });
  const plansDef = (code: string) => ({
    code,
    name:
      code === "NQ57" ? "Kế hoạch hành động chiến lược triển khai Nghị quyết số 57-NQ/TW" : "Kế hoạch khác",
    startYear: 2025,
    endYear: code === "NQ57" ? 2045 : 2030,
  });

  const cases: Record<string, Case> = {
    "POST /api/v1/session": {
      // From another address, so that the failed sign-ins do not throttle the personas' own.
      ...same({
        method: "POST",
        url: "/api/v1/session",
        payload: { username: "nobody", password: "wrong" },
        remoteAddress: "198.51.100.7",
      }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
    },
    "GET /api/v1/session": {
      ...same({ method: "GET", url: "/api/v1/session" }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
    },
    "DELETE /api/v1/session": {
      ...same({ method: "DELETE", url: "/api/v1/session", fresh: true }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
    },
    "DELETE /api/v1/me/sessions": {
      ...same({ method: "DELETE", url: "/api/v1/me/sessions", fresh: true }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
    },
    "GET /api/v1/me/sessions": {
      ...same({ method: "GET", url: "/api/v1/me/sessions" }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
    },
    "PUT /api/v1/me/password": {
      ...same({
        method: "PUT",
        url: "/api/v1/me/password",
        payload: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD },
        fresh: true,
      }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
    },
    "POST /api/v1/me/totp": {
      ...same({ method: "POST", url: "/api/v1/me/totp" }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
    },
    "POST /api/v1/me/totp/confirm": {
      ...same({ method: "POST", url: "/api/v1/me/totp/confirm", payload: { code: "000000" } }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
      businessErrorsOk: true,
    },
    "DELETE /api/v1/me/totp": {
      ...same({ method: "DELETE", url: "/api/v1/me/totp", payload: { code: "000000" } }),
      allowOwn: SIGNED_IN,
      allowOther: SIGNED_IN,
      businessErrorsOk: true,
    },
    "GET /api/v1/session/oidc/start": {
      ...same({ method: "GET", url: "/api/v1/session/oidc/start" }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
    },
    "GET /api/v1/session/oidc/callback": {
      ...same({ method: "GET", url: "/api/v1/session/oidc/callback?code=x&state=y" }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
    },
    "PUT /api/v1/observations": {
      own: () => ({
        method: "PUT",
        url: "/api/v1/observations",
        payload: {
          indicator: "OI_DOSSIERS_ONLINE",
          unit: "HA-NOI",
          period: "2026-05",
          value: Math.round(Math.random() * 1e6),
        },
      }),
      other: () => ({
        method: "PUT",
        url: "/api/v1/observations",
        payload: {
          indicator: "OI_DOSSIERS_ONLINE",
          unit: "HO-CHI-MINH",
          period: "2026-05",
          value: Math.round(Math.random() * 1e6),
        },
      }),
      allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
      allowOther: ["demo-reporter-hcm"],
    },
    "POST /api/v1/observations/bulk": {
      own: () => ({
        method: "POST",
        url: "/api/v1/observations/bulk",
        payload: {
          items: [
            { indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-06", value: Math.random() },
          ],
        },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/observations/bulk",
        payload: {
          items: [
            { indicator: "OI_DOSSIERS_ONLINE", unit: "HO-CHI-MINH", period: "2026-06", value: Math.random() },
          ],
        },
      }),
      allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
      allowOther: ["demo-reporter-hcm"],
    },
    "POST /api/v1/observations/import": {
      own: () => ({
        method: "POST",
        url: "/api/v1/observations/import",
        headers: { "content-type": "text/csv" },
        payload: `indicator,unit,period,value\nOI_DOSSIERS_ONLINE,HA-NOI,2026-07,${Math.round(Math.random() * 1e5)}\n`,
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/observations/import",
        headers: { "content-type": "text/csv" },
        payload: `indicator,unit,period,value\nOI_DOSSIERS_ONLINE,HO-CHI-MINH,2026-07,${Math.round(Math.random() * 1e5)}\n`,
      }),
      allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
      allowOther: ["demo-reporter-hcm"],
    },
    "GET /api/v1/observations/template.xlsx": {
      own: () => ({ method: "GET", url: "/api/v1/observations/template.xlsx?unit=HA-NOI&period=2026-10" }),
      other: () => ({
        method: "GET",
        url: "/api/v1/observations/template.xlsx?unit=HO-CHI-MINH&period=2026-10",
      }),
      allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
      allowOther: ["demo-reporter-hcm"],
    },
    "GET /api/v1/observations/export": {
      ...same({ method: "GET", url: "/api/v1/observations/export?indicator=OI_DOSSIERS_ONLINE" }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
    },
    "GET /api/v1/events": {
      ...same({ method: "GET", url: "/api/v1/events" }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
      streamTestedElsewhere: true,
    },
    "GET /api/v1/observations": {
      ...same({ method: "GET", url: "/api/v1/observations?indicator=OI_DOSSIERS_ONLINE" }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
    },
    "GET /api/v1/observations/:id": {
      own: async () => ({ method: "GET", url: `/api/v1/observations/${await value("HA-NOI", "draft")}` }),
      other: async () => ({
        method: "GET",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "draft")}`,
      }),
      allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi", "demo-province-committee-hanoi"],
      allowOther: ["demo-reporter-hcm"],
      anonymousStatus: 404,
    },
    "GET /api/v1/observations/:id/revisions": {
      own: async () => ({
        method: "GET",
        url: `/api/v1/observations/${await value("HA-NOI", "draft")}/revisions`,
      }),
      other: async () => ({
        method: "GET",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "draft")}/revisions`,
      }),
      allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi", "demo-province-committee-hanoi"],
      allowOther: ["demo-reporter-hcm"],
      anonymousStatus: 404,
    },
    "GET /api/v1/observations/imports/:key": {
      // Nobody reads the progress of an upload they did not send (their own: test/api/observations-bulk).
      ...same({ method: "GET", url: "/api/v1/observations/imports/no-such-upload-key" }),
      allowOwn: [],
      allowOther: [],
    },
    "DELETE /api/v1/observations/:id": {
      own: async () => ({ method: "DELETE", url: `/api/v1/observations/${await value("HA-NOI", "draft")}` }),
      other: async () => ({
        method: "DELETE",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "draft")}`,
      }),
      allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
      allowOther: ["demo-reporter-hcm"],
    },
    "POST /api/v1/observations/:id/submit": {
      own: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HA-NOI", "draft")}/submit`,
      }),
      other: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "draft")}/submit`,
      }),
      allowOwn: ["demo-approver-hanoi"],
      allowOther: [],
    },
    "POST /api/v1/observations/:id/recall": {
      own: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HA-NOI", "submitted")}/recall`,
      }),
      other: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "submitted")}/recall`,
      }),
      allowOwn: ["demo-approver-hanoi"],
      allowOther: [],
    },
    "POST /api/v1/observations/:id/revise": {
      own: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HA-NOI", "approved")}/revise`,
        payload: { value: 7, reason: "Cổng DVC đã đối soát lại" },
      }),
      other: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "approved")}/revise`,
        payload: { value: 7, reason: "Cổng DVC đã đối soát lại" },
      }),
      allowOwn: ["demo-admin", "demo-standing", "demo-engineer-s1"],
      allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    },
    "POST /api/v1/observations/:id/approve": {
      own: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HA-NOI", "submitted")}/approve`,
      }),
      other: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "submitted")}/approve`,
      }),
      allowOwn: ["demo-admin", "demo-standing", "demo-engineer-s1"],
      allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    },
    "POST /api/v1/observations/:id/return": {
      own: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HA-NOI", "submitted")}/return`,
        payload: { reason: "Xem lại" },
      }),
      other: async () => ({
        method: "POST",
        url: `/api/v1/observations/${await value("HO-CHI-MINH", "submitted")}/return`,
        payload: { reason: "Xem lại" },
      }),
      allowOwn: ["demo-admin", "demo-standing", "demo-engineer-s1"],
      allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    },
    "POST /api/v1/setup": {
      ...same({
        method: "POST",
        url: "/api/v1/setup",
        payload: { token: "x".repeat(20), username: "x", displayName: "x", password: "x" },
      }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
    },
    "POST /api/v1/password-reset": {
      ...same({
        method: "POST",
        url: "/api/v1/password-reset",
        payload: { token: "x".repeat(20), password: "x" },
      }),
      allowOwn: ALL,
      allowOther: ALL,
      public: true,
    },
    "GET /api/v1/users": {
      ...same({ method: "GET", url: "/api/v1/users" }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "GET /api/v1/users/:id": {
      own: () => ({ method: "GET", url: `/api/v1/users/${victimId}` }),
      other: () => ({ method: "GET", url: `/api/v1/users/${victimId}` }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "POST /api/v1/users": {
      own: () => ({
        method: "POST",
        url: "/api/v1/users",
        payload: { username: `u-${uniq().toLowerCase()}`, displayName: "Người dùng" },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/users",
        payload: { username: `u-${uniq().toLowerCase()}`, displayName: "Người dùng" },
      }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "PATCH /api/v1/users/:id": {
      own: () => ({ method: "PATCH", url: `/api/v1/users/${victimId}`, payload: { displayName: "Victim" } }),
      other: () => ({
        method: "PATCH",
        url: `/api/v1/users/${victimId}`,
        payload: { displayName: "Victim" },
      }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "POST /api/v1/users/:id/roles": {
      own: () => ({
        method: "POST",
        url: `/api/v1/users/${victimId}/roles`,
        payload: { role: "steering_member", plan: "NQ57" },
      }),
      other: () => ({
        method: "POST",
        url: `/api/v1/users/${victimId}/roles`,
        payload: { role: "steering_member", plan: "OTHER" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/users/:id/roles/:grant": {
      own: async () => ({ method: "DELETE", url: `/api/v1/users/${victimId}/roles/${await grant("NQ57")}` }),
      other: async () => ({
        method: "DELETE",
        url: `/api/v1/users/${victimId}/roles/${await grant("OTHER")}`,
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "POST /api/v1/users/:id/password-reset": {
      ...same({ method: "POST", url: "/api/v1/users/VICTIM/password-reset" }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "GET /api/v1/users/:id/sessions": {
      ...same({ method: "GET", url: "/api/v1/users/VICTIM/sessions" }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/users/:id/sessions": {
      ...same({ method: "DELETE", url: "/api/v1/users/VICTIM/sessions" }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "POST /api/v1/api-tokens": {
      ...same({
        method: "POST",
        url: "/api/v1/api-tokens",
        payload: { name: "t", unit: "HA-NOI", indicators: ["T30-A02"], actions: ["indicators:read"] },
      }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "GET /api/v1/api-tokens": {
      ...same({ method: "GET", url: "/api/v1/api-tokens" }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/api-tokens/:id": {
      own: async () => ({ method: "DELETE", url: `/api/v1/api-tokens/${await throwawayToken()}` }),
      other: async () => ({ method: "DELETE", url: `/api/v1/api-tokens/${await throwawayToken()}` }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    // Only API tokens use this route: every person is refused.
    "GET /api/v1/api-tokens/current": {
      ...same({ method: "GET", url: "/api/v1/api-tokens/current" }),
      allowOwn: [],
      allowOther: [],
    },
    "GET /api/v1/audit": {
      ...same({ method: "GET", url: "/api/v1/audit?limit=5" }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "GET /api/v1/audit/:seq": {
      ...same({ method: "GET", url: "/api/v1/audit/1" }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "GET /api/v1/audit/verify": {
      ...same({ method: "GET", url: "/api/v1/audit/verify" }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "GET /api/v1/org-units/:code/profile": {
      own: () => ({ method: "GET", url: "/api/v1/org-units/HA-NOI/profile" }),
      other: () => ({ method: "GET", url: "/api/v1/org-units/HO-CHI-MINH/profile" }),
      allowOwn: [...PLAN_WIDE, "demo-reporter-hanoi", "demo-approver-hanoi", "demo-province-committee-hanoi"],
      allowOther: [...PLAN_WIDE, "demo-reporter-hcm"],
    },
    "PUT /api/v1/org-units/:code/profile": {
      own: () => ({
        method: "PUT",
        url: "/api/v1/org-units/HA-NOI/profile",
        payload: { phone: "024 3825 3536" },
      }),
      other: () => ({
        method: "PUT",
        url: "/api/v1/org-units/HO-CHI-MINH/profile",
        payload: { phone: "028 3829 6052" },
      }),
      allowOwn: ["demo-admin", "demo-approver-hanoi"],
      allowOther: ADMIN,
    },
    "POST /api/v1/org-units/:code/focal-persons": {
      own: () => ({
        method: "POST",
        url: "/api/v1/org-units/HA-NOI/focal-persons",
        payload: { fullName: "Trần Thị B" },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/org-units/HO-CHI-MINH/focal-persons",
        payload: { fullName: "Lê Văn C" },
      }),
      allowOwn: ["demo-admin", "demo-approver-hanoi"],
      allowOther: ADMIN,
    },
    "PATCH /api/v1/focal-persons/:id": {
      own: async () => ({
        method: "PATCH",
        url: `/api/v1/focal-persons/${await focal("HA-NOI")}`,
        payload: { position: "Chuyên viên" },
      }),
      other: async () => ({
        method: "PATCH",
        url: `/api/v1/focal-persons/${await focal("HO-CHI-MINH")}`,
        payload: { position: "Chuyên viên" },
      }),
      allowOwn: ["demo-admin", "demo-approver-hanoi"],
      allowOther: ADMIN,
    },
    "DELETE /api/v1/focal-persons/:id": {
      own: async () => ({ method: "DELETE", url: `/api/v1/focal-persons/${await focal("HA-NOI")}` }),
      other: async () => ({ method: "DELETE", url: `/api/v1/focal-persons/${await focal("HO-CHI-MINH")}` }),
      allowOwn: ["demo-admin", "demo-approver-hanoi"],
      allowOther: ADMIN,
    },
    "POST /api/v1/plans": {
      own: () => ({ method: "POST", url: "/api/v1/plans?dryRun=true", payload: plansDef("NQ57") }),
      other: () => ({ method: "POST", url: "/api/v1/plans?dryRun=true", payload: plansDef("OTHER") }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/plans/:code": {
      own: async () => ({
        method: "DELETE",
        url: `/api/v1/plans/${await throwawayPlan()}?reason=th%E1%BB%AD`,
      }),
      other: async () => ({
        method: "DELETE",
        url: `/api/v1/plans/${await throwawayPlan()}?reason=th%E1%BB%AD`,
      }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "POST /api/v1/plans/:code/systems": {
      own: () => ({
        method: "POST",
        url: "/api/v1/plans/NQ57/systems",
        payload: { code: `SY${uniq()}`, number: 50, name: "Mới" },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/plans/OTHER/systems",
        payload: { code: `SY${uniq()}`, number: 50, name: "Mới" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "PATCH /api/v1/plans/:code/systems/:system": {
      own: async () => ({
        method: "PATCH",
        url: `/api/v1/plans/NQ57/systems/${await throwawaySystem("NQ57")}`,
        payload: { name: "Đổi tên" },
      }),
      other: async () => ({
        method: "PATCH",
        url: `/api/v1/plans/OTHER/systems/${await throwawaySystem("OTHER")}`,
        payload: { name: "Đổi tên" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/plans/:code/systems/:system": {
      own: async () => ({
        method: "DELETE",
        url: `/api/v1/plans/NQ57/systems/${await throwawaySystem("NQ57")}?reason=th%E1%BB%AD`,
      }),
      other: async () => ({
        method: "DELETE",
        url: `/api/v1/plans/OTHER/systems/${await throwawaySystem("OTHER")}?reason=th%E1%BB%AD`,
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "POST /api/v1/plans/:code/initiatives": {
      own: () => ({
        method: "POST",
        url: "/api/v1/plans/NQ57/initiatives",
        payload: { code: `SKY${uniq()}`, number: 90, system: "S1", title: "Mới" },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/plans/OTHER/initiatives",
        payload: { code: `SKY${uniq()}`, number: 90, system: "S1", title: "Mới" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "PATCH /api/v1/plans/:code/initiatives/:initiative": {
      own: async () => ({
        method: "PATCH",
        url: `/api/v1/plans/NQ57/initiatives/${await throwawayInitiative("NQ57")}`,
        payload: { title: "Đổi" },
      }),
      other: async () => ({
        method: "PATCH",
        url: `/api/v1/plans/OTHER/initiatives/${await throwawayInitiative("OTHER")}`,
        payload: { title: "Đổi" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/plans/:code/initiatives/:initiative": {
      own: async () => ({
        method: "DELETE",
        url: `/api/v1/plans/NQ57/initiatives/${await throwawayInitiative("NQ57")}?reason=th%E1%BB%AD`,
      }),
      other: async () => ({
        method: "DELETE",
        url: `/api/v1/plans/OTHER/initiatives/${await throwawayInitiative("OTHER")}?reason=th%E1%BB%AD`,
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "POST /api/v1/plans/:code/indicators": {
      own: () => ({
        method: "POST",
        url: "/api/v1/plans/NQ57/indicators",
        payload: { code: `Y_${uniq()}`, tier: "operational", name: "Mới" },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/plans/OTHER/indicators",
        payload: { code: `Y_${uniq()}`, tier: "operational", name: "Mới" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "PATCH /api/v1/indicators/:code": {
      own: async () => ({
        method: "PATCH",
        url: `/api/v1/indicators/${await throwawayIndicator("NQ57")}`,
        payload: { unit: "%", reason: "Điều chỉnh" },
      }),
      other: async () => ({
        method: "PATCH",
        url: `/api/v1/indicators/${await throwawayIndicator("OTHER")}`,
        payload: { unit: "%", reason: "Điều chỉnh" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/indicators/:code": {
      own: async () => ({
        method: "DELETE",
        url: `/api/v1/indicators/${await throwawayIndicator("NQ57")}?reason=th%E1%BB%AD`,
      }),
      other: async () => ({
        method: "DELETE",
        url: `/api/v1/indicators/${await throwawayIndicator("OTHER")}?reason=th%E1%BB%AD`,
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "PUT /api/v1/plans/:code/indicators/:indicator/targets": {
      own: () => ({
        method: "PUT",
        url: "/api/v1/plans/NQ57/indicators/T30-A02/targets",
        payload: { target: { year: 2030, comparator: ">", value: 40 + Math.random() }, reason: "Điều chỉnh" },
      }),
      other: () => ({
        method: "PUT",
        url: "/api/v1/plans/OTHER/indicators/OTHER_K/targets",
        payload: { target: { year: 2030, value: Math.random() }, reason: "Điều chỉnh" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "POST /api/v1/org-units": {
      own: () => ({
        method: "POST",
        url: "/api/v1/org-units",
        payload: { code: `U-${uniq()}`, kind: "agency", name: "Đơn vị" },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/org-units",
        payload: { code: `U-${uniq()}`, kind: "agency", name: "Đơn vị" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "PATCH /api/v1/org-units/:code": {
      ...same({ method: "PATCH", url: "/api/v1/org-units/VIETTEL", payload: { adminCode: null } }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "DELETE /api/v1/org-units/:code": {
      own: async () => {
        const code = `D-${uniq()}`;
        await createOrgUnit(
          db(),
          { code, kind: "agency", name: { vi: "Tạm", en: undefined }, lineage: [] },
          { actor: "test" },
        );
        return { method: "DELETE", url: `/api/v1/org-units/${code}?validTo=2026-12-31` };
      },
      other: async () => {
        const code = `D-${uniq()}`;
        await createOrgUnit(
          db(),
          { code, kind: "agency", name: { vi: "Tạm", en: undefined }, lineage: [] },
          { actor: "test" },
        );
        return { method: "DELETE", url: `/api/v1/org-units/${code}?validTo=2026-12-31` };
      },
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
  };
  const publicGet = (url: string, otherUrl = url): Case => ({
    own: () => ({ method: "GET", url }),
    other: () => ({ method: "GET", url: otherUrl }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  });
  Object.assign(cases, {
    "GET /api/v1/plans": publicGet("/api/v1/plans"),
    "GET /api/v1/plans/:code": publicGet("/api/v1/plans/NQ57", "/api/v1/plans/OTHER"),
    "GET /api/v1/plans/:code/data-quality": {
      own: () => ({ method: "GET", url: "/api/v1/plans/NQ57/data-quality?period=2026-10" }),
      other: () => ({ method: "GET", url: "/api/v1/plans/OTHER/data-quality?period=2026-10" }),
      allowOwn: SIGNED_IN.filter((p) => p !== "demo-proposer" && p !== "demo-architect"),
      allowOther: [
        "demo-admin",
        "demo-reporter-hanoi",
        "demo-approver-hanoi",
        "demo-reporter-hcm",
        "demo-reporter-most",
        "demo-province-committee-hanoi",
      ],
    },
    "GET /api/v1/plans/:code/overview": publicGet(
      "/api/v1/plans/NQ57/overview",
      "/api/v1/plans/OTHER/overview",
    ),
    "GET /api/v1/indicators/:code/series": publicGet(
      "/api/v1/indicators/T30-A02/series",
      "/api/v1/indicators/T30-A02/series?unit=HO-CHI-MINH",
    ),
    "GET /api/v1/indicators/:code/breakdown": publicGet(
      "/api/v1/indicators/T30-A02/breakdown?period=2026",
      "/api/v1/indicators/T30-A02/breakdown?period=2026&parent=HO-CHI-MINH",
    ),
    "GET /api/v1/indicators/:code/compare": publicGet(
      "/api/v1/indicators/T30-A02/compare?units=HA-NOI",
      "/api/v1/indicators/T30-A02/compare?units=HO-CHI-MINH",
    ),
    "GET /api/v1/plans/:code/systems": publicGet("/api/v1/plans/NQ57/systems", "/api/v1/plans/OTHER/systems"),
    "GET /api/v1/plans/:code/systems/:system": publicGet(
      "/api/v1/plans/NQ57/systems/S1",
      "/api/v1/plans/OTHER/systems/S1",
    ),
    "GET /api/v1/plans/:code/initiatives": publicGet(
      "/api/v1/plans/NQ57/initiatives",
      "/api/v1/plans/OTHER/initiatives",
    ),
    "GET /api/v1/plans/:code/initiatives/:initiative": publicGet(
      "/api/v1/plans/NQ57/initiatives/SK01",
      "/api/v1/plans/OTHER/initiatives/SK01",
    ),
    "GET /api/v1/plans/:code/projects": publicGet("/api/v1/plans/NQ57/projects"),
    "GET /api/v1/plans/:code/indicators": publicGet("/api/v1/plans/NQ57/indicators"),
    "GET /api/v1/indicators/:code": publicGet("/api/v1/indicators/T30-A02"),
    "GET /api/v1/indicators/:code/history": publicGet("/api/v1/indicators/T30-A02/history"),
    "GET /api/v1/org-units": publicGet("/api/v1/org-units"),
    "GET /api/v1/org-units/:code": publicGet("/api/v1/org-units/HA-NOI", "/api/v1/org-units/HO-CHI-MINH"),
    "GET /api/v1/instance": publicGet("/api/v1/instance"),
    "GET /api/v1/openapi.json": publicGet("/api/v1/openapi.json"),
    "GET /healthz": publicGet("/healthz"),
    "GET /readyz": publicGet("/readyz"),
    "GET /setup": publicGet("/setup"),
    "GET /reset-password": publicGet("/reset-password"),
    "GET /account/account.js": publicGet("/account/account.js"),
    "GET /account/account.css": publicGet("/account/account.css"),
    "GET /": publicGet("/"),
    "GET /favicon.ico": publicGet("/favicon.ico"),
  });

  it("has a case for every registered route, and no case for a route that does not exist", () => {
    const registered = t.app.routeTable.map((r) => `${r.method} ${r.url}`).sort();
    expect(Object.keys(cases).sort()).toEqual(registered);
  });

  it("gives each role exactly what the policies allow, on its own objects and on others'", async () => {
    const failures: string[] = [];
    for (const [key, c] of Object.entries(cases)) {
      if (c.streamTestedElsewhere) continue;
      for (const side of ["own", "other"] as const) {
        for (const persona of personas) {
          const req = await (side === "own" ? c.own() : c.other());
          const url = req.url.replace("VICTIM", victimId);
          let session = persona === "anonymous" ? null : (sessions.get(persona) ?? null);
          if (req.fresh && persona !== "anonymous") session = await login(t.app, persona);
          const res = await as(
            t.app,
            session,
          )({
            method: req.method,
            url,
            payload: req.payload as never,
            headers: req.headers,
            ...(req.remoteAddress ? { remoteAddress: req.remoteAddress } : {}),
          });
          // Requests that end sessions (or change the password) may end the persona's main one too.
          if (req.fresh && persona !== "anonymous") sessions.set(persona, await login(t.app, persona));
          const allowed = (side === "own" ? c.allowOwn : c.allowOther).includes(persona);
          const status = res.statusCode;
          const refused = status === 401 || status === 403 || status === 404;
          let ok: boolean;
          // Public routes may answer 401 for wrong credentials, never with an authorization refusal.
          if (c.public) ok = !/"code":"(AUTH_REQUIRED|FORBIDDEN|CSRF_FAILED)"/.test(res.body);
          else if (allowed)
            ok =
              status < 400 ||
              (!!c.businessErrorsOk &&
                !/"code":"(AUTH_REQUIRED|FORBIDDEN|CSRF_FAILED|NOT_FOUND)"/.test(res.body));
          else ok = refused && (persona !== "anonymous" || status === (c.anonymousStatus ?? 401));
          if (!ok)
            failures.push(
              `${key} [${side}] as ${persona}: ${status} ${allowed ? "(should be allowed)" : "(should be refused)"} ${res.body.slice(0, 160)}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    // ~100 routes × 13 personas × own and other: minutes on a busy 2-core machine.
  }, 300_000);

  it("refuses a route added without an access rule", async () => {
    const { buildApp } = await import("../../src/server/app.js");
    const app = await buildApp({
      config: t.app.deps.config,
      database: t.database,
      logger: false,
      anchor: t.app.deps.auditAnchor,
    });
    expect(() => app.get("/api/v1/unprotected", async () => ({ leaked: true }))).toThrow(/no access rule/);
    await app.close();
  });
});
