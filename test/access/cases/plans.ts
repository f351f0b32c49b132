/** Access-matrix cases for the routes of src/server/plans. */
import { ADMIN, type Cases, PLAN_ADMINS, publicGet } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

const plansDef = (code: string) => ({
  code,
  name: code === "NQ57" ? "Kế hoạch hành động chiến lược triển khai Nghị quyết số 57-NQ/TW" : "Kế hoạch khác",
  startYear: 2025,
  endYear: code === "NQ57" ? 2045 : 2030,
});

export const plansCases = (w: MatrixWorld): Cases => ({
  "POST /api/v1/plans": {
    own: () => ({ method: "POST", url: "/api/v1/plans?dryRun=true", payload: plansDef("NQ57") }),
    other: () => ({ method: "POST", url: "/api/v1/plans?dryRun=true", payload: plansDef("OTHER") }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "GET /api/v1/plans/:code/definition": {
    own: () => ({ method: "GET", url: "/api/v1/plans/NQ57/definition" }),
    other: () => ({ method: "GET", url: "/api/v1/plans/OTHER/definition" }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "DELETE /api/v1/plans/:code": {
    own: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/${await w.throwawayPlan()}?reason=th%E1%BB%AD`,
    }),
    other: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/${await w.throwawayPlan()}?reason=th%E1%BB%AD`,
    }),
    allowOwn: ADMIN,
    allowOther: ADMIN,
  },
  "POST /api/v1/plans/:code/systems": {
    own: () => ({
      method: "POST",
      url: "/api/v1/plans/NQ57/systems",
      payload: { code: `SY${w.uniq()}`, number: 50, name: "Mới" },
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/plans/OTHER/systems",
      payload: { code: `SY${w.uniq()}`, number: 50, name: "Mới" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "PATCH /api/v1/plans/:code/systems/:system": {
    own: async () => ({
      method: "PATCH",
      url: `/api/v1/plans/NQ57/systems/${await w.throwawaySystem("NQ57")}`,
      payload: { name: "Đổi tên" },
    }),
    other: async () => ({
      method: "PATCH",
      url: `/api/v1/plans/OTHER/systems/${await w.throwawaySystem("OTHER")}`,
      payload: { name: "Đổi tên" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "DELETE /api/v1/plans/:code/systems/:system": {
    own: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/NQ57/systems/${await w.throwawaySystem("NQ57")}?reason=th%E1%BB%AD`,
    }),
    other: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/OTHER/systems/${await w.throwawaySystem("OTHER")}?reason=th%E1%BB%AD`,
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "POST /api/v1/plans/:code/initiatives": {
    own: () => ({
      method: "POST",
      url: "/api/v1/plans/NQ57/initiatives",
      payload: { code: `SKY${w.uniq()}`, number: 90, system: "S1", title: "Mới" },
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/plans/OTHER/initiatives",
      payload: { code: `SKY${w.uniq()}`, number: 90, system: "S1", title: "Mới" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "PATCH /api/v1/plans/:code/initiatives/:initiative": {
    own: async () => ({
      method: "PATCH",
      url: `/api/v1/plans/NQ57/initiatives/${await w.throwawayInitiative("NQ57")}`,
      payload: { title: "Đổi" },
    }),
    other: async () => ({
      method: "PATCH",
      url: `/api/v1/plans/OTHER/initiatives/${await w.throwawayInitiative("OTHER")}`,
      payload: { title: "Đổi" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "DELETE /api/v1/plans/:code/initiatives/:initiative": {
    own: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/NQ57/initiatives/${await w.throwawayInitiative("NQ57")}?reason=th%E1%BB%AD`,
    }),
    other: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/OTHER/initiatives/${await w.throwawayInitiative("OTHER")}?reason=th%E1%BB%AD`,
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "POST /api/v1/plans/:code/projects": {
    own: () => ({
      method: "POST",
      url: "/api/v1/plans/NQ57/projects",
      payload: { code: `DA${w.uniq()}`, kind: "other", name: "Mới" },
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/plans/OTHER/projects",
      payload: { code: `DA${w.uniq()}`, kind: "other", name: "Mới" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "PATCH /api/v1/plans/:code/projects/:project": {
    own: async () => ({
      method: "PATCH",
      url: `/api/v1/plans/NQ57/projects/${await w.throwawayProject("NQ57")}`,
      payload: { name: "Đổi tên" },
    }),
    other: async () => ({
      method: "PATCH",
      url: `/api/v1/plans/OTHER/projects/${await w.throwawayProject("OTHER")}`,
      payload: { name: "Đổi tên" },
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "DELETE /api/v1/plans/:code/projects/:project": {
    own: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/NQ57/projects/${await w.throwawayProject("NQ57")}?reason=th%E1%BB%AD`,
    }),
    other: async () => ({
      method: "DELETE",
      url: `/api/v1/plans/OTHER/projects/${await w.throwawayProject("OTHER")}?reason=th%E1%BB%AD`,
    }),
    allowOwn: PLAN_ADMINS,
    allowOther: ADMIN,
  },
  "GET /api/v1/plans": publicGet("/api/v1/plans"),
  "GET /api/v1/plans/:code": publicGet("/api/v1/plans/NQ57", "/api/v1/plans/OTHER"),
  "GET /api/v1/plans/:code/roadmap": publicGet("/api/v1/plans/NQ57/roadmap", "/api/v1/plans/OTHER/roadmap"),
  "GET /api/v1/plans/:code/systems": publicGet("/api/v1/plans/NQ57/systems", "/api/v1/plans/OTHER/systems"),
  "GET /api/v1/plans/:code/systems/:system": publicGet(
    "/api/v1/plans/NQ57/systems/S1",
    "/api/v1/plans/OTHER/systems/S1",
  ),
  "GET /api/v1/plans/:code/initiatives": publicGet(
    "/api/v1/plans/NQ57/initiatives",
    "/api/v1/plans/OTHER/initiatives",
  ),
  "GET /api/v1/plans/:code/initiatives/:initiative": publicGet(
    "/api/v1/plans/NQ57/initiatives/SK01",
    "/api/v1/plans/OTHER/initiatives/SK01",
  ),
  "GET /api/v1/plans/:code/projects": publicGet("/api/v1/plans/NQ57/projects"),
});
