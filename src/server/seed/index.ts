/** The public face of the seed module: other modules import only what is here. */
export { markDemo, seed } from "./seed.js";
