/**
 * `can` flags on indicators, org units, plans, accounts and unit profiles, per persona: each flag
 * is true exactly when its request succeeds on a fresh object (see can-flags/check.ts). Objects of
 * plan NQ57 and of another plan, of Hà Nội and of TP Hồ Chí Minh, and the persona's own account.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  indicators as indicatorsTable,
  planIndicators,
  plans as plansTable,
  users,
} from "../../src/db/schema/index.js";
import { planDefinition } from "../../src/domain/plan-definition/schema.js";
import { createOrgUnit } from "../../src/server/org-units/index.js";
import { importPlanDefinition } from "../../src/server/plans/import-plan.js";
import { ensureDemoAccounts } from "../../src/server/users/demo-accounts.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, login, type Session, TEST_PASSWORD } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";
import { type FlagResource, flagMismatches, type Persona, personas, signedIn } from "./can-flags/check.js";

const why = "reason=th%E1%BB%AD";

describe.each(backends())("can flags of resources on %s", (backend) => {
  let t: TestApp;
  const sessions = new Map<string, Session>();
  let n = 0;
  const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`.toUpperCase();

  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await ensureDemoAccounts(t.database.db, TEST_PASSWORD);
    for (const p of signedIn) sessions.set(p, await login(t.app, p));
    await plan("OTHER");
  });
  afterAll(async () => {
    await t?.close();
  });

  const db = () => t.database.db;
  const session = (p: Persona) => (p === "anonymous" ? null : (sessions.get(p) ?? null));
  const asAdmin = () => as(t.app, session("demo-admin"));

  /** A plan of its own (2025–2030, one system S1), with no Standing Office. */
  const plan = async (code = `CF-${uniq()}`) => {
    await importPlanDefinition(
      db(),
      planDefinition.parse({
        code,
        name: "Kế hoạch thử",
        startYear: 2025,
        endYear: 2030,
        systems: [{ code: "S1", number: 1, name: "Hệ thống" }],
      }),
      { actor: "test" },
    );
    return code;
  };

  /** A new indicator owned by `plan`, added by an administrator. */
  const indicator = async (planCode: string) => {
    const code = `CF_${uniq()}`;
    const r = await asAdmin()({
      method: "POST",
      url: `/api/v1/plans/${planCode}/indicators`,
      payload: { code, tier: "operational", name: "Chỉ tiêu thử" },
    });
    expect(r.statusCode, r.body).toBe(200);
    return { code, plan: planCode };
  };

  const indicators: FlagResource<{ code: string; plan: string }> = {
    read: (i) => ({ method: "GET", url: `/api/v1/indicators/${i.code}` }),
    requests: {
      edit: (i) => ({
        method: "PATCH",
        url: `/api/v1/indicators/${i.code}`,
        payload: { unit: "%", reason: "Điều chỉnh" },
      }),
      retire: (i) => ({ method: "DELETE", url: `/api/v1/indicators/${i.code}?${why}` }),
      setTarget: (i) => ({
        method: "PUT",
        url: `/api/v1/plans/${i.plan}/indicators/${i.code}/targets`,
        payload: { target: { year: 2030, value: n++ }, reason: "Điều chỉnh" },
      }),
    },
    subjects: [
      ...["NQ57", "OTHER"].map((p) => ({
        label: `indicator of ${p}`,
        fresh: () => indicator(p),
        flags: ["edit", "retire", "setTarget"],
      })),
      // Tracked by NQ57, owned by another plan: NQ57 sets its targets, never its definition.
      {
        label: "indicator of OTHER tracked by NQ57",
        fresh: async () => {
          const i = await indicator("OTHER");
          const [ids] = await db()
            .select({ indicatorId: indicatorsTable.id, planId: plansTable.id })
            .from(indicatorsTable)
            .innerJoin(plansTable, eq(plansTable.code, "NQ57"))
            .where(eq(indicatorsTable.code, i.code));
          if (!ids) throw new Error(`no indicator ${i.code}`);
          await db()
            .insert(planIndicators)
            .values({ ...ids, owner: false });
          return { code: i.code, plan: "NQ57" };
        },
        flags: ["edit", "retire", "setTarget"],
      },
    ],
  };

  const orgUnits: FlagResource<string> = {
    read: (code) => ({ method: "GET", url: `/api/v1/org-units/${code}` }),
    requests: {
      edit: (code) => ({
        method: "PATCH",
        url: `/api/v1/org-units/${code}`,
        payload: { name: { vi: "Đổi tên" } },
      }),
      retire: (code) => ({ method: "DELETE", url: `/api/v1/org-units/${code}?validTo=2026-12-31` }),
    },
    subjects: [
      {
        label: "org unit",
        fresh: async () => {
          const code = `CF-${uniq()}`;
          await createOrgUnit(
            db(),
            { code, kind: "agency", name: { vi: "Đơn vị thử", en: undefined }, lineage: [] },
            { actor: "test" },
          );
          return code;
        },
        flags: ["edit", "retire"],
      },
    ],
  };

  const plans: FlagResource<string> = {
    read: (code) => ({ method: "GET", url: `/api/v1/plans/${code}` }),
    requests: {
      administer: (code) => ({
        method: "POST",
        url: `/api/v1/plans/${code}/systems`,
        payload: { code: `SY${uniq()}`, number: 50, name: "Hệ thống mới" },
      }),
      retire: (code) => ({ method: "DELETE", url: `/api/v1/plans/${code}?${why}` }),
    },
    subjects: [
      // NQ57 stays: its systems change, it is never retired here.
      { label: "plan NQ57", fresh: async () => "NQ57", flags: ["administer"] },
      { label: "another plan", fresh: () => plan(), flags: ["administer", "retire"] },
    ],
  };

  const account = async (username: string) =>
    (await db().select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id ?? "";
  const accounts = (persona: Persona): FlagResource<string> => ({
    read: (id) => ({ method: "GET", url: `/api/v1/users/${id}` }),
    requests: {
      edit: (id) => ({ method: "PATCH", url: `/api/v1/users/${id}`, payload: { displayName: `Tên ${n++}` } }),
      grant: (id) => ({
        method: "POST",
        url: `/api/v1/users/${id}/roles`,
        payload: { role: "steering_member", plan: "NQ57" },
      }),
      disable: (id) => ({ method: "PATCH", url: `/api/v1/users/${id}`, payload: { status: "disabled" } }),
    },
    subjects: [
      {
        label: "another account",
        fresh: async () => {
          const [u] = await db()
            .insert(users)
            .values({
              username: `cf-${uniq().toLowerCase()}`,
              displayName: "Người dùng thử",
              passwordHash: null,
            })
            .returning({ id: users.id });
          return u?.id ?? "";
        },
        flags: ["edit", "grant", "disable"],
      },
      // Nobody disables their own account or grants themselves a role.
      ...(persona === "anonymous"
        ? []
        : [{ label: "own account", fresh: () => account(persona), flags: ["edit", "grant", "disable"] }]),
    ],
  });

  const profiles: FlagResource<string> = {
    read: (code) => ({ method: "GET", url: `/api/v1/org-units/${code}/profile` }),
    requests: {
      edit: (code) => ({
        method: "PUT",
        url: `/api/v1/org-units/${code}/profile`,
        payload: { phone: `024 3825 ${String(n++).padStart(4, "0")}` },
      }),
    },
    subjects: ["HA-NOI", "HO-CHI-MINH"].map((code) => ({
      label: `profile of ${code}`,
      fresh: async () => code,
      flags: ["edit"],
    })),
  };

  it.each(personas)("an indicator's flags as %s match their requests", async (persona) => {
    expect(await flagMismatches(t.app, session(persona), persona, indicators)).toEqual([]);
  });

  it.each(personas)("an org unit's and a plan's flags as %s match their requests", async (persona) => {
    const out = [
      ...(await flagMismatches(t.app, session(persona), persona, orgUnits)),
      ...(await flagMismatches(t.app, session(persona), persona, plans)),
    ];
    expect(out).toEqual([]);
  });

  it.each(personas)("an account's and a unit profile's flags as %s match their requests", async (persona) => {
    const out = [
      ...(await flagMismatches(t.app, session(persona), persona, accounts(persona))),
      ...(await flagMismatches(t.app, session(persona), persona, profiles)),
    ];
    expect(out).toEqual([]);
  });
});
