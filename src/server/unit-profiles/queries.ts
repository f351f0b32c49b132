/** Reads of unit profiles and focal persons. */
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { focalPersons, unitProfiles } from "../../db/schema/index.js";

export type ProfileRow = typeof unitProfiles.$inferSelect;
export type FocalRow = typeof focalPersons.$inferSelect;

export async function profileOf(db: Executor, unitId: string): Promise<ProfileRow | undefined> {
  const [p] = await db.select().from(unitProfiles).where(eq(unitProfiles.unitId, unitId));
  return p;
}

/** A unit's focal persons, oldest first. */
export async function focalPersonsOf(db: Executor, unitId: string): Promise<FocalRow[]> {
  return db
    .select()
    .from(focalPersons)
    .where(eq(focalPersons.unitId, unitId))
    .orderBy(asc(focalPersons.createdAt));
}

export async function focalPersonById(db: Executor, id: string): Promise<FocalRow | undefined> {
  const [f] = await db.select().from(focalPersons).where(eq(focalPersons.id, id));
  return f;
}
