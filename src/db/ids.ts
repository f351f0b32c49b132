import { randomFillSync } from "node:crypto";

/**
 * Time-ordered ids (UUID version 7: 48 bits of Unix milliseconds, then random bits), the same kind
 * the SQL function `uuid_v7()` makes: new rows land at the right edge of the indexes on them
 * instead of on a random, likely cold, page. Made here when a batch needs its ids before insert.
 */
export function uuidV7s(n: number, now = Date.now()): string[] {
  const random = Buffer.alloc(n * 10);
  randomFillSync(random);
  const ms = now.toString(16).padStart(12, "0");
  const head = `${ms.slice(0, 8)}-${ms.slice(8, 12)}-7`;
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = random.subarray(i * 10, i * 10 + 10).toString("hex");
    // 12 random bits after the version; the variant (10xx) then 14 random bits; 48 random bits.
    const variant = ((Number.parseInt(r[3] as string, 16) & 0x3) | 0x8).toString(16);
    out[i] = `${head}${r.slice(0, 3)}-${variant}${r.slice(4, 7)}-${r.slice(8, 20)}`;
  }
  return out;
}
