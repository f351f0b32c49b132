/**
 * Org-unit definition format used by the bundled seed (src/db/seeds/org-units.yaml) and by
 * `npm run cli -- org-units:import FILE`.
 */
import { z } from "zod";
import { localizedName, localizedText } from "../plan-definition/schema.js";
import { TEXT_LIMITS } from "../text-limits.js";

export const orgUnitKinds = [
  "country",
  "central_body",
  "party_committee",
  "ministry",
  "ministry_level_agency",
  "government_agency",
  "province",
  "commune",
  "agency",
  "institute",
  "enterprise",
  "other",
] as const;
export type OrgUnitKind = (typeof orgUnitKinds)[number];

/** Province-level units are provinces or centrally-run cities (thành phố trực thuộc trung ương). */
export const provinceSubtypes = ["province", "city"] as const;

export const lineageKinds = ["merged_into", "split_from", "renamed_to"] as const;

const code = z
  .string()
  .min(1)
  .max(TEXT_LIMITS.code)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' or '-'");

export const orgUnitDef = z
  .object({
    code,
    kind: z.enum(orgUnitKinds),
    subtype: z.enum(provinceSubtypes).optional(),
    name: localizedName,
    shortName: localizedName.optional(),
    parent: code.optional(),
    /** Official administrative code (e.g. the statistics office's province code), when one exists. */
    adminCode: z.string().max(16).optional(),
    validFrom: z.iso.date().optional(),
    validTo: z.iso.date().optional(),
    /** Lineage: this unit merged into / was split from / was renamed to another unit. */
    lineage: z
      .array(
        z
          .object({
            kind: z.enum(lineageKinds),
            unit: code,
            effectiveOn: z.iso.date(),
            note: localizedText.optional(),
          })
          .strict(),
      )
      .default([]),
    note: localizedText.optional(),
  })
  .strict();
export type OrgUnitDef = z.output<typeof orgUnitDef>;

export const orgUnitFile = z.object({ orgUnits: z.array(orgUnitDef) }).strict();
