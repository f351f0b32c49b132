/**
 * The administration routes (issue 15): the index here, each area's own in its folder, all
 * loaded on demand like every page.
 */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";
import { auditRoutes } from "../admin-audit/routes.js";
import { orgUnitAdminRoutes } from "../admin-org-units/routes.js";
import { planFileRoutes } from "../admin-plan-file/routes.js";
import { planAdminRoutes } from "../admin-plans/routes.js";
import { tokenRoutes } from "../admin-tokens/routes.js";
import { userRoutes } from "../admin-users/routes.js";

const adminIndexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin",
  component: lazyRouteComponent(() => import("./AdminPage.js"), "AdminPage"),
});

export const adminRoutes = [
  adminIndexRoute,
  ...userRoutes,
  ...orgUnitAdminRoutes,
  ...planAdminRoutes,
  ...planFileRoutes,
  ...tokenRoutes,
  ...auditRoutes,
] as const;
