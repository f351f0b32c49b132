import { z } from "zod";

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
  .describe("The one error shape of the API.");

export const errorResponses = {
  400: errorBody,
  404: errorBody,
  500: errorBody,
} as const;
