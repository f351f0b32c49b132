/** Access-matrix cases for the routes of src/server/instance. */
import { type Cases, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const instanceCases = (_w: MatrixWorld): Cases => ({
  "GET /api/v1/instance": publicGet("/api/v1/instance"),
});
