/** A second factor (TOTP): with REQUIRE_TOTP_FOR_ADMINS, administrators must hold one, and may not turn it off. */
import { isAdmin, type Principal } from "../roles.js";

export function secondFactorRequired(p: Principal, requireForAdmins: boolean): boolean {
  return requireForAdmins && isAdmin(p);
}

/** Turning one's second factor off: anyone, unless it is required of them. */
export function canDisableSecondFactor(p: Principal, requireForAdmins: boolean): boolean {
  return p.kind === "user" && !secondFactorRequired(p, requireForAdmins);
}
