/** The public face of the instance module: other modules import only what is here. */
export { instanceRoutes } from "./routes.js";
