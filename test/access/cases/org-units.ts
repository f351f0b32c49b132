/** Access-matrix cases for the routes of src/server/org-units and src/server/plans/admin-routes.ts. */
import { createOrgUnit } from "../../../src/server/org-units/service.js";
import { type Cases, PLAN_ADMINS, publicGet, same } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const orgUnitsCases = (w: MatrixWorld): Cases => ({
  "POST /api/v1/org-units": {
    own: () => ({
      method: "POST",
      url: "/api/v1/org-units",
      payload: { code: `U-${w.uniq()}`, kind: "agency", name: "Đơn vị" },
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/org-units",
      payload: { code: `U-${w.uniq()}`, kind: "agency", name: "Đơn vị" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: PLAN_ADMINS,
  },
  "PATCH /api/v1/org-units/:code": {
    ...same({ method: "PATCH", url: "/api/v1/org-units/VIETTEL", payload: { adminCode: null } }),
    allowOwn: PLAN_ADMINS,
    allowOther: PLAN_ADMINS,
  },
  "DELETE /api/v1/org-units/:code": {
    own: async () => {
      const code = `D-${w.uniq()}`;
      await createOrgUnit(
        w.db(),
        { code, kind: "agency", name: { vi: "Tạm", en: undefined }, lineage: [] },
        { actor: "test" },
      );
      return { method: "DELETE", url: `/api/v1/org-units/${code}?validTo=2026-12-31` };
    },
    other: async () => {
      const code = `D-${w.uniq()}`;
      await createOrgUnit(
        w.db(),
        { code, kind: "agency", name: { vi: "Tạm", en: undefined }, lineage: [] },
        { actor: "test" },
      );
      return { method: "DELETE", url: `/api/v1/org-units/${code}?validTo=2026-12-31` };
    },
    allowOwn: PLAN_ADMINS,
    allowOther: PLAN_ADMINS,
  },
  "GET /api/v1/org-units": publicGet("/api/v1/org-units"),
  "GET /api/v1/org-units/:code": publicGet("/api/v1/org-units/HA-NOI", "/api/v1/org-units/HO-CHI-MINH"),
});
