/** A value by id as its caller may see it: one that they may not read does not exist for them (404). */
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../../../../db/client.js";
import { observations } from "../../../../db/schema/index.js";
import type { Principal } from "../../../access/index.js";
import { canReadValue, type ValueContext } from "../../../access/index.js";
import { notFound } from "../../../core/errors.js";
import type { ObservationRow } from "../service.js";
import { loadValueContext } from "../value-context.js";

export async function readableValue(
  db: Executor,
  principal: Principal,
  id: string,
): Promise<{ row: ObservationRow; ctx: ValueContext }> {
  const [row] = await db
    .select()
    .from(observations)
    .where(and(eq(observations.id, id), isNull(observations.deletedAt)));
  const ctx = row ? await loadValueContext(db, row) : undefined;
  if (!row || !ctx || !canReadValue(principal, ctx)) throw notFound("observation", id);
  return { row, ctx };
}
