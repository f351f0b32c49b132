/** The public face of the users module: other modules import only what is here. */
export { demoAccounts, ensureDemoAccounts } from "./demo-accounts.js";
export { userRoutes } from "./routes.js";
