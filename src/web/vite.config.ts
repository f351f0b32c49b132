/**
 * Builds the web app into dist/web (served by the API server at /) and runs the dev server with
 * hot reload, proxying the API to a running Chỉ Nam (API_ORIGIN, default http://localhost:3000).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

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

export default defineConfig({
  root: here,
  base: "/",
  plugins: [react(), preloadFonts()],
  build: {
    outDir: path.resolve(here, "../../dist/web"),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    chunkSizeWarningLimit: 600,
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
