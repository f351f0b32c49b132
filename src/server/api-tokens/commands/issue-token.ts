/** Issuing an API token for a unit (administrators): the secret is returned once and stored hashed. */
import type { Db } from "../../../db/client.js";
import { apiTokens } from "../../../db/schema/index.js";
import { authorize, type Principal } from "../../access/index.js";
import { randomToken, sha256, TOKEN_PREFIX } from "../../auth/index.js";
import { audit } from "../../core/audit-writer.js";
import type { ChangeContext } from "../../core/change-context.js";
import { AppError, notFound } from "../../core/errors.js";
import { inTransaction } from "../../core/transaction.js";
import { getOrgUnitByCode } from "../../org-units/index.js";
import { type TokenRow, unknownIndicatorCodes } from "../queries.js";
import type { IssueInput } from "../schema.js";

export async function issueApiToken(
  db: Db,
  principal: Principal,
  input: IssueInput,
  ctx: ChangeContext,
): Promise<{ row: TokenRow; token: string }> {
  authorize(principal, "apiToken.manage", null);
  if (principal.kind !== "user") throw new AppError("FORBIDDEN");
  const unit = await getOrgUnitByCode(db, input.unit);
  if (input.indicators !== "*") {
    const missing = await unknownIndicatorCodes(db, input.indicators);
    if (missing.length > 0) throw notFound("indicator", missing.join(", "));
  }
  const prefix = randomToken(6).slice(0, 8);
  const token = `${TOKEN_PREFIX}${prefix}_${randomToken(32)}`;
  const createdBy = principal.userId;
  const row = await inTransaction(db, async (tx) => {
    const [r] = await tx
      .insert(apiTokens)
      .values({
        name: input.name,
        prefix,
        tokenHash: sha256(token),
        unitId: unit.id,
        scopes: { indicators: input.indicators, actions: input.actions },
        createdBy,
        expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
      })
      .returning();
    if (!r) throw new AppError("INTERNAL");
    await audit(tx, ctx, {
      action: "api_token.create",
      entityType: "api_token",
      entityId: r.id,
      after: {
        name: r.name,
        prefix,
        unit: input.unit,
        scopes: r.scopes,
        expiresAt: r.expiresAt.toISOString(),
      },
    });
    return r;
  });
  return { row, token };
}
