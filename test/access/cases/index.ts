/**
 * Every module's access-matrix cases, collected for test/access/matrix.test.ts. A new module adds
 * its own file here: a route without a case fails the matrix.
 */

import type { Cases } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";
import { apiTokensCases } from "./api-tokens.js";
import { appCases } from "./app.js";
import { auditCases } from "./audit.js";
import { authCases } from "./auth.js";
import { dashboardsCases } from "./dashboards.js";
import { eventsCases } from "./events.js";
import { healthCases } from "./health.js";
import { indicatorsCases } from "./indicators.js";
import { instanceCases } from "./instance.js";
import { observationsCases } from "./observations.js";
import { orgUnitsCases } from "./org-units.js";
import { pagesCases } from "./pages.js";
import { plansCases } from "./plans.js";
import { qualityCases } from "./quality.js";
import { unitProfilesCases } from "./unit-profiles.js";
import { usersCases } from "./users.js";

const modules: ((w: MatrixWorld) => Cases)[] = [
  authCases,
  observationsCases,
  eventsCases,
  usersCases,
  apiTokensCases,
  auditCases,
  unitProfilesCases,
  plansCases,
  indicatorsCases,
  orgUnitsCases,
  qualityCases,
  dashboardsCases,
  instanceCases,
  appCases,
  healthCases,
  pagesCases,
];

/** All cases by route key; a route claimed by two modules is a mistake, not an override. */
export function allCases(w: MatrixWorld): Cases {
  const all: Cases = {};
  for (const module of modules)
    for (const [key, c] of Object.entries(module(w))) {
      if (key in all) throw new Error(`two access-matrix cases for ${key}`);
      all[key] = c;
    }
  return all;
}
