export * from "./audit.js";
export * from "./identity.js";
export * from "./indicators.js";
export * from "./meta.js";
export * from "./observations.js";
export * from "./org-units.js";
export * from "./plans.js";
export * from "./unit-profiles.js";
