/**
 * Roles of plan section V and their scopes. A user may hold several roles, each scoped to a plan,
 * a system, a project or a unit subtree. docs/access.md tabulates what each role may read and do.
 */
export const roles = [
  "system_admin",
  "standing_office",
  "steering_member",
  "chief_engineer",
  "chief_architect",
  "unit_reporter",
  "unit_approver",
  "provincial_committee",
  "advisory_council",
  "proposer",
] as const;
export type Role = (typeof roles)[number];

/** Roles held for a unit (and the units below it): its people, who act for its own values and profile. */
export const unitRoles: ReadonlySet<Role> = new Set<Role>([
  "unit_reporter",
  "unit_approver",
  "provincial_committee",
]);

/** The unit roles that write their unit's values: reporters enter them, approvers also submit and recall. */
export const valueWriterRoles: ReadonlySet<Role> = new Set<Role>(["unit_reporter", "unit_approver"]);

/** Plan-scoped roles that read everything of their plan that is submitted (never other units' drafts). */
export const planReaderRoles: ReadonlySet<Role> = new Set<Role>([
  "standing_office",
  "steering_member",
  "advisory_council",
]);

export type ScopeKind = "global" | "plan" | "system" | "project" | "unit";

/** Which scope each role is granted on. */
export const roleScope: Record<Role, ScopeKind> = {
  system_admin: "global",
  standing_office: "plan",
  steering_member: "plan",
  chief_engineer: "system",
  chief_architect: "project",
  unit_reporter: "unit",
  unit_approver: "unit",
  provincial_committee: "unit",
  advisory_council: "plan",
  proposer: "unit",
};

export const roleNames: Record<Role, { vi: string; en: string }> = {
  system_admin: { vi: "Quản trị hệ thống", en: "System administrator" },
  standing_office: { vi: "Cơ quan Thường trực", en: "Standing Office" },
  steering_member: { vi: "Thành viên Ban Chỉ đạo", en: "Steering Committee member" },
  chief_engineer: { vi: "Tổng công trình sư", en: "Chief Engineer" },
  chief_architect: { vi: "Kiến trúc sư trưởng", en: "Chief Architect" },
  unit_reporter: { vi: "Cán bộ báo cáo của đơn vị", en: "Unit reporter" },
  unit_approver: { vi: "Lãnh đạo duyệt báo cáo của đơn vị", en: "Unit approver" },
  provincial_committee: { vi: "Ban Chỉ đạo cấp tỉnh", en: "Provincial steering committee" },
  advisory_council: { vi: "Thành viên Hội đồng Tư vấn", en: "Advisory Council member" },
  proposer: { vi: "Tổ chức đề xuất sáng kiến", en: "Initiative proposer" },
};

export interface RoleGrant {
  id: string;
  role: Role;
  planId: string | null;
  systemId: string | null;
  projectId: string | null;
  unitId: string | null;
  /** For unit scopes: the unit and every unit below it (and former units that merged into them). */
  unitIds: ReadonlySet<string>;
}

export interface UserPrincipal {
  kind: "user";
  userId: string;
  username: string;
  displayName: string;
  unitId: string | null;
  grants: RoleGrant[];
  sessionId: string | null;
  csrfToken: string | null;
  totpEnabled: boolean;
  /** An administrator who must enrol a second factor before anything else (REQUIRE_TOTP_FOR_ADMINS). */
  mustEnrolTotp: boolean;
}

export interface TokenPrincipal {
  kind: "token";
  tokenId: string;
  name: string;
  unitId: string;
  unitIds: ReadonlySet<string>;
  indicators: ReadonlySet<string> | "*";
  actions: ReadonlySet<string>;
}

export interface AnonymousPrincipal {
  kind: "anonymous";
}

export type Principal = UserPrincipal | TokenPrincipal | AnonymousPrincipal;

export const anonymous: AnonymousPrincipal = { kind: "anonymous" };

export function hasRole(p: Principal, ...wanted: Role[]): boolean {
  return p.kind === "user" && p.grants.some((g) => wanted.includes(g.role));
}

export function isAdmin(p: Principal): boolean {
  return hasRole(p, "system_admin");
}

/** Roles that read everything of a plan that is submitted (never other units' drafts). */
export function readsWholePlan(p: Principal, planId?: string): boolean {
  if (p.kind !== "user") return false;
  return p.grants.some(
    (g) => g.role === "system_admin" || (planReaderRoles.has(g.role) && (!planId || g.planId === planId)),
  );
}

/** Units a user holds one of the `wanted` roles for (each grant's unit and the units below it). */
export function unitsWith(p: Principal, wanted: ReadonlySet<Role>): Set<string> {
  const out = new Set<string>();
  if (p.kind === "user")
    for (const g of p.grants) if (wanted.has(g.role)) for (const u of g.unitIds) out.add(u);
  return out;
}

/** The units a principal acts for as their own: a unit role's units, or a token's unit. */
export function ownUnits(p: Principal): Set<string> {
  return p.kind === "token" ? new Set(p.unitIds) : unitsWith(p, unitRoles);
}

/**
 * A system administrator acting in-process (benchmarks, tests, maintenance jobs) — never the
 * principal of a request, which always comes from a session or a token.
 */
export function internalAdministrator(username = "system"): UserPrincipal {
  return {
    kind: "user",
    userId: "00000000-0000-0000-0000-000000000000",
    username,
    displayName: username,
    unitId: null,
    grants: [
      {
        id: "internal",
        role: "system_admin",
        planId: null,
        systemId: null,
        projectId: null,
        unitId: null,
        unitIds: new Set(),
      },
    ],
    sessionId: null,
    csrfToken: null,
    totpEnabled: false,
    mustEnrolTotp: false,
  };
}
