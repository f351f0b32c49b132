/** Shapes of the quality answers other modules present too. */
import { z } from "zod";

const flag = z.enum(["late", "outlier", "revised"]);

/** A value flagged late, outlying (robust z against its own history or its peers) or revised. */
export const flaggedValue = z.object({
  observationId: z.string(),
  indicator: z.string(),
  unit: z.string(),
  value: z.number().nullable(),
  status: z.string(),
  flags: z.array(flag),
  zOwn: z.number().nullable(),
  zPeers: z.number().nullable(),
  submittedAt: z.string().nullable(),
  due: z.string(),
});
