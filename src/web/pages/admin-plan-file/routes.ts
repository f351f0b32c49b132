/** This administration area's routes (pages/admin/routes.ts gathers them). */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";

const mainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/plan-file",
  component: lazyRouteComponent(() => import("./PlanFilePage.js"), "PlanFilePage"),
});

export const planFileRoutes = [mainRoute] as const;
