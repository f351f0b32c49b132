/** Access-matrix cases for the routes of src/server/quality. */
import { type Case, type Cases, SIGNED_IN } from "../matrix/case.js";
import type { MatrixWorld } from "../matrix/fixtures.js";

/** Who may read a plan's data gaps: the rule of data quality, and of every answer that includes them. */
export const dataGapReaders: Pick<Case, "allowOwn" | "allowOther"> = {
  allowOwn: SIGNED_IN.filter((p) => p !== "demo-proposer" && p !== "demo-architect"),
  allowOther: [
    "demo-admin",
    "demo-reporter-hanoi",
    "demo-approver-hanoi",
    "demo-reporter-hcm",
    "demo-reporter-most",
    "demo-province-committee-hanoi",
  ],
};

export const qualityCases = (_w: MatrixWorld): Cases => ({
  "GET /api/v1/plans/:code/data-quality": {
    own: () => ({ method: "GET", url: "/api/v1/plans/NQ57/data-quality?period=2026-10" }),
    other: () => ({ method: "GET", url: "/api/v1/plans/OTHER/data-quality?period=2026-10" }),
    ...dataGapReaders,
  },
  "GET /api/v1/plans/:code/data-quality/flagged": {
    own: () => ({ method: "GET", url: "/api/v1/plans/NQ57/data-quality/flagged?period=2026-10" }),
    other: () => ({ method: "GET", url: "/api/v1/plans/OTHER/data-quality/flagged?period=2026-10" }),
    ...dataGapReaders,
  },
  "GET /api/v1/plans/:code/data-quality/units": {
    own: () => ({ method: "GET", url: "/api/v1/plans/NQ57/data-quality/units?period=2026-10" }),
    other: () => ({ method: "GET", url: "/api/v1/plans/OTHER/data-quality/units?period=2026-10" }),
    ...dataGapReaders,
  },
});
