/**
 * Numbers and dates as each language writes them: vi-VN uses a decimal comma and a dot for
 * thousands ("1.234,5"), en-GB the reverse. One place so every page agrees.
 */
export type Lang = "vi" | "en";
const locale = (lang: Lang) => (lang === "vi" ? "vi-VN" : "en-GB");

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}|${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f;
}

/** A value with at most `digits` decimals (2 by default, fewer for large numbers). */
export function formatNumber(value: number | null | undefined, lang: Lang, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const d = digits ?? (Math.abs(value) >= 1000 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return nf(lang, d).format(value);
}

/** A share 0–1 as a percentage: 0.824 → "82,4 %" (vi) or "82.4%" (en). */
export function formatPercent(share: number | null | undefined, lang: Lang, digits = 0): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  const n = nf(lang, digits).format(share * 100);
  return lang === "vi" ? `${n} %` : `${n}%`;
}

/** Formatters are costly to create (the first for a locale loads its data): made once each. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function df(lang: Lang, kind: "date" | "time"): Intl.DateTimeFormat {
  const key = `${lang}|${kind}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      locale(lang),
      kind === "date"
        ? { day: "2-digit", month: "2-digit", year: "numeric" }
        : { hour: "2-digit", minute: "2-digit" },
    );
    dateFormats.set(key, f);
  }
  return f;
}

export function formatDate(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "—";
  return df(lang, "date").format(d);
}

export function formatTime(d: Date, lang: Lang): string {
  return df(lang, "time").format(d);
}

export function formatDateTime(iso: string | Date | null | undefined, lang: Lang): string {
  if (!iso) return "—";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return "—";
  return `${formatTime(d, lang)} ${formatDate(d, lang)}`;
}
