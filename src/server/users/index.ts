/** The public face of the users module: other modules import only what is here. */
export { createUser } from "./commands/create-user.js";
export { grantRole } from "./commands/roles.js";
export { demoAccounts, ensureDemoAccounts } from "./demo-accounts.js";
export { userRoutes } from "./routes.js";
