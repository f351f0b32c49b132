/** The units a user's grants let them write values for: reporter and approver grants, their own unit first. */
export interface GrantLike {
  role: string;
  unit: string | null;
}

const WRITER_ROLES = new Set(["unit_reporter", "unit_approver"]);

export function grantedUnits(user: { unit: string | null; roles: readonly GrantLike[] }): string[] {
  const granted = user.roles.flatMap((r) => (WRITER_ROLES.has(r.role) && r.unit ? [r.unit] : []));
  const own = user.unit && granted.includes(user.unit) ? [user.unit] : [];
  return [...new Set([...own, ...granted])];
}
