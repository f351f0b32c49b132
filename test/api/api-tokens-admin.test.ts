/**
 * API tokens as the administration page reads them: who issued each, its status and revocation
 * time, the `can.revoke` flag, last use set by a real request, never the secret; the issue and
 * the revocation audited with before and after; and the audit verification refused to the Standing
 * Office, whose session says so.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";
import { as, createDemoAccounts, login, type Session } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

interface TokenView {
  id: string;
  name: string;
  prefix: string;
  unit: string;
  createdBy: { id: string; username: string; displayName: string } | null;
  lastUsedAt: string | null;
  revoked: boolean;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
  can: { revoke: boolean };
  token?: string;
}
interface Entry {
  seq: number;
  action: string;
  actor: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

describe.each(backends())("API tokens for administrators on %s", (backend) => {
  let t: TestApp;
  const s: Record<string, Session> = {};
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    for (const u of ["demo-admin", "demo-standing"]) s[u] = await login(t.app, u);
  });
  afterAll(async () => {
    await t?.close();
  });
  const req = (who: string) => as(t.app, s[who] ?? null);
  const list = async () =>
    ((await req("demo-admin")({ url: "/api/v1/api-tokens" })).json() as { items: TokenView[] }).items;

  let issued: TokenView;

  it("issues a token whose answer carries the secret once, with its issuer and flags", async () => {
    const res = await req("demo-admin")({
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: { name: "Cổng Hà Nội", unit: "HA-NOI", indicators: ["T30-A02"], actions: ["indicators:read"] },
    });
    expect(res.statusCode, res.body).toBe(201);
    issued = res.json() as TokenView;
    expect(issued.token).toMatch(new RegExp(`^cn_${issued.prefix}_`));
    expect(issued).toMatchObject({
      unit: "HA-NOI",
      status: "active",
      revoked: false,
      revokedAt: null,
      lastUsedAt: null,
      can: { revoke: true },
      createdBy: { username: "demo-admin" },
    });
    expect(issued.createdBy?.displayName).toBeTruthy();
  });

  it("lists it without the secret, newest first", async () => {
    const [first] = await list();
    expect(first?.id).toBe(issued.id);
    expect(first).not.toHaveProperty("token");
    expect(JSON.stringify(first)).not.toContain(issued.token ?? "never");
    expect(first?.createdBy?.username).toBe("demo-admin");
  });

  it("records its last use when the token is used, and tells the token only its scopes", async () => {
    const res = await t.app.inject({
      url: "/api/v1/api-tokens/current",
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json() as object).sort()).toEqual(
      ["actions", "expiresAt", "id", "indicators", "name", "prefix", "unit"].sort(),
    );
    const used = (await list()).find((x) => x.id === issued.id);
    expect(used?.lastUsedAt).not.toBeNull();
  });

  it("revokes it: status, time and flag change, the token is refused, a second revoke is 404", async () => {
    const del = await req("demo-admin")({ method: "DELETE", url: `/api/v1/api-tokens/${issued.id}` });
    expect(del.statusCode, del.body).toBe(204);
    const after = (await list()).find((x) => x.id === issued.id);
    expect(after).toMatchObject({ status: "revoked", revoked: true, can: { revoke: false } });
    expect(after?.revokedAt).not.toBeNull();
    const refused = await t.app.inject({
      url: "/api/v1/api-tokens/current",
      headers: { authorization: `Bearer ${issued.token}` },
    });
    expect(refused.statusCode).toBe(401);
    const again = await req("demo-admin")({ method: "DELETE", url: `/api/v1/api-tokens/${issued.id}` });
    expect(again.statusCode).toBe(404);
  });

  it("audits the issue and the revocation with before and after, never the secret", async () => {
    const res = await req("demo-admin")({
      url: `/api/v1/audit?entityType=api_token&entityId=${issued.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: Entry[] }).items;
    expect(items.map((e) => e.action)).toEqual(["api_token.revoke", "api_token.create"]);
    const [revoke, create] = items;
    expect(revoke?.before).toEqual({ name: "Cổng Hà Nội", revoked: false });
    expect(revoke?.after).toMatchObject({ name: "Cổng Hà Nội", revoked: true });
    expect(create?.before).toBeNull();
    expect(create?.after).toMatchObject({ name: "Cổng Hà Nội", unit: "HA-NOI", prefix: issued.prefix });
    expect(JSON.stringify(items)).not.toContain(issued.token ?? "never");
    const byUser = await req("demo-admin")({ url: "/api/v1/audit?actor=demo-admin&entityType=api_token" });
    expect((byUser.json() as { items: Entry[] }).items.map((e) => e.entityId)).toContain(issued.id);
  });

  it("lets only administrators verify the chain, and each session's flag says so", async () => {
    const ok = await req("demo-admin")({ url: "/api/v1/audit/verify" });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true });
    expect((ok.json() as { entries: number }).entries).toBeGreaterThan(2);
    const refused = await req("demo-standing")({ url: "/api/v1/audit/verify" });
    expect(refused.statusCode).toBe(403);
    const flags = async (who: string) =>
      ((await req(who)({ url: "/api/v1/session" })).json() as { can: Record<string, boolean> }).can;
    expect(await flags("demo-admin")).toMatchObject({ readAudit: true, verifyAudit: true });
    expect(await flags("demo-standing")).toMatchObject({ readAudit: true, verifyAudit: false });
  });
});
