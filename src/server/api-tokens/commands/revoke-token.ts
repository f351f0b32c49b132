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
      .returning({ id: apiTokens.id, name: apiTokens.name, revokedAt: apiTokens.revokedAt });
    const row = rows[0];
    if (!row) throw notFound("api_token", id);
    // Before and after, so the trail's diff reads "revoked: false → true" with the token's name.
    await audit(tx, ctx, {
      action: "api_token.revoke",
      entityType: "api_token",
      entityId: id,
      before: { name: row.name, revoked: false },
      after: { name: row.name, revoked: true, revokedAt: row.revokedAt?.toISOString() ?? null },
    });
  });
}
