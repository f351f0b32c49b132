/**
 * Negative tests in the spirit of OWASP ASVS level 2: sessions, CSRF, brute force, escalation,
 * cross-unit access (IDOR), stored script, API tokens, first administrator and password reset.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueOneTimeToken } from "../../src/server/auth/service.js";
import { importOrgUnits } from "../../src/server/org-units/service.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session, TEST_PASSWORD } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface ErrorBody {
  error: { code: string; message: string };
}

describe.each(backends())("security on %s", (backend) => {
  let t: TestApp;
  let admin: Session;
  let approverHanoi: Session;
  let reporterHanoi: Session;
  let reporterHcm: Session;
  let standing: Session;
  beforeAll(async () => {
    t = await testApp(backend, { WRITE_RATE_LIMIT_PER_MINUTE: "100000" });
    await createDemoAccounts(t.database);
    admin = await login(t.app, "demo-admin");
    approverHanoi = await login(t.app, "demo-approver-hanoi");
    reporterHanoi = await login(t.app, "demo-reporter-hanoi");
    reporterHcm = await login(t.app, "demo-reporter-hcm");
    standing = await login(t.app, "demo-standing");
  });
  afterAll(async () => {
    await t?.close();
  });

  it("signs in with a session cookie that is httpOnly and SameSite, and returns roles with scopes", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "Demo-Reporter-Hanoi", password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "chinam_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    const body = res.json() as {
      user: { username: string; unit: string; roles: { role: string; unit: string }[] };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({
      username: "demo-reporter-hanoi",
      unit: "HA-NOI",
      roles: [{ role: "unit_reporter", unit: "HA-NOI" }],
    });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
  });

  it("answers the session probe for anonymous visitors and signed-in users alike, without a 401", async () => {
    const anon = await t.app.inject({ method: "GET", url: "/api/v1/session/probe" });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ session: null });
    const mine = await t.app.inject({
      method: "GET",
      url: "/api/v1/session/probe",
      headers: { cookie: standing.cookie },
    });
    expect(mine.statusCode).toBe(200);
    const same = await t.app.inject({
      method: "GET",
      url: "/api/v1/session",
      headers: { cookie: standing.cookie },
    });
    expect(mine.json()).toEqual({ session: same.json() });
    const forged = await t.app.inject({
      method: "GET",
      url: "/api/v1/session/probe",
      headers: { cookie: "chinam_session=not-a-session" },
    });
    expect(forged.json()).toEqual({ session: null });
  });

  it("rotates the session at sign-in: a session planted before login is ended (no fixation)", async () => {
    const planted = await login(t.app, "demo-steering");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      headers: { cookie: planted.cookie },
      payload: { username: "demo-steering", password: TEST_PASSWORD },
    });
    const fresh = res.cookies.find((c) => c.name === "chinam_session")?.value;
    expect(fresh).toBeTruthy();
    expect(`chinam_session=${fresh}`).not.toBe(planted.cookie);
    expect((await as(t.app, planted)({ url: "/api/v1/session" })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ url: "/api/v1/session", headers: { cookie: `chinam_session=${fresh}` } }))
        .statusCode,
    ).toBe(200);
  });

  it("refuses a state-changing request without the CSRF token, or with another session's", async () => {
    const noToken = await t.app.inject({
      method: "PUT",
      url: "/api/v1/org-units/HA-NOI/profile",
      headers: { cookie: approverHanoi.cookie },
      payload: { phone: "024 1" },
    });
    expect(noToken.statusCode).toBe(403);
    expect((noToken.json() as ErrorBody).error.code).toBe("CSRF_FAILED");
    const wrong = await t.app.inject({
      method: "PUT",
      url: "/api/v1/org-units/HA-NOI/profile",
      headers: { cookie: approverHanoi.cookie, "x-csrf-token": reporterHanoi.csrf },
      payload: { phone: "024 1" },
    });
    expect((wrong.json() as ErrorBody).error.code).toBe("CSRF_FAILED");
    const right = await as(
      t.app,
      approverHanoi,
    )({ method: "PUT", url: "/api/v1/org-units/HA-NOI/profile", payload: { phone: "024 1" } });
    expect(right.statusCode).toBe(200);
  });

  it("throttles brute force per account and address with a growing Retry-After, without locking the account out elsewhere", async () => {
    const attempt = (ip: string, password = "wrong password") =>
      t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        remoteAddress: ip,
        payload: { username: "demo-admin", password },
      });
    for (let i = 0; i < 5; i++) expect((await attempt("203.0.113.9")).statusCode).toBe(401);
    const blocked = await attempt("203.0.113.9");
    expect(blocked.statusCode).toBe(429);
    expect((blocked.json() as ErrorBody).error.code).toBe("LOGIN_THROTTLED");
    const first = Number(blocked.headers["retry-after"]);
    expect(first).toBeGreaterThan(0);
    // Even the right password waits: the attacker cannot learn it during the back-off.
    expect((await attempt("203.0.113.9", TEST_PASSWORD)).statusCode).toBe(429);
    // The administrator signs in from their own address meanwhile.
    expect((await attempt("192.0.2.10", TEST_PASSWORD)).statusCode).toBe(200);
    // One more failure after the wait doubles it.
    await t.database.db.execute(
      sql`update login_attempts set at = at - interval '61 seconds' where ip = '203.0.113.9'`,
    );
    expect((await attempt("203.0.113.9")).statusCode).toBe(401);
    const again = await attempt("203.0.113.9");
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers["retry-after"])).toBeGreaterThan(first);
  });

  it("keeps each unit to its own data (IDOR): Hà Nội cannot read or change Hồ Chí Minh's", async () => {
    const hcmFocal = await as(
      t.app,
      admin,
    )({
      method: "POST",
      url: "/api/v1/org-units/HO-CHI-MINH/focal-persons",
      payload: { fullName: "Phạm Thị D" },
    });
    const id = (hcmFocal.json() as { id: string }).id;
    const tryAs = as(t.app, approverHanoi);
    // Guessing the id of another unit's focal person: it does not exist for them.
    const patch = await tryAs({
      method: "PATCH",
      url: `/api/v1/focal-persons/${id}`,
      payload: { fullName: "Đã sửa" },
    });
    expect(patch.statusCode).toBe(404);
    const del = await tryAs({ method: "DELETE", url: `/api/v1/focal-persons/${id}` });
    expect(del.statusCode).toBe(404);
    const put = await tryAs({
      method: "PUT",
      url: "/api/v1/org-units/HO-CHI-MINH/profile",
      payload: { phone: "0" },
    });
    expect(put.statusCode).toBe(403);
    // Editing the body to point at another unit is not possible either: the unit comes from the path, checked.
    const post = await tryAs({
      method: "POST",
      url: "/api/v1/org-units/HO-CHI-MINH/focal-persons",
      payload: { fullName: "X", unitId: "whatever" },
    });
    expect([400, 403]).toContain(post.statusCode);
    const hcmProfile = await as(t.app, reporterHanoi)({ url: "/api/v1/org-units/HO-CHI-MINH/profile" });
    expect(hcmProfile.statusCode).toBe(403);
    const own = await as(t.app, reporterHcm)({ url: "/api/v1/org-units/HO-CHI-MINH/profile" });
    expect(
      (own.json() as { focalPersons: { fullName: string }[] }).focalPersons.map((f) => f.fullName),
    ).toEqual(["Phạm Thị D"]);
    // A former unit counts as its successor's: Hà Nội's approver reaches Hà Tây (merged into Hà
    // Nội in 2008; not in the seed, whose Hà Nội has no predecessor), not former Bình Dương.
    await importOrgUnits(
      t.database.db,
      [
        {
          code: "OLD-HA-TAY",
          kind: "province",
          subtype: "province",
          name: { vi: "Tỉnh Hà Tây" },
          validTo: "2008-07-31",
          lineage: [{ kind: "merged_into", unit: "HA-NOI", effectiveOn: "2008-08-01" }],
        },
      ],
      { actor: "test", reason: "a former unit of Hà Nội" },
    );
    const former = await as(
      t.app,
      approverHanoi,
    )({ method: "PUT", url: "/api/v1/org-units/OLD-HA-TAY/profile", payload: { phone: "024 2" } });
    expect(former.statusCode).toBe(200);
    const formerOther = await as(
      t.app,
      approverHanoi,
    )({ method: "PUT", url: "/api/v1/org-units/OLD-BINH-DUONG/profile", payload: { phone: "0" } });
    expect(formerOther.statusCode).toBe(403);
  });

  it("refuses privilege escalation through role assignment", async () => {
    const me = (await as(t.app, reporterHanoi)({ url: "/api/v1/session" }).then((r) => r.json())) as {
      user: { id: string };
    };
    const self = await as(
      t.app,
      reporterHanoi,
    )({ method: "POST", url: `/api/v1/users/${me.user.id}/roles`, payload: { role: "system_admin" } });
    expect(self.statusCode).toBe(403);
    const standingMe = (await as(t.app, standing)({ url: "/api/v1/session" }).then((r) => r.json())) as {
      user: { id: string };
    };
    const selfGrant = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: `/api/v1/users/${standingMe.user.id}/roles`,
      payload: { role: "steering_member", plan: "NQ57" },
    });
    expect(selfGrant.statusCode).toBe(403);
    const users = (await as(
      t.app,
      admin,
    )({ url: "/api/v1/users?q=demo-reporter-hcm" }).then((r) => r.json())) as { items: { id: string }[] };
    const target = users.items[0]?.id ?? "";
    const toAdmin = await as(
      t.app,
      standing,
    )({ method: "POST", url: `/api/v1/users/${target}/roles`, payload: { role: "system_admin" } });
    expect(toAdmin.statusCode).toBe(403);
    const toStanding = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: `/api/v1/users/${target}/roles`,
      payload: { role: "standing_office", plan: "NQ57" },
    });
    expect(toStanding.statusCode).toBe(403);
    const allowed = await as(
      t.app,
      standing,
    )({
      method: "POST",
      url: `/api/v1/users/${target}/roles`,
      payload: { role: "steering_member", plan: "NQ57" },
    });
    expect(allowed.statusCode).toBe(201);
  });

  it("returns stored <script> inert: JSON with nosniff, never HTML", async () => {
    const script = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;
    const res = await as(
      t.app,
      approverHanoi,
    )({
      method: "PUT",
      url: "/api/v1/org-units/HA-NOI/profile",
      payload: { address: script, description: script },
    });
    expect(res.statusCode).toBe(200);
    await as(
      t.app,
      approverHanoi,
    )({
      method: "POST",
      url: "/api/v1/org-units/HA-NOI/focal-persons",
      payload: { fullName: script, position: script, responsibility: script },
    });
    const read = await as(t.app, reporterHanoi)({ url: "/api/v1/org-units/HA-NOI/profile" });
    expect(read.headers["content-type"]).toMatch(/^application\/json/);
    expect(read.headers["x-content-type-options"]).toBe("nosniff");
    expect(read.headers["content-security-policy"]).toContain("script-src 'self'");
    const body = read.json() as { address: string; focalPersons: { fullName: string }[] };
    expect(body.address).toBe(script);
    expect(body.focalPersons.some((f) => f.fullName === script)).toBe(true);
  });

  it("accepts a token only within its scope, and refuses it once expired or revoked", async () => {
    const issue = async (indicators: string[] | "*", expiresInDays = 30) =>
      (
        await as(
          t.app,
          admin,
        )({
          method: "POST",
          url: "/api/v1/api-tokens",
          payload: {
            name: "Cục Thống kê",
            unit: "CTK",
            indicators,
            actions: ["indicators:read"],
            expiresInDays,
          },
        })
      ).json() as {
        id: string;
        token: string;
      };
    const scoped = await issue(["K_RD_GDP"]);
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const inScope = await t.app.inject({ url: "/api/v1/indicators/K_RD_GDP", headers: bearer(scoped.token) });
    expect(inScope.statusCode).toBe(200);
    const outOfScope = await t.app.inject({
      url: "/api/v1/indicators/K_DIGITAL_ECONOMY_GDP",
      headers: bearer(scoped.token),
    });
    expect(outOfScope.statusCode).toBe(404);
    const who = await t.app.inject({ url: "/api/v1/api-tokens/current", headers: bearer(scoped.token) });
    expect(who.json()).toMatchObject({ unit: "CTK", indicators: ["K_RD_GDP"], actions: ["indicators:read"] });
    // Tokens cannot reach routes that do not take tokens.
    expect((await t.app.inject({ url: "/api/v1/users", headers: bearer(scoped.token) })).statusCode).toBe(
      403,
    );
    const list = (await as(t.app, admin)({ url: "/api/v1/api-tokens" })).json() as {
      items: { id: string; lastUsedAt: string | null }[];
    };
    expect(JSON.stringify(list)).not.toContain(scoped.token);
    expect(list.items.find((i) => i.id === scoped.id)?.lastUsedAt).toBeTruthy();

    await t.database.db.execute(
      sql`update api_tokens set expires_at = now() - interval '1 second' where id = ${scoped.id}`,
    );
    const expired = await t.app.inject({ url: "/api/v1/api-tokens/current", headers: bearer(scoped.token) });
    expect(expired.statusCode).toBe(401);
    expect((expired.json() as ErrorBody).error.code).toBe("INVALID_TOKEN");

    const other = await issue("*");
    expect(
      (await as(t.app, admin)({ method: "DELETE", url: `/api/v1/api-tokens/${other.id}` })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ url: "/api/v1/api-tokens/current", headers: bearer(other.token) })).statusCode,
    ).toBe(401);
    expect(
      (await t.app.inject({ url: "/api/v1/api-tokens/current", headers: bearer("cn_forged_token_value") }))
        .statusCode,
    ).toBe(401);
  });

  it("creates the first administrator only once, from the one-time link", async () => {
    const fresh = await testApp(backend);
    try {
      const { token } = await issueOneTimeToken(fresh.database.db, "bootstrap_admin", { ttlHours: 1 });
      const weak = await fresh.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { token, username: "quantri", displayName: "Quản trị", password: "short" },
      });
      expect(weak.statusCode).toBe(422);
      expect((weak.json() as ErrorBody).error.code).toBe("PASSWORD_POLICY");
      const ok = await fresh.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: {
          token,
          username: "quantri",
          displayName: "Quản trị viên",
          password: "một mật khẩu đủ dài 2026",
        },
      });
      expect(ok.statusCode).toBe(201);
      const reuse = await fresh.app.inject({
        method: "POST",
        url: "/api/v1/setup",
        payload: { token, username: "thu-hai", displayName: "x", password: "một mật khẩu đủ dài 2026" },
      });
      expect(reuse.statusCode).toBe(409);
      const session = await login(fresh.app, "quantri", "một mật khẩu đủ dài 2026");
      const me = (await as(fresh.app, session)({ url: "/api/v1/session" })).json() as {
        user: { roles: { role: string }[] };
      };
      expect(me.user.roles.map((r) => r.role)).toEqual(["system_admin"]);
    } finally {
      await fresh.close();
    }
  });

  it("resets a password by a one-time link, ending the user's sessions; disabling ends them too", async () => {
    const victim = await login(t.app, "demo-reporter-most");
    const users = (await as(t.app, admin)({ url: "/api/v1/users?q=demo-reporter-most" })).json() as {
      items: { id: string }[];
    };
    const id = users.items[0]?.id ?? "";
    const link = (
      await as(t.app, admin)({ method: "POST", url: `/api/v1/users/${id}/password-reset` })
    ).json() as { url: string };
    expect(link.url).toMatch(/\/reset-password#token=/);
    const token = link.url.split("#token=")[1] ?? "";
    const reset = await t.app.inject({
      method: "POST",
      url: "/api/v1/password-reset",
      payload: { token, password: "mật khẩu mới của Bộ 2026" },
    });
    expect(reset.statusCode).toBe(204);
    expect((await as(t.app, victim)({ url: "/api/v1/session" })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/password-reset",
          payload: { token, password: "mật khẩu khác nữa 2026" },
        })
      ).statusCode,
    ).toBe(400);
    const again = await login(t.app, "demo-reporter-most", "mật khẩu mới của Bộ 2026");
    const disable = await as(
      t.app,
      admin,
    )({ method: "PATCH", url: `/api/v1/users/${id}`, payload: { status: "disabled" } });
    expect(disable.statusCode).toBe(200);
    expect((await as(t.app, again)({ url: "/api/v1/session" })).statusCode).toBe(401);
    const blocked = await t.app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { username: "demo-reporter-most", password: "mật khẩu mới của Bộ 2026" },
    });
    expect(blocked.statusCode).toBe(401);
    await as(t.app, admin)({ method: "PATCH", url: `/api/v1/users/${id}`, payload: { status: "active" } });
    expect(
      (
        await t.app.inject({
          method: "POST",
          url: "/api/v1/session",
          payload: { username: "demo-reporter-most", password: "mật khẩu mới của Bộ 2026" },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("ends idle sessions, signs out, and signs out everywhere", async () => {
    const s = await login(t.app, "demo-advisor");
    await t.database.db.execute(
      sql`update sessions set last_seen_at = now() - interval '2 hours' where user_id = (select id from users where username = 'demo-advisor')`,
    );
    expect((await as(t.app, s)({ url: "/api/v1/session" })).statusCode).toBe(401);
    const a = await login(t.app, "demo-advisor");
    const b = await login(t.app, "demo-advisor");
    expect((await as(t.app, a)({ method: "DELETE", url: "/api/v1/session" })).statusCode).toBe(204);
    expect((await as(t.app, a)({ url: "/api/v1/session" })).statusCode).toBe(401);
    expect((await as(t.app, b)({ url: "/api/v1/session" })).statusCode).toBe(200);
    const c = await login(t.app, "demo-advisor");
    expect(
      ((await as(t.app, c)({ method: "DELETE", url: "/api/v1/me/sessions" })).json() as { ended: number })
        .ended,
    ).toBe(2);
    expect((await as(t.app, b)({ url: "/api/v1/session" })).statusCode).toBe(401);
  });

  it("records every write in the audit trail with who, role, request id and address, without secrets", async () => {
    const res = await as(t.app, admin)({ url: "/api/v1/audit?entityType=user&limit=200" });
    const items = (
      res.json() as {
        items: {
          action: string;
          actor: string;
          requestId: string | null;
          ip: string | null;
          after: unknown;
        }[];
      }
    ).items;
    const reset = items.find((i) => i.action === "user.password_reset");
    expect(reset).toBeTruthy();
    expect(items.find((i) => i.action === "session.login")?.requestId).toBeTruthy();
    expect(JSON.stringify(items)).not.toMatch(/mật khẩu mới|Mật khẩu thử nghiệm/);
    const verify = (await as(t.app, admin)({ url: "/api/v1/audit/verify" })).json() as {
      ok: boolean;
      entries: number;
    };
    expect(verify.ok).toBe(true);
    expect(verify.entries).toBeGreaterThan(10);
  });
});

describe("TOTP second factor", () => {
  it("is required at sign-in once enrolled, and required of administrators when configured", async () => {
    const { currentTotp } = await import("../../src/server/auth/totp.js");
    const t = await testApp("pglite", {
      REQUIRE_TOTP_FOR_ADMINS: "true",
      WRITE_RATE_LIMIT_PER_MINUTE: "100000",
    });
    try {
      await createDemoAccounts(t.database);
      const admin = await login(t.app, "demo-admin");
      // Before enrolling, an administrator can do nothing but enrol.
      const me = (await as(t.app, admin)({ url: "/api/v1/session" })).json() as {
        user: { mustEnrolTotp: boolean };
      };
      expect(me.user.mustEnrolTotp).toBe(true);
      const blocked = await as(t.app, admin)({ url: "/api/v1/users" });
      expect(blocked.statusCode).toBe(403);
      expect((blocked.json() as ErrorBody).error.code).toBe("TOTP_ENROLMENT_REQUIRED");
      const start = (await as(t.app, admin)({ method: "POST", url: "/api/v1/me/totp" })).json() as {
        secret: string;
        uri: string;
      };
      expect(start.uri).toMatch(/^otpauth:\/\/totp\//);
      expect(
        (
          await as(
            t.app,
            admin,
          )({ method: "POST", url: "/api/v1/me/totp/confirm", payload: { code: "123456" } })
        ).statusCode,
      ).toBe(401);
      expect(
        (
          await as(
            t.app,
            admin,
          )({ method: "POST", url: "/api/v1/me/totp/confirm", payload: { code: currentTotp(start.secret) } })
        ).statusCode,
      ).toBe(204);
      expect((await as(t.app, admin)({ url: "/api/v1/users" })).statusCode).toBe(200);
      // The secret is not stored in clear.
      const row = await t.database.pglite?.query<{ totp_secret: string }>(
        "select totp_secret from users where username = 'demo-admin'",
      );
      expect(row?.rows[0]?.totp_secret).not.toContain(start.secret);
      // Signing in now needs the code.
      const noCode = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { username: "demo-admin", password: TEST_PASSWORD },
      });
      expect((noCode.json() as ErrorBody).error.code).toBe("TOTP_REQUIRED");
      const wrong = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { username: "demo-admin", password: TEST_PASSWORD, totp: "000000" },
      });
      expect(wrong.statusCode).toBe(401);
      const right = await t.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { username: "demo-admin", password: TEST_PASSWORD, totp: currentTotp(start.secret) },
      });
      expect(right.statusCode).toBe(200);
      // Administrators cannot turn it off while it is required.
      const off = await as(
        t.app,
        admin,
      )({ method: "DELETE", url: "/api/v1/me/totp", payload: { code: currentTotp(start.secret) } });
      expect(off.statusCode).toBe(403);
    } finally {
      await t.close();
    }
  });
});
