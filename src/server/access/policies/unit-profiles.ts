/**
 * A unit's profile and focal persons (the first unit-owned resource). Contact details of people
 * are not public: they are read by those working on the plan and by the unit's own roles (and
 * the provincial committee above it); only the unit's approver (or an administrator) changes them.
 */
import { type Principal, type Role, unitRoles } from "../roles.js";

const planWideReaders = new Set<Role>([
  "system_admin",
  "standing_office",
  "steering_member",
  "advisory_council",
  "chief_engineer",
  "chief_architect",
]);

export function canReadUnitProfile(p: Principal, unitId: string): boolean {
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) => planWideReaders.has(g.role) || (unitRoles.has(g.role) && g.unitIds.has(unitId)),
  );
}

export function canEditUnitProfile(p: Principal, unitId: string): boolean {
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) => g.role === "system_admin" || (g.role === "unit_approver" && g.unitIds.has(unitId)),
  );
}
