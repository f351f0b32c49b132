/** Access-matrix cases for the routes of src/server/events. */
import { ALL, type Cases, same } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

export const eventsCases = (_w: MatrixWorld): Cases => ({
  "GET /api/v1/events": {
    ...same({ method: "GET", url: "/api/v1/events" }),
    allowOwn: ALL,
    allowOther: ALL,
    public: true,
    streamTestedElsewhere: true,
  },
});
