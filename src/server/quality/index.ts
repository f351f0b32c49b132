/** The public face of the quality module: other modules import only what is here. */
export { qualityRoutes } from "./routes.js";
