import type { z } from "zod";
import type { FocalRow, ProfileRow } from "./queries.js";
import type * as S from "./schema.js";

export function presentFocal(f: FocalRow): z.output<typeof S.focalPerson> {
  return {
    id: f.id,
    fullName: f.fullName,
    position: f.position,
    email: f.email,
    phone: f.phone,
    responsibility: f.responsibility,
    isPrimary: f.isPrimary,
  };
}

/** A unit's profile (empty fields when none was written yet) with its focal persons. */
export function presentProfile(
  unitCode: string,
  p: ProfileRow | undefined,
  people: FocalRow[],
): z.output<typeof S.profile> {
  return {
    unit: unitCode,
    address: p?.address ?? null,
    phone: p?.phone ?? null,
    email: p?.email ?? null,
    website: p?.website ?? null,
    description: p?.description ?? null,
    updatedAt: p?.updatedAt.toISOString() ?? null,
    focalPersons: people.map(presentFocal),
  };
}
