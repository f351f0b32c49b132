/** This administration area's routes (pages/admin/routes.ts gathers them). */
import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute } from "../../app/root-route.js";

const mainRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/admin/tokens",
  component: lazyRouteComponent(() => import("./TokensPage.js"), "TokensPage"),
});

export const tokenRoutes = [mainRoute] as const;
