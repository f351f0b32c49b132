/**
 * Ordering of codes and section references ("KPI-S1-02", "I.2.a", "II.10") without a collator:
 * the first `localeCompare` a page makes loads ICU's collation data, 50–90 ms of one task under
 * Lighthouse's 4× CPU slowdown, and the dashboard sorts in its first render. Runs of digits
 * compare as numbers (I.2 < I.10), punctuation before digits before letters (as a collator puts
 * them: K_CASH < KPI), letters regardless of case, then lower case before upper case.
 */
const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;

/** Punctuation and spaces 0, digits 1, letters 2 (then by the letter, case folded). */
function weight(c: number): [number, number] {
  if (isDigit(c)) return [1, c];
  if (isLetter(c)) return [2, c >= 97 && c <= 122 ? c - 32 : c];
  return [0, c];
}

export function compareCodes(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let ei = i;
      let ej = j;
      while (ei < a.length && isDigit(a.charCodeAt(ei))) ei++;
      while (ej < b.length && isDigit(b.charCodeAt(ej))) ej++;
      const na = a.slice(i, ei).replace(/^0+(?=\d)/, "");
      const nb = b.slice(j, ej).replace(/^0+(?=\d)/, "");
      if (na.length !== nb.length) return na.length - nb.length;
      if (na !== nb) return na < nb ? -1 : 1;
      i = ei;
      j = ej;
      continue;
    }
    const [ga, va] = weight(ca);
    const [gb, vb] = weight(cb);
    if (ga !== gb) return ga - gb;
    if (va !== vb) return va - vb;
    i++;
    j++;
  }
  if (a.length - i !== b.length - j) return a.length - i - (b.length - j);
  // Equal but for case: lower case first, as a collator puts it.
  const sa = swapCase(a);
  const sb = swapCase(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

const swapCase = (s: string) =>
  s.replace(/[a-z]+|[A-Z]+/g, (m) => (m[0] === m[0]?.toLowerCase() ? m.toUpperCase() : m.toLowerCase()));
