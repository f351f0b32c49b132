/** Access-matrix cases for the routes of src/server/health. */
import { type Cases, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const healthCases = (_w: MatrixWorld): Cases => ({
  "GET /healthz": publicGet("/healthz"),
  "GET /readyz": publicGet("/readyz"),
});
