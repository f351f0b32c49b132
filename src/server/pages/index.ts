/** The public face of the pages module: other modules import only what is here. */
export { pageRoutes } from "./routes.js";
