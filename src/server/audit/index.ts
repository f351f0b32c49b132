/** The public face of the audit module: other modules import only what is here. */
export { auditAnchorPlugin } from "./anchor-plugin.js";
export { auditRoutes } from "./routes.js";
export type { AuditHead } from "./service.js";
export { AuditAnchor, chainHead, verifyChain } from "./service.js";
