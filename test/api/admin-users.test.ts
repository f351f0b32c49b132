/**
 * Account administration as the web pages use it: the list's accent-insensitive search and its
 * status and role filters; one account's grants in words and the roles the caller may grant it,
 * each offer matching what the grant command then does, with the refusal's reason.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface Named {
  code: string;
  name: { vi: string; en: string | null };
}
interface Grantable {
  role: string;
  scope: string;
  allowed: boolean;
  plans: Named[];
  reason: string | null;
}
interface Account {
  id: string;
  username: string;
  status: string;
  roles: { id: string; role: string; plan: string | null; unit: string | null }[];
  scopes: { grant: string; plan: Named | null; system: Named | null; unit: Named | null }[];
  grantable: Grantable[];
  can: { edit: boolean; grant: boolean; disable: boolean };
}
interface Refusal {
  error: {
    code: string;
    message: string;
    details?: { path?: string; message: string; messageEn?: string; value?: unknown }[];
  };
}

/** A scope fitting each role, in plan NQ57 and unit HA-NOI of the demo data. */
const scopeOf: Record<string, Record<string, string>> = {
  global: {},
  plan: { plan: "NQ57" },
  system: { plan: "NQ57", system: "S1" },
  project: { plan: "NQ57", project: "DA-AI-QG" },
  unit: { unit: "HA-NOI" },
};

describe.each(backends())("account administration on %s", (backend) => {
  let t: TestApp;
  let admin: Session;
  let standing: Session;
  const list = async (s: Session, query: string) =>
    (await as(t.app, s)({ url: `/api/v1/users?${query}` })).json() as { items: Account[]; total: number };
  const read = async (s: Session, id: string) =>
    (await as(t.app, s)({ url: `/api/v1/users/${id}` })).json() as Account;
  const create = async (username: string, displayName: string, email?: string) => {
    const res = await as(
      t.app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/users",
      payload: { username, displayName, ...(email ? { email } : {}) },
    });
    expect(res.statusCode).toBe(201);
    return (res.json() as { user: Account; passwordLink: { url: string; expiresAt: string } }).user;
  };

  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    admin = await login(t.app, "demo-admin");
    standing = await login(t.app, "demo-standing");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("finds accounts by words of the name, username or e-mail, accents and case ignored", async () => {
    const u = await create("tim-kiem-1", "Đặng Thị Ánh – Sở KH&CN Hà Nội", "anh.dang@HANOI.gov.vn");
    await create("tim-kiem-2", "Trần Văn Bình");
    for (const q of ["ha noi", "HÀ NỘI", "Hà Nội", "dang thi anh", "ĐẶNG", "anh.dang@hanoi", "TIM-KIEM-1"]) {
      const found = await list(admin, `q=${encodeURIComponent(q)}`);
      expect(
        found.items.map((x) => x.id),
        q,
      ).toContain(u.id);
      expect(
        found.items.map((x) => x.username),
        q,
      ).not.toContain("tim-kiem-2");
    }
    // LIKE's wildcards are the user's characters, not patterns.
    expect((await list(admin, "q=%25")).total).toBe(0);
    expect((await list(admin, "q=tim_kiem")).total).toBe(0);
  });

  it("gives each listed account the caller's flags for it, the same as its own read", async () => {
    type Flags = { can: { edit: boolean; grant: boolean; disable: boolean } };
    for (const who of [admin, standing]) {
      const items = (await list(who, "q=demo&limit=100")).items as unknown as (Account & Flags)[];
      expect(items.length).toBeGreaterThan(3);
      for (const item of items)
        expect(item.can, item.username).toEqual(((await read(who, item.id)) as unknown as Flags).can);
    }
    // One's own account: an administrator may not disable it, and the list says so.
    const own = ((await list(admin, "q=demo-admin")).items as unknown as (Account & Flags)[]).find(
      (x) => x.username === "demo-admin",
    );
    expect(own?.can.disable).toBe(false);
  });

  it("filters by status and by a role in force", async () => {
    const u = await create("loc-trang-thai", "Người để vô hiệu hoá");
    const patch = await as(
      t.app,
      admin,
    )({
      method: "PATCH",
      url: `/api/v1/users/${u.id}`,
      payload: { status: "disabled" },
    });
    expect(patch.statusCode).toBe(200);
    const disabled = await list(admin, "status=disabled&limit=200");
    expect(disabled.items.map((x) => x.id)).toContain(u.id);
    expect(disabled.items.every((x) => x.status === "disabled")).toBe(true);
    const active = await list(admin, "status=active&limit=200");
    expect(active.items.map((x) => x.id)).not.toContain(u.id);
    expect(active.items.map((x) => x.username)).toContain("demo-admin");

    const reporters = await list(admin, "role=unit_reporter&limit=200");
    expect(reporters.items.map((x) => x.username)).toEqual(
      expect.arrayContaining(["demo-reporter-hanoi", "demo-reporter-hcm"]),
    );
    expect(reporters.items.every((x) => x.roles.some((r) => r.role === "unit_reporter"))).toBe(true);
    expect(reporters.total).toBe(reporters.items.length);
    // A revoked grant no longer counts.
    const grant = await as(
      t.app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/users/${u.id}/roles`,
      payload: { role: "proposer", unit: "HA-NOI" },
    });
    expect(grant.statusCode).toBe(201);
    expect((await list(admin, "role=proposer&limit=200")).items.map((x) => x.id)).toContain(u.id);
    const grantId = (grant.json() as Account).roles[0]?.id ?? "";
    await as(t.app, admin)({ method: "DELETE", url: `/api/v1/users/${u.id}/roles/${grantId}` });
    expect((await list(admin, "role=proposer&limit=200")).items.map((x) => x.id)).not.toContain(u.id);
    expect((await as(t.app, admin)({ url: "/api/v1/users?role=king" })).statusCode).toBe(400);
  });

  it("names each grant's scope in words", async () => {
    const u = await create("pham-vi", "Phạm vi bằng lời");
    for (const payload of [
      { role: "unit_reporter", unit: "HA-NOI" },
      { role: "chief_engineer", plan: "NQ57", system: "S1" },
    ])
      expect(
        (await as(t.app, admin)({ method: "POST", url: `/api/v1/users/${u.id}/roles`, payload })).statusCode,
      ).toBe(201);
    const got = await read(admin, u.id);
    const byGrant = new Map(got.scopes.map((s) => [s.grant, s]));
    const reporter = got.roles.find((r) => r.role === "unit_reporter");
    const engineer = got.roles.find((r) => r.role === "chief_engineer");
    expect(byGrant.get(reporter?.id ?? "")?.unit).toMatchObject({ code: "HA-NOI" });
    expect(byGrant.get(reporter?.id ?? "")?.unit?.name.vi).toMatch(/Hà Nội/);
    const sys = byGrant.get(engineer?.id ?? "");
    expect(sys?.plan?.code).toBe("NQ57");
    expect(sys?.system?.code).toBe("S1");
    expect(sys?.system?.name.vi.length).toBeGreaterThan(3);
  });

  it("an administrator may grant any role to someone else, none to themselves", async () => {
    const u = await create("cap-boi-qt", "Được quản trị cấp");
    const offers = (await read(admin, u.id)).grantable;
    expect(offers.map((g) => g.role)).toHaveLength(10);
    for (const g of offers) {
      expect(g, g.role).toMatchObject({ allowed: true, reason: null });
      if (["plan", "system", "project"].includes(g.scope))
        expect(g.plans.map((p) => p.code)).toContain("NQ57");
      else expect(g.plans).toEqual([]);
    }
    const me = (await as(t.app, admin)({ url: "/api/v1/session" }).then((r) => r.json())) as {
      user: { id: string };
    };
    const own = (await read(admin, me.user.id)).grantable;
    expect(own.every((g) => !g.allowed && g.reason === "own_roles")).toBe(true);
  });

  it("the Standing Office is offered its plan's working roles; each offer and refusal matches the command", async () => {
    const u = await create("cap-boi-tt", "Được Thường trực cấp");
    const offers = (await read(standing, u.id)).grantable;
    const reasons = Object.fromEntries(offers.map((g) => [g.role, g.reason]));
    expect(reasons).toEqual({
      system_admin: "admin_only_role",
      standing_office: "admin_only_role",
      steering_member: null,
      chief_engineer: null,
      chief_architect: null,
      unit_reporter: "unit_role_admin_only",
      unit_approver: "unit_role_admin_only",
      provincial_committee: "unit_role_admin_only",
      advisory_council: null,
      proposer: "unit_role_admin_only",
    });
    for (const g of offers) {
      const payload = { role: g.role, ...scopeOf[g.scope] };
      const res = await as(
        t.app,
        standing,
      )({
        method: "POST",
        url: `/api/v1/users/${u.id}/roles`,
        headers: { "accept-language": "en" },
        payload,
      });
      expect(res.statusCode, g.role).toBe(g.allowed ? 201 : 403);
      if (!g.allowed) {
        const body = res.json() as Refusal;
        expect(body.error.code).toBe("FORBIDDEN");
        expect(body.error.details?.[0]).toMatchObject({ path: "body.role", value: g.reason });
        // In the request's language (English here).
        expect(body.error.details?.[0]?.message).toMatch(/administrators/);
      }
    }
    // Revoking follows the same rule, with the same reason.
    const held = await read(admin, u.id);
    expect(held.roles.map((r) => r.role).sort()).toEqual(
      ["advisory_council", "chief_architect", "chief_engineer", "steering_member"].sort(),
    );
    const adminGrant = await as(
      t.app,
      admin,
    )({
      method: "POST",
      url: `/api/v1/users/${u.id}/roles`,
      payload: { role: "unit_approver", unit: "HA-NOI" },
    });
    const approver = (adminGrant.json() as Account).roles.find((r) => r.role === "unit_approver");
    const revoke = await as(
      t.app,
      standing,
    )({
      method: "DELETE",
      url: `/api/v1/users/${u.id}/roles/${approver?.id}`,
    });
    expect(revoke.statusCode).toBe(403);
    expect((revoke.json() as Refusal).error.details?.[0]?.value).toBe("unit_role_admin_only");
    const steering = held.roles.find((r) => r.role === "steering_member");
    expect(
      (await as(t.app, standing)({ method: "DELETE", url: `/api/v1/users/${u.id}/roles/${steering?.id}` }))
        .statusCode,
    ).toBe(200);
    // Its own account: nothing, because nobody changes their own roles.
    const me = (await as(t.app, standing)({ url: "/api/v1/session" }).then((r) => r.json())) as {
      user: { id: string };
    };
    const own = await read(standing, me.user.id);
    expect(own.grantable.filter((g) => g.allowed)).toEqual([]);
    expect(own.grantable.find((g) => g.role === "steering_member")?.reason).toBe("own_roles");
    const self = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: `/api/v1/users/${me.user.id}/roles`,
      payload: { role: "steering_member", plan: "NQ57" },
    });
    expect((self.json() as Refusal).error.details?.[0]?.value).toBe("own_roles");
  });

  it("refuses an administrator disabling their own account, saying why", async () => {
    const me = (await as(t.app, admin)({ url: "/api/v1/session" }).then((r) => r.json())) as {
      user: { id: string };
    };
    const res = await as(
      t.app,
      admin,
    )({
      method: "PATCH",
      url: `/api/v1/users/${me.user.id}`,
      headers: { "accept-language": "en" },
      payload: { status: "disabled" },
    });
    expect(res.statusCode).toBe(403);
    expect((res.json() as Refusal).error.details?.[0]).toMatchObject({
      path: "body.status",
      message: "You cannot disable your own account.",
    });
    expect((await read(admin, me.user.id)).status).toBe("active");
  });
});
