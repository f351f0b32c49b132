/**
 * Builds the web app into dist/web (served by the API server at /) and runs the dev server with
 * hot reload, proxying the API to a running Chỉ Nam (API_ORIGIN, default http://localhost:3000).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
const api = process.env.API_ORIGIN ?? "http://localhost:3000";

export default defineConfig({
  root: here,
  base: "/",
  plugins: [react()],
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
