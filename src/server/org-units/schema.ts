import { z } from "zod";
import { orgUnitCan } from "../../contracts/can.js";
import { localized, optionalLocalized } from "../../contracts/common.js";
import { orgUnitKinds, provinceSubtypes } from "../../domain/org-units/schema.js";

export const lineageLink = z.object({
  kind: z.enum(["merged_into", "split_from", "renamed_to"]),
  unit: z
    .string()
    .describe("The other unit's code (its page: /org-units/{code}, its values: /org-units/{code}/values)"),
  name: localized.nullable().describe("The other unit's name"),
  effectiveOn: z.string(),
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
