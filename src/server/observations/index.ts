/** The public face of the observations module: other modules import only what is here. */
export { commitObservationChanges } from "./commit.js";
export { importObservations, jsonRows, recoverImports } from "./import.js";
export { observationRoutes } from "./routes.js";
export type { ObservationInput, ObservationRow, Refs } from "./service.js";
export { loadRefs } from "./service.js";
export { transitionObservations } from "./transition-many.js";
