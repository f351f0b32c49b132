/**
 * The plan administration routes (pages/admin/routes.ts gathers them): the plans, a plan's
 * outline (whether retired items show lives in the URL), and one indicator with its tab.
 */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";
import { compact, oneOf, type Search } from "../../app/search.js";
import { INDICATOR_TABS } from "./indicator-tabs.js";

const plansRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/plans",
  component: lazyRouteComponent(() => import("./PlansPage.js"), "PlansPage"),
});

const outlineRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/plans/$plan",
  validateSearch: (s: Search) => compact({ show: oneOf(["all"] as const, s.show) }),
  component: lazyRouteComponent(() => import("./OutlinePage.js"), "OutlinePage"),
});

const indicatorRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/plans/$plan/indicators/$code",
  validateSearch: (s: Search) => compact({ tab: oneOf(INDICATOR_TABS, s.tab) }),
  component: lazyRouteComponent(() => import("./IndicatorAdminPage.js"), "IndicatorAdminPage"),
});

export const planAdminRoutes = [plansRoute, outlineRoute, indicatorRoute] as const;
