import { z } from "zod";
import { orgUnitCan } from "../../contracts/can.js";
import { codeParam, localized, optionalLocalized } from "../../contracts/common.js";
import { orgUnitKinds, provinceSubtypes } from "../../domain/org-units/schema.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";

export const lineageLink = z.object({
  kind: z.enum(["merged_into", "split_from", "renamed_to"]),
  unit: z
    .string()
    .describe("The other unit's code (its page: /org-units/{code}, its values: /org-units/{code}/values)"),
  name: localized.nullable().describe("The other unit's name"),
  effectiveOn: z.string(),
  note: optionalLocalized.describe("What the change was (e.g. the resolution that made it)"),
});

export const orgUnit = z.object({
  code: z.string(),
  kind: z.enum(orgUnitKinds),
  subtype: z.enum(provinceSubtypes).nullable(),
  name: localized,
  shortName: optionalLocalized,
  parent: z.string().nullable(),
  adminCode: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  current: z.boolean().describe("Valid today."),
  successors: z.array(lineageLink).describe("Units this one merged into, was renamed to, ..."),
  predecessors: z.array(lineageLink).describe("Units that merged into this one, or that it was split from."),
  note: optionalLocalized,
});

/** One org unit as read by itself: with what the caller may do with it. */
export const orgUnitDetail = orgUnit.extend({ can: orgUnitCan });

const isoDate = z.iso.date();

export const orgUnitListQuery = z.strictObject({
  kind: z
    .enum(orgUnitKinds)
    .optional()
    .describe("Unit kind. `province` means province-level units: provinces and centrally-run cities."),
  subtype: z.enum(provinceSubtypes).optional().describe("For province-level units: province or city."),
  parent: z.string().max(64).optional().describe("Code of the parent unit: only its direct children."),
  current: z
    .enum(["true", "false"])
    .optional()
    .describe("true: valid today; false: no longer (or not yet) valid."),
  validAt: isoDate.optional().describe("Only units valid on this date (YYYY-MM-DD)."),
  q: z.string().max(100).optional().describe("Search in code and names."),
});

/** PATCH /org-units/{code}: only the fields named change; a parent that would make a cycle is refused. */
export const orgUnitPatch = z.strictObject({
  name: z
    .strictObject({
      vi: z.string().min(1).max(TEXT_LIMITS.name),
      en: z.string().max(TEXT_LIMITS.name).optional(),
    })
    .optional(),
  kind: z.enum(orgUnitKinds).optional(),
  subtype: z
    .enum(provinceSubtypes)
    .nullable()
    .optional()
    .describe("For province-level units (kind `province`), required: province or city; null otherwise."),
  parent: codeParam.nullable().optional(),
  validFrom: z.iso.date().nullable().optional(),
  validTo: z.iso.date().nullable().optional(),
  adminCode: z.string().max(16).nullable().optional(),
});
export type OrgUnitPatch = z.output<typeof orgUnitPatch>;
