/** The public face of the api-tokens module: other modules import only what is here. */
export { apiTokenRoutes } from "./routes.js";
