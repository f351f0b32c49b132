/**
 * Single sign-on against an in-process OpenID Connect provider (oidc-provider): the code flow
 * with PKCE end to end, claims mapped to an account and its unit, and a forged callback refused.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../helpers/app.js";

const REDIRECT = "http://chinam.test/api/v1/session/oidc/callback";

class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair = ""] = c.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i), pair.slice(i + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

describe("single sign-on (OIDC)", () => {
  let issuer = "";
  let server: Server;
  let t: TestApp;

  beforeAll(async () => {
    // Listen first, so the provider can be built with its real issuer URL (random port).
    let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
    server = createServer((req, res) => handler(req, res));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: "chinam",
          client_secret: "chinam-secret-for-tests",
          redirect_uris: [REDIRECT],
          response_types: ["code"],
          grant_types: ["authorization_code"],
        },
      ],
      claims: { openid: ["sub"], profile: ["preferred_username", "name", "unit"], email: ["email"] },
      findAccount: async (_ctx: unknown, sub: string) => ({
        accountId: sub,
        claims: async () => ({
          sub,
          preferred_username: `can.bo.${sub}`,
          name: "Nguyễn Thị Minh",
          email: `${sub}@hanoi.gov.vn`,
          unit: "HA-NOI",
        }),
      }),
      pkce: { required: () => true },
      features: { devInteractions: { enabled: true } },
    });
    handler = provider.callback();
    t = await testApp("pglite", {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: "chinam",
      OIDC_CLIENT_SECRET: "chinam-secret-for-tests",
      OIDC_REDIRECT_URI: REDIRECT,
      OIDC_UNIT_CLAIM: "unit",
      OIDC_ALLOW_HTTP: "true",
    });
  });
  afterAll(async () => {
    await t?.close();
    server?.close();
  });

  /** Drives the provider's development login and consent screens as a browser would. */
  async function signInAtProvider(authUrl: string, accountId: string): Promise<string> {
    const jar = new Jar();
    let url = authUrl;
    for (let i = 0; i < 12; i++) {
      if (url.startsWith(REDIRECT)) return url;
      const res = await fetch(url, { redirect: "manual", headers: { cookie: jar.header() } });
      jar.take(res);
      if (res.status >= 300 && res.status < 400) {
        url = new URL(res.headers.get("location") ?? "", url).toString();
        continue;
      }
      const html = await res.text();
      const prompt = html.includes('name="login"') ? "login" : "consent";
      const body = new URLSearchParams({
        prompt,
        ...(prompt === "login" ? { login: accountId, password: "x" } : {}),
      });
      const post = await fetch(url, {
        method: "POST",
        redirect: "manual",
        body,
        headers: { cookie: jar.header(), "content-type": "application/x-www-form-urlencoded" },
      });
      jar.take(post);
      url = new URL(post.headers.get("location") ?? "", url).toString();
    }
    throw new Error("provider flow did not reach the redirect URI");
  }

  it("tells the sign-in page, before anyone signs in, that single sign-on is offered", async () => {
    const res = await t.app.inject({ url: "/api/v1/instance" });
    expect(res.statusCode).toBe(200);
    expect(res.json().signIn.sso).toEqual({ startUrl: "/api/v1/session/oidc/start" });
  });

  it("signs a person in through the provider, creating their account in their unit", async () => {
    const start = await t.app.inject({ url: "/api/v1/session/oidc/start" });
    expect(start.statusCode).toBe(302);
    const location = start.headers.location as string;
    expect(location.startsWith(`${issuer}/auth?`)).toBe(true);
    expect(location).toContain("code_challenge_method=S256");
    const pendingCookie = start.cookies.find((c) => c.name === "chinam_oidc");
    expect(pendingCookie?.httpOnly).toBe(true);

    const back = await signInAtProvider(location, "minh");
    const callback = await t.app.inject({
      url: `/api/v1/session/oidc/callback${back.slice(back.indexOf("?"))}`,
      headers: { cookie: `chinam_oidc=${pendingCookie?.value}` },
    });
    expect(callback.statusCode).toBe(302);
    const session = callback.cookies.find((c) => c.name === "chinam_session");
    expect(session).toBeTruthy();
    const me = await t.app.inject({
      url: "/api/v1/session",
      headers: { cookie: `chinam_session=${session?.value}` },
    });
    expect(me.json()).toMatchObject({
      user: { username: "can.bo.minh", displayName: "Nguyễn Thị Minh", unit: "HA-NOI", roles: [] },
    });
  });

  it("refuses a callback whose state was not issued by this browser's start", async () => {
    const start = await t.app.inject({ url: "/api/v1/session/oidc/start" });
    const back = await signInAtProvider(start.headers.location as string, "minh");
    const other = await t.app.inject({ url: "/api/v1/session/oidc/start" });
    const forged = await t.app.inject({
      url: `/api/v1/session/oidc/callback${back.slice(back.indexOf("?"))}`,
      headers: { cookie: `chinam_oidc=${other.cookies.find((c) => c.name === "chinam_oidc")?.value}` },
    });
    expect(forged.statusCode).toBe(401);
    const noCookie = await t.app.inject({
      url: `/api/v1/session/oidc/callback${back.slice(back.indexOf("?"))}`,
    });
    expect(noCookie.statusCode).toBe(401);
  });
});
