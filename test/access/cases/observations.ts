/** Access-matrix cases for the routes of src/server/observations. */
import { ALL, type Cases, same } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const observationsCases = (w: MatrixWorld): Cases => ({
  "PUT /api/v1/observations": {
    own: () => ({
      method: "PUT",
      url: "/api/v1/observations",
      payload: {
        indicator: "OI_DOSSIERS_ONLINE",
        unit: "HA-NOI",
        period: "2026-05",
        value: Math.round(Math.random() * 1e6),
      },
    }),
    other: () => ({
      method: "PUT",
      url: "/api/v1/observations",
      payload: {
        indicator: "OI_DOSSIERS_ONLINE",
        unit: "HO-CHI-MINH",
        period: "2026-05",
        value: Math.round(Math.random() * 1e6),
      },
    }),
    allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
    allowOther: ["demo-reporter-hcm"],
  },
  "POST /api/v1/observations/bulk": {
    own: () => ({
      method: "POST",
      url: "/api/v1/observations/bulk",
      payload: {
        items: [{ indicator: "OI_DOSSIERS_ONLINE", unit: "HA-NOI", period: "2026-06", value: Math.random() }],
      },
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/observations/bulk",
      payload: {
        items: [
          { indicator: "OI_DOSSIERS_ONLINE", unit: "HO-CHI-MINH", period: "2026-06", value: Math.random() },
        ],
      },
    }),
    allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
    allowOther: ["demo-reporter-hcm"],
  },
  "POST /api/v1/observations/import": {
    own: () => ({
      method: "POST",
      url: "/api/v1/observations/import",
      headers: { "content-type": "text/csv" },
      payload: `indicator,unit,period,value\nOI_DOSSIERS_ONLINE,HA-NOI,2026-07,${Math.round(Math.random() * 1e5)}\n`,
    }),
    other: () => ({
      method: "POST",
      url: "/api/v1/observations/import",
      headers: { "content-type": "text/csv" },
      payload: `indicator,unit,period,value\nOI_DOSSIERS_ONLINE,HO-CHI-MINH,2026-07,${Math.round(Math.random() * 1e5)}\n`,
    }),
    allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
    allowOther: ["demo-reporter-hcm"],
  },
  "GET /api/v1/observations/template.xlsx": {
    own: () => ({ method: "GET", url: "/api/v1/observations/template.xlsx?unit=HA-NOI&period=2026-10" }),
    other: () => ({
      method: "GET",
      url: "/api/v1/observations/template.xlsx?unit=HO-CHI-MINH&period=2026-10",
    }),
    allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
    allowOther: ["demo-reporter-hcm"],
  },
  "GET /api/v1/observations/export": {
    ...same({ method: "GET", url: "/api/v1/observations/export?indicator=OI_DOSSIERS_ONLINE" }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  },
  "GET /api/v1/observations": {
    ...same({ method: "GET", url: "/api/v1/observations?indicator=OI_DOSSIERS_ONLINE" }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
  },
  "GET /api/v1/observations/:id": {
    own: async () => ({ method: "GET", url: `/api/v1/observations/${await w.value("HA-NOI", "draft")}` }),
    other: async () => ({
      method: "GET",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "draft")}`,
    }),
    allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi", "demo-province-committee-hanoi"],
    allowOther: ["demo-reporter-hcm"],
    anonymousStatus: 404,
  },
  "GET /api/v1/observations/:id/revisions": {
    own: async () => ({
      method: "GET",
      url: `/api/v1/observations/${await w.value("HA-NOI", "draft")}/revisions`,
    }),
    other: async () => ({
      method: "GET",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "draft")}/revisions`,
    }),
    allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi", "demo-province-committee-hanoi"],
    allowOther: ["demo-reporter-hcm"],
    anonymousStatus: 404,
  },
  "GET /api/v1/observations/imports/:key": {
    // Nobody reads the progress of an upload they did not send (their own: test/api/observations-bulk).
    ...same({ method: "GET", url: "/api/v1/observations/imports/no-such-upload-key" }),
    allowOwn: [],
    allowOther: [],
  },
  "DELETE /api/v1/observations/:id": {
    own: async () => ({ method: "DELETE", url: `/api/v1/observations/${await w.value("HA-NOI", "draft")}` }),
    other: async () => ({
      method: "DELETE",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "draft")}`,
    }),
    allowOwn: ["demo-reporter-hanoi", "demo-approver-hanoi"],
    allowOther: ["demo-reporter-hcm"],
  },
  "POST /api/v1/observations/:id/submit": {
    own: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HA-NOI", "draft")}/submit`,
    }),
    other: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "draft")}/submit`,
    }),
    allowOwn: ["demo-approver-hanoi"],
    allowOther: [],
  },
  "POST /api/v1/observations/:id/recall": {
    own: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HA-NOI", "submitted")}/recall`,
    }),
    other: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "submitted")}/recall`,
    }),
    allowOwn: ["demo-approver-hanoi"],
    allowOther: [],
  },
  "POST /api/v1/observations/:id/revise": {
    own: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HA-NOI", "approved")}/revise`,
      payload: { value: 7, reason: "Cổng DVC đã đối soát lại" },
    }),
    other: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "approved")}/revise`,
      payload: { value: 7, reason: "Cổng DVC đã đối soát lại" },
    }),
    allowOwn: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1"],
  },
  "POST /api/v1/observations/:id/approve": {
    own: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HA-NOI", "submitted")}/approve`,
    }),
    other: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "submitted")}/approve`,
    }),
    allowOwn: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1"],
  },
  "POST /api/v1/observations/transitions": {
    own: async () => ({
      method: "POST",
      url: "/api/v1/observations/transitions",
      payload: {
        action: "approve",
        items: [{ id: await w.value("HA-NOI", "submitted"), expectedVersion: 2 }],
      },
    }),
    other: async () => ({
      method: "POST",
      url: "/api/v1/observations/transitions",
      payload: {
        action: "approve",
        items: [{ id: await w.value("HO-CHI-MINH", "submitted"), expectedVersion: 2 }],
      },
    }),
    allowOwn: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    can: { resource: "observation", flag: "approve" },
  },
  "GET /api/v1/org-units/:code/entry": {
    own: () => ({ method: "GET", url: "/api/v1/org-units/HA-NOI/entry?plan=NQ57" }),
    other: () => ({ method: "GET", url: "/api/v1/org-units/HO-CHI-MINH/entry?plan=NQ57" }),
    // The unit's people (the committee included) and the plan's reviewers; not its readers.
    allowOwn: [
      "demo-admin",
      "demo-standing",
      "demo-engineer-s1",
      "demo-reporter-hanoi",
      "demo-approver-hanoi",
      "demo-province-committee-hanoi",
    ],
    allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1", "demo-reporter-hcm"],
  },
  "POST /api/v1/observations/:id/return": {
    own: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HA-NOI", "submitted")}/return`,
      payload: { reason: "Xem lại" },
    }),
    other: async () => ({
      method: "POST",
      url: `/api/v1/observations/${await w.value("HO-CHI-MINH", "submitted")}/return`,
      payload: { reason: "Xem lại" },
    }),
    allowOwn: ["demo-admin", "demo-standing", "demo-engineer-s1"],
    allowOther: ["demo-admin", "demo-standing", "demo-engineer-s1"],
  },
});
