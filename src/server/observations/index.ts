/** The public face of the observations module: other modules import only what is here. */

export { recoverImports } from "./imports/recover.js";
export { importObservations, jsonRows } from "./imports/run-import.js";
export { observationRoutes } from "./routes.js";
export { approveSubmittedValues, type PlainCell } from "./values/commands/approve-values.js";
export { commitObservationChanges } from "./values/commit.js";
export type { ObservationInput, ObservationRow, Refs } from "./values/model.js";
export { loadRefs } from "./values/queries.js";
export { transitionObservations } from "./values/transition-many.js";
