/** Schema messages in both languages: the server and the web app render the one the user reads. */

/**
 * A schema's own message in both languages, for `.refine(check, bilingual(en, vi))` or
 * `ctx.addIssue({ code: "custom", ...bilingual(en, vi) })`.
 */
export function bilingual(en: string, vi: string): { message: string; params: { vi: string } } {
  return { message: en, params: { vi } };
}
