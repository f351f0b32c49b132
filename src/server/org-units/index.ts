/** The public face of the org-units module: other modules import only what is here. */

export { unitCodeById, unitCodesById, unitIdByCode, unitIdsByCode } from "./lookups.js";
export { getOrgUnitByCode } from "./queries.js";
export { orgUnitRoutes } from "./routes.js";
export { orgUnitPatch } from "./schema.js";
export { createOrgUnit, importOrgUnits, retireOrgUnit, updateOrgUnit } from "./service.js";
