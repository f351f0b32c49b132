/** The public face of the health module: other modules import only what is here. */
export { healthRoutes } from "./routes.js";
