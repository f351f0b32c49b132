/** The public face of the quality module: other modules import only what is here. */
export { qualityRoutes } from "./routes.js";
export { flaggedValue } from "./schema.js";
export { dataQuality, qualityView } from "./service.js";
