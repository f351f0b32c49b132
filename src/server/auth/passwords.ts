/**
 * Passwords: argon2id hashes (@node-rs/argon2) and a policy in the spirit of ASVS 2.1 — at least
 * 12 characters, any characters (Vietnamese, spaces), at most 256, not containing the username,
 * not a commonly used password. No composition rules and no forced rotation.
 */
import { hash, verify } from "@node-rs/argon2";

const common = new Set([
  "123456789012",
  "password1234",
  "passwordpassword",
  "qwertyuiop12",
  "matkhau12345",
  "matkhaumoi123",
  "admin1234567",
  "administrator",
  "chinam123456",
  "1234567890123",
  "111111111111",
  "abc123456789",
  "iloveyou1234",
  "vietnam12345",
  "hanoi1234567",
]);

export interface PolicyViolation {
  vi: string;
  en: string;
}

export function checkPasswordPolicy(password: string, username: string): PolicyViolation[] {
  const problems: PolicyViolation[] = [];
  const length = [...password].length;
  if (length < 12)
    problems.push({ vi: "mật khẩu cần ít nhất 12 ký tự", en: "the password needs at least 12 characters" });
  if (length > 256)
    problems.push({ vi: "mật khẩu dài quá 256 ký tự", en: "the password is longer than 256 characters" });
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase()))
    problems.push({
      vi: "mật khẩu không được chứa tên đăng nhập",
      en: "the password must not contain the username",
    });
  if (common.has(lower) || /^(.)\1+$/.test(password))
    problems.push({ vi: "mật khẩu quá phổ biến, dễ đoán", en: "the password is too common" });
  return problems;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2 /* Argon2id */, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend comparable time so a missing account cannot be told from a wrong password.
    await hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
