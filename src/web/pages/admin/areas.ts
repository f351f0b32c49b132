/**
 * The administration areas and the session flag that opens each (the server's own `can`, never a
 * rule of the page's): the index page and every area's sub-navigation list the same ones.
 */
import type { Session } from "../../api/session.js";

type Can = Session["can"];

export const adminAreas = [
  { key: "users", to: "/admin/users", open: (c: Can) => c.readUsers },
  { key: "orgUnits", to: "/admin/org-units", open: (c: Can) => c.administerOrgUnits },
  { key: "plans", to: "/admin/plans", open: (c: Can) => c.administerPlans || c.createPlan },
  { key: "tokens", to: "/admin/tokens", open: (c: Can) => c.manageApiTokens },
  { key: "audit", to: "/admin/audit", open: (c: Can) => c.readAudit },
] as const;

export type AdminArea = (typeof adminAreas)[number]["key"];

/** Whether the signed-in user opens any area (the header's link to /admin). */
export function opensAdmin(can: Can | undefined): boolean {
  return !!can && adminAreas.some((a) => a.open(can));
}
