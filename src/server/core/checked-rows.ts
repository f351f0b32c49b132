/**
 * Hand-written SQL whose rows are checked where they enter the code: a zod schema per row, so a
 * renamed or retyped column fails loudly at the boundary instead of flowing on as a wrong type.
 * For small results (a count, a page of refusals); the hot set-wise paths keep typed casts.
 */
import type { SQL } from "drizzle-orm";
import { z } from "zod";
import { type Executor, queryRows } from "../../db/client.js";

export async function checkedRows<S extends z.ZodType>(
  db: Executor,
  query: SQL,
  row: S,
): Promise<z.output<S>[]> {
  return z.array(row).parse(await queryRows<unknown>(db, query));
}
