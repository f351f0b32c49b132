/**
 * One error type with stable codes. Services throw `AppError`; the HTTP layer renders
 * `{ error: { code, message, details?, requestId } }` with the message in the request's language.
 */
import { type ErrorCode, errorCatalog } from "./error-catalogue.js";
import type { Lang } from "./lang.js";

export type { ErrorCode } from "./error-catalogue.js";

export interface ErrorDetail {
  /** Field path ("systems.2.code"), file line or row where the problem is. */
  path?: string;
  line?: number;
  column?: number;
  message: string;
  /** Message in English too, so API clients can show either. */
  messageEn?: string;
  value?: unknown;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: ErrorDetail[],
  ) {
    super(renderMessage(code, "en", params));
    this.name = "AppError";
  }

  get status(): number {
    return errorCatalog[this.code].status;
  }

  message_(lang: Lang): string {
    return renderMessage(this.code, lang, this.params);
  }
}

/**
 * The message of a code in a language. A parameter may come in both languages: `summary` (the
 * user's words, Vietnamese by default) and `summaryEn`, which an English message uses instead, so
 * that Vietnamese never lands in an English message.
 */
export function renderMessage(code: ErrorCode, lang: Lang, params: Record<string, string | number>): string {
  const template = errorCatalog[code][lang];
  return template.replace(/\{(\w+)\}/g, (_, k: string) =>
    String((lang === "en" ? params[`${k}En`] : undefined) ?? params[k] ?? `{${k}}`),
  );
}

export const notFound = (entity: string, code: string) => new AppError("NOT_FOUND", { entity, code });

/** Whether a database error (possibly wrapped by the driver layer) broke the named unique constraint. */
export function violatesUnique(err: unknown, constraint: string): boolean {
  for (let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined; e; ) {
    if (e.code === "23505" && e.constraint === constraint) return true;
    e = e.cause as typeof e;
  }
  return false;
}
