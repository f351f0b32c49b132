/** Access-matrix cases for the routes of src/server/audit. */
import { ADMIN, type Cases, PLAN_ADMINS, same } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const auditCases = (_w: MatrixWorld): Cases => ({
  "GET /api/v1/audit": {
    ...same({ method: "GET", url: "/api/v1/audit?limit=5" }),
    allowOwn: PLAN_ADMINS,
    allowOther: PLAN_ADMINS,
  },
  "GET /api/v1/audit/:seq": {
    ...same({ method: "GET", url: "/api/v1/audit/1" }),
    allowOwn: PLAN_ADMINS,
    allowOther: PLAN_ADMINS,
  },
  "GET /api/v1/audit/verify": {
    ...same({ method: "GET", url: "/api/v1/audit/verify" }),
    allowOwn: ADMIN,
    allowOther: ADMIN,
  },
});
