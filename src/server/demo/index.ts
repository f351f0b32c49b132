/** The public face of the demo module: other modules import only what is here. */
export { publishDemoIndicators } from "./publish.js";
export { ensureDemoValues } from "./values.js";
