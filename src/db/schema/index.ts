export * from "./indicators.js";
export * from "./meta.js";
export * from "./org-units.js";
export * from "./plans.js";
