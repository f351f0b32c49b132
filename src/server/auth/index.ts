/** The public face of the auth module: other modules import only what is here. */
export { oidcEnabled } from "./oidc.js";
export { hashPassword } from "./passwords.js";
export { presentGrants, unitCode } from "./presenter.js";
export { TOKEN_PREFIX } from "./principal.js";
export { routeAccess } from "./route-access.js";
export { authRoutes } from "./routes.js";
export { grantSchema } from "./schema.js";
export { enforcePolicy, issueOneTimeToken, userCount, usernamePattern } from "./service.js";
export { listUserSessions, revokeUserSessions } from "./sessions.js";
export { randomToken, sha256 } from "./tokens.js";
