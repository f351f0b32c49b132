/** Access-matrix cases for the routes of src/server/app.ts. */
import { type Cases, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const appCases = (_w: MatrixWorld): Cases => ({
  "GET /api/v1/openapi.json": publicGet("/api/v1/openapi.json"),
  "GET /": publicGet("/"),
  // The web app's files (src/server/web-app): public, like the page that loads them.
  "GET /assets/:file": publicGet("/assets/not-built.js"),
  "GET /favicon.svg": publicGet("/favicon.svg"),
  // Data entry's service worker (src/web/offline/sw.ts): public, like the pages that register it.
  "GET /sw.js": publicGet("/sw.js"),
});
