/**
 * Checks `can` flags against what the API does: for a persona and a resource, each flag read from
 * the resource is compared with the answer to the flag's own request on that same, fresh object.
 * A flag that is true must come with a 2xx; a false one with a refusal (401, 403, 404) or a state
 * conflict (409). Anything else (400, 422, 500) means the check's request itself is wrong.
 * The personas are the access matrix's (matrix/case.ts).
 */
import type { App } from "../../../src/server/app.js";
import { as, type Session } from "../../helpers/auth.js";
import { type Persona, personas } from "../matrix/case.js";

export { type Persona, personas } from "../matrix/case.js";
export const signedIn = personas.filter((p) => p !== "anonymous");

export interface Req {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  payload?: unknown;
}

export interface Subject<S> {
  label: string;
  /** A new object in the wanted state (or the same object when requests leave it as it was). */
  fresh: () => Promise<S>;
  flags: readonly string[];
}

export interface FlagResource<S> {
  /** The read that presents the object with its `can` flags. */
  read: (s: S) => Req;
  /** Per flag, the request it stands for, on the object. */
  requests: Record<string, (s: S) => Req>;
  subjects: Subject<S>[];
}

const REFUSED = new Set([401, 403, 404, 409]);

/** Every disagreement between a flag and its request, for one persona (empty: they agree). */
export async function flagMismatches<S>(
  app: App,
  session: Session | null,
  persona: Persona,
  resource: FlagResource<S>,
): Promise<string[]> {
  const send = as(app, session);
  const call = (r: Req) => send({ method: r.method, url: r.url, payload: r.payload as never });
  const out: string[] = [];
  for (const subject of resource.subjects) {
    let s = await subject.fresh();
    for (const flag of subject.flags) {
      const read = await call(resource.read(s));
      if (read.statusCode !== 200 && !REFUSED.has(read.statusCode)) {
        out.push(`${persona} ${subject.label}: read answered ${read.statusCode} ${read.body.slice(0, 200)}`);
        continue;
      }
      // An object the persona may not read is one they may do nothing with.
      const can = read.statusCode === 200 ? (read.json() as { can?: Record<string, unknown> }).can : {};
      if (read.statusCode === 200 && typeof can?.[flag] !== "boolean") {
        out.push(`${persona} ${subject.label}: the read has no boolean can.${flag}`);
        continue;
      }
      const expected = can?.[flag] === true;
      const make = resource.requests[flag];
      if (!make) throw new Error(`no request for flag ${flag}`);
      const req = make(s);
      const res = await call(req);
      const succeeded = res.statusCode >= 200 && res.statusCode < 300;
      if (!succeeded && !REFUSED.has(res.statusCode))
        out.push(
          `${persona} ${subject.label}: ${req.method} ${req.url} answered ${res.statusCode}, neither success nor refusal: ${res.body.slice(0, 200)}`,
        );
      else if (succeeded !== expected)
        out.push(
          `${persona} ${subject.label}: can.${flag} is ${expected} but ${req.method} ${req.url} answered ${res.statusCode} ${res.body.slice(0, 160)}`,
        );
      // A request that went through changed the object: the next flag gets a new one.
      if (succeeded) s = await subject.fresh();
    }
  }
  return out;
}
