/**
 * Builds the web app into dist/web (served by the API server at /) and runs the dev server with
 * hot reload, proxying the API to a running Chỉ Nam (API_ORIGIN, default http://localhost:3000).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin, type Rollup } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const here = path.dirname(fileURLToPath(import.meta.url));
const api = process.env.API_ORIGIN ?? "http://localhost:3000";

/**
 * Preloads the regular weight of the typeface (Latin and Vietnamese subsets): found by the
 * browser only after the CSS is parsed, the text would otherwise be drawn twice and move.
 */
function preloadFonts(): Plugin {
  return {
    name: "chinam-preload-fonts",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, ctx) {
        const fonts = Object.keys(ctx.bundle ?? {}).filter((f) =>
          /be-vietnam-pro-(latin|vietnamese)-400-normal-[\w-]+\.woff2$/.test(f),
        );
        return fonts.map((f) => ({
          tag: "link",
          attrs: { rel: "preload", as: "font", type: "font/woff2", href: `/${f}`, crossorigin: "" },
          injectTo: "head" as const,
        }));
      },
    },
  };
}

/** Each route's path and the page module it loads lazily, read from app/routes.tsx. */
export function routePages(source: string): { path: string; module: string }[] {
  const out: { path: string; module: string }[] = [];
  for (const block of source.split(/createRoute\(/).slice(1)) {
    const p = block.match(/\bpath:\s*"([^"]+)"/)?.[1];
    const m = block.match(/import\("\.\.\/(pages\/[^"]+)\.js"\)/)?.[1];
    if (p && m) out.push({ path: p, module: m });
  }
  return out;
}

/**
 * Writes route-hints.json: for each route, the chunks and style sheets its page needs beyond the
 * entry's. The server names them in that route's index.html (modulepreload, stylesheet), so the
 * browser fetches the page together with the entry instead of one round trip after it.
 */
function routeHints(): Plugin {
  return {
    name: "chinam-route-hints",
    apply: "build",
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === "chunk");
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const closure = (start: string[], seen = new Set<string>()) => {
        for (const f of start)
          if (!seen.has(f)) {
            seen.add(f);
            closure(byFile.get(f)?.imports ?? [], seen);
          }
        return seen;
      };
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const loaded = closure([entry.fileName]);
      // The entry starts the app by importing app/boot.tsx (main.tsx): every page needs it.
      const boot = chunks.find((c) => c.facadeModuleId?.endsWith("/src/web/app/boot.tsx"));
      if (!boot) throw new Error("no chunk for app/boot.tsx");
      const source = readFileSync(path.join(here, "app/routes.tsx"), "utf8");
      const hints = routePages(source).map(({ path: route, module }) => {
        const page = chunks.find((c) => c.facadeModuleId?.endsWith(`/src/web/${module}.tsx`));
        if (!page) throw new Error(`route ${route}: no chunk for ${module}`);
        const js = [...closure([boot.fileName, page.fileName])].filter((f) => !loaded.has(f));
        const css = js.flatMap((f) => [...(byFile.get(f)?.viteMetadata?.importedCss ?? [])]);
        return { path: route, js: js.map((f) => `/${f}`), css: css.map((f) => `/${f}`) };
      });
      this.emitFile({ type: "asset", fileName: "route-hints.json", source: JSON.stringify(hints, null, 2) });
    },
  };
}

/**
 * Writes first-screen.json: the strings of what the server draws in `/` before the scripts run
 * (src/server/web-app/first-screen.ts), taken from the locale files so both say the same.
 */
function firstScreenStrings(): Plugin {
  return {
    name: "chinam-first-screen",
    apply: "build",
    generateBundle(_options, bundle) {
      const title = (lang: "vi" | "en") =>
        (JSON.parse(readFileSync(path.join(here, `i18n/${lang}/home.json`), "utf8")) as { title: string })
          .title;
      // The title is set in the 600 weight: preloaded on `/` (not on every page) so that it is
      // painted in its final typeface and does not change size when the app redraws it.
      const fonts = Object.keys(bundle)
        .filter((f) => /be-vietnam-pro-(latin|vietnamese)-600-normal-[\w-]+\.woff2$/.test(f))
        .map((f) => `/${f}`);
      const source = JSON.stringify({ title: { vi: title("vi"), en: title("en") }, fonts }, null, 2);
      this.emitFile({ type: "asset", fileName: "first-screen.json", source });
    },
  };
}

/**
 * The service worker (offline/sw.ts → sw.js, registered by offline/register-sw.ts): it precaches
 * the app shell so data entry opens offline (docs/decisions/0015-offline-entry.md). index.html is
 * listed as "/", the URL the server answers with it.
 */
function offlineShell() {
  return VitePWA({
    strategies: "injectManifest",
    // Workbox without its development logging, also when NODE_ENV is not "production" (E2E builds).
    mode: "production",
    srcDir: "offline",
    filename: "sw.ts",
    injectRegister: false,
    manifest: false,
    injectManifest: {
      globPatterns: ["**/*.{js,css,woff2,svg}", "index.html"],
      globIgnores: ["sw.js"],
      manifestTransforms: [
        async (entries) => ({
          manifest: entries.map((e) => (e.url === "index.html" ? { ...e, url: "/" } : e)),
          warnings: [],
        }),
      ],
    },
  });
}

export default defineConfig({
  root: here,
  base: "/",
  plugins: [react(), preloadFonts(), routeHints(), firstScreenStrings(), offlineShell()],
  build: {
    outDir: path.resolve(here, "../../dist/web"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Few chunks on the first load instead of dozens of 1–2 KB ones: every page needs React,
        // the router, the data cache, i18next and Mantine's core, so they form one long-cached
        // chunk; the app's shared modules form another. Mantine's components stay with the pages
        // that use them, so a page does not download the drawers, pickers and popovers of others.
        codeSplitting: {
          groups: [
            {
              name: "vendor",
              test: /node_modules[\\/](react|react-dom|scheduler|@tanstack|i18next|react-i18next|openapi-fetch|use-sync-external-store|clsx|@mantine[\\/]hooks|@mantine[\\/]core[\\/]esm[\\/]core)[\\/]/,
              priority: 20,
            },
            {
              name: "common",
              test: /src[\\/]web[\\/](api|lib|live|components[\\/](?!charts|map))/,
              minShareCount: 2,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      // Not "/api": the app's own sources live under /api/ (src/web/api/*.ts) in dev mode.
      "/api/v1": { target: api, changeOrigin: false },
      "/api/docs": api,
      "/setup": api,
      "/reset-password": api,
      "/account/account.js": api,
      "/account/account.css": api,
    },
  },
});
