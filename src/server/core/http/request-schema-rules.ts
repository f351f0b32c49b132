/**
 * Rules every request schema keeps, checked when a route is registered (a route breaking them
 * cannot be registered, as one without an access rule cannot):
 *
 * - objects are strict: an unknown field is refused by name, never dropped silently (a client that
 *   sends `{"disabled": true}` for `{"status": "disabled"}` must learn that nothing happened);
 * - every string has a length limit: no field takes a megabyte of text into the database and the
 *   public lists.
 *
 * Headers are not checked: clients and proxies add their own.
 */
import type { RouteOptions } from "fastify";
import type { z } from "zod";

/** String formats whose own pattern bounds their length. */
const BOUNDED_FORMATS = new Set([
  "uuid",
  "guid",
  "date",
  "time",
  "datetime",
  "duration",
  "ipv4",
  "ipv6",
  "cidrv4",
  "cidrv6",
  "cuid",
  "cuid2",
  "ulid",
  "nanoid",
  "xid",
  "ksuid",
]);

type Def = { type: string } & Record<string, unknown>;

function defOf(schema: unknown): Def | undefined {
  const zod = (schema as { _zod?: { def?: Def } } | null)?._zod;
  return zod?.def;
}

export interface RuleOptions {
  /** Whether objects must be strict (path parameters are built by the router: nothing to refuse). */
  strict: boolean;
}

/** Every place in a schema that breaks the rules, as "path: what" (empty when it keeps them). */
export function requestSchemaProblems(
  schema: unknown,
  opts: RuleOptions = { strict: true },
  path = "",
  seen = new Set<unknown>(),
): string[] {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return [];
  seen.add(schema);
  const at = path || "(root)";
  const walk = (inner: unknown, sub = path) => requestSchemaProblems(inner, opts, sub, seen);
  switch (def.type) {
    case "object": {
      const out: string[] = [];
      if (opts.strict && defOf(def.catchall)?.type !== "never") out.push(`${at}: object is not strict`);
      const shape = (schema as z.ZodObject).shape as Record<string, unknown>;
      for (const [k, v] of Object.entries(shape)) out.push(...walk(v, path ? `${path}.${k}` : k));
      return out;
    }
    case "string": {
      const s = schema as z.ZodString;
      const format = (def as { format?: string }).format;
      if (s.maxLength === null && !(format && BOUNDED_FORMATS.has(format)))
        return [`${at}: string has no maximum length`];
      return [];
    }
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
    case "promise":
      return walk(def.innerType);
    case "pipe":
      return [...walk(def.in), ...walk(def.out)];
    case "array":
      return walk(def.element, `${path}[]`);
    case "set":
      return walk(def.valueType, `${path}[]`);
    case "tuple":
      return [...(def.items as unknown[]).flatMap((x, i) => walk(x, `${path}[${i}]`)), ...walk(def.rest)];
    case "union":
      return (def.options as unknown[]).flatMap((o) => walk(o));
    case "intersection":
      return [...walk(def.left), ...walk(def.right)];
    case "record":
    case "map":
      return [...walk(def.keyType, `${path}{key}`), ...walk(def.valueType, `${path}{}`)];
    case "lazy":
      return walk((def.getter as () => unknown)());
    default:
      return [];
  }
}

/** The rule breaches of a route's request schemas (body, querystring, params). */
export function routeSchemaProblems(route: Pick<RouteOptions, "schema">): string[] {
  const schema = route.schema as Record<string, unknown> | undefined;
  if (!schema) return [];
  return (["body", "querystring", "params"] as const).flatMap((part) =>
    requestSchemaProblems(schema[part], { strict: part !== "params" }).map((p) => `${part}.${p}`),
  );
}
