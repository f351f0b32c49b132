/** Request and response shapes of unit profiles and focal persons. */
import { z } from "zod";
import { unitProfileCan } from "../../contracts/can.js";
import { TEXT_LIMITS } from "../../domain/text-limits.js";

const text = (max: number) => z.string().trim().max(max);

export const profileBody = z.strictObject({
  address: text(500).nullable().optional(),
  phone: text(50).nullable().optional(),
  email: z.email().max(TEXT_LIMITS.email).nullable().optional(),
  website: z.url().max(TEXT_LIMITS.url).nullable().optional(),
  description: text(4000).nullable().optional(),
});
export type ProfileInput = z.output<typeof profileBody>;

export const focalPerson = z.object({
  id: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  responsibility: z.string().nullable(),
  isPrimary: z.boolean(),
});

export const profile = z.object({
  unit: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  description: z.string().nullable(),
  updatedAt: z.string().nullable(),
  focalPersons: z.array(focalPerson),
});

/** The profile as read by itself: with what the caller may do with it. */
export const profileRead = profile.extend({ can: unitProfileCan });

export const focalBody = z.strictObject({
  fullName: text(200).min(1),
  position: text(200).nullable().optional(),
  email: z.email().max(TEXT_LIMITS.email).nullable().optional(),
  phone: text(50).nullable().optional(),
  responsibility: text(1000).nullable().optional(),
  isPrimary: z.boolean().optional(),
});
export type FocalInput = z.output<typeof focalBody>;
export const focalPatch = focalBody.partial();
export type FocalPatch = z.output<typeof focalPatch>;
