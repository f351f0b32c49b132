/**
 * What the server draws in `/` before the scripts run (decision 0017): the dashboard's title and
 * the plan's full name, in the language the person chose (the `chinam_lang` cookie the app keeps
 * beside its own setting; Vietnamese otherwise), with the markup React draws for them, so when the
 * app replaces them nothing on screen changes. A phone then shows the page's heading with the
 * first style sheet instead of after 200 KB of script, and that heading is its largest text.
 */
import { z } from "zod";

export type FirstScreenLang = "vi" | "en";

export const firstScreenStrings = z.object({
  title: z.object({ vi: z.string().min(1), en: z.string().min(1) }),
  /** The title's typeface files, preloaded on `/` only. */
  fonts: z.array(z.string().regex(/^\/assets\/[\w.-]+\.woff2$/)).default([]),
});
export type FirstScreenStrings = z.infer<typeof firstScreenStrings>;

/** The comment in index.html where the first screen goes (inside `.app`, after the header). */
const MARKER = /<!--first-screen:[^>]*-->/;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** The language of the first screen: the cookie's, if it names one, else Vietnamese (the app's default). */
export function firstScreenLang(cookie: string | undefined): FirstScreenLang {
  return cookie === "en" ? "en" : "vi";
}

/**
 * The dashboard header as src/web/pages/home/HomePage.tsx renders it (Mantine's Title and Text,
 * their classes and variables): test/e2e/dashboard-suite.ts compares the two.
 */
export function homeHeaderHtml(title: string, planName: string | null): string {
  const h1 = `<h1 class="home-title m_8a5d1357 mantine-Title-root" data-order="1" style="--title-fw: var(--mantine-h1-font-weight); --title-lh: var(--mantine-h1-line-height); --title-fz: var(--mantine-h1-font-size);">${escapeHtml(title)}</h1>`;
  const name = `<p class="mantine-focus-auto home-plan-name m_b6d8b162 mantine-Text-root" data-size="sm" style="--text-fz: var(--mantine-font-size-sm); --text-lh: var(--mantine-line-height-sm); color: var(--mantine-color-gray-7);">${planName === null ? "&nbsp;" : escapeHtml(planName)}</p>`;
  return `<main id="main" tabindex="-1"><div class="page home-page"><header class="home-header"><div>${h1}${name}</div></header></div></main>`;
}

/** `/`'s page with its first screen drawn in, and `lang` on the html element. */
export function withFirstScreen(page: string, lang: FirstScreenLang, header: string): string {
  const html = lang === "vi" ? page : page.replace(/<html lang="vi"/, `<html lang="${lang}"`);
  return MARKER.test(html) ? html.replace(MARKER, header) : html;
}
