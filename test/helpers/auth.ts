/**
 * Signing in as the demo personas in tests, requests carrying their session and CSRF token, and
 * principals for service calls.
 */
import type { InjectOptions } from "fastify";
import type { Database } from "../../src/db/client.js";
import type { UserPrincipal } from "../../src/server/access/index.js";
import type { App } from "../../src/server/app.js";
import { ensureDemoAccounts } from "../../src/server/users/demo-accounts.js";

export const TEST_PASSWORD = "Mật khẩu thử nghiệm 2026!";

export interface Session {
  cookie: string;
  csrf: string;
  username: string;
}

export async function createDemoAccounts(database: Database): Promise<void> {
  await ensureDemoAccounts(database.db, TEST_PASSWORD);
}

export async function login(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: "POST", url: "/api/v1/session", payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === "chinam_session");
  if (!setCookie) throw new Error("no session cookie");
  return {
    cookie: `chinam_session=${setCookie.value}`,
    csrf: (res.json() as { csrfToken: string }).csrfToken,
    username,
  };
}

/** A request as the session's user, with the CSRF header on state-changing methods. */
export function as(app: App, s: Session | null) {
  return (opts: InjectOptions & { method?: string; url: string }) => {
    const method = (opts.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (s) {
      headers.cookie = s.cookie;
      if (!["GET", "HEAD"].includes(method)) headers["x-csrf-token"] = s.csrf;
    }
    return app.inject({ ...opts, method: method as InjectOptions["method"], headers });
  };
}

/**
 * An approver of the given units as a principal for service calls (no session): writes values as
 * the demo does, entered and submitted in one step.
 */
export function approverOf(unitIds: string[]): UserPrincipal {
  return {
    kind: "user",
    userId: "00000000-0000-0000-0000-000000000000",
    username: "test:writer",
    displayName: "Test writer",
    unitId: null,
    grants: [
      {
        id: "test",
        role: "unit_approver",
        planId: null,
        systemId: null,
        projectId: null,
        unitId: null,
        unitIds: new Set(unitIds),
      },
    ],
    sessionId: null,
    csrfToken: null,
    totpEnabled: false,
    mustEnrolTotp: false,
  };
}
