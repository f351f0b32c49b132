import { z } from "zod";
import { PERIOD_FORMAT, PERIOD_YEARS, PeriodError, parsePeriod } from "../domain/periods.js";
import { bilingual } from "./bilingual.js";

export const localized = z
  .object({ vi: z.string(), en: z.string().nullable() })
  .describe("Text in Vietnamese and, where available, English.");
export const optionalLocalized = localized.nullable();

export function loc(vi: string, en: string | null | undefined): z.output<typeof localized> {
  return { vi, en: en ?? null };
}
export function optLoc(
  vi: string | null | undefined,
  en: string | null | undefined,
): z.output<typeof optionalLocalized> {
  return vi ? { vi, en: en ?? null } : null;
}

export const codeParam = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);

/**
 * A period code as the API takes it, checked by the one parser the domain uses (strictly: no
 * padding, a year from 1900 to 2200), so nothing that passes here fails deeper down.
 */
export const periodCode = z
  .string()
  .max(10)
  .superRefine((code, ctx) => {
    try {
      parsePeriod(code);
    } catch (err) {
      if (!(err instanceof PeriodError)) throw err;
      ctx.addIssue({
        code: "custom",
        ...(err.reason === "year"
          ? bilingual(
              `the year of a period must be from ${PERIOD_YEARS.min} to ${PERIOD_YEARS.max}`,
              `năm của kỳ phải từ ${PERIOD_YEARS.min} đến ${PERIOD_YEARS.max}`,
            )
          : bilingual(
              `a period is written ${PERIOD_FORMAT.en}, without spaces`,
              `kỳ có dạng ${PERIOD_FORMAT.vi}, không có khoảng trắng`,
            )),
      });
    }
  })
  .describe(`A period: ${PERIOD_FORMAT.en}; years ${PERIOD_YEARS.min}–${PERIOD_YEARS.max}.`);

export const errorBody = z
  .object({
    error: z.object({
      code: z.string().describe("Stable error code, e.g. NOT_FOUND, VALIDATION_FAILED."),
      message: z.string().describe("Message in the request's language (Accept-Language: vi default, en)."),
      details: z
        .array(
          z.object({
            path: z.string().optional(),
            line: z.number().optional(),
            column: z.number().optional(),
            message: z.string(),
            messageEn: z.string().optional(),
          }),
        )
        .optional(),
      requestId: z.string(),
    }),
  })
  .describe("The one error shape of the API.")
  // Written once in openapi.json (components.schemas.Error) and referenced by every route.
  .meta({ id: "Error" });

export const errorResponses = {
  400: errorBody,
  404: errorBody,
  500: errorBody,
} as const;
