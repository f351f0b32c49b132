import { describe, expect, it } from "vitest";
import { z } from "zod";
import { orgUnitFile } from "../../../domain/org-units/schema.js";
import { planDefinition } from "../../../domain/plan-definition/schema.js";
import { requestSchemaProblems, routeSchemaProblems } from "./request-schema-rules.js";

describe("request schema rules", () => {
  it("flags objects that drop unknown fields and strings without a limit, wherever they are", () => {
    const schema = z.object({
      name: z.string(),
      tags: z.array(z.strictObject({ label: z.string().max(10), note: z.string() })),
      meta: z.record(z.string(), z.string().max(5)).optional(),
      either: z.union([z.string().max(3), z.object({ a: z.string().max(3) })]),
      piped: z
        .string()
        .transform((s) => s.split(","))
        .pipe(z.array(z.string().max(3))),
    });
    expect(requestSchemaProblems(schema).sort()).toEqual([
      "(root): object is not strict",
      "either: object is not strict",
      "meta{key}: string has no maximum length",
      "name: string has no maximum length",
      "piped: string has no maximum length",
      "tags[].note: string has no maximum length",
    ]);
  });

  it("accepts strict objects, bounded strings and self-bounded formats", () => {
    const schema = z.strictObject({
      id: z.uuid(),
      on: z.iso.date(),
      at: z.iso.datetime({ offset: true }).optional(),
      code: z.string().min(1).max(64),
      kind: z.enum(["a", "b"]),
      n: z.coerce.number().int(),
      list: z.array(z.string().length(2)).max(3),
    });
    expect(requestSchemaProblems(schema)).toEqual([]);
  });

  it("flags e-mail and URL formats without a limit (their patterns do not bound them)", () => {
    expect(requestSchemaProblems(z.strictObject({ e: z.email(), u: z.url() })).sort()).toEqual([
      "e: string has no maximum length",
      "u: string has no maximum length",
    ]);
  });

  it("leaves path parameters' strictness and headers alone", () => {
    expect(
      routeSchemaProblems({
        schema: {
          params: z.object({ code: z.string().max(64) }),
          headers: z.object({ anything: z.string() }).passthrough(),
          querystring: z.object({ q: z.string() }),
        },
      }).sort(),
    ).toEqual(["querystring.(root): object is not strict", "querystring.q: string has no maximum length"]);
  });

  it("holds for plan-definition and org-unit files (POST /plans takes them as text)", () => {
    expect(requestSchemaProblems(planDefinition)).toEqual([]);
    expect(requestSchemaProblems(orgUnitFile)).toEqual([]);
  });
});
