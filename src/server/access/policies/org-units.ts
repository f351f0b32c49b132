/** Org units: public to read; created, changed and retired by administrators and the Standing Office. */
import { hasRole, type Principal } from "../roles.js";

export function canAdministerOrgUnits(p: Principal): boolean {
  return hasRole(p, "system_admin", "standing_office");
}
