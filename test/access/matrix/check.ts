/**
 * Runs one case: its request on both sides as every persona, and lists each answer that differs
 * from what the case allows (an allowed caller refused, a refused caller let through).
 */
import { as, login } from "../../helpers/auth.js";
import { type Case, personas } from "./case.js";
import type { MatrixWorld } from "./fixtures.js";

const REFUSAL = /"code":"(AUTH_REQUIRED|FORBIDDEN|CSRF_FAILED)"/;
const REFUSAL_OR_HIDDEN = /"code":"(AUTH_REQUIRED|FORBIDDEN|CSRF_FAILED|NOT_FOUND)"/;

export async function caseFailures(world: MatrixWorld, key: string, c: Case): Promise<string[]> {
  const { app } = world.t;
  const failures: string[] = [];
  for (const side of ["own", "other"] as const) {
    for (const persona of personas) {
      const req = await (side === "own" ? c.own() : c.other());
      let session = persona === "anonymous" ? null : (world.sessions.get(persona) ?? null);
      if (req.fresh && persona !== "anonymous") session = await login(app, persona);
      const res = await as(
        app,
        session,
      )({
        method: req.method,
        url: req.url,
        payload: req.payload as never,
        headers: req.headers,
        ...(req.remoteAddress ? { remoteAddress: req.remoteAddress } : {}),
      });
      // Requests that end sessions (or change the password) may end the persona's main one too.
      if (req.fresh && persona !== "anonymous") world.sessions.set(persona, await login(app, persona));
      const allowed = (side === "own" ? c.allowOwn : c.allowOther).includes(persona);
      const status = res.statusCode;
      const refused = status === 401 || status === 403 || status === 404;
      let ok: boolean;
      // Public routes may answer 401 for wrong credentials, never with an authorization refusal.
      if (c.public) ok = !REFUSAL.test(res.body);
      else if (allowed) ok = status < 400 || (!!c.businessErrorsOk && !REFUSAL_OR_HIDDEN.test(res.body));
      else ok = refused && (persona !== "anonymous" || status === (c.anonymousStatus ?? 401));
      if (!ok)
        failures.push(
          `${key} [${side}] as ${persona}: ${status} ${allowed ? "(should be allowed)" : "(should be refused)"} ${res.body.slice(0, 160)}`,
        );
    }
  }
  return failures;
}
