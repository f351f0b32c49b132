/**
 * Accent- and case-insensitive matching of Vietnamese text ("ha noi" finds "Hà Nội"): the same
 * folding in JavaScript (the query) and in SQL (`translate`, which needs no extension and does
 * not depend on the database's locale, unlike `lower` and `unaccent`).
 */
import { type AnyColumn, type SQL, sql } from "drizzle-orm";

/** Lower case, without tone marks or the breve, circumflex and horn; đ as d. */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
}

const vowels = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const tones = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];

/** Every letter whose fold differs from itself: Vietnamese letters in both cases, and A–Z. */
function foldedLetters(): { from: string; to: string } {
  const letters = new Set<string>(["đ", "Đ"]);
  for (const v of vowels)
    for (const t of tones) {
      const lower = `${v}${t}`.normalize("NFC");
      letters.add(lower);
      letters.add(lower.toUpperCase());
    }
  for (let c = 65; c <= 90; c++) letters.add(String.fromCharCode(c));
  const changed = [...letters].filter((c) => [...c].length === 1 && fold(c) !== c);
  return { from: changed.join(""), to: changed.map(fold).join("") };
}

const { from, to } = foldedLetters();

/** The SQL of `fold(column)`. */
export function foldedSql(column: AnyColumn | SQL): SQL {
  return sql`translate(${column}, ${from}, ${to})`;
}

/** A LIKE pattern matching `q` anywhere, folded, with LIKE's wildcards escaped. */
export function foldedPattern(q: string): string {
  return `%${fold(q.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
