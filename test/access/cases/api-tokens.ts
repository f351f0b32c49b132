/** Access-matrix cases for the routes of src/server/api-tokens. */
import { ADMIN, type Cases, same } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const apiTokensCases = (w: MatrixWorld): Cases => ({
  "POST /api/v1/api-tokens": {
    ...same({
      method: "POST",
      url: "/api/v1/api-tokens",
      payload: { name: "t", unit: "HA-NOI", indicators: ["T30-A02"], actions: ["indicators:read"] },
    }),
    allowOwn: ADMIN,
    allowOther: ADMIN,
  },
  "GET /api/v1/api-tokens": {
    ...same({ method: "GET", url: "/api/v1/api-tokens" }),
    allowOwn: ADMIN,
    allowOther: ADMIN,
  },
  "DELETE /api/v1/api-tokens/:id": {
    own: async () => ({ method: "DELETE", url: `/api/v1/api-tokens/${await w.throwawayToken()}` }),
    other: async () => ({ method: "DELETE", url: `/api/v1/api-tokens/${await w.throwawayToken()}` }),
    allowOwn: ADMIN,
    allowOther: ADMIN,
  },
  // Only API tokens use this route: every person is refused.
  "GET /api/v1/api-tokens/current": {
    ...same({ method: "GET", url: "/api/v1/api-tokens/current" }),
    allowOwn: [],
    allowOther: [],
  },
});
