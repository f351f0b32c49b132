/** Access-matrix cases for the routes of src/server/users. */
import { ADMIN, type Cases, PLAN_ADMINS, same } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const usersCases = (w: MatrixWorld): Cases => {
  /** A request on the victim user, who belongs to no plan: the same on both sides. */
  const onVictim = (method: string, tail: string) => {
    const req = () => ({ method, url: `/api/v1/users/${w.victimId}${tail}` });
    return { own: req, other: req };
  };
  return {
    "GET /api/v1/users": {
      ...same({ method: "GET", url: "/api/v1/users" }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "GET /api/v1/users/:id": {
      own: () => ({ method: "GET", url: `/api/v1/users/${w.victimId}` }),
      other: () => ({ method: "GET", url: `/api/v1/users/${w.victimId}` }),
      allowOwn: PLAN_ADMINS,
      allowOther: PLAN_ADMINS,
    },
    "POST /api/v1/users": {
      own: () => ({
        method: "POST",
        url: "/api/v1/users",
        payload: { username: `u-${w.uniq().toLowerCase()}`, displayName: "Người dùng" },
      }),
      other: () => ({
        method: "POST",
        url: "/api/v1/users",
        payload: { username: `u-${w.uniq().toLowerCase()}`, displayName: "Người dùng" },
      }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "PATCH /api/v1/users/:id": {
      own: () => ({
        method: "PATCH",
        url: `/api/v1/users/${w.victimId}`,
        payload: { displayName: "Victim" },
      }),
      other: () => ({
        method: "PATCH",
        url: `/api/v1/users/${w.victimId}`,
        payload: { displayName: "Victim" },
      }),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "POST /api/v1/users/:id/roles": {
      own: () => ({
        method: "POST",
        url: `/api/v1/users/${w.victimId}/roles`,
        payload: { role: "steering_member", plan: "NQ57" },
      }),
      other: () => ({
        method: "POST",
        url: `/api/v1/users/${w.victimId}/roles`,
        payload: { role: "steering_member", plan: "OTHER" },
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/users/:id/roles/:grant": {
      own: async () => ({
        method: "DELETE",
        url: `/api/v1/users/${w.victimId}/roles/${await w.grant("NQ57")}`,
      }),
      other: async () => ({
        method: "DELETE",
        url: `/api/v1/users/${w.victimId}/roles/${await w.grant("OTHER")}`,
      }),
      allowOwn: PLAN_ADMINS,
      allowOther: ADMIN,
    },
    "POST /api/v1/users/:id/password-reset": {
      ...onVictim("POST", "/password-reset"),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "GET /api/v1/users/:id/sessions": {
      ...onVictim("GET", "/sessions"),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
    "DELETE /api/v1/users/:id/sessions": {
      ...onVictim("DELETE", "/sessions"),
      allowOwn: ADMIN,
      allowOther: ADMIN,
    },
  };
};
