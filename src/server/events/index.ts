/** The public face of the events module: other modules import only what is here. */
export { EventHub } from "./hub.js";
export type { ChangedValue } from "./record.js";
export { recordObservationChanges } from "./record.js";
export { eventRoutes } from "./routes.js";
