/**
 * The web app end to end, in Debian's Chromium against one demo server: every suite shares the
 * server and the browser (starting them is the slow part), each test opens its own pages.
 */
import { afterAll, beforeAll, describe } from "vitest";
import { accountSuite } from "./account-suite.js";
import { adminAuditSuite } from "./admin-audit-suite.js";
import { adminOrgUnitsSuite } from "./admin-org-units-suite.js";
import { adminPlanFileSuite } from "./admin-plan-file-suite.js";
import { adminPlansSuite } from "./admin-plans-suite.js";
import { adminSuite } from "./admin-suite.js";
import { adminTokensSuite } from "./admin-tokens-suite.js";
import { adminUsersSuite } from "./admin-users-suite.js";
import { authSuite } from "./auth-suite.js";
import { dashboardSuite } from "./dashboard-suite.js";
import { drillDownSuite } from "./drill-down-suite.js";
import { entrySuite } from "./entry-suite.js";
import { forcedTotpSuite } from "./forced-totp-suite.js";
import { type E2E, startE2E } from "./harness.js";
import { importSuite } from "./import-suite.js";
import { offlineSuite } from "./offline-suite.js";
import { reviewSuite } from "./review-suite.js";

let e2e: E2E | undefined;
const get = (): E2E => {
  if (!e2e) throw new Error("the E2E server did not start");
  return e2e;
};

describe("web app end to end", () => {
  beforeAll(async () => {
    e2e = await startE2E();
  }, 900_000);
  afterAll(async () => {
    await e2e?.stop();
  });

  describe("signing in", () => authSuite(get));
  describe("the account page", () => accountSuite(get));
  describe("a second factor required of administrators", () => forcedTotpSuite(get));
  describe("the dashboard", () => dashboardSuite(get));
  describe("the drill-downs", () => drillDownSuite(get));
  describe("data entry", () => entrySuite(get));
  describe("data entry offline", () => offlineSuite(get));
  describe("the import wizard", () => importSuite(get));
  describe("the review queue", () => reviewSuite(get));
  describe("administration", () => adminSuite(get));
  describe("people and roles", () => adminUsersSuite(get));
  describe("org-unit administration", () => adminOrgUnitsSuite(get));
  describe("plan administration", () => adminPlansSuite(get));
  describe("the plan-definition file", () => adminPlanFileSuite(get));
  describe("API tokens", () => adminTokensSuite(get));
  describe("the audit trail", () => adminAuditSuite(get));
});
