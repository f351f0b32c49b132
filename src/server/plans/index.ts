/** The public face of the plans module: other modules import only what is here. */
export { planAdminRoutes } from "./admin-routes.js";
export type { ImportSummary } from "./import-plan.js";
export { importPlanDefinition } from "./import-plan.js";
export { planIndicatorRoutes } from "./indicator-list-routes.js";
export { getPlanByCode, planByCode } from "./queries.js";
export { planRoutes } from "./routes.js";
