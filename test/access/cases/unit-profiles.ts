/** Access-matrix cases for the routes of src/server/unit-profiles. */
import { ADMIN, type Cases, PLAN_WIDE } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const unitProfilesCases = (w: MatrixWorld): Cases => ({
  "GET /api/v1/org-units/:code/profile": {
    own: () => ({ method: "GET", url: "/api/v1/org-units/HA-NOI/profile" }),
    other: () => ({ method: "GET", url: "/api/v1/org-units/HO-CHI-MINH/profile" }),
    allowOwn: [...PLAN_WIDE, "demo-reporter-hanoi", "demo-approver-hanoi", "demo-province-committee-hanoi"],
    allowOther: [...PLAN_WIDE, "demo-reporter-hcm"],
  },
  "PUT /api/v1/org-units/:code/profile": {
    own: () => ({
      method: "PUT",
      url: "/api/v1/org-units/HA-NOI/profile",
      payload: { phone: "024 3825 3536" },
    }),
    other: () => ({
      method: "PUT",
      url: "/api/v1/org-units/HO-CHI-MINH/profile",
      payload: { phone: "028 3829 6052" },
    }),
    allowOwn: ["demo-admin", "demo-approver-hanoi"],
    allowOther: ADMIN,
  },
  "POST /api/v1/org-units/:code/focal-persons": {
    own: () => ({
      method: "POST",
      url: "/api/v1/org-units/HA-NOI/focal-persons",
      payload: { fullName: "Trần Thị B" },
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/org-units/HO-CHI-MINH/focal-persons",
      payload: { fullName: "Lê Văn C" },
    }),
    allowOwn: ["demo-admin", "demo-approver-hanoi"],
    allowOther: ADMIN,
  },
  "PATCH /api/v1/focal-persons/:id": {
    own: async () => ({
      method: "PATCH",
      url: `/api/v1/focal-persons/${await w.focal("HA-NOI")}`,
      payload: { position: "Chuyên viên" },
    }),
    other: async () => ({
      method: "PATCH",
      url: `/api/v1/focal-persons/${await w.focal("HO-CHI-MINH")}`,
      payload: { position: "Chuyên viên" },
    }),
    allowOwn: ["demo-admin", "demo-approver-hanoi"],
    allowOther: ADMIN,
  },
  "DELETE /api/v1/focal-persons/:id": {
    own: async () => ({ method: "DELETE", url: `/api/v1/focal-persons/${await w.focal("HA-NOI")}` }),
    other: async () => ({ method: "DELETE", url: `/api/v1/focal-persons/${await w.focal("HO-CHI-MINH")}` }),
    allowOwn: ["demo-admin", "demo-approver-hanoi"],
    allowOther: ADMIN,
  },
});
