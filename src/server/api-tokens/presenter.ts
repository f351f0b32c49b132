import type { TokenRow } from "./queries.js";
import type { TokenView } from "./schema.js";

/** A token as administrators see it: never its secret or hash. */
export function presentToken(t: TokenRow, unitCodes: Map<string, string>): TokenView {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    unit: unitCodes.get(t.unitId) ?? t.unitId,
    indicators: t.scopes.indicators,
    actions: t.scopes.actions,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revoked: t.revokedAt !== null,
  };
}
