/** API tokens are issued and revoked by administrators, for a unit. */
import { isAdmin, type Principal } from "../roles.js";

export function canManageApiTokens(p: Principal): boolean {
  return isAdmin(p);
}
