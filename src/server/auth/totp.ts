/**
 * TOTP second factor (RFC 6238, 30 s, 6 digits, ±1 step). The shared secret is stored encrypted
 * (AES-256-GCM, key derived from SESSION_SECRET), so a database dump alone does not yield it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";

function key(sessionSecret: string): Buffer {
  return createHash("sha256").update(`chinam-totp:${sessionSecret}`).digest();
}

export function encryptSecret(base32: string, sessionSecret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(sessionSecret), iv);
  const data = Buffer.concat([cipher.update(base32, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
}

export function decryptSecret(stored: string, sessionSecret: string): string {
  const [iv, tag, data] = stored.split(".").map((p) => Buffer.from(p, "base64url"));
  if (!iv || !tag || !data) throw new Error("bad TOTP secret");
  const decipher = createDecipheriv("aes-256-gcm", key(sessionSecret), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
}

export function newTotp(username: string): { base32: string; uri: string } {
  const secret = new Secret({ size: 20 });
  const totp = new TOTP({
    issuer: "Chỉ Nam",
    label: username,
    secret,
    algorithm: "SHA1",
    digits: 6,
    period: 30,
  });
  return { base32: secret.base32, uri: totp.toString() };
}

export function verifyTotp(base32: string, code: string): boolean {
  return totpStep(base32, code) !== null;
}

/** The time step a valid code belongs to (so it can be refused if used again), or null. */
export function totpStep(base32: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const totp = new TOTP({ secret: Secret.fromBase32(base32), algorithm: "SHA1", digits: 6, period: 30 });
  const delta = totp.validate({ token: code, window: 1, timestamp: now });
  return delta === null ? null : Math.floor(now / 30_000) + delta;
}

/** For tests and tools: the current code of a secret. */
export function currentTotp(base32: string): string {
  return new TOTP({ secret: Secret.fromBase32(base32), algorithm: "SHA1", digits: 6, period: 30 }).generate();
}
