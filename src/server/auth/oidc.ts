/**
 * OpenID Connect single sign-on (authorization code flow with PKCE, openid-client). The
 * provider's claims map to an account: by subject, else by the username claim (linking an
 * existing account once), else a new account without roles when OIDC_AUTO_CREATE is on. The
 * account's home unit follows OIDC_UNIT_CLAIM. Roles are always granted in Chỉ Nam.
 */
import { eq, sql } from "drizzle-orm";
import * as client from "openid-client";
import type { Db } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import { audit } from "../core/audit-writer.js";
import type { ChangeContext } from "../core/change-context.js";
import type { Config } from "../core/config.js";
import { AppError } from "../core/errors.js";
import { unitIdByCode } from "../org-units/index.js";

export function oidcEnabled(config: Config): boolean {
  return Boolean(config.OIDC_ISSUER && config.OIDC_CLIENT_ID && config.OIDC_CLIENT_SECRET);
}

export function redirectUri(config: Config): string {
  return (
    config.OIDC_REDIRECT_URI ??
    `${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}/api/v1/session/oidc/callback`
  );
}

let cached: { key: string; config: client.Configuration } | undefined;

export async function oidcConfiguration(config: Config): Promise<client.Configuration> {
  if (!oidcEnabled(config)) throw new AppError("NOT_FOUND", { entity: "oidc", code: "sso" });
  const key = `${config.OIDC_ISSUER}|${config.OIDC_CLIENT_ID}`;
  if (cached?.key === key) return cached.config;
  const discovered = await client.discovery(
    new URL(config.OIDC_ISSUER as string),
    config.OIDC_CLIENT_ID as string,
    config.OIDC_CLIENT_SECRET,
    undefined,
    config.OIDC_ALLOW_HTTP ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  cached = { key, config: discovered };
  return discovered;
}

export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
}

export async function startLogin(config: Config): Promise<{ url: string; pending: PendingLogin }> {
  const oidc = await oidcConfiguration(config);
  const verifier = client.randomPKCECodeVerifier();
  const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier };
  const url = client.buildAuthorizationUrl(oidc, {
    redirect_uri: redirectUri(config),
    scope: config.OIDC_SCOPES,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url: url.toString(), pending };
}

export async function finishLogin(
  db: Db,
  config: Config,
  callbackUrl: URL,
  pending: PendingLogin,
  ctx: Omit<ChangeContext, "actor">,
): Promise<string> {
  const oidc = await oidcConfiguration(config);
  let claims: Record<string, unknown> & { sub: string; iss: string };
  try {
    const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
    });
    const idToken = tokens.claims();
    if (!idToken?.sub) throw new Error("no subject");
    // Providers often keep profile claims out of the ID token: the userinfo endpoint has them.
    const info = oidc.serverMetadata().userinfo_endpoint
      ? await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub).catch(() => ({}))
      : {};
    claims = { ...info, ...idToken };
  } catch {
    throw new AppError("INVALID_CREDENTIALS");
  }
  const subject = `${claims.iss}|${claims.sub}`;
  const rawName = claims[config.OIDC_USERNAME_CLAIM];
  const username = (typeof rawName === "string" ? rawName : claims.sub)
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "-")
    .slice(0, 64);
  const displayName = typeof claims.name === "string" ? claims.name : username;
  const email = typeof claims.email === "string" ? claims.email : null;
  const unitCode = config.OIDC_UNIT_CLAIM ? claims[config.OIDC_UNIT_CLAIM] : undefined;
  let unitId: string | null | undefined;
  if (typeof unitCode === "string") {
    unitId = (await unitIdByCode(db, unitCode)) ?? null;
  }
  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(users.oidcSubject, subject));
    let action = "session.login_sso";
    if (!user) {
      const [byName] = await tx.select().from(users).where(sql`lower(${users.username}) = ${username}`);
      if (byName && !byName.oidcSubject) {
        [user] = await tx
          .update(users)
          .set({ oidcSubject: subject, updatedAt: new Date() })
          .where(eq(users.id, byName.id))
          .returning();
        action = "user.link_sso";
      } else if (!byName && config.OIDC_AUTO_CREATE) {
        [user] = await tx
          .insert(users)
          .values({ username, displayName, email, oidcSubject: subject, unitId: unitId ?? null })
          .returning();
        action = "user.create_sso";
      }
    }
    if (user?.status !== "active") throw new AppError("INVALID_CREDENTIALS");
    const updates: Partial<typeof users.$inferInsert> = {
      lastLoginAt: new Date(),
      displayName,
      email: email ?? user.email,
    };
    if (unitId !== undefined && unitId !== user.unitId) updates.unitId = unitId;
    await tx.update(users).set(updates).where(eq(users.id, user.id));
    await audit(
      tx,
      { ...ctx, actor: user.username, actorUserId: user.id },
      {
        action,
        entityType: "user",
        entityId: user.id,
        after: { subject, username: user.username, unit: typeof unitCode === "string" ? unitCode : null },
      },
    );
    return user.id;
  });
}
