import { allows, type Principal } from "../access/index.js";
import type { Issuer, TokenRow } from "./queries.js";
import type { TokenView } from "./schema.js";

/** What a token's presentation refers to besides its row: unit codes and issuers, by id. */
export interface TokenRefs {
  unitCodes: Map<string, string>;
  issuers: Map<string, Issuer>;
}

export function tokenStatus(
  t: Pick<TokenRow, "revokedAt" | "expiresAt">,
  now = new Date(),
): TokenView["status"] {
  if (t.revokedAt !== null) return "revoked";
  return t.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

/** A token as administrators see it: never its secret or hash. */
export function presentToken(t: TokenRow, refs: TokenRefs, viewer: Principal): TokenView {
  const status = tokenStatus(t);
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    unit: refs.unitCodes.get(t.unitId) ?? t.unitId,
    indicators: t.scopes.indicators,
    actions: t.scopes.actions,
    createdAt: t.createdAt.toISOString(),
    createdBy: refs.issuers.get(t.createdBy) ?? null,
    expiresAt: t.expiresAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revoked: t.revokedAt !== null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
    status,
    // The revoke command refuses a token already revoked (404), so the flag says so too.
    can: { revoke: status !== "revoked" && allows(viewer, "apiToken.manage", null) },
  };
}
