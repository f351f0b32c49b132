/**
 * Numbers and dates as each language writes them: vi-VN uses a decimal comma and a dot for
 * thousands ("1.234,5"), en-GB the reverse. One place so every page agrees.
 */
export type Lang = "vi" | "en";

/**
 * Written out by hand rather than with Intl.NumberFormat / DateTimeFormat: the first Intl
 * formatter a page creates loads the locale data, 20–30 ms of one task on a phone-class CPU (100+
 * ms under Lighthouse's 4× slowdown), and the dashboard needs one in its first render. The output
 * is the same as Intl's for vi-VN and en-GB (test/web/format.test.ts compares them).
 */
const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  vi: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

const intlFallback = new Map<string, Intl.NumberFormat>();
function intlFormat(value: number, lang: Lang, digits: number): string {
  const key = `${lang}|${digits}`;
  let f = intlFallback.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: digits });
    intlFallback.set(key, f);
  }
  return f.format(value);
}

/**
 * `value` rounded half away from zero to at most `digits` decimals, grouped by thousands. Like
 * Intl, it rounds the number's shortest decimal form (21945.245 → 21945.25), not its binary value.
 */
function formatPlain(value: number, lang: Lang, digits: number): string {
  const shortest = String(Math.abs(value));
  // Exponent forms (below 1e-6, from 1e21) are rare enough to leave to Intl.
  if (shortest.includes("e")) return intlFormat(value, lang, digits);
  const [whole = "0", fraction = ""] = shortest.split(".");
  let int = whole;
  let frac = fraction;
  if (frac.length > digits) {
    const roundUp = frac.charCodeAt(digits) >= 53; // the next digit is 5 or more
    frac = frac.slice(0, digits);
    if (roundUp) {
      const bumped = (BigInt(int + frac) + 1n).toString().padStart(int.length + digits, "0");
      int = bumped.slice(0, bumped.length - digits);
      frac = bumped.slice(bumped.length - digits);
    }
  }
  frac = frac.replace(/0+$/, "");
  const negative = value < 0 || Object.is(value, -0);
  const { group, decimal } = SEPARATORS[lang];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? "-" : ""}${grouped}${frac ? decimal + frac : ""}`;
}

/** A value with at most `digits` decimals (2 by default, fewer for large numbers). */
export function formatNumber(value: number | null | undefined, lang: Lang, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const d = digits ?? (Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return formatPlain(value, lang, d);
}

/** A share 0–1 as a percentage: 0.824 → "82,4 %" (vi) or "82.4%" (en). */
export function formatPercent(share: number | null | undefined, lang: Lang, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  const n = formatPlain(share * 100, lang, digits);
  return lang === "vi" ? `${n} %` : `${n}%`;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** dd/mm/yyyy in the browser's time zone: what vi-VN and en-GB both write. */
function dateText(d: Date): string {
  return `${pad2(d.getDate())}/${pad2(d.getMonth() + 1)}/${d.getFullYear()}`;
}

export function formatDate(iso: string | Date | null | undefined, _lang: Lang): string {
  if (!iso) return "—";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "—";
  return dateText(d);
}

/** hh:mm on a 24-hour clock, as vi-VN and en-GB both write it. */
export function formatTime(d: Date, _lang: Lang): string {
  return `${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

export function formatDateTime(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "—";
  return `${formatTime(d, lang)} ${formatDate(d, lang)}`;
}
