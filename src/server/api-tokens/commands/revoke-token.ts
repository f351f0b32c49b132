/** Revoking an API token at once (administrators); revoking a revoked or unknown token is 404. */
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../../../db/client.js";
import { apiTokens } from "../../../db/schema/index.js";
import { authorize, type Principal } from "../../access/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { notFound } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";

export async function revokeApiToken(
  db: Db,
  principal: Principal,
  id: string,
  ctx: ChangeContext,
): Promise<void> {
  authorize(principal, "apiToken.manage", null);
  await inTransaction(db, async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (rows.length === 0) throw notFound("api_token", id);
    await audit(tx, ctx, { action: "api_token.revoke", entityType: "api_token", entityId: id });
  });
}
