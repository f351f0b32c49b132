/** The public face of the access module: other modules import only what is here. */
export type { Action, ActionSubjects } from "./authorize.js";
export { allows, authorize } from "./authorize.js";
export { indicatorCan, orgUnitCan, planCan, sessionCan, unitProfileCan, userCan, valueCan } from "./can.js";
export type { IndicatorContext } from "./policies/indicators.js";
export { canReadUnpublishedIndicators } from "./policies/indicators.js";
export type { CellContext, UnitEntrySubject, ValueContext } from "./policies/observations.js";
export { canReadValue, readableValues, reviewableValues } from "./policies/observations.js";
export type { DataGapScope } from "./policies/quality.js";
export { dataGapScope } from "./policies/quality.js";
export { canReadRollup, reviewsIndicator } from "./policies/rollups.js";
export { secondFactorRequired } from "./policies/second-factor.js";
export type { GrantRefusal } from "./policies/users.js";
export { grantRefusal, grantRefusals } from "./policies/users.js";
export type { Principal, Role, RoleGrant, TokenPrincipal, UserPrincipal } from "./roles.js";
export { anonymous, roleScope, roles } from "./roles.js";
