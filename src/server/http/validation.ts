/**
 * Request validation with zod. Issues are kept raw so the error handler can render them in the
 * request's language (zod's Vietnamese locale for vi).
 */
import type { FastifySchemaCompiler } from "fastify";
import { z } from "zod";
import type { ErrorDetail } from "../errors.js";
import type { Lang } from "../i18n/lang.js";

const viLocale = z.locales.vi();

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
    let messages = this.issues.map((i) => i.message);
    if (lang === "vi") {
      const again = this.schema.safeParse(this.data, { error: viLocale.localeError });
      if (!again.success) messages = again.error.issues.map((i) => i.message);
    }
    // A refinement of ours carries its Vietnamese wording in params.vi (zod's locale cannot word it).
    const own = (issue: z.core.$ZodIssue) =>
      lang === "vi" && issue.code === "custom" && typeof issue.params?.vi === "string"
        ? issue.params.vi
        : undefined;
    return this.issues.map((issue, i) => ({
      path: [this.part, ...issue.path.map(String)].join("."),
      message: own(issue) ?? messages[i] ?? issue.message,
      messageEn: issue.message,
    }));
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? "body", schema, data, result.error.issues) };
  };
