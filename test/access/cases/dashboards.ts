/** Access-matrix cases for the routes of src/server/dashboards. */
import { type Cases, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";
import { dataGapReaders } from "./quality.js";

export const dashboardsCases = (_w: MatrixWorld): Cases => ({
  "GET /api/v1/plans/:code/overview": publicGet(
    "/api/v1/plans/NQ57/overview",
    "/api/v1/plans/OTHER/overview",
  ),
  // The alerts include the period's data gaps: who may read them is data quality's rule.
  "GET /api/v1/plans/:code/alerts": {
    own: () => ({ method: "GET", url: "/api/v1/plans/NQ57/alerts?period=2026-10" }),
    other: () => ({ method: "GET", url: "/api/v1/plans/OTHER/alerts?period=2026-10" }),
    ...dataGapReaders,
  },
  "GET /api/v1/indicators/:code/series": publicGet(
    "/api/v1/indicators/T30-A02/series",
    "/api/v1/indicators/T30-A02/series?unit=HO-CHI-MINH",
  ),
  "GET /api/v1/indicators/:code/breakdown": publicGet(
    "/api/v1/indicators/T30-A02/breakdown?period=2026",
    "/api/v1/indicators/T30-A02/breakdown?period=2026&parent=HO-CHI-MINH",
  ),
  "GET /api/v1/indicators/:code/compare": publicGet(
    "/api/v1/indicators/T30-A02/compare?units=HA-NOI",
    "/api/v1/indicators/T30-A02/compare?units=HO-CHI-MINH",
  ),
});
