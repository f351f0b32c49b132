/** The public face of the unit-profiles module: other modules import only what is here. */
export { unitProfileRoutes } from "./routes.js";
