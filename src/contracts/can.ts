/**
 * The `can` flags the API presents with a resource: what the caller may do with it now. The web
 * app shows or hides an action by its flag and never re-implements a permission rule; the server
 * computes each flag with the same policy function (and state rule) that the command itself uses,
 * so a flag is true exactly when the request would succeed (test/access/can-flags.test.ts).
 */
import { z } from "zod";

const flag = (what: string) => z.boolean().describe(what);

/** On GET /session: what the signed-in user may do beyond a single resource. */
export const sessionCan = z
  .object({
    createPlan: flag("POST /plans with a new plan code"),
    administerPlans: flag(
      "changing some plan's systems, initiatives, indicators and targets (each plan's own `can.administer` says which)",
    ),
    manageUsers: flag("POST /users, and changing accounts"),
    readUsers: flag("GET /users"),
    administerOrgUnits: flag("POST /org-units, and changing or retiring org units"),
    readAudit: flag("GET /audit"),
    verifyAudit: flag("GET /audit/verify"),
    manageApiTokens: flag("POST /api-tokens, GET /api-tokens"),
    importValues: flag("POST /observations/import and /observations/bulk (rows of cells your unit reports)"),
    readReportedValues: flag("dashboards with basis=reported (submitted values not yet approved)"),
    reviewValues: flag(
      "approving, returning and revising values of some plan or system (GET /observations?reviewable=true lists them)",
    ),
  })
  .describe("What you may do, instance-wide.");

/** On a value (GET /observations/:id, the list, and every write's answer), for its current version. */
export const valueCan = z
  .object({
    write: flag("PUT /observations with a changed value for this cell"),
    submit: flag("POST /observations/:id/submit"),
    recall: flag("POST /observations/:id/recall"),
    approve: flag("POST /observations/:id/approve"),
    return: flag("POST /observations/:id/return"),
    revise: flag("POST /observations/:id/revise"),
    delete: flag("DELETE /observations/:id"),
  })
  .describe("What you may do with this value now (its current version and state).");

export const indicatorCan = z
  .object({
    edit: flag("PATCH /indicators/:code"),
    retire: flag("DELETE /indicators/:code"),
    setTarget: flag("PUT /plans/:plan/indicators/:code/targets for at least one plan tracking it"),
  })
  .describe("What you may do with this indicator.");

export const orgUnitCan = z
  .object({
    edit: flag("PATCH /org-units/:code"),
    retire: flag("DELETE /org-units/:code"),
  })
  .describe("What you may do with this org unit.");

export const planCan = z
  .object({
    administer: flag("change its systems, initiatives, indicators and targets"),
    retire: flag("DELETE /plans/:code"),
  })
  .describe("What you may do with this plan.");

export const userCan = z
  .object({
    edit: flag("PATCH /users/:id (name, e-mail, unit), password links and sessions"),
    grant: flag("POST /users/:id/roles for at least one role you may grant"),
    disable: flag("PATCH /users/:id with status disabled"),
  })
  .describe("What you may do with this account.");

export const unitProfileCan = z
  .object({ edit: flag("PUT /org-units/:code/profile, and its focal persons") })
  .describe("What you may do with this unit's profile.");

export type SessionCan = z.output<typeof sessionCan>;
export type ValueCan = z.output<typeof valueCan>;
export type IndicatorCan = z.output<typeof indicatorCan>;
export type OrgUnitCan = z.output<typeof orgUnitCan>;
export type PlanCan = z.output<typeof planCan>;
export type UserCan = z.output<typeof userCan>;
export type UnitProfileCan = z.output<typeof unitProfileCan>;
