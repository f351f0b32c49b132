/** Access-matrix cases for the routes of src/server/pages. */
import { type Cases, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const pagesCases = (_w: MatrixWorld): Cases => ({
  "GET /setup": publicGet("/setup"),
  "GET /reset-password": publicGet("/reset-password"),
  "GET /account/account.js": publicGet("/account/account.js"),
  "GET /account/account.css": publicGet("/account/account.css"),
  "GET /favicon.ico": publicGet("/favicon.ico"),
});
