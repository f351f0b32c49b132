/** The public face of the indicators module: other modules import only what is here. */
export { loadIndicatorContext } from "./access-context.js";
export { indicatorPatch, retireIndicator, setTarget, updateIndicator } from "./admin-service.js";
export { presentIndicator } from "./presenter.js";
export * as indicatorQueries from "./queries.js";
export { milestoneIndicatorSql } from "./queries.js";
export { indicatorRoutes } from "./routes.js";
export * as indicatorSchemas from "./schema.js";
export { writeTarget } from "./targets.js";
export type { Snapshot } from "./versioning.js";
export { diffSnapshots, invalidateDefinitionHash, recordVersion, rowSnapshot } from "./versioning.js";
