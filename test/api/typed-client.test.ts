/**
 * The typed client (src/contracts/client.ts) against a real server on a port, as the web app will
 * use it: sign in, read the session, list plans, read an overview, and get the API's one error
 * shape back. The file is type-checked (tsc covers test/): a wrong path, parameter or field here
 * fails `npm run typecheck`; test/types/typed-client-rejections.ts proves the types still refuse them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiClient } from "../../src/contracts/client.js";
import { type TestApp, testApp } from "../helpers/app.js";
import { createDemoAccounts, TEST_PASSWORD } from "../helpers/auth.js";
import { backends } from "../helpers/db.js";

describe.each(backends())("typed API client on %s", (backend) => {
  let t: TestApp;
  let base = "";
  beforeAll(async () => {
    t = await testApp(backend);
    await createDemoAccounts(t.database);
    await t.app.listen({ port: 0, host: "127.0.0.1" });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Signs in through the client; outside a browser the cookie is carried by hand. */
  async function signIn(username: string) {
    const { data, error, response } = await createApiClient(base).POST("/api/v1/session", {
      body: { username, password: TEST_PASSWORD },
    });
    expect(error, JSON.stringify(error)).toBeUndefined();
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith("chinam_session="));
    if (!data || !cookie) throw new Error(`sign-in of ${username} failed: ${response.status}`);
    return { session: data, cookie };
  }

  it("signs in, reads the session, lists plans and reads a plan's overview", async () => {
    const { session, cookie } = await signIn("demo-standing");
    expect(session.user.username).toBe("demo-standing");
    const api = createApiClient(base, { headers: { cookie }, csrfToken: session.csrfToken });

    const me = await api.GET("/api/v1/session");
    expect(me.response.status).toBe(200);
    expect(me.data?.user.username).toBe("demo-standing");
    expect(me.data?.csrfToken).toBe(session.csrfToken);
    expect(me.data?.user.roles.map((g) => g.role)).toContain("standing_office");

    const plans = await api.GET("/api/v1/plans");
    expect(plans.response.status).toBe(200);
    expect(plans.data?.items.map((p) => p.code)).toContain("NQ57");
    expect(plans.data?.total).toBeGreaterThanOrEqual(1);

    const overview = await api.GET("/api/v1/plans/{code}/overview", {
      params: { path: { code: "NQ57" }, query: { basis: "reported" } },
    });
    expect(overview.response.status, JSON.stringify(overview.error)).toBe(200);
    expect(overview.data?.basis).toBe("reported");
    expect(overview.data?.systems.map((s) => s.code)).toContain("S1");
    expect(overview.data?.targets.length).toBeGreaterThan(0);
  });

  it("returns the one error shape with its stable code", async () => {
    const anonymous = createApiClient(base, { headers: { "accept-language": "en" } });
    const missing = await anonymous.GET("/api/v1/plans/{code}/overview", {
      params: { path: { code: "NO_SUCH_PLAN" } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.data).toBeUndefined();
    expect(missing.error?.error).toEqual({
      code: "NOT_FOUND",
      message: expect.any(String),
      requestId: missing.response.headers.get("x-request-id"),
    });

    const signedOut = await anonymous.GET("/api/v1/session");
    expect(signedOut.response.status).toBe(401);
    expect(signedOut.error?.error.code).toBe("AUTH_REQUIRED");
  });

  it("sends the CSRF token on state-changing requests only when given one", async () => {
    const { session, cookie } = await signIn("demo-reporter-hanoi");
    const withoutCsrf = await createApiClient(base, { headers: { cookie } }).DELETE("/api/v1/session");
    expect(withoutCsrf.response.status).toBe(403);
    expect(withoutCsrf.error?.error.code).toBe("CSRF_FAILED");

    let current: string | undefined = session.csrfToken;
    const api = createApiClient(base, { headers: { cookie }, csrfToken: () => current });
    expect((await api.DELETE("/api/v1/session")).response.status).toBe(204);
    current = undefined;
    expect((await api.GET("/api/v1/session")).error?.error.code).toBe("AUTH_REQUIRED");
  });

  it("carries an API token as a bearer token", async () => {
    const { session, cookie } = await signIn("demo-admin");
    const admin = createApiClient(base, { headers: { cookie }, csrfToken: session.csrfToken });
    const issued = await admin.POST("/api/v1/api-tokens", {
      body: { name: "Typed client", unit: "HA-NOI", indicators: "*", actions: ["observations:read"] },
    });
    expect(issued.response.status, JSON.stringify(issued.error)).toBe(201);
    const token = issued.data?.token ?? "";

    const current = await createApiClient(base, { bearerToken: token }).GET("/api/v1/api-tokens/current");
    expect(current.data).toMatchObject({
      name: "Typed client",
      unit: "HA-NOI",
      actions: ["observations:read"],
    });
    const refused = await createApiClient(base, { bearerToken: "not-a-token" }).GET(
      "/api/v1/api-tokens/current",
    );
    expect(refused.response.status).toBe(401);
    expect(refused.error?.error.code).toBe("INVALID_TOKEN");
  });
});
