/**
 * i18next with Vietnamese as the default language and English second. Strings live in one JSON
 * file per namespace and language (i18n/vi/*.json, i18n/en/*.json); test/web/locales.test.ts
 * fails when a key exists in one language and not the other. The chosen language is kept in
 * localStorage and sent to the API as Accept-Language, so its messages match the page.
 */
import i18next from "i18next";
import { initReactI18next } from "react-i18next";

export const languages = ["vi", "en"] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = "chinam.lang";

type Bundle = Record<string, Record<string, unknown>>;
/**
 * Every namespace file of both languages, bundled with the entry (vi/common.json → vi.common) —
 * except the namespaces of pages few people open (data entry, imports, review, administration:
 * every admin*.json) and of features loaded on demand (offline): those travel with their page's
 * chunk (addStrings), so the dashboard's first load does not carry them.
 */
function bundles(): Record<Language, Bundle> {
  const files = import.meta.glob<Record<string, unknown>>(
    [
      "./*/*.json",
      "!./*/entry.json",
      "!./*/import.json",
      "!./*/review.json",
      "!./*/offline.json",
      "!./*/admin*.json",
    ],
    { eager: true, import: "default" },
  );
  const out: Record<Language, Bundle> = { vi: {}, en: {} };
  for (const [file, content] of Object.entries(files)) {
    const m = /^\.\/(vi|en)\/([\w-]+)\.json$/.exec(file);
    if (m?.[1] && m[2]) out[m[1] as Language][m[2]] = content;
  }
  return out;
}

/** A page's own namespace, registered when its module loads (before it renders). */
export function addStrings(ns: string, strings: Record<Language, Record<string, unknown>>): void {
  for (const lang of languages)
    if (!i18next.hasResourceBundle(lang, ns)) i18next.addResourceBundle(lang, ns, strings[lang]);
}

export function initialLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "vi" || saved === "en") return saved;
  } catch {
    // Storage can be blocked (private mode, policy): Vietnamese then.
  }
  return "vi";
}

/**
 * Told to the server too, which draws the dashboard's first screen in it before the scripts run
 * (src/server/web-app/first-screen.ts); a year, like the saved setting.
 */
function rememberForServer(lang: Language): void {
  // biome-ignore lint/suspicious/noDocumentCookie: one plain value; the Cookie Store API is not in every browser the app supports
  document.cookie = `chinam_lang=${lang}; path=/; max-age=31536000; samesite=lax`;
}

export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, still switched.
  }
  rememberForServer(lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return i18next.language === "en" ? "en" : "vi";
}

export function initI18n(): typeof i18next {
  const lang = initialLanguage();
  document.documentElement.lang = lang;
  rememberForServer(lang);
  void i18next.use(initReactI18next).init({
    resources: bundles(),
    lng: lang,
    fallbackLng: false,
    defaultNS: "common",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
