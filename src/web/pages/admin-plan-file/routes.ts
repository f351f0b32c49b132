/** This administration area's route (pages/admin/routes.ts gathers it): the plan to download is in the URL. */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";
import { code, compact, type Search } from "../../app/search.js";

const mainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/plan-file",
  validateSearch: (s: Search) => compact({ plan: code(s.plan) }),
  component: lazyRouteComponent(() => import("./PlanFilePage.js"), "PlanFilePage"),
});

export const planFileRoutes = [mainRoute] as const;
