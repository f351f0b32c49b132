/**
 * The shape of an access-matrix case: one route, its request on an object of the Hà Nội personas /
 * plan NQ57 ("own") and on someone else's (TP Hồ Chí Minh / another plan), and who may pass.
 */
export const personas = [
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
export type Persona = (typeof personas)[number];

export const ALL: Persona[] = [...personas];
export const SIGNED_IN: Persona[] = personas.filter((p) => p !== "anonymous");
export const ADMIN: Persona[] = ["demo-admin"];
export const PLAN_ADMINS: Persona[] = ["demo-admin", "demo-standing"];
export const PLAN_WIDE: Persona[] = [
  "demo-admin",
  "demo-standing",
  "demo-steering",
  "demo-engineer-s1",
  "demo-architect",
  "demo-advisor",
];

export interface Req {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Use a fresh session (the request ends sessions). */
  fresh?: boolean;
  remoteAddress?: string;
}

/**
 * The `can` flag a route answers to: per persona and resource, `can.<flag>` on the resource's read
 * must be true exactly when this route's request succeeds. Named now, asserted once the flags exist.
 */
export interface CanFlag {
  resource: string;
  flag: string;
}

export interface Case {
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
  /** The `can` flag this route corresponds to, if any (see CanFlag). */
  can?: CanFlag;
}

/** Cases keyed by "METHOD /route/:param", as Fastify's route table names them. */
export type Cases = Record<string, Case>;

/** The same request on both sides (the route has no "someone else's" object). */
export const same = (r: Req) => ({ own: () => r, other: () => r });

/** A public GET, on NQ57 / Hà Nội and, when given, on another plan or unit. */
export const publicGet = (url: string, otherUrl = url): Case => ({
  own: () => ({ method: "GET", url }),
  other: () => ({ method: "GET", url: otherUrl }),
  allowOwn: ALL,
  allowOther: ALL,
  public: true,
});
