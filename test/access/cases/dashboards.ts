/** Access-matrix cases for the routes of src/server/dashboards. */
import { type Cases, type Persona, PLAN_WIDE, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";
import { dataGapReaders } from "./quality.js";

/**
 * Who reads one unit's completeness: those who review some of the plan's indicators (the architect
 * reviews none of them), and the unit's own people.
 */
const reviewers: Persona[] = PLAN_WIDE.filter((p) => p !== "demo-architect");

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
  // As the series: a published indicator's approved values by category are public, at any unit.
  "GET /api/v1/indicators/:code/disaggregations": publicGet(
    "/api/v1/indicators/T30-A02/disaggregations?period=2026&unit=HA-NOI",
    "/api/v1/indicators/T30-A02/disaggregations?period=2026&unit=HO-CHI-MINH",
  ),
  "GET /api/v1/indicators/:code/compare": publicGet(
    "/api/v1/indicators/T30-A02/compare?units=HA-NOI",
    "/api/v1/indicators/T30-A02/compare?units=HO-CHI-MINH",
  ),
  "GET /api/v1/indicators/:code/laggards": publicGet(
    "/api/v1/indicators/T30-A02/laggards",
    "/api/v1/indicators/T30-A02/laggards?plan=OTHER",
  ),
  "GET /api/v1/org-units/:code/values": publicGet(
    "/api/v1/org-units/HA-NOI/values",
    "/api/v1/org-units/HO-CHI-MINH/values",
  ),
  "GET /api/v1/org-units/:code/completeness": {
    own: () => ({ method: "GET", url: "/api/v1/org-units/HA-NOI/completeness?to=2026-10" }),
    other: () => ({ method: "GET", url: "/api/v1/org-units/HO-CHI-MINH/completeness?to=2026-10" }),
    allowOwn: [...reviewers, "demo-reporter-hanoi", "demo-approver-hanoi", "demo-province-committee-hanoi"],
    allowOther: [...reviewers, "demo-reporter-hcm"],
  },
});
