/**
 * Request validation with zod. Issues are kept raw so the error handler can render them in the
 * request's language (zod's Vietnamese locale for vi). A schema's own message is written in
 * English with its Vietnamese wording beside it (`bilingual`), so each language gets its own.
 */
import type { FastifySchemaCompiler } from "fastify";
import { z } from "zod";
import type { ErrorDetail } from "../errors.js";
import type { Lang } from "../lang.js";

const viLocale = z.locales.vi();

/** The Vietnamese wording a schema gave its own message (`bilingual`), if it gave one. */
export function viOf(issue: z.core.$ZodIssue): string | undefined {
  const vi = issue.code === "custom" ? (issue.params as { vi?: unknown } | undefined)?.vi : undefined;
  return typeof vi === "string" ? vi : undefined;
}

/**
 * Issues with each union that failed in one way only replaced by that way's issues: a name that
 * is a 600-character string fails "as a string: too long" and "as an object: not an object", and
 * the first is what the client needs to hear, at the field's path. Other unions stay as they are.
 */
export function flattenUnionIssues(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union") return [issue];
    const wrongType = (i: z.core.$ZodIssue) => i.code === "invalid_type" && i.path.length === 0;
    const near = issue.errors.filter((branch) => !branch.every(wrongType));
    const [only] = near;
    if (near.length !== 1 || !only) return [issue];
    return flattenUnionIssues(only.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly schema: z.ZodType,
    readonly data: unknown,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`invalid ${part}`);
  }

  details(lang: Lang): ErrorDetail[] {
    let viMessages: (string | undefined)[] = [];
    if (lang === "vi") {
      const again = this.schema.safeParse(this.data, { error: viLocale.localeError });
      if (!again.success) viMessages = flattenUnionIssues(again.error.issues).map((i) => i.message);
    }
    return flattenUnionIssues(this.issues).flatMap((issue, i) => {
      const at = [this.part, ...issue.path.map(String)];
      // Unknown fields are refused one by one, each named by its own path.
      if (issue.code === "unrecognized_keys")
        return issue.keys.map((key) => ({
          path: [...at, key].join("."),
          message:
            lang === "vi"
              ? `không có trường “${key}” ở đây (hãy bỏ trường này hoặc sửa tên)`
              : `unknown field “${key}” (remove it or correct its name)`,
          messageEn: `unknown field “${key}” (remove it or correct its name)`,
        }));
      const en = issue.message;
      const vi = viOf(issue) ?? viMessages[i] ?? en;
      return [{ path: at.join("."), message: lang === "vi" ? vi : en, messageEn: en }];
    });
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? "body", schema, data, result.error.issues) };
  };
