/** The public face of the observations module: other modules import only what is here. */

export { importObservations, jsonRows, recoverImports } from "./imports/import.js";
export { commitObservationChanges } from "./values/commit.js";
export { observationRoutes } from "./values/routes.js";
export type { ObservationInput, ObservationRow, Refs } from "./values/service.js";
export { loadRefs } from "./values/service.js";
export { transitionObservations } from "./values/transition-many.js";
