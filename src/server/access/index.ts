/** The public face of the access module: other modules import only what is here. */
export { canManageApiTokens } from "./policies/api-tokens.js";
export { canReadAudit } from "./policies/audit.js";
export { canReadIndicator, canReadUnpublishedIndicators } from "./policies/indicators.js";
export type { ValueContext } from "./policies/observations.js";
export {
  canFillUnitTemplate,
  canReadValue,
  canReviewValue,
  canSubmitValue,
  canWriteValue,
  readableValues,
  tokenMayReadBeyondOwnValues,
} from "./policies/observations.js";
export { canAdministerOrgUnits } from "./policies/org-units.js";
export { canAdministerPlan, canCreatePlan } from "./policies/plans.js";
export { canReadRollup, mayReadReportedLayer, reviewsIndicator } from "./policies/rollups.js";
export { canEditUnitProfile, canReadUnitProfile } from "./policies/unit-profiles.js";
export { canGrantRole, canManageUsers, canSeeUsers } from "./policies/users.js";
export type { Principal, Role, RoleGrant, TokenPrincipal, UserPrincipal } from "./roles.js";
export { anonymous, readsWholePlan, roleScope, roles, unitsWith } from "./roles.js";
