/**
 * Request validation with zod. Issues are kept raw so the error handler can render them in the
 * request's language (zod's Vietnamese locale for vi). A schema's own message is written in
 * English with its Vietnamese wording beside it (`bilingual`), so each language gets its own.
 */
import type { FastifySchemaCompiler } from "fastify";
import { z } from "zod";
import type { ErrorDetail } from "../errors.js";
import type { Lang } from "../i18n/lang.js";

const viLocale = z.locales.vi();

/**
 * A schema's own message in both languages, for `.refine(check, bilingual(en, vi))` or
 * `ctx.addIssue({ code: "custom", ...bilingual(en, vi) })`.
 */
export function bilingual(en: string, vi: string): { message: string; params: { vi: string } } {
  return { message: en, params: { vi } };
}

function viOf(issue: z.core.$ZodIssue): string | undefined {
  const vi = issue.code === "custom" ? (issue.params as { vi?: unknown } | undefined)?.vi : undefined;
  return typeof vi === "string" ? vi : undefined;
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
      if (!again.success) viMessages = again.error.issues.map((i) => i.message);
    }
    return this.issues.flatMap((issue, i) => {
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
