/** The public face of the dashboards module: other modules import only what is here. */
export { dashboardRoutes } from "./routes.js";
export { currentMonth } from "./service.js";
