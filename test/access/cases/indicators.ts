/** Access-matrix cases for the routes of src/server/indicators and src/server/plans/admin-routes.ts. */
import { ADMIN, type Cases, PLAN_ADMINS, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const indicatorsCases = (w: MatrixWorld): Cases => ({
  "POST /api/v1/plans/:code/indicators": {
    own: () => ({
      method: "POST",
      url: "/api/v1/plans/NQ57/indicators",
      payload: { code: `Y_${w.uniq()}`, tier: "operational", name: "Mới" },
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/plans/OTHER/indicators",
      payload: { code: `Y_${w.uniq()}`, tier: "operational", name: "Mới" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "PATCH /api/v1/indicators/:code": {
    own: async () => ({
      method: "PATCH",
      url: `/api/v1/indicators/${await w.throwawayIndicator("NQ57")}`,
      payload: { unit: "%", reason: "Điều chỉnh" },
    }),
    other: async () => ({
      method: "PATCH",
      url: `/api/v1/indicators/${await w.throwawayIndicator("OTHER")}`,
      payload: { unit: "%", reason: "Điều chỉnh" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "DELETE /api/v1/indicators/:code": {
    own: async () => ({
      method: "DELETE",
      url: `/api/v1/indicators/${await w.throwawayIndicator("NQ57")}?reason=th%E1%BB%AD`,
    }),
    other: async () => ({
      method: "DELETE",
      url: `/api/v1/indicators/${await w.throwawayIndicator("OTHER")}?reason=th%E1%BB%AD`,
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "PUT /api/v1/plans/:code/indicators/:indicator/targets": {
    own: () => ({
      method: "PUT",
      url: "/api/v1/plans/NQ57/indicators/T30-A02/targets",
      payload: { target: { year: 2030, comparator: ">", value: 40 + Math.random() }, reason: "Điều chỉnh" },
    }),
    other: () => ({
      method: "PUT",
      url: "/api/v1/plans/OTHER/indicators/OTHER_K/targets",
      payload: { target: { year: 2030, value: Math.random() }, reason: "Điều chỉnh" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "GET /api/v1/plans/:code/indicators": publicGet("/api/v1/plans/NQ57/indicators"),
  "GET /api/v1/indicators/:code": publicGet("/api/v1/indicators/T30-A02"),
  "GET /api/v1/indicators/:code/history": publicGet("/api/v1/indicators/T30-A02/history"),
});
