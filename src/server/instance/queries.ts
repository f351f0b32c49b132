/** The instance's own facts, kept in instance_meta (seeds applied, demo marker). */
import type { Executor } from "../../db/client.js";
import { instanceMeta } from "../../db/schema/index.js";

export function instanceFacts(db: Executor) {
  return db.select().from(instanceMeta);
}
