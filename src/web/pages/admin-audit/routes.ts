/** This administration area's routes (pages/admin/routes.ts gathers them). */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";

const mainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/audit",
  component: lazyRouteComponent(() => import("./AuditPage.js"), "AuditPage"),
});

export const auditRoutes = [mainRoute] as const;
