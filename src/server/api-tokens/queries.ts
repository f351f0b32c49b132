/** Reads of API tokens and of what issuing one refers to. */
import { desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../db/client.js";
import { apiTokens, indicators, orgUnits, users } from "../../db/schema/index.js";

export type TokenRow = typeof apiTokens.$inferSelect;

/** The newest tokens first (never more than 1,000). */
export async function listTokens(db: Executor): Promise<TokenRow[]> {
  return db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).limit(1000);
}

export async function tokenById(db: Executor, id: string): Promise<TokenRow | undefined> {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
  return row;
}

/** The codes of the tokens' units, by unit id. */
export async function unitCodesOf(db: Executor, rows: TokenRow[]): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const units = await db
    .select({ id: orgUnits.id, code: orgUnits.code })
    .from(orgUnits)
    .where(
      inArray(
        orgUnits.id,
        rows.map((r) => r.unitId),
      ),
    );
  return new Map(units.map((u) => [u.id, u.code]));
}

export interface Issuer {
  id: string;
  username: string;
  displayName: string;
}

/** What presenting tokens needs: their units' codes and their issuers, by id. */
export async function tokenRefs(
  db: Executor,
  rows: TokenRow[],
): Promise<{ unitCodes: Map<string, string>; issuers: Map<string, Issuer> }> {
  const unitCodes = await unitCodesOf(db, rows);
  if (rows.length === 0) return { unitCodes, issuers: new Map() };
  const found = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(rows.map((r) => r.createdBy))]));
  return { unitCodes, issuers: new Map(found.map((u) => [u.id, u])) };
}

/** The codes among `codes` that name no indicator. */
export async function unknownIndicatorCodes(db: Executor, codes: string[]): Promise<string[]> {
  const found = await db
    .select({ code: indicators.code })
    .from(indicators)
    .where(inArray(indicators.code, codes));
  return codes.filter((c) => !found.some((f) => f.code === c));
}
