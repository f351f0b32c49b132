/** The audit trail is read by administrators and the Standing Office; nobody writes to it directly. */
import { hasRole, type Principal } from "../roles.js";

export function canReadAudit(p: Principal): boolean {
  return hasRole(p, "system_admin", "standing_office");
}

/** Walking the whole chain (GET /audit/verify) is the operator's check, and costs a full read. */
export function canVerifyAudit(p: Principal): boolean {
  return hasRole(p, "system_admin");
}
